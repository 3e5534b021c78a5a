import { randomUUID } from 'node:crypto';
import type { Case, CaseReview } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseService } from '../cases.ts';
import { isoAt, type Clock } from '../clock.ts';
import { sha256OfJson } from '../../../core/canonical-json.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { editableStates, planTransition, type CaseReviewState, type ReviewAction, type ReviewSnapshot, type SignatureMeaning, type TransitionPlan } from './review-state.ts';

/** An in-force finding as the review needs it: its content hash and who decided it. */
interface InForceRow {
  id: string;
  origin: 'model' | 'model-edited' | 'manual';
  sha256: string;
  created_by: string;
  decision: 'accepted' | 'rejected' | 'amended' | null;
  reviewer_id: string | null;
}

interface TransitionRow {
  action: ReviewAction;
  to_state: CaseReviewState;
  actor_id: string;
  at: string;
  audit_seq: number;
}

/** What a signature covered, as its audit entry records it: the findings in force and the case's evidence then. */
export interface SignatureCoverage {
  readonly auditSeq: number;
  readonly findings: ReadonlyArray<{ readonly id: string; readonly sha256: string; readonly decision: string | null }>;
  readonly evidence: ReadonlyArray<{ readonly id: string; readonly name: string; readonly sha256: string }>;
}

/** The one setting the review reads: whether the laboratory requires a second expert's technical review. */
export interface ReviewPolicySource {
  get(): { readonly technicalReviewRequired: boolean };
}

interface SignatureRow {
  user_id: string;
  username: string;
  display_name: string;
  meaning: SignatureMeaning;
  at: string;
  audit_seq: number;
  current: number;
}

/** What the caller asks of a case's review. */
export interface TransitionInput {
  readonly action: ReviewAction;
  readonly meaning?: SignatureMeaning | undefined;
  readonly reason?: string | undefined;
}

/** Filters of the expert's queue. */
export interface QueueFilter {
  readonly state?: CaseReviewState | undefined;
  readonly query?: string | undefined;
}

const auditActions: Readonly<Record<ReviewAction, string>> = {
  submit: 'review.submitted',
  'require-technical-review': 'review.technical-review-required',
  verify: 'review.verified',
  sign: 'review.signed',
  reopen: 'review.reopened',
};

// Findings in force are those no amendment replaced; their latest review decides whether they are decided.
const selectInForce = `
  SELECT f.id, f.origin, f.sha256, f.created_by,
         (SELECT r.decision FROM finding_reviews r WHERE r.finding_id = f.id ORDER BY r.rowid DESC LIMIT 1) AS decision,
         (SELECT r.reviewer_id FROM finding_reviews r WHERE r.finding_id = f.id ORDER BY r.rowid DESC LIMIT 1) AS reviewer_id
  FROM findings f
  WHERE f.case_id = ? AND NOT EXISTS (SELECT 1 FROM findings s WHERE s.supersedes = f.id)
  ORDER BY f.rowid`;

/** A finding is decided by an accept or reject, or by being the expert's own work (an amendment, a manual finding). */
function decider(row: InForceRow): string | null {
  if (row.decision === 'accepted' || row.decision === 'rejected') return row.reviewer_id;
  return row.origin === 'model' ? null : row.created_by;
}

/**
 * A case's review: its state (derived from append-only transitions), progress, technical-review flag and signatures;
 * moves it through the state machine of review-state.ts, each move audit-logged in the same transaction.
 */
export class CaseReviewService {
  constructor(
    private readonly db: Db,
    private readonly cases: CaseService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly policy: ReviewPolicySource,
  ) {}

  /** The review of one case (NOT_FOUND for an unknown case). */
  get(caseId: string): CaseReview {
    const theCase = this.cases.get(caseId);
    return this.build(theCase);
  }

  /** Cases with findings, with their review; without a state filter, those not yet signed (the work still to do). */
  queue(filter: QueueFilter = {}): Array<{ case: Case; review: CaseReview }> {
    const withFindings = new Set((this.db.prepare('SELECT DISTINCT case_id FROM findings').pluck().all() as string[]));
    return this.cases
      .list(filter.query)
      .filter((c) => withFindings.has(c.id))
      .map((c) => ({ case: c, review: this.build(c) }))
      .filter(({ review }) => (filter.state ? review.state === filter.state : review.state !== 'signed'));
  }

