/**
 * The spread model of locally adaptive conformal intervals: an additive model of one quantile of the absolute
 * residual, σ̂(x) = intercept + Σ_j table_j[bin_j(x)], over the main model's own inputs (so it reads exactly what the
 * model reads, and never a protected attribute, which no model input may be). Categories keep the model's bins;
 * numbers get coarser quantile bins of their own (at most 32, each with about `minBinCases` cases or more), since
 * a spread is fitted on far fewer cases than the model.
 *
 * It is fitted by backfitting under the pinball loss: each pass sets every bin of one input to the quantile of the
 * residuals left by the other inputs' tables, which is that block's exact minimiser. Bins with fewer cases than the
 * minimum keep 0 (they read as the other inputs say). A floor keeps σ̂ positive, so the normalised scores exist.
 */
import { binCount, binIndex, type FeatureSpec } from '../gam/features.ts';
import { quantileEdges } from './binning.ts';

/** A fitted spread: σ̂(x) = max(floor, intercept + Σ tables[j][bin of input j by edges[j]]). */
export interface SpreadModel {
  readonly quantile: number;
  readonly minBinCases: number;
  readonly floor: number;
  readonly intercept: number;
  readonly edges: number[][];
  readonly tables: number[][];
}

const sweeps = 30;
const maxNumericBins = 32;
// A floor of a twentieth of the residuals' 80 % quantile: no case is said to be far more certain than the rest.
const floorShare = 0.05;

/** The lower empirical quantile (the ⌈n·q⌉-th smallest value) of finite values; 0 for no values. */
export function lowerQuantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  return kthSmallest(Float64Array.from(values), Math.max(0, Math.ceil(values.length * q) - 1));
}

/**
 * The k-th smallest (from 0) of finite values, by selection (Hoare's, median of three), reordering `a`. Backfitting
 * asks for a quantile of every bin in every sweep, and sorting each bin was most of the spread's fitting time.
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, so sorted or constant runs do not make the selection quadratic.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        swap(a, i, j);
        i += 1;
        j -= 1;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** The spread's bin edges for each input: the model's for categories, coarser quantile edges of the cases for numbers. */
export function spreadEdges(features: readonly FeatureSpec[], rows: ReadonlyArray<ArrayLike<number>>, minBinCases: number): number[][] {
  const bins = Math.max(1, Math.min(maxNumericBins, Math.floor(rows.length / minBinCases)));
  return features.map((f, j) => (f.kind === 'categorical' ? [...f.edges] : quantileEdges(Float64Array.from(rows, (x) => x[j]!), bins)));
}

/** Bins of every input for every case (bins[j][i]) by the spread's edges. */
export function spreadBins(edges: readonly number[][], rows: ReadonlyArray<ArrayLike<number>>): Uint16Array[] {
  return edges.map((e, j) => Uint16Array.from(rows, (x) => binIndex(e, x[j]!)));
}

/** Fits the spread to the absolute residuals of encoded cases (rows: the model's features, in its order). */
export function fitSpread(residuals: ArrayLike<number>, rows: ReadonlyArray<ArrayLike<number>>, features: readonly FeatureSpec[], quantile: number, minBinCases: number): SpreadModel {
  const edges = spreadEdges(features, rows, minBinCases);
  const bins = spreadBins(edges, rows);
  const n = residuals.length;
  const intercept = lowerQuantile(residuals, quantile);
  const tables = edges.map((e) => new Array<number>(binCount(e)).fill(0));
  const fitted = new Float64Array(n).fill(intercept);
  const members = edges.map((e, j) => {
    const cells: number[][] = Array.from({ length: binCount(e) }, () => []);
    bins[j]!.forEach((b, i) => cells[b]!.push(i));
    return cells;
  });
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    edges.forEach((_, j) => {
      const table = tables[j]!;
      members[j]!.forEach((cases, b) => {
        const next = cases.length >= minBinCases ? lowerQuantile(cases.map((i) => residuals[i]! - fitted[i]! + table[b]!), quantile) : 0;
        for (const i of cases) fitted[i] = fitted[i]! - table[b]! + next;
        table[b] = next;
      });
    });
  }
  return { quantile, minBinCases, floor: Math.max(1e-9, floorShare * lowerQuantile(residuals, 0.8)), intercept, edges, tables };
}

/** σ̂ for one case encoded by the model's features. */
export function spreadOf(spread: SpreadModel, x: ArrayLike<number>): number {
  let s = spread.intercept;
  spread.edges.forEach((e, j) => (s += spread.tables[j]![binIndex(e, x[j]!)] ?? 0));
  return Math.max(spread.floor, s);
}
