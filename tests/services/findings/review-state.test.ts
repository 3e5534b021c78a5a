import { describe, expect, it } from 'vitest';
import { caseReviewStates } from '../../../main/contract/index.ts';
import { DalelError } from '../../../main/services/errors.ts';
import { planTransition, reviewActions, transitionTable, type CaseReviewState, type ReviewAction, type ReviewSnapshot } from '../../../main/services/findings/review-state.ts';
import { thrownBy } from '../../helpers/thrown.ts';

const expert = 'user-expert';
const second = 'user-second';

function snapshot(state: CaseReviewState, extra: Partial<ReviewSnapshot> = {}): ReviewSnapshot {
  return { state, technicalReviewRequired: false, findingsTotal: 2, findingsDecided: 2, firstReviewers: [expert], technicalReviewer: null, ...extra };
}

/** A request that satisfies every guard of its action, so only the source state can make it illegal. */
function validRequest(action: ReviewAction) {
  return { action, actorId: expert, ...(action === 'sign' ? { meaning: 'approved' as const } : {}), ...(action === 'reopen' ? { reason: 'typo in the report' } : {}) };
}

const errorOf = (run: () => unknown): DalelError => thrownBy(DalelError, run);

describe('case review state machine', () => {
  const legal: Array<[CaseReviewState, ReviewAction, CaseReviewState]> = [
    ['draft', 'submit', 'in-review'],
    ['draft', 'require-technical-review', 'draft'],
    ['in-review', 'require-technical-review', 'in-review'],
    ['in-review', 'verify', 'verified'],
    ['verified', 'sign', 'signed'],
    ['verified', 'reopen', 'in-review'],
    ['signed', 'reopen', 'in-review'],
  ];
  const isLegal = (state: CaseReviewState, action: ReviewAction) => legal.some(([s, a]) => s === state && a === action);
  const illegal = caseReviewStates.flatMap((state) => reviewActions.filter((action) => !isLegal(state, action)).map((action) => [state, action] as const));

  it('has exactly the legal moves of the table', () => {
    expect(illegal).toHaveLength(caseReviewStates.length * reviewActions.length - legal.length);
    for (const [state, action] of illegal) expect(transitionTable[action].from).not.toContain(state);
  });

  it.each(legal)('allows %s --%s--> %s', (state, action, to) => {
    expect(planTransition(snapshot(state), validRequest(action))).toMatchObject({ from: state, to, action });
  });

  it.each(illegal)('refuses %s with %s as CONFLICT naming both', (state, action) => {
    const error = errorOf(() => planTransition(snapshot(state), validRequest(action)));
    expect(error.code).toBe('CONFLICT');
    expect(error.params).toMatchObject({ state, action, reason: 'illegal-transition' });
    expect(error.message).toContain(`Cannot ${action} a case that is ${state}`);
  });

  it('refuses to submit or verify a case with no findings, and to submit, verify or sign with undecided findings', () => {
    expect(errorOf(() => planTransition(snapshot('draft', { findingsTotal: 0, findingsDecided: 0 }), validRequest('submit'))).params.reason).toBe('no-findings');
    expect(errorOf(() => planTransition(snapshot('draft', { findingsDecided: 1 }), validRequest('submit'))).params.reason).toBe('undecided-findings');
    expect(errorOf(() => planTransition(snapshot('in-review', { findingsTotal: 0, findingsDecided: 0 }), validRequest('verify'))).params.reason).toBe('no-findings');
    const undecided = errorOf(() => planTransition(snapshot('in-review', { findingsDecided: 1 }), validRequest('verify')));
    expect(undecided).toMatchObject({ code: 'CONFLICT', params: { reason: 'undecided-findings', undecided: 1 } });
    expect(errorOf(() => planTransition(snapshot('verified', { findingsDecided: 0 }), validRequest('sign'))).params.reason).toBe('undecided-findings');
  });

  it('signs only with a meaning of reviewed or approved, after a re-authentication', () => {
    expect(errorOf(() => planTransition(snapshot('verified'), { action: 'sign', actorId: expert })).code).toBe('BAD_INPUT');
    expect(errorOf(() => planTransition(snapshot('verified'), { action: 'sign', actorId: expert, meaning: 'technical-review' })).code).toBe('BAD_INPUT');
    expect(planTransition(snapshot('verified'), { action: 'sign', actorId: expert, meaning: 'reviewed' })).toMatchObject({ signature: 'reviewed', needsReauth: true });
  });

  it('refuses a meaning on actions that sign nothing', () => {
    expect(errorOf(() => planTransition(snapshot('draft'), { action: 'submit', actorId: expert, meaning: 'approved' })).code).toBe('BAD_INPUT');
    expect(errorOf(() => planTransition(snapshot('in-review'), { action: 'verify', actorId: expert, meaning: 'approved' })).code).toBe('BAD_INPUT');
  });

  it('needs a reason to reopen', () => {
    for (const reason of [undefined, '', '   ']) {
      expect(errorOf(() => planTransition(snapshot('signed'), { action: 'reopen', actorId: expert, reason })).params.reason).toBe('reason-required');
    }
  });

  it('requires a technical review once, and then a second expert who signs it', () => {
    expect(errorOf(() => planTransition(snapshot('in-review', { technicalReviewRequired: true }), validRequest('require-technical-review'))).params.reason).toBe('already-required');
    const required = snapshot('in-review', { technicalReviewRequired: true });
    expect(errorOf(() => planTransition(required, { action: 'verify', actorId: expert })).params.reason).toBe('second-expert-required');
    expect(errorOf(() => planTransition(required, { action: 'verify', actorId: second, meaning: 'approved' })).code).toBe('BAD_INPUT');
    expect(planTransition(required, { action: 'verify', actorId: second })).toMatchObject({ to: 'verified', signature: 'technical-review', needsReauth: true });
    expect(planTransition(snapshot('in-review'), { action: 'verify', actorId: expert })).toMatchObject({ to: 'verified', signature: null, needsReauth: false });
  });
});

