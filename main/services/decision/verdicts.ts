/**
 * Final verdicts and their discrepancies with the model. A case has one final verdict, entered by the judge (or by a
 * clerk where the court's setting allows it); a correction is an amendment: a new verdict pointing at the one it
 * replaces, with the reason, both kept. When the verdict names the consultation (its audit entry) it is compared
 * with what the judge was shown: outside the 80% interval (a term or amount) or another class is a discrepancy.
 * Discrepancies monitor the model, not judges: administrators see them by model, article and month, and nobody is
 * sent a notice about a decision. Everything is audit-logged; an amendment's reason lives in its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { DiscrepancyRow, PastConsultation, Verdict } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import type { CaseService } from '../cases.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import type { CaseType } from '../../../models/cases/case-type.ts';

/** A verdict as entered. */
export interface NewVerdict {
  readonly caseId: string;
  readonly consultationSeq?: number;
  readonly caseType: string;
  readonly article?: string;
  readonly outcome: { readonly value: number | null; readonly class: string | null };
  readonly decidedAt: string;
}

/** A correction of a final verdict. */
export interface VerdictAmendment {
  readonly verdictId: string;
  readonly reason: string;
  readonly article?: string;
  readonly outcome: NewVerdict['outcome'];
  readonly decidedAt: string;
}

/** The court's rules the service enforces (the workstation's settings). */
export interface VerdictPolicy {
  /** Whether clerks may record and amend verdicts (judges always may). */
  readonly clerksMayRecordVerdicts: () => boolean;
}

/** What a consultation's audit entry says was shown (the summary written by the decision service). */
interface Shown {
  readonly caseId: string | null;
  readonly modelSha256: string | null;
  readonly caseType: string;
  readonly outcome: string;
  readonly value: number | null;
  readonly interval: [number, number] | null;
  readonly class: string | null;
  readonly referred: boolean;
  readonly at: string;
  readonly consultedBy: string | null;
}

interface VerdictRow {
  id: string;
  case_id: string;
  consultation_seq: number | null;
  case_type: string;
  article: string | null;
  outcome_value: number | null;
  outcome_class: string | null;
  decided_at: string;
  entered_by_name: string;
  entered_at: string;
  discrepancy_kind: 'outside-interval' | 'different-class' | null;
  predicted_json: string | null;
  audit_seq: number;
}

const selectVerdicts = `
  SELECT v.id, v.case_id, v.consultation_seq, v.case_type, v.article, v.outcome_value, v.outcome_class, v.decided_at,
         u.username AS entered_by_name, v.entered_at, v.discrepancy_kind, v.predicted_json, v.audit_seq
  FROM verdicts v JOIN users u ON u.id = v.entered_by`;

/** The discrepancy between a verdict and what was shown, or null. */
export function discrepancyOf(outcome: NewVerdict['outcome'], shown: Pick<Shown, 'value' | 'interval' | 'class'>): Verdict['discrepancy'] {
  const predicted = { value: shown.value, interval: shown.interval, class: shown.class };
  if (shown.interval && outcome.value !== null && (outcome.value < shown.interval[0] || outcome.value > shown.interval[1])) return { kind: 'outside-interval', predicted };
  if (shown.class !== null && outcome.class !== null && outcome.class !== shown.class) return { kind: 'different-class', predicted };
  return null;
}

type AuditJson = { action?: string; actor?: { userId?: string; username?: string } | null; subjects?: Record<string, string>; details?: Record<string, unknown>; at?: string };

