/**
 * The recognised text of evidence documents: an expert has a scanned indictment, claim or decision read (OCR, or a
 * PDF's own text layer); the result is stored with the evidence item as JSON with its own SHA-256 and the
 * engine's provenance, each page indexed for stemmed full-text search within the case, and the recognition is an
 * audit entry naming the evidence hash and the text hash. The reading runs in the analysis process (page
 * preparation there, tesseract as its children) with progress and cancel; nothing is stored unless every page was read.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AnalysisRunner } from '../analysis/analysis-runner.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError } from '../errors.ts';
import type { EvidenceService } from '../evidence.ts';
import { sha256Hex } from '../intake/evidence-store.ts';
import { queryStems, stemText, words } from '../laws/stemmer.ts';
import { extractFacts } from '../legal-text/extract-facts.ts';
import type { OcrDocument, OcrLanguageChoice } from '../ocr/ocr-document.ts';
import { pageImage, type PageImage } from '../ocr/page-image.ts';
import { layoutWords } from '../ocr/tesseract.ts';
import type { Actor } from '../sessions.ts';
import { parsePagesStage, readDocumentJob } from './read-document-job.ts';

/** A stored recognition of one evidence item. */
export interface DocumentText {
  readonly id: string;
  readonly evidenceId: string;
  readonly caseId: string;
  readonly evidenceSha256: string;
  /** SHA-256 of the canonical JSON of `result`. */
  readonly sha256: string;
  readonly result: OcrDocument;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** One search hit: the page of a recognised document, with a snippet around the first matching word. */
export interface DocumentTextHit {
  readonly evidenceId: string;
  readonly textId: string;
  readonly page: number;
  readonly snippet: string;
}

/** A fact proposed from a document: where it came from (page, span of the page text, word boxes to highlight). */
export interface ProposedFact {
  readonly field: string;
  readonly value: unknown;
  readonly confidence: number;
  readonly page: number;
  readonly span: { readonly start: number; readonly end: number };
  readonly quote: string;
  /** Up to 60 characters of the page text before and after the quote, to read it in context. */
  readonly before: string;
  readonly after: string;
  readonly boxes: readonly { readonly left: number; readonly top: number; readonly width: number; readonly height: number }[];
}

/** What the service needs. */
export interface DocumentTextDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly evidence: EvidenceService;
  readonly audit: AuditLog;
  /** Refuses work on a signed (frozen) case before anything runs. */
  readonly reviews?: { requireEditable(caseId: string, what: string): unknown };
  /** Runs the reading off the services process (the analysis process; in-process for the CLI and tests). */
  readonly runner: AnalysisRunner;
  /** The category of an article's part by the statutes, so that a cited charge proposes its category too. */
  readonly categoryOf?: (article: string, part: number) => string | null;
}

interface TextRow {
  id: string;
  evidence_id: string;
  case_id: string;
  evidence_sha256: string;
  sha256: string;
  result: string;
  created_at: string;
  created_by: string;
}

function cancelled(): DalelError {
  return new DalelError('CONFLICT', 'The reading was cancelled: nothing was stored.', { reasonCode: 'cancelled' });
}

/** Recognition, storage and search of evidence documents' text. */
export class DocumentTextService {
  constructor(private readonly deps: DocumentTextDeps) {}

