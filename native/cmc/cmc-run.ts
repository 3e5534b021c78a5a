/** A full two-direction CMC comparison of two cartridge-case scans, with its conclusion and provenance. */
import { matchTemplateCcoeffNormed, openCvVersion } from '../opencv/opencv-adapter.ts';
import type { HeightGrid } from '../surface/height-grid.ts';
import { cmcDirection, type CmcDirectionResult } from './cmc-compare.ts';
import { defaultCmcParameters, type CmcParameters } from './cmc-params.ts';

/** Name and version of the algorithm, recorded with every result; bump the version when results can change. */
export const cmcAlgorithm = { name: 'congruent-matching-cells', version: '1.0.0' } as const;

/** What CMC counts support: identification at the threshold in both directions, otherwise inconclusive. */
export type CmcConclusion = 'identification' | 'inconclusive';

/**
 * The one rule turning CMC counts into a conclusion (every caller, the app's runs and the benchmarks, uses it). CMC
 * counts alone never support an elimination: few CMCs come from poor marks as well as from another firearm, so below
 * the threshold the method says only "inconclusive" and the expert decides the rest.
 */
export function cmcConclusion(aToB: number, bToA: number, threshold: number): CmcConclusion {
  return aToB >= threshold && bToA >= threshold ? 'identification' : 'inconclusive';
}

/** A scan to compare: its grid and the SHA-256 of the file it came from. */
export interface CmcInput {
  readonly name: string;
  readonly sha256: string;
  readonly grid: HeightGrid;
}

/** The outcome of a comparison, as stored and shown: counts, registrations, conclusion and provenance. */
export interface CmcComparison {
  /** Cells of A found in B, and of B found in A. */
  readonly aToB: CmcDirectionResult;
  readonly bToA: CmcDirectionResult;
  /** The smaller of the two counts: both directions must agree for an identification. */
  readonly cmcCount: number;
  readonly conclusion: CmcConclusion;
  readonly provenance: {
    readonly algorithm: string;
    readonly version: string;
    readonly parameters: CmcParameters;
    readonly inputs: Readonly<Record<string, string>>;
    readonly opencv: string;
  };
  readonly timing: { readonly totalMs: number };
}

/** Compares two scans with the given parameters (cmcR's defaults unless told otherwise). */
export function compareCartridgeCases(a: CmcInput, b: CmcInput, parameters: CmcParameters = defaultCmcParameters): CmcComparison {
  const start = performance.now();
  const aToB = cmcDirection(a.grid, b.grid, parameters, matchTemplateCcoeffNormed);
  const bToA = cmcDirection(b.grid, a.grid, parameters, matchTemplateCcoeffNormed);
  const cmcCount = Math.min(aToB.cmcCount, bToA.cmcCount);
  return {
    aToB,
    bToA,
    cmcCount,
    conclusion: cmcConclusion(aToB.cmcCount, bToA.cmcCount, parameters.cmcThreshold),
    provenance: {
      algorithm: cmcAlgorithm.name,
      version: cmcAlgorithm.version,
      parameters,
      inputs: { [a.name]: a.sha256, [b.name]: b.sha256 },
      opencv: openCvVersion(),
    },
    timing: { totalMs: performance.now() - start },
  };
}
