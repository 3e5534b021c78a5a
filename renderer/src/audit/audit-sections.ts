import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';

/**
 * The screens of an audit workspace: the clerk's case list, the verdict corpus's review queue, the signing key, the
 * trail, checkpoints, verification, retention.
 */
export const auditSectionIds = ['cases', 'corpusReview', 'key', 'trail', 'checkpoints', 'verify', 'retention'] as const;
/** One screen of an audit workspace. */
export type AuditSectionId = (typeof auditSectionIds)[number];

/**
 * The sections a role sees, in tab order: the case list only where the workspace is built around it (the clerk's) and
 * the role may list cases; the corpus review queue there too where the role may review (administrators have it in
 * the models workspace); retention for administrators; the other audit screens where the role may read the trail.
 */
export function auditSectionsFor(role: Role, withCases: boolean): readonly AuditSectionId[] {
  return auditSectionIds.filter((id) =>
    id === 'cases'
      ? withCases && mayUse(role, 'cases.list')
      : id === 'retention'
        ? mayUse(role, 'audit.retention')
        : id === 'corpusReview'
          ? withCases && mayUse(role, 'cases.list') && mayUse(role, 'corpus.review')
          : mayUse(role, 'audit.entries'),
  );
}
