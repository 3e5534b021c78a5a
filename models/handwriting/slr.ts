/**
 * Score → score-based likelihood ratio (SLR). The reference set holds the margins (log-odds scores) of same-writer
 * and different-writer pairs the model never trained on; the SLR of a margin t is f_same(t) / f_different(t), both
 * Gaussian kernel density estimates (Silverman bandwidth), tabulated on a fine grid and interpolated. The result is
 * clipped to the empirical lower and upper bounds (ELUB, Vergeer et al. 2016, Science & Justice 56: 482–491): the
 * widest range of log10 LR for which the system, with one misleading pair added at the threshold, still does better
 * than a neutral system (LR = 1) at every prior; beyond it the reference data cannot support a stronger statement.
 * The tabulated curve is made non-decreasing outward from where it crosses LR = 1: a higher score is never weaker
 * evidence for one writer. Without that, a lone outlying reference pair makes a bump, and beyond the data the two
 * kernels' different widths turn the ratio back (far enough, past 1): artefacts of the estimate, not evidence.
 */

/** A tabulated log10 SLR curve over margins, with its ELUB bounds. */
export interface SlrCurve {
  /** Margin of grid point 0, and the spacing. */
  readonly start: number;
  readonly step: number;
  /** Unbounded log10 SLR at each grid point. */
  readonly log10Slr: readonly number[];
  /** ELUB bounds on log10 SLR (lower ≤ 0 ≤ upper). */
  readonly lowerLog10: number;
  readonly upperLog10: number;
  readonly bandwidthSame: number;
  readonly bandwidthDifferent: number;
}

/** Grid points of a curve (enough that linear interpolation is far below the KDE's own error). */
const gridPoints = 2001;

/** Silverman's rule-of-thumb bandwidth: 0.9 · min(sd, IQR / 1.34) · n^(−1/5). */
export function silvermanBandwidth(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) throw new Error('a kernel density needs at least two reference scores');
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const q = (p: number): number => {
    const at = (n - 1) * p;
    const lo = Math.floor(at);
    return sorted[lo]! + (sorted[Math.min(lo + 1, n - 1)]! - sorted[lo]!) * (at - lo);
  };
  const spread = Math.min(sd, (q(0.75) - q(0.25)) / 1.34) || sd;
  return 0.9 * spread * n ** -0.2;
}

/** Natural log of a Gaussian KDE at t (log-sum-exp, so far tails stay finite). */
function logDensity(values: readonly number[], bandwidth: number, t: number): number {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, -0.5 * ((t - v) / bandwidth) ** 2);
  let sum = 0;
  for (const v of values) sum += Math.exp(-0.5 * ((t - v) / bandwidth) ** 2 - max);
  return max + Math.log(sum) - Math.log(values.length * bandwidth * Math.sqrt(2 * Math.PI));
}

/** Natural-log LR to log10. */
const log10e = Math.LOG10E;

/** Log10 SLR from an unbounded curve, interpolating (and holding the end values beyond the grid). */
export function unboundedLog10Slr(curve: Pick<SlrCurve, 'start' | 'step' | 'log10Slr'>, margin: number): number {
  const values = curve.log10Slr;
  const at = (margin - curve.start) / curve.step;
  if (!(at > 0)) return values[0]!;
  if (at >= values.length - 1) return values[values.length - 1]!;
  const lo = Math.floor(at);
  return values[lo]! + (values[lo + 1]! - values[lo]!) * (at - lo);
}

/** Log10 SLR clipped to the curve's ELUB bounds. */
export function boundedLog10Slr(curve: SlrCurve, margin: number): number {
  return Math.min(curve.upperLog10, Math.max(curve.lowerLog10, unboundedLog10Slr(curve, margin)));
}

/** The share of `sorted` values ≤ x (or < x when strict). */
function fractionBelow(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * ELUB bounds (log10) of a system's log10 LRs on same-writer and different-writer reference pairs. For each threshold
 * ρ (step 0.01), one misleading pair is added at ρ (a same-writer pair when ρ < 0, a different-writer one when ρ ≥ 0)
 * and the normalised Bayes error rate is computed; ρ is supported when it is below 1 (better than neutral).
 */
export function elubBounds(same: readonly number[], different: readonly number[], step = 0.01, span = 10): { lowerLog10: number; upperLog10: number } {
  const s = Float64Array.from(same).sort();
  const d = Float64Array.from(different).sort();
  let lower = 0;
  let upper = 0;
  for (let k = 1; k * step <= span; k += 1) {
    const rho = k * step;
    // Upper side: θ · P(LLR_d ≥ ρ) + P(LLR_s < ρ), with one misleading different-writer pair at ρ.
    const dAbove = (d.length - fractionBelow(d, rho, true) + 1) / (d.length + 1);
    const sBelow = fractionBelow(s, rho, true) / s.length;
    if (10 ** rho * dAbove + sBelow < 1) upper = rho;
    // Lower side: θ⁻¹ · P(LLR_s ≤ −ρ) + P(LLR_d > −ρ), with one misleading same-writer pair at −ρ.
    const sAtOrBelow = (fractionBelow(s, -rho, false) + 1) / (s.length + 1);
    const dAbove2 = (d.length - fractionBelow(d, -rho, false)) / d.length;
    if (10 ** rho * sAtOrBelow + dAbove2 < 1) lower = -rho;
  }
  return { lowerLog10: Math.round(lower * 100) / 100, upperLog10: Math.round(upper * 100) / 100 };
}

const minimum = (values: readonly number[]): number => values.reduce((a, b) => Math.min(a, b), Infinity);
const maximum = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), -Infinity);

