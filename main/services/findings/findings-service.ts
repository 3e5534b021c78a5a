import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MeasurementSchema, ProvenanceSchema, type Finding, type Measurement, type Provenance } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import { appVersion } from '../../../core/version.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseService } from '../cases.ts';
import { isoAt, type Clock } from '../clock.ts';
import type { CustodyLog } from '../custody.ts';
import { sha256OfJson, stableJson } from '../../../core/canonical-json.ts';
import { DalelError } from '../errors.ts';
import type { EvidenceStore } from '../intake/evidence-store.ts';
import type { Actor } from '../sessions.ts';
import type { CaseReviewService } from './case-review.ts';
import { checkGeometry } from './manual-geometry.ts';
import type { FindingDraft, FindingSink } from './finding-draft.ts';

/** The finding kinds and measurement keys each method declared (the forensic registry); null for an unknown method. */
export interface FindingVocabulary {
  measurementKeys(method: string): ReadonlySet<string> | null;
  findingKinds(method: string): ReadonlySet<string> | null;
}

/** An expert's decision on a finding. */
export type FindingDecision = 'accepted' | 'rejected' | 'amended';
/** The new values of an amended finding. */
export interface Amendment {
  readonly measurements: readonly Measurement[];
  readonly conclusion: string | null;
}
/** One decision on a finding, as stored (the latest is the finding's `review`). */
export type FindingReview = NonNullable<Finding['review']>;

/** An expert's own measurement from the viewer. */
export interface ManualFindingInput {
  readonly caseId: string;
  readonly kind: 'distance' | 'angle' | 'note';
  readonly evidenceIds: readonly string[];
  readonly measurements: readonly Measurement[];
  readonly conclusion: string | null;
}

/** What a review wrote: the finding as it now stands and, for an amendment, the new finding that replaces it. */
export interface ReviewOutcome {
  readonly finding: Finding;
  readonly amendment: Finding | null;
}

const DraftSchema = z.object({
  module: z.string().min(1).max(100),
  kind: z.string().min(1).max(100),
  evidenceIds: z.array(z.string().uuid()).min(1).max(100),
  measurements: z.array(MeasurementSchema).min(1).max(500),
  conclusion: z.string().max(100).nullable(),
  provenance: ProvenanceSchema,
  overlays: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
        bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0, 'expected non-empty bytes'),
      }),
    )
    .max(50),
});
const AmendmentSchema = z.object({ measurements: z.array(MeasurementSchema).min(1).max(500), conclusion: z.string().max(100).nullable() });

interface FindingRow {
  id: string;
  case_id: string;
  run_id: string | null;
  module: string;
  kind: string;
  measurements: string;
  conclusion: string | null;
  origin: Finding['origin'];
  supersedes: string | null;
  superseded_by: string | null;
  provenance: string;
  sha256: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  audit_seq: number;
}

interface ReviewRow {
  finding_id: string;
  decision: FindingDecision;
  reason: string | null;
  reviewer: string;
  at: string;
  audit_seq: number;
}

/** A finding ready to be written: everything but its audit sequence number. */
interface PendingFinding {
  readonly id: string;
  readonly caseId: string;
  readonly runId: string | null;
  readonly module: string;
  readonly kind: string;
  readonly evidenceIds: readonly string[];
  readonly measurements: readonly Measurement[];
  readonly conclusion: string | null;
  readonly origin: Finding['origin'];
  readonly supersedes: string | null;
  readonly provenance: Provenance;
  readonly overlays: ReadonlyArray<{ name: string; sha256: string; mediaType: string; sizeBytes: number }>;
  readonly sha256: string;
}

const selectFindings = `
  SELECT f.id, f.case_id, f.run_id, f.module, f.kind, f.measurements, f.conclusion, f.origin, f.supersedes,
         (SELECT s.id FROM findings s WHERE s.supersedes = f.id) AS superseded_by,
         f.provenance, f.sha256, f.created_by, u.username AS created_by_name, f.created_at, f.audit_seq
  FROM findings f JOIN users u ON u.id = f.created_by`;

const selectReviews = `
  SELECT r.finding_id, r.decision, r.reason, u.username AS reviewer, r.at, r.audit_seq
  FROM finding_reviews r JOIN users u ON u.id = r.reviewer_id`;