  /**
   * Applies one action: plans it against the case as it stands (inside the write transaction, so no one else moves the
   * case in between), checks the re-authentication a signature needs, then writes transition, signature and audit entry.
   */
  transition(caseId: string, input: TransitionInput, actor: Actor, assertRecentReauth: () => void): CaseReview {
    const theCase = this.cases.get(caseId);
    this.audit.atomically(() => {
      const plan = planTransition(this.snapshot(caseId), { action: input.action, actorId: actor.userId, meaning: input.meaning, reason: input.reason });
      if (plan.needsReauth) assertRecentReauth();
      this.write(caseId, plan, actor);
    });
    return this.build(theCase);
  }

  /** The state of a case; throws CONFLICT unless findings may still be added or decided. Call inside a transaction. */
  requireEditable(caseId: string, what: string): CaseReviewState {
    const state = this.state(caseId);
    if (!editableStates.includes(state)) {
      throw new DalelError('CONFLICT', `Cannot ${what}: the case is ${state}; reopen it first (with a reason).`, { state, reason: 'case-not-editable' });
    }
    return state;
  }

  /**
   * Refuses, with the reason, anything that would add to a signed case (evidence, analysis runs): signed means frozen
   * until an expert reopens the case with a reason.
   */
  requireUnsigned(caseId: string, what: string): void {
    if (this.state(caseId) === 'signed') {
      throw new DalelError('CONFLICT', `Cannot ${what}: the case is signed; an expert must reopen it first (with a reason).`, { state: 'signed', reason: 'case-signed' });
    }
  }

  /** What each signature of a case covered, read from the signature's own audit entry (oldest first). */
  coverage(caseId: string): SignatureCoverage[] {
    const seqs = this.db.prepare('SELECT audit_seq FROM case_signatures WHERE case_id = ? ORDER BY rowid').pluck().all(caseId) as number[];
    return seqs.map((seq) => {
      const entry = JSON.parse(Buffer.from(this.audit.entryBytes(seq)).toString('utf8')) as { details?: { covers?: Omit<SignatureCoverage, 'auditSeq'> } };
      const covers = entry.details?.covers;
      return { auditSeq: seq, findings: covers?.findings ?? [], evidence: covers?.evidence ?? [] };
    });
  }

  private state(caseId: string): CaseReviewState {
    const latest = this.db.prepare('SELECT to_state FROM case_review_transitions WHERE case_id = ? ORDER BY rowid DESC LIMIT 1').pluck().get(caseId) as CaseReviewState | undefined;
    return latest ?? 'draft';
  }

  private inForce(caseId: string): InForceRow[] {
    return this.db.prepare(selectInForce).all(caseId) as InForceRow[];
  }

  private transitions(caseId: string): TransitionRow[] {
    return this.db.prepare('SELECT action, to_state, actor_id, at, audit_seq FROM case_review_transitions WHERE case_id = ? ORDER BY rowid').all(caseId) as TransitionRow[];
  }

  private snapshot(caseId: string): ReviewSnapshot {
    const findings = this.inForce(caseId);
    const transitions = this.transitions(caseId);
    const deciders = findings.map(decider);
    const submitter = transitions.filter((t) => t.action === 'submit').at(-1)?.actor_id;
    const lastReopen = transitions.findLastIndex((t) => t.action === 'reopen');
    // A technical review counts only since the last reopen, and only when it was signed as one.
    const reviewedAfter = transitions.slice(lastReopen + 1).filter((t) => t.action === 'verify').map((t) => t.audit_seq);
    const technicalReviewer = reviewedAfter.length
      ? ((this.db.prepare(`SELECT user_id FROM case_signatures WHERE case_id = ? AND meaning = 'technical-review' AND audit_seq IN (${reviewedAfter.map(() => '?').join(',')}) ORDER BY rowid DESC LIMIT 1`).pluck().get(caseId, ...reviewedAfter) as string | undefined) ?? null)
      : null;
    return {
      state: transitions.at(-1)?.to_state ?? 'draft',
      technicalReviewRequired: this.policy.get().technicalReviewRequired || transitions.some((t) => t.action === 'require-technical-review'),
      technicalReviewer,
      findingsTotal: findings.length,
      findingsDecided: deciders.filter((d) => d !== null).length,
      firstReviewers: [...new Set([...deciders.filter((d): d is string => d !== null), ...(submitter ? [submitter] : [])])],
    };
  }

