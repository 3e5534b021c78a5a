import { describe, expect, it } from 'vitest';
import { roles } from '../../main/contract/index.ts';
import { mayUse } from '../../renderer/src/api/access.ts';
import { auditSectionsFor } from '../../renderer/src/audit/audit-sections.ts';
import { workspacesFor } from '../../renderer/src/shell/workspaces.ts';

describe('role-aware navigation', () => {
  it('shows each role its own workspace and nothing else', () => {
    expect(workspacesFor('expert')).toEqual(['expert']);
    expect(workspacesFor('judge')).toEqual(['judge']);
    expect(workspacesFor('clerk')).toEqual(['clerk']);
    expect(workspacesFor('administrator')).toEqual(['users', 'audit', 'models', 'settings']);
  });

  it('gives clerks the case list beside the audit screens, and administrators the audit screens alone', () => {
    expect(auditSectionsFor('clerk', true)).toEqual(['cases', 'corpusReview', 'key', 'trail', 'checkpoints', 'verify']);
    expect(auditSectionsFor('administrator', false)).toEqual(['key', 'trail', 'checkpoints', 'verify', 'retention']);
    // Administrators may not list cases, so even a workspace built around cases shows them none.
    expect(auditSectionsFor('administrator', true)).toEqual(['key', 'trail', 'checkpoints', 'verify', 'retention']);
    expect(auditSectionsFor('expert', true)).toEqual(['cases']);
  });

  it('reads the actions a role may take from the contract', () => {
    expect(roles.filter((r) => mayUse(r, 'evidence.add'))).toEqual(['expert']);
    expect(roles.filter((r) => mayUse(r, 'cases.create'))).toEqual(['expert', 'judge']);
    expect(roles.filter((r) => mayUse(r, 'cases.list'))).toEqual(['expert', 'judge', 'clerk']);
    expect(roles.filter((r) => mayUse(r, 'users.add'))).toEqual(['administrator']);
    expect(mayUse('clerk', 'auth.status')).toBe(true);
    expect(roles.filter((r) => mayUse(r, 'audit.export'))).toEqual(['clerk', 'administrator']);
    expect(roles.filter((r) => mayUse(r, 'audit.rotateKey'))).toEqual(['administrator']);
    expect(roles.filter((r) => mayUse(r, 'audit.status'))).toEqual([...roles]);
  });
});