/** Verdicts, their amendments, discrepancies and the model-monitoring view. */
export class VerdictService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    /** The case types, to tell whether a verdict's class carries the outcome predicted (a term only for a custodial class). */
    private readonly caseTypes: readonly CaseType[] = [],
    private readonly policy: VerdictPolicy = { clerksMayRecordVerdicts: () => false },
  ) {}

  private entry(seq: number): AuditJson | null {
    try {
      return JSON.parse(new TextDecoder().decode(this.audit.entryBytes(seq))) as AuditJson;
    } catch {
      return null;
    }
  }

  /** The verdict with what its audit entry adds (the amended verdict and the reason) and what replaced it. */
  private toVerdict(row: VerdictRow, supersededBy: string | null): Verdict {
    const details = this.entry(row.audit_seq)?.details ?? {};
    const consultation = row.consultation_seq === null ? null : this.entry(row.consultation_seq);
    return {
      id: row.id,
      caseId: row.case_id,
      consultationSeq: row.consultation_seq,
      modelSha256: consultation?.subjects?.modelSha256 ?? null,
      caseType: row.case_type,
      article: row.article,
      outcome: { value: row.outcome_value, class: row.outcome_class },
      decidedAt: row.decided_at,
      enteredBy: row.entered_by_name,
      enteredAt: row.entered_at,
      discrepancy: row.discrepancy_kind ? { kind: row.discrepancy_kind, predicted: JSON.parse(row.predicted_json!) as NonNullable<Verdict['discrepancy']>['predicted'] } : null,
      amends: typeof details.amends === 'string' ? details.amends : null,
      amendmentReason: typeof details.reason === 'string' ? details.reason : null,
      supersededBy,
      auditSeq: row.audit_seq,
    };
  }

  /** Verdict rows of a case (or all), oldest entry first, each with the later entry of its case that replaced it. */
  private rows(caseId?: string): Array<{ row: VerdictRow; supersededBy: string | null }> {
    const rows = (
      caseId
        ? this.db.prepare(`${selectVerdicts} WHERE v.case_id = ? ORDER BY v.entered_at, v.audit_seq`).all(caseId)
        : this.db.prepare(`${selectVerdicts} ORDER BY v.entered_at, v.audit_seq`).all()
    ) as VerdictRow[];
    // A case's verdicts form one chain: each later entry replaces the one before (older data folders may hold
    // several entries per case from before amendments existed; the newest is final there too).
    const next = new Map<string, string>();
    const last = new Map<string, string>();
    for (const row of rows) {
      const previous = last.get(row.case_id);
      if (previous) next.set(previous, row.id);
      last.set(row.case_id, row.id);
    }
    return rows.map((row) => ({ row, supersededBy: next.get(row.id) ?? null }));
  }

  /** Whether the verdict's value measures the consulted outcome (kz-criminal: a term is compared only with a term). */
  private valueComparable(shown: Shown, verdictClass: string | null): boolean {
    const caseType = this.caseTypes.find((c) => c.id === shown.caseType);
    const outcome = caseType?.meta.outcomes.find((o) => o.name === shown.outcome);
    const when = outcome?.kind === 'regression' ? outcome.when : undefined;
    return !when || verdictClass === null || when.in.includes(verdictClass);
  }

  /** What a consultation's audit entry says was shown, or null when the entry is no consultation. */
  private shownIn(seq: number, entry: AuditJson | null): Shown | null {
    if (!entry || entry.action !== 'decision.consulted' || !entry.actor?.userId) return null;
    const d = entry.details ?? {};
    const number = (v: unknown) => (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
    const interval = Array.isArray(d.interval80) && d.interval80.length === 2 ? ([number(d.interval80[0]), number(d.interval80[1])] as const) : null;
    const row = this.audit.list({ afterSeq: seq - 1, limit: 1 })[0];
    return {
      caseId: entry.subjects?.caseId ?? null,
      modelSha256: entry.subjects?.modelSha256 ?? null,
      caseType: String(d.caseType ?? ''),
      outcome: String(d.outcome ?? ''),
      value: number(d.value),
      interval: interval && interval[0] !== null && interval[1] !== null ? [interval[0], interval[1]] : null,
      class: typeof d.predictedClass === 'string' ? d.predictedClass : null,
      referred: d.referred === true,
      at: row?.at ?? '',
      consultedBy: entry.actor.username ?? row?.actor ?? null,
    };
  }

  /** Reads what a consultation showed from its audit entry; refuses any other entry. */
  private shown(seq: number): Shown {
    const entry = this.entry(seq);
    if (!entry) throw new DalelError('VALIDATION', `Audit entry ${seq} does not exist.`, { field: 'consultationSeq' });
    const shown = this.shownIn(seq, entry);
    if (!shown) throw new DalelError('VALIDATION', `Audit entry ${seq} is not a consultation.`, { field: 'consultationSeq' });
    return shown;
  }

  /** Refuses a clerk unless the court's setting lets clerks enter verdicts. */
  private mayEnter(actor: Actor): void {
    if (actor.role === 'clerk' && !this.policy.clerksMayRecordVerdicts()) {
      throw new DalelError('FORBIDDEN', 'Clerks do not record verdicts here: the court has not allowed it (an administrator setting).', { reasonCode: 'clerks-may-not-record-verdicts' });
    }
  }

  /** Records the case's final verdict; refuses a second one (that is an amendment). */
  record(input: NewVerdict, actor: Actor): Verdict {
    this.mayEnter(actor);
    const kase = this.cases.get(input.caseId);
    const shown = input.consultationSeq === undefined ? null : this.shown(input.consultationSeq);
    if (shown && shown.caseId !== kase.id) throw new DalelError('VALIDATION', `Consultation ${input.consultationSeq} was not for case ${kase.number}.`, { field: 'consultationSeq' });
    if (shown && shown.caseType !== input.caseType) throw new DalelError('VALIDATION', `Consultation ${input.consultationSeq} was for ${shown.caseType}, not ${input.caseType}.`, { field: 'caseType' });
    if (input.outcome.value === null && input.outcome.class === null) throw new DalelError('VALIDATION', 'A verdict needs an outcome: a value, a class, or both.', { field: 'outcome' });
    const discrepancy = shown ? discrepancyOf(input.outcome, this.valueComparable(shown, input.outcome.class) ? shown : { ...shown, interval: null }) : null;
    const id = randomUUID();
    this.audit.atomically(() => {
      const existing = this.db.prepare('SELECT 1 FROM verdicts WHERE case_id = ? LIMIT 1').get(kase.id);
      if (existing) throw new DalelError('CONFLICT', `Case ${kase.number} already has its final verdict; correct it by an amendment with a reason.`, { reasonCode: 'verdict-exists' });
      this.insert(id, kase.id, input, shown ? input.consultationSeq! : null, discrepancy, actor, 'verdict.recorded', {});
    });
    return this.get(id);
  }

  /** Corrects the final verdict: a new verdict (same case, same consultation) replacing it, with the reason. */
  amend(input: VerdictAmendment, actor: Actor): Verdict {
    this.mayEnter(actor);
    if (input.outcome.value === null && input.outcome.class === null) throw new DalelError('VALIDATION', 'A verdict needs an outcome: a value, a class, or both.', { field: 'outcome' });
    const reason = input.reason.trim();
    if (reason === '') throw new DalelError('VALIDATION', 'An amendment needs its reason.', { field: 'reason' });
    const id = randomUUID();
    this.audit.atomically(() => {
      const current = this.get(input.verdictId);
      if (current.supersededBy) throw new DalelError('CONFLICT', 'This verdict was already amended; amend the final one.', { reasonCode: 'verdict-superseded' });
      const shown = current.consultationSeq === null ? null : this.shown(current.consultationSeq);
      const discrepancy = shown ? discrepancyOf(input.outcome, this.valueComparable(shown, input.outcome.class) ? shown : { ...shown, interval: null }) : null;
      const next: NewVerdict = { caseId: current.caseId, caseType: current.caseType, article: input.article ?? current.article ?? undefined, outcome: input.outcome, decidedAt: input.decidedAt };
      this.insert(id, current.caseId, next, current.consultationSeq, discrepancy, actor, 'verdict.amended', { amends: current.id, reason });
    });
    return this.get(id);
  }

  private insert(id: string, caseId: string, input: NewVerdict, consultationSeq: number | null, discrepancy: Verdict['discrepancy'], actor: Actor, action: string, extra: Record<string, string>): void {
    const auditSeq = this.audit.append({
      action,
      actor,
      subjects: { caseId, verdictId: id },
      details: {
        caseType: input.caseType,
        ...(input.article ? { article: input.article } : {}),
        ...(input.outcome.value !== null ? { value: String(input.outcome.value) } : {}),
        ...(input.outcome.class !== null ? { class: input.outcome.class } : {}),
        decidedAt: input.decidedAt,
        ...(consultationSeq !== null ? { consultationSeq: String(consultationSeq) } : {}),
        discrepancy: discrepancy?.kind ?? 'none',
        ...extra,
      },
    });
    this.db
      .prepare(
        `INSERT INTO verdicts (id, case_id, consultation_seq, case_type, article, outcome_value, outcome_class, decided_at, entered_by, entered_at, discrepancy_kind, predicted_json, audit_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, caseId, consultationSeq, input.caseType, input.article ?? null, input.outcome.value, input.outcome.class, input.decidedAt, actor.userId, isoAt(this.clock.now()), discrepancy?.kind ?? null, discrepancy ? JSON.stringify(discrepancy.predicted) : null, auditSeq);
  }

  /** One verdict, or NOT_FOUND. */
  get(id: string): Verdict {
    const row = this.db.prepare(`${selectVerdicts} WHERE v.id = ?`).get(id) as VerdictRow | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such verdict.', { verdictId: id });
    const later = this.rows(row.case_id).find((r) => r.row.id === id);
    return this.toVerdict(row, later?.supersededBy ?? null);
  }

  /** Verdicts, newest entry first, of one case or all (amended ones included, marked by supersededBy). */
  list(caseId?: string): Verdict[] {
    return this.rows(caseId)
      .reverse()
      .map(({ row, supersededBy }) => this.toVerdict(row, supersededBy));
  }

  /** The consultations of a case, oldest first, as their audit entries record them. */
  consultations(caseId: string): PastConsultation[] {
    this.cases.get(caseId);
    return this.audit.list({ caseId, action: 'decision.consulted' }).flatMap((row) => {
      const shown = this.shownIn(row.seq, this.entry(row.seq));
      if (!shown) return [];
      return [{ auditSeq: row.seq, at: row.at, consultedBy: shown.consultedBy, modelSha256: shown.modelSha256, caseType: shown.caseType, outcome: shown.outcome, value: shown.value, interval80: shown.interval, predictedClass: shown.class, referred: shown.referred }];
    });
  }

  /**
   * Final verdicts (amended ones replaced by their amendment) and their discrepancies by model, article and month
   * of decision, within a decision-date window; never by judge.
   */
  dashboard(filter: { from?: string; to?: string; caseType?: string }): DiscrepancyRow[] {
    const rows = new Map<string, DiscrepancyRow>();
    for (const verdict of this.list()) {
      if (verdict.supersededBy) continue;
      if (filter.from && verdict.decidedAt < filter.from) continue;
      if (filter.to && verdict.decidedAt > filter.to) continue;
      if (filter.caseType && verdict.caseType !== filter.caseType) continue;
      const shown = verdict.consultationSeq === null ? null : this.shownIn(verdict.consultationSeq, this.entry(verdict.consultationSeq));
      const article = verdict.article ?? '';
      const month = verdict.decidedAt.slice(0, 7);
      const key = JSON.stringify([verdict.modelSha256, verdict.caseType, shown?.outcome ?? null, article, month]);
      const row = rows.get(key) ?? { modelSha256: verdict.modelSha256, caseType: verdict.caseType, outcome: shown?.outcome ?? null, article, month, verdicts: 0, discrepancies: 0 };
      rows.set(key, { ...row, verdicts: row.verdicts + 1, discrepancies: row.discrepancies + (verdict.discrepancy ? 1 : 0) });
    }
    const order = (r: DiscrepancyRow) => [r.month, r.caseType, r.outcome ?? '', r.article, r.modelSha256 ?? ''].join('\u0000');
    return [...rows.values()].sort((a, b) => order(a).localeCompare(order(b)));
  }
}