/**
 * Review policy: the laboratory's technicalReviewRequired setting (on by default) decides whether a second expert's
 * technical review must come before signing. Each row walks verify then sign with the given actors.
 */
describe('Review policy', () => {
  type Row = readonly [policy: 'on' | 'off', verifier: string, signer: string, outcome: 'signed' | string];
  const rows: Row[] = [
    // Off: one expert may decide, verify and sign alone.
    ['off', expert, expert, 'signed'],
    ['off', second, expert, 'signed'],
    // On: the expert who decided or submitted cannot verify; a second expert's verify is the signed technical review.
    ['on', expert, expert, 'second-expert-required'],
    ['on', second, expert, 'signed'],
    ['on', second, second, 'signed'],
  ];

  it.each(rows)('technical review %s: verify by %s, sign by %s → %s', (policy, verifier, signer, outcome) => {
    const required = policy === 'on';
    const inReview = snapshot('in-review', { technicalReviewRequired: required });
    let verify: ReturnType<typeof planTransition>;
    try {
      verify = planTransition(inReview, { action: 'verify', actorId: verifier });
    } catch (error) {
      expect((error as DalelError).params.reason).toBe(outcome);
      return;
    }
    expect(verify).toMatchObject({ to: 'verified', signature: required ? 'technical-review' : null, needsReauth: required });
    const verified = snapshot('verified', { technicalReviewRequired: required, technicalReviewer: required ? verifier : null });
    expect(planTransition(verified, { action: 'sign', actorId: signer, meaning: 'approved' })).toMatchObject({ to: 'signed', signature: 'approved' });
    expect(outcome).toBe('signed');
  });

  it.each(['on', 'off'] as const)('with the technical review %s, deciding is not submitting: submit is its own action, only once all is decided', (policy) => {
    const required = policy === 'on';
    expect(errorOf(() => planTransition(snapshot('draft', { technicalReviewRequired: required, findingsDecided: 1 }), { action: 'submit', actorId: expert })).params.reason).toBe('undecided-findings');
    expect(planTransition(snapshot('draft', { technicalReviewRequired: required }), { action: 'submit', actorId: expert })).toMatchObject({ from: 'draft', to: 'in-review', signature: null });
    expect(errorOf(() => planTransition(snapshot('draft', { technicalReviewRequired: required }), { action: 'verify', actorId: second })).params.reason).toBe('illegal-transition');
  });

  it('refuses to sign a case verified without a technical review once the laboratory requires one', () => {
    const verifiedAlone = snapshot('verified', { technicalReviewRequired: true, technicalReviewer: null });
    expect(errorOf(() => planTransition(verifiedAlone, { action: 'sign', actorId: expert, meaning: 'approved' }))).toMatchObject({ code: 'CONFLICT', params: { reason: 'technical-review-missing' } });
    expect(planTransition(snapshot('verified', { technicalReviewRequired: false }), { action: 'sign', actorId: expert, meaning: 'approved' }).to).toBe('signed');
  });
});
