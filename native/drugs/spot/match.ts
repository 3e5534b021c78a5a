/**
 * Matching one well's corrected colour against the colour table for its reagent: every substance the table lists for
 * that reagent, ranked by ΔE2000 to its nearest listed colour (a range or a phase gives a substance several), with the
 * tolerance of that colour and whether the well is consistent with it.
 */
import { ciede2000 } from '../colour/ciede2000.ts';
import { labToHex, type Triple } from '../colour/spaces.ts';
import type { ColourTable, ColourTableRow } from './colour-table.ts';
import { matchTolerance } from './tolerance.ts';

/** One substance as a candidate for one well. */
export interface SubstanceMatch {
  readonly substance: string;
  readonly deltaE: number;
  readonly tolerance: number;
  readonly consistent: boolean;
  /** The nearest table row: its expected colour and name. */
  readonly expectedLab: Triple;
  readonly expectedHex: string;
  readonly colourName: string;
  readonly phase: string | null;
  readonly line: number;
}

/** The table rows for one reagent. */
export function rowsForReagent(table: ColourTable, reagent: string): ColourTableRow[] {
  return table.rows.filter((row) => row.reagentId === reagent);
}

/** Every substance listed for `reagent`, ranked by ΔE2000 of `lab` to its nearest listed colour (ties keep table order). */
export function matchColour(table: ColourTable, reagent: string, lab: Triple, calibrationDeltaE = 0): SubstanceMatch[] {
  const best = new Map<string, SubstanceMatch>();
  for (const row of rowsForReagent(table, reagent)) {
    const deltaE = ciede2000(lab, row.lab);
    const known = best.get(row.substance);
    if (known && known.deltaE <= deltaE) continue;
    const tolerance = matchTolerance(row.lab, calibrationDeltaE);
    best.set(row.substance, {
      substance: row.substance,
      deltaE,
      tolerance,
      consistent: deltaE <= tolerance,
      expectedLab: row.lab,
      expectedHex: row.hex ?? labToHex(row.lab),
      colourName: row.colourName,
      phase: row.phase,
      line: row.line,
    });
  }
  return [...best.values()].sort((a, b) => a.deltaE - b.deltaE);
}