/** The hash a finding's audit entry records: its content, overlays by hash, in stable JSON. */
function contentHash(f: Omit<PendingFinding, 'sha256'>): string {
  return sha256OfJson({
    id: f.id,
    caseId: f.caseId,
    runId: f.runId,
    module: f.module,
    kind: f.kind,
    evidenceIds: f.evidenceIds,
    measurements: f.measurements,
    conclusion: f.conclusion,
    origin: f.origin,
    supersedes: f.supersedes,
    provenance: f.provenance,
    overlays: f.overlays.map((o) => ({ name: o.name, sha256: o.sha256, mediaType: o.mediaType })),
  });
}

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.length ? first.path.join('.') : 'value'}: ${first?.message ?? 'invalid'}`;
}

/**
 * The findings store: findings from analysis modules (through FindingSink) and from experts, append-only; decisions
 * on them (accept, reject with a reason, amend with a reason into a new finding that points at the original); every
 * write audit-logged in the same transaction as its rows.
 */
export class FindingsService implements FindingSink {
  constructor(
    private readonly db: Db,
    private readonly store: EvidenceStore,
    private readonly cases: CaseService,
    private readonly custody: CustodyLog,
    private readonly reviews: CaseReviewService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly vocabulary: FindingVocabulary,
  ) {}

  /**
   * Stores a run's findings with origin 'model', all or none: overlays go to the content store first (harmless if the
   * rest fails: content-addressed, unreferenced), then one transaction writes the findings, one 'findings.recorded'
   * audit entry with the inputs' and findings' hashes, and an 'analysed' custody event per evidence item.
   */
  addModelFindings(caseId: string, runId: string, drafts: readonly FindingDraft[], actor: Actor): Finding[] {
    this.cases.get(caseId);
    if (!z.string().uuid().safeParse(runId).success) throw new DalelError('BAD_INPUT', `Run id ${runId} is not a UUID.`, { reason: 'bad-run-id' });
    if (drafts.length === 0) throw new DalelError('BAD_INPUT', `Run ${runId} produced no findings to record.`, { reason: 'no-findings' });
    const evidence = this.evidenceOf(caseId);
    drafts.forEach((draft, index) => {
      const parsed = DraftSchema.safeParse(draft);
      const where = `Finding ${index + 1} of run ${runId}`;
      if (!parsed.success) throw new DalelError('BAD_INPUT', `${where} is malformed (${issueText(parsed.error)}).`, { reason: 'malformed-finding', index });
      this.checkMeasurementKeys(draft.measurements, where);
      this.checkDeclared(draft, where);
      const foreign = draft.evidenceIds.find((id) => !evidence.has(id));
      if (foreign) throw new DalelError('BAD_INPUT', `${where} names evidence ${foreign}, which is not in this case.`, { reason: 'foreign-evidence', evidenceId: foreign });
      const names = draft.overlays.map((o) => o.name);
      if (new Set(names).size !== names.length) throw new DalelError('BAD_INPUT', `${where} has two overlays with one name.`, { reason: 'duplicate-overlay' });
    });
    const pending = drafts.map((draft) => {
      const overlays = draft.overlays.map((o) => ({ name: o.name, mediaType: o.mediaType, sizeBytes: o.bytes.length, sha256: this.store.put(o.bytes) }));
      return this.pending({ caseId, runId, module: draft.module, kind: draft.kind, evidenceIds: draft.evidenceIds, measurements: draft.measurements, conclusion: draft.conclusion, origin: 'model', supersedes: null, provenance: draft.provenance, overlays });
    });
    this.audit.atomically(() => {
      this.reviews.requireEditable(caseId, 'record findings');
      const seq = this.audit.append({
        action: 'findings.recorded',
        actor,
        subjects: { caseId, runId },
        inputs: inputHashes(pending),
        outputs: Object.fromEntries(pending.map((p) => [`finding:${p.id}`, p.sha256])),
        ...sharedAlgorithm(pending),
        details: {
          findings: pending.map((p) => ({ id: p.id, module: p.module, kind: p.kind, algorithm: p.provenance.algorithm, version: p.provenance.version, parameters: sha256OfJson(p.provenance.parameters) })),
        },
      });
      for (const p of pending) this.insert(p, actor, seq);
      const touched = [...new Set(pending.flatMap((p) => p.evidenceIds))];
      for (const evidenceId of touched) {
        const its = pending.filter((p) => p.evidenceIds.includes(evidenceId));
        this.custody.append({ evidenceId, caseId, sha256: evidence.get(evidenceId)! }, { action: 'analysed', runId, method: its[0]!.module, findings: its.length }, actor);
      }
    });
    const ids = new Set(pending.map((p) => p.id));
    return this.list(caseId).filter((f) => ids.has(f.id));
  }

  /** Records an expert's own measurement (distance, angle, note) as a finding with origin 'manual'. */
  addManual(input: ManualFindingInput, actor: Actor): Finding {
    this.cases.get(input.caseId);
    const parsed = AmendmentSchema.safeParse({ measurements: input.measurements, conclusion: input.conclusion });
    if (!parsed.success) throw new DalelError('BAD_INPUT', `The measurement is malformed (${issueText(parsed.error)}).`, { reason: 'malformed-finding' });
    this.checkMeasurementKeys(input.measurements, 'The measurement');
    checkGeometry(input.kind, input.measurements, 'The measurement');
    const evidence = this.evidenceDetails(input.caseId);
    const inputs = input.evidenceIds.map((id) => {
      const item = evidence.get(id);
      if (!item) throw new DalelError('BAD_INPUT', `Evidence ${id} is not in this case.`, { reason: 'foreign-evidence', evidenceId: id });
      return { name: item.name, sha256: item.sha256, evidenceId: id };
    });
    const provenance: Provenance = { algorithm: `manual.${input.kind}`, version: appVersion, modelSha256: null, parameters: {}, inputs, software: { dalel: appVersion } };
    const finding = this.pending({ caseId: input.caseId, runId: null, module: 'manual', kind: input.kind, evidenceIds: input.evidenceIds, measurements: input.measurements, conclusion: input.conclusion, origin: 'manual', supersedes: null, provenance, overlays: [] });
    this.audit.atomically(() => {
      this.reviews.requireEditable(input.caseId, 'add a measurement');
      const seq = this.audit.append({
        action: 'finding.added',
        actor,
        subjects: { caseId: input.caseId, findingId: finding.id },
        inputs: Object.fromEntries(inputs.map((i) => [i.name, i.sha256])),
        outputs: { finding: finding.sha256 },
        details: { origin: 'manual', kind: input.kind },
      });
      this.insert(finding, actor, seq);
    });
    return this.get(finding.id);
  }

  /**
   * Records an expert's decision on a finding. Reject and amend need a reason; amend needs the new values and writes
   * a new finding (origin 'model-edited', or 'manual' for an amended manual finding) whose `supersedes` is the
   * original, which stays as it was. A replaced finding cannot be decided again: its amendment is the one in force.
   * Deciding never moves the case's review: submitting it is the expert's own action (see review-state.ts). An
   * amended manual measurement must agree with its own geometry (manual-geometry.ts).
   */
  review(findingId: string, decision: FindingDecision, reason: string | null | undefined, amended: Amendment | null | undefined, actor: Actor): ReviewOutcome {
    const why = reason?.trim() ? reason.trim() : null;
    if (decision !== 'accepted' && !why) throw new DalelError('BAD_INPUT', `A reason is required to ${decision === 'rejected' ? 'reject' : 'amend'} a finding.`, { reason: 'reason-required' });
    if (decision === 'amended') {
      if (!amended) throw new DalelError('BAD_INPUT', 'An amendment needs the amended measurements and conclusion.', { reason: 'amendment-required' });
      const parsed = AmendmentSchema.safeParse(amended);
      if (!parsed.success) throw new DalelError('BAD_INPUT', `The amendment is malformed (${issueText(parsed.error)}).`, { reason: 'malformed-finding' });
      this.checkMeasurementKeys(amended.measurements, 'The amendment');
    } else if (amended) {
      throw new DalelError('BAD_INPUT', 'New measurements are given only with the decision "amended".', { reason: 'amendment-not-applicable' });
    }
    const original = this.get(findingId);
    if (decision === 'amended' && amended && original.module === 'manual') checkGeometry(original.kind, amended.measurements, 'The amendment');
    const amendment =
      decision === 'amended' && amended
        ? this.pending({
            caseId: original.caseId,
            runId: original.runId,
            module: original.module,
            kind: original.kind,
            evidenceIds: original.evidenceIds,
            measurements: amended.measurements,
            conclusion: amended.conclusion,
            origin: original.origin === 'manual' ? 'manual' : 'model-edited',
            supersedes: original.id,
            provenance: original.provenance,
            overlays: this.overlayRows(original.id),
          })
        : null;
    this.audit.atomically(() => {
      // Re-read inside the write transaction: another reviewer may have amended it since.
      const current = this.get(findingId);
      if (current.supersededBy) {
        throw new DalelError('CONFLICT', `Finding ${findingId} was amended by finding ${current.supersededBy}; review the amendment instead.`, { reason: 'superseded', supersededBy: current.supersededBy });
      }
      this.reviews.requireEditable(current.caseId, 'decide a finding');
      const storedHash = this.db.prepare('SELECT sha256 FROM findings WHERE id = ?').pluck().get(findingId) as string;
      const seq = this.audit.append({
        action: 'finding.reviewed',
        actor,
        subjects: { caseId: current.caseId, findingId, ...(amendment ? { amendmentId: amendment.id } : {}) },
        inputs: { finding: storedHash },
        ...(amendment ? { outputs: { amendment: amendment.sha256 } } : {}),
        ...(current.review ? { supersedes: current.review.auditSeq } : {}),
        details: { decision, reason: why, origin: current.origin, ...(amendment ? { amendmentOrigin: amendment.origin } : {}) },
      });
      this.db
        .prepare('INSERT INTO finding_reviews (id, finding_id, decision, reason, reviewer_id, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), findingId, decision, why, actor.userId, isoAt(this.clock.now()), seq);
      if (amendment) this.insert(amendment, actor, seq);
    });
    return { finding: this.get(findingId), amendment: amendment ? this.get(amendment.id) : null };
  }

  /** The findings of a case, oldest first, amended originals included (their supersededBy names the amendment). */
  list(caseId: string): Finding[] {
    this.cases.get(caseId);
    const rows = this.db.prepare(`${selectFindings} WHERE f.case_id = ? ORDER BY f.rowid`).all(caseId) as FindingRow[];
    const scope = 'JOIN findings f ON f.id = x.finding_id WHERE f.case_id = ?';
    return this.assemble(rows, scope, caseId);
  }

  /** One finding, or NOT_FOUND. */
  get(findingId: string): Finding {
    const rows = this.db.prepare(`${selectFindings} WHERE f.id = ?`).all(findingId) as FindingRow[];
    if (rows.length === 0) throw new DalelError('NOT_FOUND', 'No such finding.', { findingId });
    return this.assemble(rows, 'WHERE x.finding_id = ?', findingId)[0]!;
  }

  /** Every decision on a finding, oldest first (the last is its `review`). */
  reviewHistory(findingId: string): FindingReview[] {
    this.get(findingId);
    const rows = this.db.prepare(`${selectReviews} WHERE r.finding_id = ? ORDER BY r.rowid`).all(findingId) as ReviewRow[];
    return rows.map(toReview);
  }

  /** The bytes of one of a finding's overlays, checked against their hash. */
  readOverlay(findingId: string, sha256: string): Uint8Array {
    const finding = this.get(findingId);
    if (!finding.overlays.some((o) => o.sha256 === sha256)) throw new DalelError('NOT_FOUND', `Finding ${findingId} has no overlay ${sha256}.`, { findingId, sha256 });
    const bytes = this.store.read(sha256);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  private pending(f: Omit<PendingFinding, 'id' | 'sha256'>): PendingFinding {
    const withId = { ...f, id: randomUUID() };
    return { ...withId, sha256: contentHash(withId) };
  }

  private insert(f: PendingFinding, actor: Actor, auditSeq: number): void {
    this.db
      .prepare(
        `INSERT INTO findings (id, case_id, run_id, module, kind, measurements, conclusion, origin, supersedes, provenance, sha256, created_by, created_at, audit_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(f.id, f.caseId, f.runId, f.module, f.kind, stableJson(f.measurements), f.conclusion, f.origin, f.supersedes, stableJson(f.provenance), f.sha256, actor.userId, isoAt(this.clock.now()), auditSeq);
    const link = this.db.prepare('INSERT INTO finding_evidence (finding_id, position, evidence_id) VALUES (?, ?, ?)');
    f.evidenceIds.forEach((id, i) => link.run(f.id, i, id));
    const overlay = this.db.prepare('INSERT INTO finding_overlays (finding_id, position, name, sha256, media_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?)');
    f.overlays.forEach((o, i) => overlay.run(f.id, i, o.name, o.sha256, o.mediaType, o.sizeBytes));
  }

  private overlayRows(findingId: string): PendingFinding['overlays'] {
    return this.db
      .prepare('SELECT name, sha256, media_type AS mediaType, size_bytes AS sizeBytes FROM finding_overlays WHERE finding_id = ? ORDER BY position')
      .all(findingId) as PendingFinding['overlays'];
  }

  /** Joins findings with their evidence, overlays and latest review; `scope` restricts the side tables (alias x). */
  private assemble(rows: FindingRow[], scope: string, key: string): Finding[] {
    const evidence = group(this.db.prepare(`SELECT x.finding_id, x.evidence_id FROM finding_evidence x ${scope} ORDER BY x.finding_id, x.position`).all(key) as Array<{ finding_id: string; evidence_id: string }>);
    const overlays = group(
      this.db.prepare(`SELECT x.finding_id, x.name, x.sha256, x.media_type FROM finding_overlays x ${scope} ORDER BY x.finding_id, x.position`).all(key) as Array<{ finding_id: string; name: string; sha256: string; media_type: string }>,
    );
    const latest = new Map(
      (this.db.prepare(`${selectReviews} WHERE r.rowid IN (SELECT MAX(x.rowid) FROM finding_reviews x ${scope} GROUP BY x.finding_id)`).all(key) as ReviewRow[]).map((r) => [r.finding_id, r]),
    );
    return rows.map((row) => {
      const review = latest.get(row.id);
      return {
        id: row.id,
        caseId: row.case_id,
        runId: row.run_id,
        module: row.module,
        kind: row.kind,
        evidenceIds: (evidence.get(row.id) ?? []).map((e) => e.evidence_id),
        measurements: JSON.parse(row.measurements) as Measurement[],
        conclusion: row.conclusion,
        origin: row.origin,
        supersedes: row.supersedes,
        supersededBy: row.superseded_by,
        provenance: JSON.parse(row.provenance) as Provenance,
        overlays: (overlays.get(row.id) ?? []).map((o) => ({ name: o.name, sha256: o.sha256, mediaType: o.media_type })),
        review: review ? toReview(review) : null,
        createdBy: row.created_by_name,
        createdAt: row.created_at,
        auditSeq: row.audit_seq,
      };
    });
  }

  /** Evidence ids of a case mapped to their SHA-256. */
  private evidenceOf(caseId: string): Map<string, string> {
    return new Map(Array.from(this.evidenceDetails(caseId), ([id, e]) => [id, e.sha256]));
  }

  private evidenceDetails(caseId: string): Map<string, { name: string; sha256: string }> {
    const rows = this.db.prepare('SELECT id, original_name, sha256 FROM evidence WHERE case_id = ?').all(caseId) as Array<{ id: string; original_name: string; sha256: string }>;
    return new Map(rows.map((r) => [r.id, { name: r.original_name, sha256: r.sha256 }]));
  }

  /** Summaries and the interface address a measurement by its key, so keys must be unique within a finding. */
  /** A module's finding must be of a kind, and carry only measurement keys, that its module declared. */
  private checkDeclared(draft: FindingDraft, where: string): void {
    const keys = this.vocabulary.measurementKeys(draft.module);
    const kinds = this.vocabulary.findingKinds(draft.module);
    if (!keys || !kinds) throw new DalelError('BAD_INPUT', `${where} comes from ${draft.module}, which no installed module declares.`, { reason: 'undeclared-module', module: draft.module });
    if (!kinds.has(draft.kind)) throw new DalelError('BAD_INPUT', `${where} is of kind ${draft.kind}, which ${draft.module} does not declare.`, { reason: 'undeclared-kind', kind: draft.kind });
    const undeclared = draft.measurements.find((m) => !keys.has(m.key));
    if (undeclared) {
      throw new DalelError('BAD_INPUT', `${where} carries the measurement ${undeclared.key}, which ${draft.module} does not declare.`, { reason: 'undeclared-measurement', key: undeclared.key });
    }
  }

  private checkMeasurementKeys(measurements: readonly Measurement[], where: string): void {
    const keys = measurements.map((m) => m.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice !== undefined) throw new DalelError('BAD_INPUT', `${where} has the measurement ${twice} twice.`, { reason: 'duplicate-measurement', key: twice });
  }
}

