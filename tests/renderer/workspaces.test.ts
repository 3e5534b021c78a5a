import { describe, expect, it } from 'vitest';
import { roles } from '../../main/contract.ts';
import { mayUse } from '../../renderer/src/api/access.ts';
import { workspacesFor } from '../../renderer/src/shell/workspaces.ts';

describe('role-aware navigation', () => {
  it('shows each role its own workspace and nothing else', () => {
    expect(workspacesFor('expert')).toEqual(['expert']);
    expect(workspacesFor('judge')).toEqual(['judge']);
    expect(workspacesFor('clerk')).toEqual(['clerk']);
    expect(workspacesFor('administrator')).toEqual(['users']);
  });

  it('reads the actions a role may take from the contract', () => {
    expect(roles.filter((r) => mayUse(r, 'evidence.add'))).toEqual(['expert']);
    expect(roles.filter((r) => mayUse(r, 'cases.create'))).toEqual(['expert', 'judge']);
    expect(roles.filter((r) => mayUse(r, 'cases.list'))).toEqual(['expert', 'judge', 'clerk']);
    expect(roles.filter((r) => mayUse(r, 'users.add'))).toEqual(['administrator']);
    expect(mayUse('clerk', 'auth.status')).toBe(true);
  });
});