  private write(caseId: string, plan: TransitionPlan, actor: Actor): void {
    const transitionId = randomUUID();
    const at = isoAt(this.clock.now());
    // A signature binds to the exact findings in force and their decisions; the hash is recorded with it.
    const covered = plan.signature ? this.inForce(caseId).map((f) => ({ id: f.id, sha256: f.sha256, decision: f.decision })) : [];
    const findingsSha256 = plan.signature ? sha256OfJson(covered) : null;
    // The signature's own entry names what it covers, so a report can state it exactly and never count later exhibits.
    const evidence = plan.signature
      ? (this.db.prepare('SELECT id, original_name AS name, sha256 FROM evidence WHERE case_id = ? ORDER BY added_at, rowid').all(caseId) as Array<{ id: string; name: string; sha256: string }>)
      : [];
    const lastSigning = plan.action === 'reopen' ? this.transitions(caseId).filter((t) => t.action === 'sign').at(-1) : undefined;
    const seq = this.audit.append({
      action: auditActions[plan.action],
      actor,
      subjects: { caseId, transitionId },
      ...(findingsSha256 ? { inputs: { findings: findingsSha256 } } : {}),
      ...(plan.signature ? { meaning: plan.signature } : {}),
      ...(lastSigning ? { supersedes: lastSigning.audit_seq } : {}),
      details: { from: plan.from, to: plan.to, reason: plan.reason, ...(plan.signature ? { covers: { findings: covered, evidence } } : {}) },
    });
    this.db
      .prepare('INSERT INTO case_review_transitions (id, case_id, action, from_state, to_state, actor_id, reason, automatic, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(transitionId, caseId, plan.action, plan.from, plan.to, actor.userId, plan.reason, 0, at, seq);
    if (plan.signature && findingsSha256) {
      this.db
        .prepare('INSERT INTO case_signatures (id, case_id, transition_id, user_id, meaning, findings_sha256, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), caseId, transitionId, actor.userId, plan.signature, findingsSha256, at, seq);
    }
  }

  private build(theCase: Case): CaseReview {
    const snapshot = this.snapshot(theCase.id);
    const signatures = this.db
      .prepare(
        `SELECT s.user_id, u.username, u.display_name, s.meaning, s.at, s.audit_seq,
                (t.rowid > COALESCE((SELECT MAX(r.rowid) FROM case_review_transitions r WHERE r.case_id = s.case_id AND r.action = 'reopen'), 0)) AS current
         FROM case_signatures s JOIN case_review_transitions t ON t.id = s.transition_id JOIN users u ON u.id = s.user_id
         WHERE s.case_id = ? ORDER BY t.rowid`,
      )
      .all(theCase.id) as SignatureRow[];
    const times = this.db
      .prepare(
        `SELECT MAX(at) FROM (
           SELECT at FROM case_review_transitions WHERE case_id = @id
           UNION ALL SELECT created_at AS at FROM findings WHERE case_id = @id
           UNION ALL SELECT r.at FROM finding_reviews r JOIN findings f ON f.id = r.finding_id WHERE f.case_id = @id)`,
      )
      .pluck()
      .get({ id: theCase.id }) as string | null;
    return {
      caseId: theCase.id,
      state: snapshot.state,
      technicalReviewRequired: snapshot.technicalReviewRequired,
      findingsTotal: snapshot.findingsTotal,
      findingsDecided: snapshot.findingsDecided,
      signatures: signatures.map((s) => ({ userId: s.user_id, username: s.username, displayName: s.display_name, meaning: s.meaning, at: s.at, auditSeq: s.audit_seq, current: s.current === 1 })),
      updatedAt: times && times > theCase.createdAt ? times : theCase.createdAt,
    };
  }
}