function toReview(r: ReviewRow): FindingReview {
  return { decision: r.decision, reason: r.reason, reviewer: r.reviewer, at: r.at, auditSeq: r.audit_seq };
}

function group<T extends { finding_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.finding_id);
    if (list) list.push(row);
    else map.set(row.finding_id, [row]);
  }
  return map;
}

/** The run's inputs by name, for the audit entry; a name reused for different bytes gets a numbered key. */
function inputHashes(pending: readonly PendingFinding[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of pending.flatMap((p) => p.provenance.inputs)) {
    let key = input.name;
    for (let n = 2; out[key] !== undefined && out[key] !== input.sha256; n += 1) key = `${input.name} (${n})`;
    out[key] = input.sha256;
  }
  return out;
}

/** The audit entry's algorithm when every finding of the run comes from the same one (parameters are in details, hashed). */
function sharedAlgorithm(pending: readonly PendingFinding[]): { algorithm?: { name: string; version: string; modelSha256?: string } } {
  const [first] = pending;
  if (!first || pending.some((p) => p.provenance.algorithm !== first.provenance.algorithm || p.provenance.version !== first.provenance.version || p.provenance.modelSha256 !== first.provenance.modelSha256)) return {};
  const { algorithm, version, modelSha256 } = first.provenance;
  return { algorithm: { name: algorithm, version, ...(modelSha256 ? { modelSha256 } : {}) } };
}
