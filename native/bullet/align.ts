/**
 * Alignment of two signatures by maximum cross-correlation (bulletxtrctr sig_align / get_ccf): B is slid along A,
 * the Pearson correlation over the points present in both is computed at every lag where the signatures overlap by
 * at least `minOverlap` of the shorter one, and the best lag wins.
 */
import { presentRange } from './land-profile.ts';

/** Two signatures on a common index, B shifted by `lag`, NaN where a signature has no value. */
export interface Alignment {
  /** Maximum cross-correlation. */
  readonly ccf: number;
  /** B's point j lies at A's point j + lag (in points of the common step). */
  readonly lag: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** Pearson correlation of a[i] and b[i - lag] over i in [from, to) where both are present, and the pair count. */
function correlationAt(a: Float64Array, b: Float64Array, lag: number, from: number, to: number): { r: number; n: number } {
  let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    const y = b[i - lag]!;
    if (x === x && y === y) {
      n++;
      sa += x;
      sb += y;
      saa += x * x;
      sbb += y * y;
      sab += x * y;
    }
  }
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return { r: va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : NaN, n };
}

/**
 * Aligns B to A. `minOverlap` is the fraction of the shorter signature (after trimming missing ends) that must be
 * present in both at a lag for it to count. Returns null when no lag qualifies (a signature is too short or empty).
 */
export function alignSignatures(sigA: Float64Array, sigB: Float64Array, minOverlap: number): Alignment | null {
  const [a0, a1] = presentRange(sigA);
  const [b0, b1] = presentRange(sigB);
  const a = sigA.subarray(a0, a1);
  const b = sigB.subarray(b0, b1);
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return null;
  const m = Math.max(2, Math.round(minOverlap * Math.min(na, nb)));
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = -(nb - m); lag <= na - m; lag++) {
    const from = Math.max(0, lag);
    const to = Math.min(na, nb + lag);
    if (to - from < m) continue;
    const { r, n } = correlationAt(a, b, lag, from, to);
    if (n >= m && r > best) {
      best = r;
      bestLag = lag;
    }
  }
  if (best === -Infinity) return null;
  const shift = Math.max(0, -bestLag);
  const length = Math.max(shift + na, shift + bestLag + nb);
  const outA = new Float64Array(length).fill(NaN);
  const outB = new Float64Array(length).fill(NaN);
  outA.set(a, shift);
  outB.set(b, shift + bestLag);
  // The lag is reported between the untrimmed signatures, so a caller can place B on A's original grid.
  return { ccf: best, lag: bestLag + a0 - b0, a: outA, b: outB };
}
