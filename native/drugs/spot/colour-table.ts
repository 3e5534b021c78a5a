/**
 * The reference colour table of spot tests (by default NIJ Standard-0604.01 Table 1 with CIELAB values, as in
 * assets/drugs/colour-tests.csv): one row per reagent/substance/final colour. Errors name the file, the row (line)
 * and the column. Duquenois-Levine rows name their phase in brackets after the substance; the phase is kept apart.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { badInput } from '../../input-error.ts';
import type { Triple } from '../colour/spaces.ts';
import { reagentId } from './reagents.ts';

/** One table row: reagent id and name, substance (without phase), phase, expected colour. */
export interface ColourTableRow {
  readonly reagentId: string;
  readonly reagentName: string;
  readonly substance: string;
  readonly phase: string | null;
  readonly colourName: string;
  readonly lab: Triple;
  readonly hex: string | null;
  readonly source: string;
  /** Line of the row in its file (1-based, the header is line 1). */
  readonly line: number;
}

/** A loaded table and where it came from. */
export interface ColourTable {
  readonly file: string;
  readonly rows: readonly ColourTableRow[];
}

const REQUIRED = ['reagent', 'substance', 'lab_L', 'lab_a', 'lab_b'] as const;
const PHASE = /\s*\(((?:aqueous|chloroform|not extracted)[^)]*)\)\s*$/i;

/** Parses a colour table (see the file comment); `file` names it in errors. */
export function parseColourTable(text: string, file: string): ColourTable {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const { lines } = error as CsvError & { lines?: number };
      throw badInput(file, 'malformed-csv', `line ${lines ?? '?'}: ${error.message}`, { row: lines ?? 0 });
    }
    throw error;
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0) throw badInput(file, 'malformed-csv', 'the file is empty');
  for (const column of REQUIRED) {
    if (!header.includes(column)) throw badInput(file, 'missing-column', `the column "${column}" is missing (the header has: ${header.join(', ')})`, { column });
  }
  const at = (name: string): number => header.indexOf(name);
  const rows = records.slice(1).map((record, k): ColourTableRow => {
    const line = k + 2;
    if (record.length !== header.length) throw badInput(file, 'malformed-csv', `row ${line} has ${record.length} fields, the header has ${header.length}`, { row: line });
    const field = (name: string): string => (at(name) >= 0 ? record[at(name)]!.trim() : '');
    const number = (name: string, min: number, max: number): number => {
      const text_ = field(name);
      const value = Number(text_);
      if (text_ === '' || !Number.isFinite(value) || value < min || value > max) {
        throw badInput(file, 'bad-number', `row ${line}, column ${name}: "${text_}" is not a number from ${min} to ${max}`, { row: line, column: name });
      }
      return value;
    };
    const reagentName = field('reagent');
    const rawSubstance = field('substance');
    if (reagentName === '') throw badInput(file, 'empty-field', `row ${line}, column reagent: empty`, { row: line, column: 'reagent' });
    if (rawSubstance === '') throw badInput(file, 'empty-field', `row ${line}, column substance: empty`, { row: line, column: 'substance' });
    const phase = PHASE.exec(rawSubstance);
    const hex = field('srgb_hex');
    return {
      reagentId: reagentId(reagentName),
      reagentName,
      substance: phase ? rawSubstance.slice(0, phase.index).trim() : rawSubstance,
      phase: phase ? phase[1]! : null,
      colourName: field('iscc_nbs_name'),
      lab: [number('lab_L', 0, 100), number('lab_a', -200, 200), number('lab_b', -200, 200)],
      hex: /^#[0-9a-f]{6}$/i.test(hex) ? hex.toUpperCase() : null,
      source: field('source'),
      line,
    };
  });
  if (rows.length === 0) throw badInput(file, 'malformed-csv', 'the table has no rows');
  return { file, rows };
}
