/**
 * CSV reading for case data (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Gzip files are recognised by
 * their magic bytes, not their name, so `*.csv.gz` and renamed archives both work.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
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

/** Splits CSV text into rows of fields. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 byte-order mark is not part of the first column's name
  const quote = 34;
  const comma = 44;
  const lf = 10;
  const cr = 13;
  // Field by field: unquoted fields are sliced in one piece; quoted ones are unescaped (doubled quotes).
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === quote) {
      let end = i + 1;
      let value = '';
      for (;;) {
        const next = text.indexOf('"', end);
        if (next < 0) throw new Error('a quoted field is not closed before the end of the file');
        value += text.slice(end, next);
        if (text.charCodeAt(next + 1) === quote) {
          value += '"';
          end = next + 2;
        } else {
          end = next + 1;
          break;
        }
      }
      field = value;
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === comma || c === lf || c === cr) break;
        end += 1;
      }
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === comma) {
      i += 1;
      if (i === n) row.push('');
    } else {
      // End of line (or of file): CRLF counts once.
      i += c === cr && text.charCodeAt(i + 1) === lf ? 2 : 1;
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Parses CSV text whose first row names the columns; a record with the wrong number of fields is an error. */
export function parseCsv(text: string, name = 'CSV'): CsvTable {
  let rows: string[][];
  try {
    rows = parseCsvRows(text);
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${name}: ${(error as Error).message}`, { file: name, reasonCode: 'malformed-csv' });
  }
  const header = rows[0];
  if (!header) throw new DalelError('BAD_INPUT', `${name}: the file is empty`, { file: name, reasonCode: 'malformed-csv' });
  rows.slice(1).forEach((fields, index) => {
    if (fields.length !== header.length) {
      throw new DalelError('BAD_INPUT', `${name}: line ${index + 2} has ${fields.length} fields, the header has ${header.length}`, {
        file: name,
        reasonCode: 'malformed-csv',
        line: index + 2,
      });
    }
  });
  return { header, rows: rows.slice(1) };
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
