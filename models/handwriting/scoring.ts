/** Margins and bounded SLRs of document pairs under a score model and a reference curve (TypeScript inference). */
import { featureCount, pairSide, writePairFeatures, type PairSide } from './features.ts';
import type { ProfilePair } from './pairs.ts';
import { scoreMargins, type ScoreModel } from './score-model.ts';
import { boundedLog10Slr, type SlrCurve } from './slr.ts';

/** Feature rows (n × F, row-major) of pairs of prepared profiles. */
export function pairFeatureRows(sides: readonly PairSide[], pairs: readonly Pick<ProfilePair, 'i' | 'j'>[]): Float64Array {
  const x = new Float64Array(pairs.length * featureCount);
  pairs.forEach((p, r) => writePairFeatures(sides[p.i]!, sides[p.j]!, x, r * featureCount));
  return x;
}

/** Margins of pairs of count profiles. */
export function pairMargins(model: ScoreModel, counts: readonly (readonly number[])[], pairs: readonly Pick<ProfilePair, 'i' | 'j'>[]): Float64Array {
  return scoreMargins(model, pairFeatureRows(counts.map((c) => pairSide(c, model.twoLevel)), pairs), pairs.length);
}

/** Bounded log10 SLRs of labelled pairs, split into same-writer and different-writer lists. */
export function labelledLog10Slrs(model: ScoreModel, curve: SlrCurve, counts: readonly (readonly number[])[], pairs: readonly ProfilePair[]): { same: number[]; different: number[] } {
  const margins = pairMargins(model, counts, pairs);
  const same: number[] = [];
  const different: number[] = [];
  pairs.forEach((p, r) => (p.same ? same : different).push(boundedLog10Slr(curve, margins[r]!)));
  return { same, different };
}
