/**
 * The watched inbox ("daily import"): files an administrator's process drops into a folder are imported on the
 * schedule the administrator sets, each once (recognised by content), structured files as structured imports and
 * decision texts through anonymisation and review; each file's report is kept (corpus_inbox_files and its import).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/database.ts';
import { findCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError, tooLarge } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { maxDecisionBytes } from './decision-text.ts';
import { maxCorpusFileBytes, type CorpusStore } from './ingest.ts';
import type { DecisionTextIngest } from './text-ingest.ts';

/** Where the inbox is, which case type its files are, and how often it is read (0: only when asked). */
export interface InboxConfig {
  readonly dir: string;
  readonly caseType: string;
  readonly everyMinutes: number;
}

/** What became of one inbox file. */
export interface InboxFileResult {
  readonly fileName: string;
  readonly sha256: string;
  readonly importId: string | null;
  readonly outcome: string;
  readonly error: string | null;
}

/** An inbox file as kept: when it was read, and its import's counts or why it was refused. */
export interface InboxFileRecord {
  readonly fileName: string;
  readonly sha256: string;
  readonly scannedAt: string;
  readonly importId: string | null;
  readonly format: 'csv' | 'jsonl' | 'text' | null;
  readonly rows: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly duplicates: number;
  readonly inReview: number;
  /** The refusal's reason code (not-docx, no-text-layer, …), when the file was refused. */
  readonly errorCode: string | null;
  readonly error: string | null;
  /** The refusal's figures and names (the columns missing, the size and limit), for the screen's sentence. */
  readonly errorParams: Readonly<Record<string, string | number>> | null;
}

// A refusal is kept as JSON of its code, message and parameters; older rows hold less (the message alone, or no
// parameters).
function storedError(error: unknown): string {
  const reasonCode = error instanceof DalelError && typeof error.params.reasonCode === 'string' ? error.params.reasonCode : null;
  return JSON.stringify({ reasonCode, message: (error as Error).message, params: error instanceof DalelError ? error.params : {} });
}

function readError(text: string | null): Pick<InboxFileRecord, 'errorCode' | 'error' | 'errorParams'> {
  if (text === null) return { errorCode: null, error: null, errorParams: null };
  try {
    const parsed = JSON.parse(text) as { reasonCode?: unknown; message?: unknown; params?: unknown };
    const params = typeof parsed.params === 'object' && parsed.params !== null ? (parsed.params as Record<string, string | number>) : null;
    return { errorCode: typeof parsed.reasonCode === 'string' ? parsed.reasonCode : null, error: String(parsed.message ?? text), errorParams: params };
  } catch {
    return { errorCode: null, error: text, errorParams: null };
  }
}

