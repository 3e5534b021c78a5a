/**
 * The case-level review state machine, draft → in-review → verified → signed, as a pure transition table with its
 * guards. The service reads a snapshot of the case, asks `planTransition` what may happen, and writes the plan; nothing
 * here touches the database, so every illegal move can be tested by enumeration.
 *
 * Decisions (documented here because the interface relies on them):
 * - Every move is an explicit action of an expert: deciding findings never moves the case. Submitting needs every
 *   finding decided, so what a technical reviewer receives is complete.
 * - Whether a second expert's technical review is required before signing is the laboratory's setting
 *   (`technicalReviewRequired`, on by default as ISO/IEC 17025 practice expects), or asked for one case. When it is
 *   required, verify is that review: done by an expert who neither decided the findings nor submitted the case, and
 *   signed with the meaning 'technical-review'; sign then refuses a case without a current technical review, so one
 *   expert can never verify and sign alone.
 * - Findings can be decided only in draft or in-review; in verified or signed the case must be reopened first (with a
 *   reason), so a signed record never changes under its signatures.
 * - Reopening keeps every signature on record; those made before the reopen are marked no longer current.
 * - A finding is decided when its latest review is accept or reject, or when it is the expert's own work (an
 *   amendment, origin 'model-edited', or a manual measurement): creating it was the decision.
 */
import { caseReviewStates, signatureMeanings } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';

/** A case's review state. */
export type CaseReviewState = (typeof caseReviewStates)[number];
/** What a signature means. */
export type SignatureMeaning = (typeof signatureMeanings)[number];
/** The actions that move a case's review. */
export const reviewActions = ['submit', 'require-technical-review', 'verify', 'sign', 'reopen'] as const;
/** An action on a case's review. */
export type ReviewAction = (typeof reviewActions)[number];

/** Where each action may start, and where it leads (null: the state stays, only a flag changes). */
export const transitionTable: Readonly<Record<ReviewAction, { readonly from: readonly CaseReviewState[]; readonly to: CaseReviewState | null }>> = {
  submit: { from: ['draft'], to: 'in-review' },
  'require-technical-review': { from: ['draft', 'in-review'], to: null },
  verify: { from: ['in-review'], to: 'verified' },
  sign: { from: ['verified'], to: 'signed' },
  reopen: { from: ['verified', 'signed'], to: 'in-review' },
};

/** States in which findings may be added or decided. */
export const editableStates: readonly CaseReviewState[] = ['draft', 'in-review'];

/** Meanings an expert may sign a verified case with (a technical review is signed by the verify step instead). */
export const signMeanings: readonly SignatureMeaning[] = ['reviewed', 'approved'];

/** What the guards need to know about a case. */
export interface ReviewSnapshot {
  readonly state: CaseReviewState;
  readonly technicalReviewRequired: boolean;
  /** Findings in force (amended originals excluded). */
  readonly findingsTotal: number;
  readonly findingsDecided: number;
  /** Users whose work the technical review checks: who decided each finding in force, and who submitted the case. */
  readonly firstReviewers: readonly string[];
  /** Who signed the technical review since the case was last reopened, or null when none is on record. */
  readonly technicalReviewer: string | null;
}

/** An action as asked for. */
export interface TransitionRequest {
  readonly action: ReviewAction;
  readonly actorId: string;
  readonly meaning?: SignatureMeaning | undefined;
  readonly reason?: string | undefined;
}

/** What the service must write for an allowed action. */
export interface TransitionPlan {
  readonly action: ReviewAction;
  readonly from: CaseReviewState;
  readonly to: CaseReviewState;
  /** A signature to record with this meaning, or null. */
  readonly signature: SignatureMeaning | null;
  /** The actor must have re-entered their password recently (signatures). */
  readonly needsReauth: boolean;
  readonly reason: string | null;
}

function conflict(message: string, params: Record<string, string | number>): DalelError {
  return new DalelError('CONFLICT', message, params);
}

function requireAllDecided(snapshot: ReviewSnapshot, action: ReviewAction): void {
  if (snapshot.findingsTotal === 0) throw conflict(`Cannot ${action}: the case has no findings.`, { action, reason: 'no-findings' });
  const open = snapshot.findingsTotal - snapshot.findingsDecided;
  if (open > 0) {
    throw conflict(`Cannot ${action}: ${open} of ${snapshot.findingsTotal} findings are not decided yet.`, { action, reason: 'undecided-findings', undecided: open });
  }
}

/** Decides whether an action is allowed on a case and what it records; throws CONFLICT or BAD_INPUT with the reason. */
export function planTransition(snapshot: ReviewSnapshot, request: TransitionRequest): TransitionPlan {
  const { action } = request;
  const rule = transitionTable[action];
  const from = snapshot.state;
  if (!rule.from.includes(from)) {
    throw conflict(`Cannot ${action} a case that is ${from}; ${action} is allowed only when the case is ${rule.from.join(' or ')}.`, { action, state: from, reason: 'illegal-transition' });
  }
  const reason = request.reason?.trim() ? request.reason.trim() : null;
  const plan = { action, from, to: rule.to ?? from, reason };
  switch (action) {
    case 'submit':
      requireAllDecided(snapshot, action);
      return { ...plan, signature: null, needsReauth: false, ...noMeaning(request) };
    case 'require-technical-review':
      if (snapshot.technicalReviewRequired) throw conflict('A technical review is already required for this case.', { action, reason: 'already-required' });
      return { ...plan, signature: null, needsReauth: false, ...noMeaning(request) };
    case 'verify': {
      requireAllDecided(snapshot, action);
      if (!snapshot.technicalReviewRequired) return { ...plan, signature: null, needsReauth: false, ...noMeaning(request) };
      if (request.meaning !== undefined && request.meaning !== 'technical-review') {
        throw new DalelError('BAD_INPUT', `A technical review is signed with the meaning "technical-review", not "${request.meaning}".`, { reason: 'wrong-meaning' });
      }
      if (snapshot.firstReviewers.includes(request.actorId)) {
        throw conflict('The technical review must be done by a second expert, not by one who decided the findings or submitted the case.', { action, reason: 'second-expert-required' });
      }
      return { ...plan, signature: 'technical-review', needsReauth: true };
    }
    case 'sign':
      requireAllDecided(snapshot, action);
      if (snapshot.technicalReviewRequired && snapshot.technicalReviewer === null) {
        throw conflict('Cannot sign: a technical review by a second expert is required first; reopen the case and have a second expert verify it.', { action, reason: 'technical-review-missing' });
      }
      if (request.meaning === undefined || !signMeanings.includes(request.meaning)) {
        throw new DalelError('BAD_INPUT', `A signature needs its meaning: ${signMeanings.join(' or ')}.`, { reason: 'meaning-required' });
      }
      return { ...plan, signature: request.meaning, needsReauth: true };
    case 'reopen':
      if (!reason) throw new DalelError('BAD_INPUT', 'Reopening a case needs a reason.', { reason: 'reason-required' });
      return { ...plan, signature: null, needsReauth: false, ...noMeaning(request) };
  }
}

/** Actions that sign nothing refuse a meaning rather than silently drop it. */
function noMeaning(request: TransitionRequest): Record<string, never> {
  if (request.meaning !== undefined) {
    throw new DalelError('BAD_INPUT', `${request.action} records no signature; a meaning is given only when signing or doing a required technical review.`, { reason: 'meaning-not-applicable' });
  }
  return {};
}
