/**
 * Distance features between two writer profiles, on fill rates: the 40 per-cluster absolute differences (as
 * handwriterRF uses) and six whole-profile distances. Every feature is symmetric in the two profiles, so the score
 * of (known, questioned) equals that of (questioned, known).
 */
import { clusterCount } from './profiles.ts';

/** The feature set's identity, stored with every model so that a model never meets features it was not trained on. */
export const featureSetId = 'hw-distances-v1';

/** Names of the whole-profile distances, in feature order after the per-cluster differences. */
export const distanceNames = ['euclidean', 'manhattan', 'chebyshev', 'cosine', 'chiSquare', 'hellinger'] as const;

/** Feature names in order: abs1…abs40, then the distances. */
export const featureNames: readonly string[] = [...Array.from({ length: clusterCount }, (_, k) => `abs${k + 1}`), ...distanceNames];

/** The number of features of a pair. */
export const featureCount = featureNames.length;

/** Writes the features of rate vectors a and b into `out` at `offset` (no allocation: scoring runs on 10⁵ pairs). */
export function writePairFeatures(a: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array, offset: number): void {
  let squared = 0;
  let manhattan = 0;
  let chebyshev = 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  let chi = 0;
  let hellinger = 0;
  for (let k = 0; k < clusterCount; k += 1) {
    const x = a[k]!;
    const y = b[k]!;
    const d = Math.abs(x - y);
    out[offset + k] = d;
    squared += d * d;
    manhattan += d;
    if (d > chebyshev) chebyshev = d;
    dot += x * y;
    normA += x * x;
    normB += y * y;
    if (x + y > 0) chi += (d * d) / (x + y);
    const h = Math.sqrt(x) - Math.sqrt(y);
    hellinger += h * h;
  }
  const norms = Math.sqrt(normA * normB);
  let at = offset + clusterCount;
  out[at++] = Math.sqrt(squared);
  out[at++] = manhattan;
  out[at++] = chebyshev;
  out[at++] = norms > 0 ? 1 - dot / norms : 1;
  out[at++] = chi / 2;
  out[at] = Math.sqrt(hellinger / 2);
}

/** The features of one pair of rate vectors. */
export function pairFeatures(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(featureCount);
  writePairFeatures(a, b, out, 0);
  return out;
}