/** The SHA-256 of a file read in pieces, for a file too large to read at once. */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const piece = new Uint8Array(8 * 1024 * 1024);
    for (let n = readSync(fd, piece); n > 0; n = readSync(fd, piece)) hash.update(piece.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const structured = /\.(csv|jsonl|ndjson)(\.gz)?$/i;
const texts = /\.(txt|pdf|docx)$/i;

/** The watched inbox of the verdict corpus. */
export class CorpusInbox {
  private lastScan = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly corpus: CorpusStore,
    private readonly texts: DecisionTextIngest,
    private readonly caseTypes: readonly CaseType[],
  ) {}

  /** The inbox's configuration, or null when none is set. */
  config(): InboxConfig | null {
    const row = this.db.prepare("SELECT value FROM workstation WHERE key = 'corpus-inbox'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as InboxConfig) : null;
  }

  /** Sets the inbox (an administrator's decision, audit-logged). */
  configure(config: InboxConfig, actor: Actor | null): InboxConfig {
    findCaseType(this.caseTypes, config.caseType);
    if (!Number.isInteger(config.everyMinutes) || config.everyMinutes < 0) throw new DalelError('VALIDATION', 'The schedule is a whole number of minutes (0: only when asked).');
    let isDir = false;
    try {
      isDir = statSync(config.dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new DalelError('BAD_INPUT', `${config.dir}: not a folder`, { file: config.dir, reasonCode: 'not-a-folder' });
    this.db.prepare("INSERT INTO workstation (key, value) VALUES ('corpus-inbox', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(config));
    this.audit.append({ action: 'corpus.inbox-configured', actor, details: { dir: config.dir, caseType: config.caseType, everyMinutes: config.everyMinutes } });
    return config;
  }

  /** Reads the inbox when its schedule says it is due (the app's timer calls this every minute). */
  scanIfDue(): InboxFileResult[] | null {
    const config = this.config();
    if (!config || config.everyMinutes === 0 || this.clock.now() - this.lastScan < config.everyMinutes * 60_000) return null;
    return this.scan(null);
  }

  /** Imports every file of the inbox not imported before; returns what became of each new one. */
  scan(actor: Actor | null): InboxFileResult[] {
    const config = this.config();
    if (!config) throw new DalelError('CONFLICT', 'No inbox is set: dalel corpus inbox --dir DIR --case-type T --every-minutes N');
    this.lastScan = this.clock.now();
    const caseType = findCaseType(this.caseTypes, config.caseType);
    const results: InboxFileResult[] = [];
    for (const name of readdirSync(config.dir).sort()) {
      const path = join(config.dir, name);
      if (name.startsWith('.') || name.endsWith('.partial') || !(structured.test(name) || texts.test(name))) continue;
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      // A file past the import's limit is refused unread (read whole, it could exhaust memory and stop every scan).
      const size = stat.size;
      const limit = structured.test(name) ? maxCorpusFileBytes : maxDecisionBytes;
      const bytes = size > limit ? null : new Uint8Array(readFileSync(path));
      const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : fileSha256(path);
      if (this.db.prepare('SELECT 1 FROM corpus_inbox_files WHERE sha256 = ?').get(sha256)) continue;
      let result: InboxFileResult;
      let refusal: string | null = null;
      try {
        if (!bytes) throw tooLarge(name, size, limit);
        else if (structured.test(name)) {
          const report = this.corpus.importFile({ caseType, fileName: name, bytes, actor, source: 'inbox' });
          result = { fileName: name, sha256, importId: report.id, outcome: `${report.accepted} accepted, ${report.quarantined} quarantined, ${report.duplicates} duplicates`, error: null };
        } else {
          const text = this.texts.importText({ caseType, fileName: name, bytes, actor, source: 'inbox' });
          result = { fileName: name, sha256, importId: text.importId, outcome: text.outcome, error: null };
        }
      } catch (error) {
        result = { fileName: name, sha256, importId: null, outcome: 'refused', error: (error as Error).message };
        refusal = storedError(error);
      }
      this.db.prepare('INSERT INTO corpus_inbox_files (sha256, file_name, import_id, error, imported_at) VALUES (?, ?, ?, ?, ?)').run(sha256, name, result.importId, refusal, isoAt(this.clock.now()));
      results.push(result);
    }
    this.audit.append({ action: 'corpus.inbox-scanned', actor, details: { dir: config.dir, caseType: config.caseType, files: results.length, refused: results.filter((r) => r.error).length } });
    return results;
  }

  /** The files the inbox has read, newest first, each with its import's counts or its refusal. */
  files(limit = 100): InboxFileRecord[] {
    const rows = this.db
      .prepare(
        `SELECT f.file_name, f.sha256, f.imported_at, f.import_id, f.error, i.format, i.rows, i.accepted, i.quarantined, i.duplicates, i.in_review
           FROM corpus_inbox_files f LEFT JOIN corpus_imports i ON i.id = f.import_id
          ORDER BY f.imported_at DESC, f.rowid DESC LIMIT ?`,
      )
      .all(limit) as {
      file_name: string;
      sha256: string;
      imported_at: string;
      import_id: string | null;
      error: string | null;
      format: InboxFileRecord['format'];
      rows: number | null;
      accepted: number | null;
      quarantined: number | null;
      duplicates: number | null;
      in_review: number | null;
    }[];
    return rows.map((r) => ({
      fileName: r.file_name,
      sha256: r.sha256,
      scannedAt: r.imported_at,
      importId: r.import_id,
      format: r.format ?? null,
      rows: r.rows ?? 0,
      accepted: r.accepted ?? 0,
      quarantined: r.quarantined ?? 0,
      duplicates: r.duplicates ?? 0,
      inReview: r.in_review ?? 0,
      ...readError(r.error),
    }));
  }
}
