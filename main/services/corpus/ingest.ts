/**
 * Structured ingestion: a CSV or JSONL file of decided cases for one case type, validated row by row against the
 * case type's schema. A bad row is quarantined with its line, column and reason and the rest go on; a case already
 * in the corpus (the same court and case number, recognised by a keyed hash) is counted as a duplicate and not
 * stored again, so importing a file twice adds nothing. Every import is an audit entry with the file's SHA-256 and
 * its counts.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/database.ts';
import type { CaseType } from '../../../models/cases/case-type.ts';
import { checkFacts, factsFromRecord } from '../../../models/cases/facts.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError, tooLarge } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { factsReason, readReason, reason, reasonText, storedReason, type Reason } from './reasons.ts';

/** The columns every file names besides the case type's fields: the court and its case number (never stored as such). */
export const keyColumns = { court: 'court', caseNumber: 'caseNumber' } as const;

/** One refused row: where, and why (the English sentence, and the code with its figures that screens translate). */
export interface QuarantinedRow {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
  readonly code: Reason['code'];
  readonly params: Reason['params'];
}

/** A refused row from its place and reason. */
function refused(line: number, column: string | null, why: Reason): QuarantinedRow {
  return { line, column, reason: reasonText(why), code: why.code, params: why.params };
}

/** What an import did. */
export interface ImportReport {
  readonly id: string;
  readonly caseType: string;
  readonly caseTypeVersion: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly format: 'csv' | 'jsonl' | 'text';
  readonly rows: number;
  readonly accepted: number;
  readonly quarantined: number;
  readonly duplicates: number;
  readonly importedAt: string;
  /** The first refused rows (all are kept; corpusQuarantine lists them). */
  readonly problems: QuarantinedRow[];
}

/** The corpus of one case type. */
export interface CorpusStatus {
  readonly caseType: string;
  readonly records: number;
  readonly imports: number;
  readonly quarantined: number;
  readonly lastImportAt: string;
  readonly period: { from: string; to: string } | null;
}

/** What to import. */
export interface ImportInput {
  readonly caseType: CaseType;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly actor: Actor | null;
  /** 'manual' or 'inbox' (the watched folder). */
  readonly source?: 'manual' | 'inbox';
}

interface Row {
  readonly line: number;
  readonly record: Record<string, unknown>;
  readonly raw: 'csv' | 'json';
}

const problemsShown = 50;

/**
 * The largest corpus file read, as sent or once unpacked: far above a court's years of decisions (100 000 rows are
 * about 10 MB), and below what one string of its text can hold. A gzip that unpacks past it is stopped while unpacking.
 */
export const maxCorpusFileBytes = 256 * 1024 * 1024;

