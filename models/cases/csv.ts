/**
 * CSV reading for case data (RFC 4180, by csv-parse: quoted fields, doubled quotes, CRLF, LF or CR). Gzip files are
 * recognised by their magic bytes, not their name, so `*.csv.gz` and renamed archives both work.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CsvError, parse } from 'csv-parse/sync';
import { DalelError } from '../../core/errors.ts';

/** A parsed CSV file: the header and every record's fields in header order. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** One record as a column-name → text map (built on demand: files can hold many more rows than are used). */
export function recordAt(table: CsvTable, index: number): Record<string, string> {
  const fields = table.rows[index]!;
  const record: Record<string, string> = {};
  table.header.forEach((column, k) => (record[column] = fields[k]!));
  return record;
}

/** CSV text that breaks RFC 4180: the line (1-based) and, where known, the column the parser stopped at. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** csv-parse's reasons, in words a person acts on. */
const syntaxReasons: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed before the end of the file',
  CSV_INVALID_CLOSING_QUOTE: 'text follows the closing quote of a field (a quote inside a field must be doubled and the field quoted)',
};

/** Splits CSV text into records, each with the line it ends on; a UTF-8 byte-order mark and blank lines are dropped. */
function parseRecords(text: string): Array<{ record: string[]; line: number }> {
  try {
    const parsed = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'], info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, column } = error as CsvError & { lines?: number; column?: number };
    const line = lines ?? 0;
    const reason = syntaxReasons[error.code] ?? error.message;
    throw new CsvSyntaxError(`line ${line}: ${reason}`, line, typeof column === 'number' ? column + 1 : undefined);
  }
}

/** Splits CSV text into rows of fields (RFC 4180); malformed text is a CsvSyntaxError naming the line. */
export function parseCsvRows(text: string): string[][] {
  return parseRecords(text).map((r) => r.record);
}

/** Parses CSV text whose first row names the columns; a record with the wrong number of fields is an error. */
export function parseCsv(text: string, name = 'CSV'): CsvTable {
  let records: Array<{ record: string[]; line: number }>;
  try {
    records = parseRecords(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const params: Record<string, string | number> = { file: name, reasonCode: 'malformed-csv', line: error.line };
    if (error.column !== undefined) params.column = error.column;
    throw new DalelError('BAD_INPUT', `${name}: ${error.message}`, params);
  }
  const header = records[0]?.record;
  if (!header) throw new DalelError('BAD_INPUT', `${name}: the file is empty`, { file: name, reasonCode: 'malformed-csv' });
  for (const { record, line } of records.slice(1)) {
    if (record.length !== header.length) {
      throw new DalelError('BAD_INPUT', `${name}: line ${line} has ${record.length} fields, the header has ${header.length}`, {
        file: name,
        reasonCode: 'malformed-csv',
        line,
      });
    }
  }
  return { header, rows: records.slice(1).map((r) => r.record) };
}

/** Parses CSV bytes, gunzipping them first when they are gzip. */
export function parseCsvBytes(bytes: Uint8Array, name: string): CsvTable {
  let text: string;
  try {
    const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    text = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8');
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${name}: cannot be decompressed (${(error as Error).message})`, { file: name, reasonCode: 'unreadable' });
  }
  return parseCsv(text, name);
}

/** Reads a file's bytes, as a BAD_INPUT error naming it when it cannot be read. */
export function readInputFile(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
}

/** Reads a CSV file (plain or gzip) from disk. */
export function readCsvFile(file: string): CsvTable {
  return parseCsvBytes(readInputFile(file), file);
}