  /** Reads an evidence item's text (OCR or text layer) and stores it; progress as pages done of total; cancel by signal. */
  async recognise(evidenceId: string, actor: Actor, options: { language?: OcrLanguageChoice; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<DocumentText> {
    const item = this.deps.evidence.get(evidenceId);
    this.deps.reviews?.requireEditable(item.caseId, 'recognise the text of a document');
    if (!['png', 'jpeg', 'tiff', 'pdf'].includes(item.kind)) {
      throw new DalelError('BAD_INPUT', `${item.originalName}: a ${item.kind} file is not a document to read`, { file: item.originalName, reasonCode: 'not-a-document' });
    }
    const bytes = this.deps.evidence.read(evidenceId);
    const result = await this.read(bytes, item.originalName, options);
    // Stored as the JSON text hashed (word confidences and skew are fractions, which canonical audit JSON does not hold).
    const json = JSON.stringify(result);
    const sha256 = sha256Hex(new TextEncoder().encode(json));
    const id = randomUUID();
    const at = isoAt(this.deps.clock.now());
    const languages = [...new Set(result.pages.map((p) => p.language).filter((l): l is NonNullable<typeof l> => l !== null))];
    const { db } = this.deps;
    db.transaction(() => {
      db.prepare('INSERT INTO document_texts (id, evidence_id, case_id, evidence_sha256, sha256, result, language, pages, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id,
        evidenceId,
        item.caseId,
        item.sha256,
        sha256,
        json,
        languages.join('+') || 'none',
        result.pages.length,
        at,
        actor.userId,
      );
      const insertPage = db.prepare('INSERT INTO document_text_pages (text_id, page, text) VALUES (?, ?, ?)');
      const insertFts = db.prepare('INSERT INTO document_text_fts (rowid, stems) VALUES (?, ?)');
      for (const page of result.pages) {
        const rowid = Number(insertPage.run(id, page.page, page.text).lastInsertRowid);
        insertFts.run(rowid, stemText(page.text, page.language === 'kaz' ? 'kk' : 'ru'));
      }
      this.deps.audit.append({
        action: 'documents.recognised',
        actor,
        subjects: { caseId: item.caseId, evidenceId },
        inputs: { evidence: item.sha256 },
        outputs: { text: sha256 },
        algorithm: { name: result.provenance.algorithm, version: result.provenance.algorithmVersion, parameters: { language: result.provenance.parameters.language } },
        details: {
          engine: `${result.provenance.engine.engine} ${result.provenance.engine.version}`,
          languageData: result.provenance.engine.languageData.map((d) => `${d.language} ${d.packageVersion} ${d.sha256}`),
          pages: result.pages.length,
          textLayerPages: result.pages.filter((p) => p.source === 'text-layer').length,
        },
      });
    }).immediate();
    return this.latest(evidenceId)!;
  }

  private async read(bytes: Uint8Array, file: string, options: { language?: OcrLanguageChoice; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<OcrDocument> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw cancelled();
    const job = this.deps.runner.start(readDocumentJob({ bytes, file, language: options.language }), (_progress, stage) => {
      const pages = parsePagesStage(stage);
      if (pages) onProgress?.(pages.done, pages.total);
    });
    const cancel = () => job.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return (await job.done) as OcrDocument;
    } catch (error) {
      // The runner's own cancel error speaks of "the analysis": a reader is told the reading was cancelled.
      if (signal?.aborted) throw cancelled();
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  /**
   * A page of the latest stored text's document as an image in the frame of its word boxes (turned and straightened
   * as it was read), for drawing a fact's words or the unsure words over it.
   */
  async pageImage(evidenceId: string, page: number): Promise<PageImage & { textSha256: string; page: number }> {
    const stored = this.latest(evidenceId);
    if (!stored) throw new DalelError('NOT_FOUND', 'The document has not been read yet: recognise its text first.', { evidenceId });
    const read = stored.result.pages.find((p) => p.page === page);
    if (!read) throw new DalelError('NOT_FOUND', `${stored.result.file}: the read text has no page ${page}.`, { evidenceId, page });
    const image = await pageImage(this.deps.evidence.read(evidenceId), stored.result.file, read);
    return { ...image, textSha256: stored.sha256, page };
  }

  /** The latest stored recognition of an evidence item, or null. */
  latest(evidenceId: string): DocumentText | null {
    const row = this.deps.db.prepare('SELECT * FROM document_texts WHERE evidence_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(evidenceId) as TextRow | undefined;
    if (!row) return null;
    if (sha256Hex(new TextEncoder().encode(row.result)) !== row.sha256) {
      throw new DalelError('INTERNAL', `The stored text of evidence ${evidenceId} does not match its hash.`, { evidenceId });
    }
    return {
      id: row.id,
      evidenceId: row.evidence_id,
      caseId: row.case_id,
      evidenceSha256: row.evidence_sha256,
      sha256: row.sha256,
      result: JSON.parse(row.result) as OcrDocument,
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  /** The case of a stored text of an evidence item with the given hash, or null when there is none. */
  caseOfText(evidenceId: string, sha256: string): string | null {
    const row = this.deps.db.prepare('SELECT case_id FROM document_texts WHERE evidence_id = ? AND sha256 = ? LIMIT 1').get(evidenceId, sha256) as { case_id: string } | undefined;
    return row?.case_id ?? null;
  }

  /** The case's evidence items with a stored text: the latest text of each, newest first (no page contents). */
  listForCase(caseId: string): Array<{ evidenceId: string; fileName: string; textSha256: string; pages: number; createdAt: string }> {
    const rows = this.deps.db
      .prepare(
        `SELECT t.evidence_id, t.sha256, t.pages, t.created_at FROM document_texts t
          WHERE t.case_id = ? AND t.rowid = (SELECT u.rowid FROM document_texts u WHERE u.evidence_id = t.evidence_id ORDER BY u.created_at DESC, u.rowid DESC LIMIT 1)
          ORDER BY t.created_at DESC, t.rowid DESC`,
      )
      .all(caseId) as { evidence_id: string; sha256: string; pages: number; created_at: string }[];
    return rows.map((r) => ({ evidenceId: r.evidence_id, fileName: this.deps.evidence.get(r.evidence_id).originalName, textSha256: r.sha256, pages: r.pages, createdAt: r.created_at }));
  }

  /** Pages of the case's recognised documents that contain every word of the query (stems matched). */
  search(caseId: string, query: string, limit = 20): DocumentTextHit[] {
    const terms = words(query).filter((w) => w.length > 1 || /\d/.test(w));
    if (terms.length === 0) return [];
    const match = terms.map((w) => `(${queryStems(w).map((s) => `"${s.replace(/"/g, '""')}"`).join(' OR ')})`).join(' AND ');
    const rows = this.deps.db
      .prepare(
        `SELECT t.evidence_id, t.id AS text_id, p.page, p.text FROM document_text_fts f
           JOIN document_text_pages p ON p.id = f.rowid JOIN document_texts t ON t.id = p.text_id
          WHERE document_text_fts MATCH ? AND t.case_id = ? ORDER BY bm25(document_text_fts) LIMIT ?`,
      )
      .all(match, caseId, Math.max(1, Math.min(limit, 200))) as { evidence_id: string; text_id: string; page: number; text: string }[];
    return rows.map((r) => {
      const lower = r.text.toLowerCase();
      const at = Math.max(0, terms.map((t) => lower.indexOf(t.toLowerCase().slice(0, Math.max(3, t.length - 2)))).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0);
      return { evidenceId: r.evidence_id, textId: r.text_id, page: r.page, snippet: r.text.slice(Math.max(0, at - 60), at + 120).replace(/\s+/g, ' ') };
    });
  }

  /**
   * Facts proposed from the latest stored text of a document, page by page, each with the words to highlight on the
   * page image; nothing is entered anywhere (the judge accepts each one in the facts form).
   */
  proposeFacts(evidenceId: string, caseType: string): { evidenceId: string; textSha256: string; facts: ProposedFact[] } {
    const stored = this.latest(evidenceId);
    if (!stored) throw new DalelError('NOT_FOUND', 'The document has not been read yet: recognise its text first.', { evidenceId });
    const facts: ProposedFact[] = [];
    for (const page of stored.result.pages) {
      const { text, starts } = layoutWords(page.words);
      for (const found of extractFacts(text, caseType, { categoryOf: this.deps.categoryOf })) {
        const boxes = page.words
          .filter((w, i) => starts[i]! < found.span.end && starts[i]! + w.text.length > found.span.start)
          .map((w) => ({ left: w.left, top: w.top, width: w.width, height: w.height }));
        const before = text.slice(Math.max(0, found.span.start - 60), found.span.start);
        const after = text.slice(found.span.end, found.span.end + 60);
        facts.push({ field: found.field, value: found.value, confidence: found.confidence, page: page.page, span: found.span, quote: text.slice(found.span.start, found.span.end), before, after, boxes });
      }
    }
    return { evidenceId, textSha256: stored.sha256, facts };
  }
}
