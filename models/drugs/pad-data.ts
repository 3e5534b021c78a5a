/**
 * Reading PAD card CSVs (`pad_cards_train.csv` layout: `index, Image, Contains, Drug %, PAD S#, A1-R … L10-B`, and an
 * optional `IM_ISSUE` flag). Every problem is a BAD_INPUT error naming the file, the row (1-based data row and the
 * file line) and the column.
 */
import { DalelError } from '../../core/errors.ts';
import { parseCsvBytes, readInputFile, type CsvTable } from '../cases/csv.ts';
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

/** Parses a PAD card table; `requireLabels` makes `Contains` and `Drug %` mandatory (training). */
export function parsePadCards(table: CsvTable, file: string, requireLabels = false): PadCardTable {
  const at = new Map(table.header.map((name, i) => [name.trim(), i] as const));
  const missing = padFeatureColumns.filter((c) => !at.has(c));
  const labelColumns = ['Contains', 'Drug %'];
  if (requireLabels) missing.push(...labelColumns.filter((c) => !at.has(c)));
  if (missing.length > 0) {
    const shown = missing.length > 6 ? `${missing.slice(0, 6).join(', ')} … (${missing.length} in all)` : missing.join(', ');
    fail(file, `missing column${missing.length > 1 ? 's' : ''} ${shown}`, { column: missing[0]!, missingColumns: missing.length });
  }
  const labelled = labelColumns.every((c) => at.has(c));
  const featureAt = padFeatureColumns.map((c) => at.get(c)!);
  const col = (name: string) => at.get(name);
  const [indexAt, imageAt, cardAt, containsAt, percentAt, issueAt] = [col(''), col('Image'), col('PAD S#'), col('Contains'), col('Drug %'), col('IM_ISSUE')];
  const rows = table.rows.map((fields, r): PadCardRow => {
    const row = r + 1;
    const where = (column: string) => ({ row, line: row + 1, column });
    const features = new Float64Array(padFeatureCount);
    for (let k = 0; k < padFeatureCount; k += 1) {
      const text = fields[featureAt[k]!]!.trim();
      const value = text === '' ? NaN : Number(text);
      if (!Number.isFinite(value)) {
        const column = padFeatureColumns[k]!;
        fail(file, `row ${row} (line ${row + 1}), column ${column}: ${text === '' ? 'empty' : `"${text.slice(0, 40)}" is not a number`}`, where(column));
      }
      if (value < 0 || value > 255) fail(file, `row ${row} (line ${row + 1}), column ${padFeatureColumns[k]}: ${value} is outside 0–255`, where(padFeatureColumns[k]!));
      features[k] = value;
    }
    let contains: string | null = null;
    let drugPercent: number | null = null;
    if (labelled) {
      contains = fields[containsAt!]!.trim();
      if (contains === '') fail(file, `row ${row} (line ${row + 1}), column Contains: empty`, where('Contains'));
      const text = fields[percentAt!]!.trim();
      drugPercent = Number(text);
      if (text === '' || !Number.isFinite(drugPercent)) fail(file, `row ${row} (line ${row + 1}), column Drug %: "${text}" is not a number`, where('Drug %'));
    }
    const image = imageAt === undefined ? String(row) : fields[imageAt]!.trim();
    return {
      index: indexAt === undefined ? String(row) : fields[indexAt]!.trim(),
      image,
      card: cardAt === undefined || fields[cardAt]!.trim() === '' ? `image:${image}` : fields[cardAt]!.trim(),
      contains,
      drugPercent,
      imageIssue: issueAt !== undefined && /^(true|1|yes)$/i.test(fields[issueAt]!.trim()),
      features,
    };
  });
  if (requireLabels && rows.length === 0) fail(file, 'no data rows', { row: 0 });
  return { file, rows, labelled };
}

/** Reads a PAD card CSV (plain or gzip) from disk. */
export function readPadCards(file: string, requireLabels = false): PadCardTable {
  return parsePadCards(parseCsvBytes(readInputFile(file), file), file, requireLabels);
}
