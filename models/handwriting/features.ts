/**
 * Pair features of two writer profiles. Rates are compared on the square-root scale, which stabilises the
 * multinomial variance of a cluster's rate (a rare cluster's difference then counts as much as a common one's):
 * the 40 per-cluster absolute differences |√a − √b| (as handwriterRF compares rates cluster by cluster), their
 * Euclidean and Manhattan norms, the two-sample χ² statistic of the counts per degree of freedom (and its log;
 * under one writer it does not grow with the amount of writing, under two it does), and the two-level
 * (within/between-writer) log likelihood ratio of two-level.ts. Every feature is symmetric in the two profiles.
 */
import { clusterCount, fillRates, graphCount } from './profiles.ts';
import { twoLevelPairScore, twoLevelSide, type TwoLevelModel, type TwoLevelSide } from './two-level.ts';

/** The feature set's identity, stored with every model so that a model never meets features it was not trained on. */
export const featureSetId = 'hw-sqrt-chi-twolevel-v2';

/** Names of the whole-profile features, in order after the per-cluster differences. */
export const distanceNames = ['euclidean', 'manhattan', 'chiSquarePerDf', 'logChiSquarePerDf', 'twoLevelLogLr'] as const;

/** Feature names in order: sqrtDiff1…sqrtDiff40, then the whole-profile features. */
export const featureNames: readonly string[] = [...Array.from({ length: clusterCount }, (_, k) => `sqrtDiff${k + 1}`), ...distanceNames];

/** The number of features of a pair. */
export const featureCount = featureNames.length;

/** One side of a pair, prepared once per profile: counts, graph total, √rates and its part of the two-level score. */
export interface PairSide {
  readonly counts: readonly number[];
  readonly total: number;
  readonly roots: Float64Array;
  readonly twoLevel: TwoLevelSide;
}

/** A profile's √rates (the variance-stabilised profile). */
export function rootRates(counts: readonly number[]): Float64Array {
  return Float64Array.from(fillRates(counts), Math.sqrt);
}

/** Prepares a profile's counts for pairing under a model's two-level part. */
export function pairSide(counts: readonly number[], twoLevel: TwoLevelModel): PairSide {
  const roots = rootRates(counts);
  return { counts, total: graphCount(counts), roots, twoLevel: twoLevelSide(twoLevel, roots) };
}

/** Writes the features of sides a and b into `out` at `offset` (no allocation: scoring runs on 10⁵ pairs). */
export function writePairFeatures(a: PairSide, b: PairSide, out: Float64Array, offset: number): void {
  let squared = 0;
  let manhattan = 0;
  let chi = 0;
  for (let k = 0; k < clusterCount; k += 1) {
    const d = Math.abs(a.roots[k]! - b.roots[k]!);
    out[offset + k] = d;
    squared += d * d;
    manhattan += d;
    const both = a.counts[k]! + b.counts[k]!;
    if (both > 0 && a.total > 0 && b.total > 0) chi += (a.counts[k]! * b.total - b.counts[k]! * a.total) ** 2 / (a.total * b.total * both);
  }
  const perDf = chi / (clusterCount - 1);
  let at = offset + clusterCount;
  out[at++] = Math.sqrt(squared);
  out[at++] = manhattan;
  out[at++] = perDf;
  out[at++] = Math.log(perDf + 1e-3);
  out[at] = twoLevelPairScore(a.twoLevel, b.twoLevel);
}

/** The features of one pair of count profiles. */
export function pairFeatures(a: readonly number[], b: readonly number[], twoLevel: TwoLevelModel): Float64Array {
  const out = new Float64Array(featureCount);
  writePairFeatures(pairSide(a, twoLevel), pairSide(b, twoLevel), out, 0);
  return out;
}
