/**
 * Reading PAD card CSVs (`pad_cards_train.csv` layout: `index, Image, Contains, Drug %, PAD S#, A1-R … L10-B`, and an
 * optional `IM_ISSUE` flag). Every problem is a BAD_INPUT error naming the file, the row (1-based data row and the
 * file line) and the column.
 */
import { DalelError } from '../../core/errors.ts';
import { gunzipSync } from 'node:zlib';
import { parseCsv, readInputFile, type CsvTable } from '../cases/csv.ts';
import { padFeatureColumns, padFeatureCount } from './pad-layout.ts';

/** One photographed card. */
export interface PadCardRow {
  /** The file's first (unnamed) column, when present. */
  readonly index: string;
  /** The photo's id (`Image`); unique per row. */
  readonly image: string;
  /** The card's serial number (`PAD S#`): replicate photos of one card share it. */
  readonly card: string;
  /** The active ingredient (`Contains`), or null when the file has no labels. */
  readonly contains: string | null;
  /** `Drug %` (0, 20, 50, 80, 100), or null when the file has no labels. */
  readonly drugPercent: number | null;
  /** `IM_ISSUE` (the photo was flagged as having an image issue), false when absent. */
  readonly imageIssue: boolean;
  /** 360 values, CSV order. */
  readonly features: Float64Array;
}

export interface PadCardTable {
  readonly file: string;
  readonly rows: readonly PadCardRow[];
  /** Whether the file carries `Contains` and `Drug %`. */
  readonly labelled: boolean;
}

const fail = (file: string, message: string, params: Record<string, string | number>): never => {
  throw new DalelError('BAD_INPUT', `${file}: ${message}`, { file, reasonCode: 'bad-pad-csv', ...params });
};

/** A CSV table with, per row, the file line it ends on (when known). */
export type PadCsvTable = CsvTable & { readonly lines?: readonly number[] };

interface Columns {
  readonly width: number;
  readonly featureAt: readonly number[];
  readonly labelled: boolean;
  readonly indexAt?: number;
  readonly imageAt?: number;
  readonly cardAt?: number;
  readonly containsAt?: number;
  readonly percentAt?: number;
  readonly issueAt?: number;
}

/** Where each needed column is; missing feature (or, for training, label) columns are an error naming them. */
function columnsOf(header: readonly string[], file: string, requireLabels: boolean): Columns {
  const at = new Map(header.map((name, i) => [name.trim(), i] as const));
  const missing = padFeatureColumns.filter((c) => !at.has(c));
  const labelColumns = ['Contains', 'Drug %'];
  if (requireLabels) missing.push(...labelColumns.filter((c) => !at.has(c)));
  if (missing.length > 0) {
    const shown = missing.length > 6 ? `${missing.slice(0, 6).join(', ')} … (${missing.length} in all)` : missing.join(', ');
    fail(file, `missing column${missing.length > 1 ? 's' : ''} ${shown}`, { column: missing[0]!, missingColumns: missing.length });
  }
  return {
    width: header.length,
    featureAt: padFeatureColumns.map((c) => at.get(c)!),
    labelled: labelColumns.every((c) => at.has(c)),
    indexAt: at.get(''),
    imageAt: at.get('Image'),
    cardAt: at.get('PAD S#'),
    containsAt: at.get('Contains'),
    percentAt: at.get('Drug %'),
    issueAt: at.get('IM_ISSUE'),
  };
}

/** One row from its fields (`field(i)`: column i's text); `parsed` skips reading the features again. */
function rowFrom(field: (i: number) => string, r: number, lineNo: number, cols: Columns, file: string, parsed?: Float64Array): PadCardRow {
  const row = r + 1;
  const where = (column: string) => ({ row, line: lineNo, column });
  const at = `row ${row} (line ${lineNo})`;
  let features = parsed;
  if (!features) {
    features = new Float64Array(padFeatureCount);
    for (let k = 0; k < padFeatureCount; k += 1) {
      const text = field(cols.featureAt[k]!);
      const value = Number(text);
      if (!(value >= 0 && value <= 255) || (value === 0 && text.trim() === '')) {
        const column = padFeatureColumns[k]!;
        const shown = text.trim();
        if (shown === '') fail(file, `${at}, column ${column}: empty`, where(column));
        if (!Number.isFinite(value)) fail(file, `${at}, column ${column}: "${shown.slice(0, 40)}" is not a number`, where(column));
        fail(file, `${at}, column ${column}: ${value} is outside 0–255`, where(column));
      }
      features[k] = value;
    }
  }
  let contains: string | null = null;
  let drugPercent: number | null = null;
  if (cols.labelled) {
    contains = field(cols.containsAt!).trim();
    if (contains === '') fail(file, `${at}, column Contains: empty`, where('Contains'));
    const text = field(cols.percentAt!).trim();
    drugPercent = Number(text);
    if (text === '' || !Number.isFinite(drugPercent)) fail(file, `${at}, column Drug %: "${text}" is not a number`, where('Drug %'));
  }
  const image = cols.imageAt === undefined ? String(row) : field(cols.imageAt).trim();
  const card = cols.cardAt === undefined ? '' : field(cols.cardAt).trim();
  return {
    index: cols.indexAt === undefined ? String(row) : field(cols.indexAt).trim(),
    image,
    card: card === '' ? `image:${image}` : card,
    contains,
    drugPercent,
    imageIssue: cols.issueAt !== undefined && /^(true|1|yes)$/i.test(field(cols.issueAt).trim()),
    features,
  };
}

