import type { RequestOf } from '../../../main/contract/index.ts';
import { localInputToIso } from '../common/local-time.ts';

/** The trail filter as the form holds it: a case id, an actor's user name, an action prefix, local times. */
export interface TrailFilter {
  readonly caseId: string;
  readonly actor: string;
  readonly action: string;
  /** `<input type="datetime-local">` values, '' when open-ended. */
  readonly from: string;
  readonly to: string;
}

/** A filter that lets every entry through. */
export const emptyTrailFilter: TrailFilter = { caseId: '', actor: '', action: '', from: '', to: '' };

/** The `audit.entries` request for a filter (without paging): empty fields are left out. */
export type TrailQuery = Omit<RequestOf<'audit.entries'>, 'afterSeq' | 'limit'>;

/** The request for a filter; the upper time bound includes its whole minute. */
export function trailQueryOf(filter: TrailFilter): TrailQuery {
  const from = localInputToIso(filter.from);
  const to = localInputToIso(filter.to, true);
  return {
    ...(filter.caseId ? { caseId: filter.caseId } : {}),
    ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
    ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** True when the time range is backwards (both bounds given, the start after the end). */
export function rangeIsBackwards(from: string, to: string): boolean {
  const start = localInputToIso(from);
  const end = localInputToIso(to, true);
  return start !== null && end !== null && start > end;
}
