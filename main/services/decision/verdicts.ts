/**
 * Final verdicts and their discrepancies with the model. A judge or clerk enters the verdict; when it names the
 * consultation (its audit entry) the verdict is compared with what the judge was shown: outside the 80% interval
 * (a term or amount) or another class is a discrepancy, and the judge who consulted gets a notice. The dashboard
 * counts verdicts and discrepancies by article and month, never by judge. Everything is audit-logged.
 */
import { randomUUID } from 'node:crypto';
import type { DiscrepancyNoticeSchema, DiscrepancyRowSchema, Verdict } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import type { CaseService } from '../cases.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import type { z } from 'zod';
import type { CaseType } from '../../../models/cases/case-type.ts';

type Notice = z.infer<typeof DiscrepancyNoticeSchema>;
type DashboardRow = z.infer<typeof DiscrepancyRowSchema>;

/** A verdict as entered. */
export interface NewVerdict {
  readonly caseId: string;
  readonly consultationSeq?: number;
  readonly caseType: string;
  readonly article?: string;
  readonly outcome: { readonly value: number | null; readonly class: string | null };
  readonly decidedAt: string;
}

/** What a consultation's audit entry says was shown (the summary written by the decision service). */
interface Shown {
  readonly judgeId: string;
  readonly caseId: string | null;
  readonly caseType: string;
  readonly outcome: string;
  readonly value: number | null;
  readonly interval: [number, number] | null;
  readonly class: string | null;
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
  discrepancy_kind: 'outside-interval' | 'different-class' | null;
  predicted_json: string | null;
  audit_seq: number;
}

const selectVerdicts = `
  SELECT v.id, v.case_id, v.consultation_seq, v.case_type, v.article, v.outcome_value, v.outcome_class, v.decided_at,
         u.username AS entered_by_name, v.discrepancy_kind, v.predicted_json, v.audit_seq
  FROM verdicts v JOIN users u ON u.id = v.entered_by`;

function toVerdict(row: VerdictRow): Verdict {
  return {
    id: row.id,
    caseId: row.case_id,
    consultationSeq: row.consultation_seq,
    caseType: row.case_type,
    article: row.article,
    outcome: { value: row.outcome_value, class: row.outcome_class },
    decidedAt: row.decided_at,
    enteredBy: row.entered_by_name,
    discrepancy: row.discrepancy_kind ? { kind: row.discrepancy_kind, predicted: JSON.parse(row.predicted_json!) as NonNullable<Verdict['discrepancy']>['predicted'] } : null,
    auditSeq: row.audit_seq,
  };
}

interface NoticeRow {
  id: string;
  verdict_id: string;
  case_id: string;
  case_number: string;
  created_at: string;
  acknowledged_at: string | null;
}

const selectNotices = `
  SELECT n.id, n.verdict_id, v.case_id, c.number AS case_number, n.created_at, n.acknowledged_at
  FROM discrepancy_notices n JOIN verdicts v ON v.id = n.verdict_id JOIN cases c ON c.id = v.case_id`;

function toNotice(row: NoticeRow): Notice {
  return { id: row.id, verdictId: row.verdict_id, caseId: row.case_id, caseNumber: row.case_number, createdAt: row.created_at, acknowledgedAt: row.acknowledged_at };
}

/** The discrepancy between a verdict and what was shown, or null. */
export function discrepancyOf(outcome: NewVerdict['outcome'], shown: Pick<Shown, 'value' | 'interval' | 'class'>): Verdict['discrepancy'] {
  const predicted = { value: shown.value, interval: shown.interval, class: shown.class };
  if (shown.interval && outcome.value !== null && (outcome.value < shown.interval[0] || outcome.value > shown.interval[1])) return { kind: 'outside-interval', predicted };
  if (shown.class !== null && outcome.class !== null && outcome.class !== shown.class) return { kind: 'different-class', predicted };
  return null;
}