function decode(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > maxCorpusFileBytes) throw tooLarge(fileName, bytes.length, maxCorpusFileBytes);
  let plain = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      plain = gunzipSync(bytes, { maxOutputLength: maxCorpusFileBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DalelError('BAD_INPUT', `${fileName}: unpacks to more than ${maxCorpusFileBytes} bytes`, { file: fileName, reasonCode: 'unpacks-too-large', limit: maxCorpusFileBytes });
      }
      throw new DalelError('BAD_INPUT', `${fileName}: not a readable gzip file (${(error as Error).message})`, { file: fileName, reasonCode: 'unreadable' });
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${fileName}: not UTF-8 text (${(error as Error).message})`, { file: fileName, reasonCode: 'unreadable' });
  }
}

type Delimiter = ',' | ';' | '\t';

/**
 * The field separator of a CSV file: the one its header line (outside quotes) holds most of, a comma on a tie. The
 * semicolon is what spreadsheets in Russian and Kazakh locales write, their comma being the decimal mark.
 */
function csvDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  return ([';', '\t'] as const).reduce<Delimiter>((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/** Splits a CSV file into rows; rows the parser cannot read, or with the wrong number of fields, are refused by line. */
function csvRows(text: string, fileName: string, delimiter: Delimiter, refuse: (p: QuarantinedRow) => void): Row[] {
  const skipped: QuarantinedRow[] = [];
  const records = parse(text, {
    delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    info: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) skipped.push(refused(error.lines ?? 0, null, reason('csv-unreadable', { detail: error.message })));
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  skipped.forEach(refuse);
  const header = records[0]?.record;
  if (!header) throw new DalelError('BAD_INPUT', `${fileName}: the file is empty`, { file: fileName, reasonCode: 'malformed-csv' });
  // Without the columns that identify a case, every row would be set aside for the same reason: say it once.
  const missing = Object.values(keyColumns).filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new DalelError('BAD_INPUT', `${fileName}: the header has no column ${missing.join(', ')}`, { file: fileName, reasonCode: 'missing-columns', columns: missing.join(', ') });
  }
  const rows: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      refuse(refused(info.lines, null, reason('field-count', { fields: record.length, expected: header.length })));
      continue;
    }
    const object: Record<string, string> = {};
    header.forEach((column, k) => (object[column] = record[k]!));
    rows.push({ line: info.lines, record: object, raw: 'csv' });
  }
  return rows;
}

/** Splits a JSONL file into rows (one JSON object a line); a line that is not an object is refused. */
function jsonlRows(text: string, refuse: (p: QuarantinedRow) => void): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      refuse(refused(i + 1, null, reason('not-json', { detail: (error as Error).message })));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(refused(i + 1, null, reason('not-object')));
    else rows.push({ line: i + 1, record: value as Record<string, unknown>, raw: 'json' });
  });
  return rows;
}

const normaliseKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The verdict corpus's structured store. */
export class CorpusStore {
  private keyCache: Buffer | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** The workstation's secret for the keyed hash of court + case number (made on first use). */
  private dedupSecret(): Buffer {
    if (this.keyCache) return this.keyCache;
    const ensure = this.db.transaction(() => {
      const row = this.db.prepare("SELECT value FROM workstation WHERE key = 'corpus-dedup-key'").get() as { value: string } | undefined;
      if (row) return row.value;
      const value = randomBytes(32).toString('hex');
      this.db.prepare("INSERT INTO workstation (key, value) VALUES ('corpus-dedup-key', ?)").run(value);
      return value;
    });
    this.keyCache = Buffer.from(ensure.immediate(), 'hex');
    return this.keyCache;
  }

  /** The keyed hash that recognises one case: HMAC-SHA256 of the court and the case number, normalised. */
  dedupKey(court: string, caseNumber: string): string {
    return createHmac('sha256', this.dedupSecret()).update(`${normaliseKey(court)}\u0000${normaliseKey(caseNumber)}`).digest('hex');
  }

  /** Whether the corpus already holds the case with this key. */
  hasCase(caseType: string, dedupKey: string): boolean {
    return this.db.prepare('SELECT 1 FROM corpus_records WHERE case_type = ? AND dedup_key = ?').get(caseType, dedupKey) !== undefined;
  }

  /** Stores one validated case (a decision text, or a clerk's confirmed review); the caller holds the transaction. */
  insertRecord(caseType: CaseType, facts: Record<string, unknown>, court: string, dedupKey: string, importId: string, line: number): void {
    const timeField = caseType.fields.find((f) => f.role.role === 'time')?.name;
    const decided = timeField ? facts[timeField] : undefined;
    this.db
      .prepare('INSERT INTO corpus_records (case_type, dedup_key, court, decided_on, facts, import_id, line) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(caseType.id, dedupKey, court, decided === undefined || decided === null ? null : String(decided), JSON.stringify(facts), importId, line);
  }

  /** Imports a file: every valid new case stored, every bad row quarantined, duplicates counted; one audit entry. */
  importFile(input: ImportInput): ImportReport {
    const { caseType, fileName, bytes } = input;
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    const text = decode(bytes, fileName);
    const format: 'csv' | 'jsonl' = /\.(jsonl|ndjson)(\.gz)?$/i.test(fileName) || /^\s*\{/.test(text) ? 'jsonl' : 'csv';
    const problems: QuarantinedRow[] = [];
    const refuse = (p: QuarantinedRow) => problems.push(p);
    const delimiter = format === 'csv' ? csvDelimiter(text) : ',';
    const rows = format === 'csv' ? csvRows(text, fileName, delimiter, refuse) : jsonlRows(text, refuse);
    // A semicolon-separated file is one whose numbers carry a decimal comma.
    const notation = { decimalComma: delimiter === ';' };
    const timeField = caseType.fields.find((f) => f.role.role === 'time')?.name;
    const accepted: { row: Row; facts: Record<string, unknown>; key: string; court: string }[] = [];
    for (const row of rows) {
      const court = row.record[keyColumns.court];
      const caseNumber = row.record[keyColumns.caseNumber];
      if (typeof court !== 'string' || court.trim() === '') {
        refuse(refused(row.line, keyColumns.court, reason('court-missing')));
        continue;
      }
      if (typeof caseNumber !== 'string' || caseNumber.trim() === '') {
        refuse(refused(row.line, keyColumns.caseNumber, reason('case-number-missing')));
        continue;
      }
      const candidate = row.raw === 'csv' ? factsFromRecord(caseType, row.record as Record<string, string>, undefined, notation) : withoutKeys(row.record);
      const checked = checkFacts(caseType, candidate);
      if (!checked.ok) {
        refuse(refused(row.line, checked.problem.field, factsReason(checked.problem)));
        continue;
      }
      accepted.push({ row, facts: checked.facts as Record<string, unknown>, key: this.dedupKey(court, caseNumber), court: court.trim() });
    }
    const id = randomUUID();
    const at = isoAt(this.clock.now());
    const rowCount = rows.length + problems.filter((p) => p.column === null).length;
    // One write transaction: which cases are new is decided under the lock, then the import row (with its final
    // counts: the tables are append-only) goes in before the records and quarantined rows that refer to it.
    const store = this.db.transaction(() => {
      const exists = this.db.prepare('SELECT 1 FROM corpus_records WHERE case_type = ? AND dedup_key = ?');
      const seen = new Set<string>();
      const fresh = accepted.filter((a) => {
        if (seen.has(a.key) || exists.get(caseType.id, a.key) !== undefined) return false;
        seen.add(a.key);
        return true;
      });
      this.db
        .prepare(
          'INSERT INTO corpus_imports (id, case_type, case_type_version, file_name, file_sha256, format, rows, accepted, quarantined, duplicates, imported_at, imported_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, caseType.id, caseType.version, fileName, fileSha256, format, rowCount, fresh.length, problems.length, accepted.length - fresh.length, at, input.actor?.userId ?? null, input.source ?? 'manual');
      const insert = this.db.prepare('INSERT INTO corpus_records (case_type, dedup_key, court, decided_on, facts, import_id, line) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const a of fresh) {
        const decided = timeField ? a.facts[timeField] : undefined;
        insert.run(caseType.id, a.key, a.court, decided === undefined || decided === null ? null : String(decided), JSON.stringify(a.facts), id, a.row.line);
      }
      const quarantine = this.db.prepare('INSERT OR IGNORE INTO corpus_quarantine (import_id, file_sha256, line, column_name, reason) VALUES (?, ?, ?, ?, ?)');
      for (const p of problems) quarantine.run(id, fileSha256, p.line, p.column, storedReason(p));
      return fresh.length;
    });
    const stored = store.immediate();
    const report: ImportReport = {
      id,
      caseType: caseType.id,
      caseTypeVersion: caseType.version,
      fileName,
      fileSha256,
      format,
      rows: rowCount,
      accepted: stored,
      quarantined: problems.length,
      duplicates: accepted.length - stored,
      importedAt: at,
      problems: [...problems].sort((a, b) => a.line - b.line).slice(0, problemsShown),
    };
    this.audit.append({
      action: 'corpus.imported',
      actor: input.actor,
      subjects: { importId: id },
      inputs: { file: fileSha256 },
      details: { caseType: caseType.id, caseTypeVersion: caseType.version, fileName, format, rows: report.rows, accepted: report.accepted, quarantined: report.quarantined, duplicates: report.duplicates, source: input.source ?? 'manual' },
    });
    return report;
  }

  /** The corpus per case type: records, imports, quarantined rows, the period its decisions span, the last import. */
  status(): CorpusStatus[] {
    const rows = this.db
      .prepare(
        `SELECT i.case_type AS caseType, COUNT(*) AS imports, SUM(i.quarantined) AS quarantined, MAX(i.imported_at) AS lastImportAt,
                (SELECT COUNT(*) FROM corpus_records r WHERE r.case_type = i.case_type) AS records,
                (SELECT MIN(decided_on) FROM corpus_records r WHERE r.case_type = i.case_type) AS fromDate,
                (SELECT MAX(decided_on) FROM corpus_records r WHERE r.case_type = i.case_type) AS toDate
           FROM corpus_imports i GROUP BY i.case_type ORDER BY i.case_type`,
      )
      .all() as { caseType: string; imports: number; quarantined: number; lastImportAt: string; records: number; fromDate: string | null; toDate: string | null }[];
    return rows.map((r) => ({ caseType: r.caseType, records: r.records, imports: r.imports, quarantined: r.quarantined, lastImportAt: r.lastImportAt, period: r.fromDate && r.toDate ? { from: r.fromDate, to: r.toDate } : null }));
  }

  /** The latest imports, newest first, with their reports (without the refused rows). */
  imports(limit = 50): Omit<ImportReport, 'problems'>[] {
    const rows = this.db
      .prepare(
        'SELECT id, case_type, case_type_version, file_name, file_sha256, format, rows, accepted, quarantined, duplicates, imported_at FROM corpus_imports ORDER BY imported_at DESC, rowid DESC LIMIT ?',
      )
      .all(limit) as { id: string; case_type: string; case_type_version: string; file_name: string; file_sha256: string; format: 'csv' | 'jsonl' | 'text'; rows: number; accepted: number; quarantined: number; duplicates: number; imported_at: string }[];
    return rows.map((r) => ({
      id: r.id,
      caseType: r.case_type,
      caseTypeVersion: r.case_type_version,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      format: r.format,
      rows: r.rows,
      accepted: r.accepted,
      quarantined: r.quarantined,
      duplicates: r.duplicates,
      importedAt: r.imported_at,
    }));
  }

  /** The rows an import refused, by line. */
  quarantine(importId: string): QuarantinedRow[] {
    const file = this.db.prepare('SELECT file_sha256 FROM corpus_imports WHERE id = ?').get(importId) as { file_sha256: string } | undefined;
    if (!file) throw new DalelError('NOT_FOUND', `No import ${importId}`);
    const rows = this.db.prepare('SELECT line, column_name AS column, reason FROM corpus_quarantine WHERE file_sha256 = ? ORDER BY line').all(file.file_sha256) as { line: number; column: string | null; reason: string }[];
    return rows.map((r) => refused(r.line, r.column, readReason(r.reason)));
  }

  /** Every stored case of a case type, in decision order (what retraining reads), with its court. */
  records(caseType: string): { facts: Record<string, unknown>; decidedOn: string | null; court: string }[] {
    const rows = this.db.prepare('SELECT facts, decided_on, court FROM corpus_records WHERE case_type = ? ORDER BY decided_on, id').all(caseType) as { facts: string; decided_on: string | null; court: string }[];
    return rows.map((r) => ({ facts: JSON.parse(r.facts) as Record<string, unknown>, decidedOn: r.decided_on, court: r.court }));
  }

  /** A fingerprint of a case type's corpus: SHA-256 over its records in order (the training-data snapshot hash). */
  snapshotSha256(caseType: string): { sha256: string; records: number } {
    const hash = createHash('sha256');
    let records = 0;
    for (const row of this.db.prepare('SELECT dedup_key, facts FROM corpus_records WHERE case_type = ? ORDER BY dedup_key').iterate(caseType) as Iterable<{ dedup_key: string; facts: string }>) {
      hash.update(row.dedup_key).update('\u0000').update(row.facts).update('\n');
      records += 1;
    }
    return { sha256: hash.digest('hex'), records };
  }
}

function withoutKeys(record: Record<string, unknown>): Record<string, unknown> {
  const { [keyColumns.court]: _court, [keyColumns.caseNumber]: _number, ...facts } = record;
  return facts;
}