/**
 * The curve made non-decreasing outward from grid point `crossing`: left of it each value is at most its right
 * neighbour, right of it at least its left neighbour.
 */
export function monotoneOutward(values: readonly number[], crossing: number): number[] {
  const out = [...values];
  for (let g = crossing - 1; g >= 0; g -= 1) out[g] = Math.min(out[g]!, out[g + 1]!);
  for (let g = crossing + 1; g < out.length; g += 1) out[g] = Math.max(out[g]!, out[g - 1]!);
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Builds the log10 SLR curve from reference margins of same-writer and different-writer pairs, with ELUB bounds. */
export function buildSlrCurve(same: readonly number[], different: readonly number[]): SlrCurve {
  const bandwidthSame = silvermanBandwidth(same);
  const bandwidthDifferent = silvermanBandwidth(different);
  const pad = 3 * Math.max(bandwidthSame, bandwidthDifferent);
  const lo = Math.min(minimum(same), minimum(different)) - pad;
  const hi = Math.max(maximum(same), maximum(different)) + pad;
  const step = (hi - lo) / (gridPoints - 1);
  const raw = Array.from({ length: gridPoints }, (_, g) => {
    const t = lo + g * step;
    return (logDensity(same, bandwidthSame, t) - logDensity(different, bandwidthDifferent, t)) * log10e;
  });
  // The crossing of LR = 1 between the typical different-writer and the typical same-writer score.
  const from = Math.round((median(different) - lo) / step);
  const to = Math.max(from, Math.round((median(same) - lo) / step));
  let crossing = from;
  while (crossing < to && raw[crossing]! < 0) crossing += 1;
  const log10Slr = monotoneOutward(raw, crossing);
  const unbounded = { start: lo, step, log10Slr };
  const bounds = elubBounds(
    same.map((t) => unboundedLog10Slr(unbounded, t)),
    different.map((t) => unboundedLog10Slr(unbounded, t)),
  );
  return { ...unbounded, ...bounds, bandwidthSame, bandwidthDifferent };
}

/** ENFSI verbal scale bands (upper edges of LR, exclusive) and their names. */
const verbalBands: ReadonlyArray<readonly [number, string]> = [
  [10, 'weak'],
  [100, 'moderate'],
  [1000, 'moderately-strong'],
  [10000, 'strong'],
  [Infinity, 'very-strong'],
];

/**
 * The ENFSI verbal equivalent of a log10 LR: `<strength>-support-same-writer` or `<strength>-support-different-writers`
 * (strength weak, moderate, moderately-strong, strong, very-strong), or `no-support` at LR = 1.
 */
export function verbalScale(log10Lr: number): string {
  if (log10Lr === 0) return 'no-support';
  const lr = 10 ** Math.abs(log10Lr);
  const band = verbalBands.find(([edge]) => lr < edge)![1];
  return `${band}-support-${log10Lr > 0 ? 'same-writer' : 'different-writers'}`;
}

/** Log-likelihood-ratio cost (bits): 0.5 · [mean log2(1 + 1/LR) over same-writer + mean log2(1 + LR) over different-writer pairs]. */
export function cllr(sameLog10: readonly number[], differentLog10: readonly number[]): number {
  const softplus2 = (log10: number): number => {
    const x = log10 / Math.LOG10E; // natural log of the odds
    return (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))) / Math.LN2;
  };
  const s = sameLog10.reduce((a, v) => a + softplus2(-v), 0) / sameLog10.length;
  const d = differentLog10.reduce((a, v) => a + softplus2(v), 0) / differentLog10.length;
  return 0.5 * (s + d);
}

/** Rates of misleading evidence: same-writer pairs with LR < 1 and different-writer pairs with LR > 1. */
export function misleadingRates(sameLog10: readonly number[], differentLog10: readonly number[]): { sameBelowOne: number; differentAboveOne: number } {
  return {
    sameBelowOne: sameLog10.filter((v) => v < 0).length / sameLog10.length,
    differentAboveOne: differentLog10.filter((v) => v > 0).length / differentLog10.length,
  };
}

/** A Tippett plot's points: for each log10 LR threshold, the share of same- and different-writer pairs at or above it. */
export function tippettPoints(sameLog10: readonly number[], differentLog10: readonly number[], step = 0.25): Array<{ log10Lr: number; same: number; different: number }> {
  const lo = Math.floor(Math.min(minimum(sameLog10), minimum(differentLog10)) / step) * step;
  const hi = Math.ceil(Math.max(maximum(sameLog10), maximum(differentLog10)) / step) * step;
  const points: Array<{ log10Lr: number; same: number; different: number }> = [];
  for (let k = 0; lo + k * step <= hi + 1e-9; k += 1) {
    const x = Math.round((lo + k * step) * 1000) / 1000;
    points.push({ log10Lr: x, same: sameLog10.filter((v) => v >= x).length / sameLog10.length, different: differentLog10.filter((v) => v >= x).length / differentLog10.length });
  }
  return points;
}
