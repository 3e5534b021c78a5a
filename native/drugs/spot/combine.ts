/**
 * Combining the wells of one sample (each with its reagent) into what the colours are consistent with. A presumptive
 * test never identifies: it suggests or excludes. Each substance the table lists for any tested reagent is scored on
 * every tested reagent (its listed colour within tolerance, or — where NIJ lists no colour for it — the well showing
 * no reaction); substances consistent with every well rank first, then by the root-mean-square of ΔE/tolerance.
 * When every well shows no reaction the sample is in the "no reaction" class; when no single substance explains all
 * reacting wells but each is explained by some substance, a mixture is possible. Confirmation (GC-MS) is always advised.
 */
import { ciede2000 } from '../colour/ciede2000.ts';
import type { Triple } from '../colour/spaces.ts';
import type { ColourTable } from './colour-table.ts';
import { matchColour, type SubstanceMatch } from './match.ts';
import { nominalBlankLab } from './reagents.ts';
import { matchTolerance } from './tolerance.ts';

/** One well to combine: label, reagent id, corrected colour, and its blank (measured, or the reagent's nominal one). */
export interface WellColour {
  readonly label: string;
  readonly reagent: string;
  readonly lab: Triple;
  readonly blankLab?: Triple;
}

/** One well's reading: reacted or not, and its ranked candidates. */
export interface WellReading {
  readonly label: string;
  readonly reagent: string;
  readonly lab: Triple;
  readonly blankLab: Triple;
  readonly blankFrom: 'measured' | 'nominal';
  readonly blankDeltaE: number;
  readonly reacted: boolean;
  readonly candidates: readonly SubstanceMatch[];
}

/** How one substance fares on one well. */
export interface SubstanceOnWell {
  readonly label: string;
  readonly reagent: string;
  /** 'listed': the table gives a colour; 'not-listed': NIJ lists none (expected: no reaction). */
  readonly basis: 'listed' | 'not-listed';
  readonly deltaE: number | null;
  readonly tolerance: number | null;
  readonly consistent: boolean;
}

/** One substance across the sample's wells. */
export interface SampleCandidate {
  readonly substance: string;
  readonly consistentWithAll: boolean;
  readonly inconsistentWells: number;
  /** Root-mean-square of ΔE/tolerance over the wells with a listed colour. */
  readonly score: number;
  readonly wells: readonly SubstanceOnWell[];
}

/** The sample's conclusion (always presumptive). */
export interface SampleReading {
  readonly wells: readonly WellReading[];
  readonly candidates: readonly SampleCandidate[];
  readonly outcome: 'consistent-with' | 'no-reaction' | 'mixture-possible' | 'unexplained';
  readonly mixturePossible: boolean;
  /** Confirmatory analyses advised (codes the interface translates). */
  readonly advice: readonly string[];
}

/** Reads one well against the table. */
export function readWell(table: ColourTable, well: WellColour, calibrationDeltaE: number): WellReading {
  const blankLab = well.blankLab ?? nominalBlankLab(well.reagent);
  const blankDeltaE = ciede2000(well.lab, blankLab);
  return {
    label: well.label,
    reagent: well.reagent,
    lab: well.lab,
    blankLab,
    blankFrom: well.blankLab ? 'measured' : 'nominal',
    blankDeltaE,
    reacted: blankDeltaE > matchTolerance(blankLab, calibrationDeltaE),
    candidates: matchColour(table, well.reagent, well.lab, calibrationDeltaE),
  };
}

/** Combines a sample's wells (see the file comment). */
export function combineWells(table: ColourTable, wells: readonly WellColour[], calibrationDeltaE: number): SampleReading {
  const readings = wells.map((w) => readWell(table, w, calibrationDeltaE));
  const tested = new Set(readings.map((r) => r.reagent));
  const substances = [...new Set(table.rows.filter((row) => tested.has(row.reagentId)).map((row) => row.substance))];
  const candidates = substances.map((substance): SampleCandidate => {
    const onWells = readings.map((reading): SubstanceOnWell => {
      const match = reading.candidates.find((c) => c.substance === substance);
      if (match) return { label: reading.label, reagent: reading.reagent, basis: 'listed', deltaE: match.deltaE, tolerance: match.tolerance, consistent: match.consistent };
      return { label: reading.label, reagent: reading.reagent, basis: 'not-listed', deltaE: null, tolerance: null, consistent: !reading.reacted };
    });
    const listed = onWells.filter((w) => w.basis === 'listed');
    const score = Math.sqrt(listed.reduce((s, w) => s + (w.deltaE! / w.tolerance!) ** 2, 0) / Math.max(1, listed.length));
    const inconsistent = onWells.filter((w) => !w.consistent).length;
    return { substance, consistentWithAll: inconsistent === 0 && listed.length > 0, inconsistentWells: inconsistent, score, wells: onWells };
  });
  candidates.sort((a, b) => a.inconsistentWells - b.inconsistentWells || a.score - b.score || a.substance.localeCompare(b.substance));

  const reacting = readings.filter((r) => r.reacted);
  const anyConsistent = candidates.some((c) => c.consistentWithAll);
  const eachExplained = reacting.every((r) => r.candidates.some((c) => c.consistent));
  let outcome: SampleReading['outcome'];
  if (reacting.length === 0) outcome = 'no-reaction';
  else if (anyConsistent) outcome = 'consistent-with';
  else if (eachExplained) outcome = 'mixture-possible';
  else outcome = 'unexplained';
  return {
    wells: readings,
    candidates,
    outcome,
    mixturePossible: outcome === 'mixture-possible',
    advice: outcome === 'no-reaction' ? ['confirm-negative-gc-ms'] : ['confirm-gc-ms', 'confirm-second-technique'],
  };
}
