/**
 * Decision texts into the corpus: the text is anonymised first (nothing identifying is stored), then the case
 * type's facts are read from it by the shared legal-text extractors, each with its span and confidence. A decision
 * whose facts are all sure enough and valid joins the corpus at once; otherwise it waits in the review queue, where
 * a clerk confirms or corrects the values against the highlighted text before it joins.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { CaseType } from '../../../models/cases/case-type.ts';
import { checkFacts } from '../../../models/cases/facts.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError } from '../errors.ts';
import { extractFacts } from '../legal-text/extract-facts.ts';
import type { Actor } from '../sessions.ts';
import { anonymise } from './anonymise/anonymise.ts';
import { decisionText } from './decision-text.ts';
import type { CorpusStore } from './ingest.ts';
import { factsReason, readReason, reason, reasonText, type Reason } from './reasons.ts';

/** The confidence below which an extracted value is checked by a clerk. */
export const confidenceFloor = 0.8;

/** One proposed value with where it came from (offsets in the anonymised text). */
export interface ProposedFact {
  readonly value: unknown;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** What became of one decision text. */
export interface TextImportResult {
  readonly importId: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly outcome: 'accepted' | 'review' | 'duplicate';
  readonly reviewId: string | null;
  readonly reasons: string[];
  /** The same reasons as codes with their figures (the screens translate them). */
  readonly details: Reason[];
  readonly facts: Record<string, ProposedFact>;
}

/** An item of the review queue. */
export interface ReviewItem {
  readonly id: string;
  readonly caseType: string;
  readonly fileName: string;
  readonly text: string;
  readonly proposed: Record<string, ProposedFact>;
  readonly court: string;
  readonly reasons: string[];
  readonly details: Reason[];
  readonly createdAt: string;
}

// "№ 1-123/2024", "дело № 2-45/2025", "іс № 1-7/2024": the court's case number (public; only hashed when stored).
const caseNumberRe = /(?:дел[оау]|іс|№)\s*№?\s*(\d{1,3}-\d{1,6}\/\d{2,4}|\d{4,}-\d{2,}-\d{2,}-\d+\/\d+)/u;

const courtHeader =
  /(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][\p{L}-]+\s+){1,3}(?:районный|городской|областной|межрайонный|специализированный)\s+(?:[\p{L}-]+\s+){0,5}?суд(?:\s+(?:г\.|города|района|области)\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][\p{L}-]+)?|(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][\p{L}-]+\s+){1,4}(?:аудандық|қалалық|облыстық|ауданаралық)\s+(?:[\p{L}-]+\s+){0,3}?соты/u;