/** Parses a PAD card table; `requireLabels` makes `Contains` and `Drug %` mandatory (training). */
export function parsePadCards(table: PadCsvTable, file: string, requireLabels = false): PadCardTable {
  const cols = columnsOf(table.header, file, requireLabels);
  const rows = table.rows.map((fields, r) => rowFrom((i) => fields[i]!, r, table.lines?.[r] ?? r + 2, cols, file));
  if (requireLabels && rows.length === 0) fail(file, 'no data rows', { row: 0 });
  return { file, rows, labelled: cols.labelled };
}

const comma = 0x2c;
const newline = 0x0a;
const carriageReturn = 0x0d;
const dot = 0x2e;

/**
 * Parses card CSV bytes. Card files are plain numbers: when the file has no quote, fields are read straight from the
 * bytes (10 000 cards are 3.6 million fields: splitting them into strings takes most of a second). A row whose
 * features are not plain decimals (spaces, exponents, text) goes through the text path, which accepts or names them.
 * Files with quotes go to the RFC 4180 parser.
 */
export function parsePadCsvBytes(bytes: Uint8Array, file: string, requireLabels = false): PadCardTable {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(0x22)) return parsePadCards(parseCsv(buffer.toString('utf8'), file), file, requireLabels);
  let pos = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  /** The next non-empty line as [start, end), or null at the end of the file. */
  const nextLine = (): [number, number] | null => {
    while (pos < buffer.length) {
      const start = pos;
      while (pos < buffer.length && buffer[pos] !== newline && buffer[pos] !== carriageReturn) pos += 1;
      const end = pos;
      if (buffer[pos] === carriageReturn && buffer[pos + 1] === newline) pos += 1;
      pos += 1;
      lineNo += 1;
      if (end > start) return [start, end];
    }
    return null;
  };
  const first = nextLine();
  if (!first) throw new DalelError('BAD_INPUT', `${file}: the file is empty`, { file, reasonCode: 'malformed-csv' });
  const header = buffer.toString('utf8', first[0], first[1]).split(',');
  const cols = columnsOf(header, file, requireLabels);
  const role = new Int32Array(cols.width).fill(-1);
  cols.featureAt.forEach((column, k) => (role[column] = k));
  const starts = new Int32Array(cols.width + 1);
  const rows: PadCardRow[] = [];
  for (let line = nextLine(); line; line = nextLine()) {
    const [start, end] = line;
    const features = new Float64Array(padFeatureCount);
    let plain = true;
    let field = 0;
    let p = start;
    for (;;) {
      if (field < cols.width) starts[field] = p;
      const k = field < cols.width ? role[field]! : -1;
      let digits = 0;
      let whole = 0;
      let scale = 1;
      let seenDot = false;
      while (p < end && buffer[p] !== comma) {
        if (k >= 0 && plain) {
          const c = buffer[p]!;
          if (c >= 0x30 && c <= 0x39) {
            whole = whole * 10 + (c - 0x30);
            digits += 1;
            if (seenDot) scale *= 10;
          } else if (c === dot && !seenDot) seenDot = true;
          else plain = false;
        }
        p += 1;
      }
      if (k >= 0 && plain) {
        const value = whole / scale;
        if (digits === 0 || digits > 15 || value > 255) plain = false;
        else features[k] = value;
      }
      field += 1;
      if (p >= end) break;
      p += 1;
    }
    if (field !== cols.width) {
      throw new DalelError('BAD_INPUT', `${file}: line ${lineNo} has ${field} fields, the header has ${cols.width}`, { file, reasonCode: 'malformed-csv', line: lineNo });
    }
    starts[cols.width] = end + 1;
    const text = (i: number) => buffer.toString('utf8', starts[i]!, starts[i + 1]! - 1);
    rows.push(rowFrom(text, rows.length, lineNo, cols, file, plain ? features : undefined));
  }
  if (requireLabels && rows.length === 0) fail(file, 'no data rows', { row: 0 });
  return { file, rows, labelled: cols.labelled };
}

/** Reads a PAD card CSV (plain or gzip) from disk. */
export function readPadCards(file: string, requireLabels = false): PadCardTable {
  const bytes = readInputFile(file);
  let plain: Uint8Array;
  try {
    plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be decompressed (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
  return parsePadCsvBytes(plain, file, requireLabels);
}
