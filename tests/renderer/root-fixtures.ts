/** Fixtures for the renderer tests that drive the whole interface: a signed-in session and a civil case. */
import type { Case, Role, SessionInfo } from '../../main/contract/index.ts';

/** The id of civilCase. */
export const civilCaseId = '11111111-1111-4111-8111-111111111111';

/** A civil case with one piece of evidence, created by judge1. */
export const civilCase: Case = {
  id: civilCaseId,
  number: '2-77/2026',
  venue: 'Astana Court No. 2',
  caseType: 'civil',
  parties: 'A v. B',
  createdAt: '2026-01-02T10:00:00.000Z',
  createdBy: 'judge1',
  evidenceCount: 1,
};

/** The session of `${role}1` ("The role"), locked or not. */
export function sessionFor(role: Role, locked = false): SessionInfo {
  return {
    user: { id: '33333333-3333-4333-8333-333333333333', username: `${role}1`, displayName: `The ${role}`, role, disabled: false, createdAt: '2026-01-01T00:00:00.000Z' },
    locked,
    idleLockMs: 600_000,
  };
}