/** Verdicts, discrepancies, notices and the dashboard. */
export class VerdictService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly cases: CaseService,
    /** The case types, to tell whether a verdict's class carries the outcome predicted (a term only for a custodial class). */
    private readonly caseTypes: readonly CaseType[] = [],
  ) {}

  /** Whether the verdict's value measures the consulted outcome (kz-criminal: a term is compared only with a term). */
  private valueComparable(shown: Shown, verdictClass: string | null): boolean {
    const caseType = this.caseTypes.find((c) => c.id === shown.caseType);
    const outcome = caseType?.meta.outcomes.find((o) => o.name === shown.outcome);
    const when = outcome?.kind === 'regression' ? outcome.when : undefined;
    return !when || verdictClass === null || when.in.includes(verdictClass);
  }

  /** Reads what a consultation showed from its audit entry; refuses any other entry. */
  private shown(seq: number): Shown {
    let entry: { action?: string; actor?: { userId?: string } | null; subjects?: Record<string, string>; details?: Record<string, unknown> };
    try {
      entry = JSON.parse(new TextDecoder().decode(this.audit.entryBytes(seq))) as typeof entry;
    } catch {
      throw new DalelError('VALIDATION', `Audit entry ${seq} does not exist.`, { field: 'consultationSeq' });
    }
    if (entry.action !== 'decision.consulted' || !entry.actor?.userId) throw new DalelError('VALIDATION', `Audit entry ${seq} is not a consultation.`, { field: 'consultationSeq' });
    const d = entry.details ?? {};
    const number = (v: unknown) => (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
    const interval = Array.isArray(d.interval80) && d.interval80.length === 2 ? ([number(d.interval80[0]), number(d.interval80[1])] as const) : null;
    return {
      judgeId: entry.actor.userId,
      caseId: entry.subjects?.caseId ?? null,
      caseType: String(d.caseType ?? ''),
      outcome: String(d.outcome ?? ''),
      value: number(d.value),
      interval: interval && interval[0] !== null && interval[1] !== null ? [interval[0], interval[1]] : null,
      class: typeof d.predictedClass === 'string' ? d.predictedClass : null,
    };
  }

  /** Records a verdict; compares it with the consultation named, and notifies the consulting judge of a discrepancy. */
  record(input: NewVerdict, actor: Actor): Verdict {
    const kase = this.cases.get(input.caseId);
    const shown = input.consultationSeq === undefined ? null : this.shown(input.consultationSeq);
    if (shown && shown.caseId !== kase.id) throw new DalelError('VALIDATION', `Consultation ${input.consultationSeq} was not for case ${kase.number}.`, { field: 'consultationSeq' });
    if (shown && shown.caseType !== input.caseType) throw new DalelError('VALIDATION', `Consultation ${input.consultationSeq} was for ${shown.caseType}, not ${input.caseType}.`, { field: 'caseType' });
    if (input.outcome.value === null && input.outcome.class === null) throw new DalelError('VALIDATION', 'A verdict needs an outcome: a value, a class, or both.', { field: 'outcome' });
    const discrepancy = shown ? discrepancyOf(input.outcome, this.valueComparable(shown, input.outcome.class) ? shown : { ...shown, interval: null }) : null;
    const id = randomUUID();
    const now = isoAt(this.clock.now());
    const write = this.db.transaction(() => {
      const auditSeq = this.audit.append({
        action: 'verdict.recorded',
        actor,
        subjects: { caseId: kase.id, verdictId: id },
        details: {
          caseType: input.caseType,
          ...(input.article ? { article: input.article } : {}),
          ...(input.outcome.value !== null ? { value: String(input.outcome.value) } : {}),
          ...(input.outcome.class !== null ? { class: input.outcome.class } : {}),
          decidedAt: input.decidedAt,
          ...(input.consultationSeq !== undefined ? { consultationSeq: String(input.consultationSeq) } : {}),
          discrepancy: discrepancy?.kind ?? 'none',
        },
      });
      this.db
        .prepare(
          `INSERT INTO verdicts (id, case_id, consultation_seq, case_type, article, outcome_value, outcome_class, decided_at, entered_by, entered_at, discrepancy_kind, predicted_json, audit_seq)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, kase.id, input.consultationSeq ?? null, input.caseType, input.article ?? null, input.outcome.value, input.outcome.class, input.decidedAt, actor.userId, now, discrepancy?.kind ?? null, discrepancy ? JSON.stringify(discrepancy.predicted) : null, auditSeq);
      if (discrepancy && shown) {
        const noticeId = randomUUID();
        this.db.prepare('INSERT INTO discrepancy_notices (id, verdict_id, judge_id, created_at) VALUES (?, ?, ?, ?)').run(noticeId, id, shown.judgeId, now);
        this.audit.append({ action: 'verdict.notice-created', actor, subjects: { caseId: kase.id, verdictId: id, noticeId, judgeId: shown.judgeId }, details: { discrepancy: discrepancy.kind } });
      }
    });
    write.immediate();
    return this.get(id);
  }

  /** One verdict, or NOT_FOUND. */
  get(id: string): Verdict {
    const row = this.db.prepare(`${selectVerdicts} WHERE v.id = ?`).get(id) as VerdictRow | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such verdict.', { verdictId: id });
    return toVerdict(row);
  }

  /** Verdicts, newest entry first, of one case or all. */
  list(caseId?: string): Verdict[] {
    const rows = caseId
      ? this.db.prepare(`${selectVerdicts} WHERE v.case_id = ? ORDER BY v.entered_at DESC, v.audit_seq DESC`).all(caseId)
      : this.db.prepare(`${selectVerdicts} ORDER BY v.entered_at DESC, v.audit_seq DESC`).all();
    return (rows as VerdictRow[]).map(toVerdict);
  }

  /** Verdicts and discrepancies by article and month of decision (never by judge), within a decision-date window. */
  dashboard(filter: { from?: string; to?: string; caseType?: string }): DashboardRow[] {
    const rows = this.db
      .prepare(
        `SELECT COALESCE(article, '') AS article, substr(decided_at, 1, 7) AS month, COUNT(*) AS verdicts, COUNT(discrepancy_kind) AS discrepancies
         FROM verdicts
         WHERE (@from IS NULL OR decided_at >= @from) AND (@to IS NULL OR decided_at <= @to) AND (@caseType IS NULL OR case_type = @caseType)
         GROUP BY 1, 2 ORDER BY 2, 1`,
      )
      .all({ from: filter.from ?? null, to: filter.to ?? null, caseType: filter.caseType ?? null }) as DashboardRow[];
    return rows;
  }

  /** The notices of one judge, newest first. */
  notices(judge: Actor): Notice[] {
    return (this.db.prepare(`${selectNotices} WHERE n.judge_id = ? ORDER BY n.created_at DESC, n.id`).all(judge.userId) as NoticeRow[]).map(toNotice);
  }

  /** Marks a notice of this judge as read (once; again is a no-op); another judge's notice is NOT_FOUND. */
  acknowledge(noticeId: string, judge: Actor): Notice {
    const find = () => this.db.prepare(`${selectNotices} WHERE n.id = ? AND n.judge_id = ?`).get(noticeId, judge.userId) as NoticeRow | undefined;
    const row = find();
    if (!row) throw new DalelError('NOT_FOUND', 'No such notice for you.', { noticeId });
    if (row.acknowledged_at) return toNotice(row);
    const ack = this.db.transaction(() => {
      this.db.prepare('UPDATE discrepancy_notices SET acknowledged_at = ? WHERE id = ?').run(isoAt(this.clock.now()), noticeId);
      this.audit.append({ action: 'verdict.notice-acknowledged', actor: judge, subjects: { caseId: row.case_id, verdictId: row.verdict_id, noticeId } });
    });
    ack.immediate();
    return toNotice(find()!);
  }
}