/** Decision texts into the corpus, through the review queue where needed. */
export class DecisionTextIngest {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly corpus: CorpusStore,
    /** The offence category of an article's part by the statute asset (art. 11), for case types that need it. */
    private readonly categoryOf: (article: string, part: number) => string | null = () => null,
  ) {}

  /** Anonymises a decision file, extracts its facts, and stores it or queues it for review. */
  importText(input: { caseType: CaseType; fileName: string; bytes: Uint8Array; actor: Actor | null; source?: 'manual' | 'inbox' }): TextImportResult {
    const { caseType, fileName, bytes } = input;
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    const raw = decisionText(bytes, fileName);
    const text = anonymise(raw).text;
    const extracted = extractFacts(text, caseType.id, { categoryOf: this.categoryOf });
    const fieldNames = new Set(caseType.fields.map((f) => f.name));
    const checklists = new Set(caseType.fields.filter((f) => f.type === 'array').map((f) => f.name));
    const facts: Record<string, ProposedFact> = {};
    for (const f of extracted) {
      if (f.field !== 'court' && !fieldNames.has(f.field)) continue;
      const known = facts[f.field];
      // A checklist (the documents a claim names) is read one item at a time: the items add up, the least sure decides.
      if (checklists.has(f.field)) {
        const items = Array.isArray(known?.value) ? (known.value as unknown[]) : [];
        if (!items.includes(f.value)) facts[f.field] = { value: [...items, f.value], start: known?.start ?? f.span.start, end: known?.end ?? f.span.end, confidence: Math.min(known?.confidence ?? 1, f.confidence) };
      } else if (!known || f.confidence > known.confidence) facts[f.field] = { value: f.value, start: f.span.start, end: f.span.end, confidence: f.confidence };
    }
    // A decision opens with its place and date ("г. Алматы, 15 марта 2024 года"): the first date is taken as the
    // date of the decision when the case type has a time field of dates.
    const timeField = caseType.fields.find((f) => f.role.role === 'time' && f.type === 'string')?.name;
    const firstDate = extracted.filter((f) => f.field === 'date').sort((a, b) => a.span.start - b.span.start)[0];
    if (timeField && !facts[timeField] && firstDate) facts[timeField] = { value: firstDate.value, start: firstDate.span.start, end: firstDate.span.end, confidence: firstDate.span.start < 300 ? 0.85 : 0.5 };
    if (!facts.court) {
      // The shared extractor reads courts whose name starts with the kind ("Районный суд …"); a decision's header
      // usually names the district first ("Бостандыкский районный суд г. Алматы", "Алматы қаласы … аудандық соты").
      const m = courtHeader.exec(text);
      if (m) facts.court = { value: m[0].trim(), start: m.index, end: m.index + m[0].trim().length, confidence: 0.8 };
    }
    const details: Reason[] = [];
    const court = typeof facts.court?.value === 'string' ? facts.court.value : '';
    if (!court) details.push(reason('no-court'));
    const caseNumber = caseNumberRe.exec(text)?.[1];
    if (!caseNumber) details.push(reason('no-case-number'));
    for (const [field, f] of Object.entries(facts)) if (f.confidence < confidenceFloor) details.push(reason('low-confidence', { field, confidence: f.confidence.toFixed(2), floor: confidenceFloor }));
    const values = Object.fromEntries(Object.entries(facts).filter(([field]) => fieldNames.has(field)).map(([field, f]) => [field, f.value]));
    const checked = checkFacts(caseType, values);
    if (!checked.ok) details.push(factsReason(checked.problem));
    const reasons = details.map(reasonText);
    const dedupKey = caseNumber && court ? this.corpus.dedupKey(court, caseNumber) : `file:${fileSha256}`;
    const duplicate = this.corpus.hasCase(caseType.id, dedupKey);
    const outcome: TextImportResult['outcome'] = duplicate ? 'duplicate' : reasons.length === 0 && checked.ok ? 'accepted' : 'review';
    const importId = randomUUID();
    const reviewId = outcome === 'review' ? randomUUID() : null;
    const at = isoAt(this.clock.now());
    this.db.transaction(() => {
      this.db
        .prepare(
          "INSERT INTO corpus_imports (id, case_type, case_type_version, file_name, file_sha256, format, rows, accepted, quarantined, duplicates, in_review, imported_at, imported_by, source) VALUES (?, ?, ?, ?, ?, 'text', 1, ?, 0, ?, ?, ?, ?, ?)",
        )
        .run(importId, caseType.id, caseType.version, fileName, fileSha256, outcome === 'accepted' ? 1 : 0, outcome === 'duplicate' ? 1 : 0, outcome === 'review' ? 1 : 0, at, input.actor?.userId ?? null, input.source ?? 'manual');
      if (outcome === 'accepted' && checked.ok) this.corpus.insertRecord(caseType, checked.facts as Record<string, unknown>, court, dedupKey, importId, 1);
      if (reviewId) {
        this.db
          .prepare('INSERT INTO corpus_review (id, import_id, case_type, file_name, file_sha256, text, proposed, court, dedup_key, reasons, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(reviewId, importId, caseType.id, fileName, fileSha256, text, JSON.stringify(facts), court, dedupKey, JSON.stringify(details), at);
      }
      this.audit.append({
        action: 'corpus.text-imported',
        actor: input.actor,
        subjects: { importId, ...(reviewId ? { reviewId } : {}) },
        inputs: { file: fileSha256 },
        details: { caseType: caseType.id, fileName, outcome, reasons, source: input.source ?? 'manual' },
      });
    })();
    return { importId, fileName, fileSha256, outcome, reviewId, reasons, details, facts };
  }

  /** The review queue: decisions waiting for a clerk, oldest first. */
  pending(): ReviewItem[] {
    const rows = this.db
      .prepare('SELECT r.* FROM corpus_review r LEFT JOIN corpus_review_decisions d ON d.review_id = r.id WHERE d.review_id IS NULL ORDER BY r.created_at, r.rowid')
      .all() as { id: string; case_type: string; file_name: string; text: string; proposed: string; court: string; reasons: string; created_at: string }[];
    return rows.map((r) => {
      const details = (JSON.parse(r.reasons) as unknown[]).map(readReason);
      return {
        id: r.id,
        caseType: r.case_type,
        fileName: r.file_name,
        text: r.text,
        proposed: JSON.parse(r.proposed) as Record<string, ProposedFact>,
        court: r.court,
        reasons: details.map(reasonText),
        details,
        createdAt: r.created_at,
      };
    });
  }

  /** A clerk's decision: the confirmed or corrected facts join the corpus, or the text is rejected. */
  decide(input: { reviewId: string; caseType: CaseType; decision: 'accepted' | 'rejected'; facts?: Record<string, unknown>; court?: string; caseNumber?: string; actor: Actor | null }): { stored: boolean } {
    const item = this.db.prepare('SELECT r.*, d.decision FROM corpus_review r LEFT JOIN corpus_review_decisions d ON d.review_id = r.id WHERE r.id = ?').get(input.reviewId) as
      | { import_id: string; case_type: string; court: string; dedup_key: string; decision: string | null }
      | undefined;
    if (!item) throw new DalelError('NOT_FOUND', `No review item ${input.reviewId}`);
    if (item.decision) throw new DalelError('CONFLICT', `Review item ${input.reviewId} was already ${item.decision}.`);
    if (item.case_type !== input.caseType.id) throw new DalelError('VALIDATION', `Review item ${input.reviewId} is a ${item.case_type} decision.`);
    const at = isoAt(this.clock.now());
    let stored = false;
    let facts: Record<string, unknown> | null = null;
    if (input.decision === 'accepted') {
      const checked = checkFacts(input.caseType, input.facts ?? {});
      if (!checked.ok) throw new DalelError('VALIDATION', `${checked.problem.field}: ${checked.problem.message}`, { field: checked.problem.field });
      facts = checked.facts as Record<string, unknown>;
    }
    const court = input.court?.trim() || item.court;
    if (input.decision === 'accepted' && !court) throw new DalelError('VALIDATION', 'Give the court.', { field: 'court' });
    const dedupKey = input.caseNumber ? this.corpus.dedupKey(court, input.caseNumber) : item.dedup_key;
    this.db.transaction(() => {
      if (facts && !this.corpus.hasCase(input.caseType.id, dedupKey)) {
        this.corpus.insertRecord(input.caseType, facts, court, dedupKey, item.import_id, 1);
        stored = true;
      }
      this.db.prepare('INSERT INTO corpus_review_decisions (review_id, decision, facts, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)').run(input.reviewId, input.decision, facts ? JSON.stringify(facts) : null, input.actor?.userId ?? null, at);
      this.audit.append({ action: 'corpus.reviewed', actor: input.actor, subjects: { reviewId: input.reviewId, importId: item.import_id }, details: { decision: input.decision, stored } });
    })();
    return { stored };
  }
}
