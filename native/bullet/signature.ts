/**
 * From a profile between the grooves to a signature (bulletxtrctr cc_get_signature): a loess of span 0.75 removes
 * the land's curvature (what is left is the raw signature), and a second loess of span 0.03 (about 2.5 % of a land,
 * ≈ 60 µm on a Hamby land: a low-pass that keeps striae and drops scanner noise) smooths the raw signature into the
 * signature.
 */
import { loess, loessAt } from './loess.ts';

/** Present points of `values` in [from, to): their indices and heights. */
function presentPoints(values: Float64Array, from: number, to: number): { x: Float64Array; y: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const v = values[i]!;
    if (v === v) {
      xs.push(i);
      ys.push(v);
    }
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

/** Scatters values at indices back onto a grid of `length`, NaN elsewhere. */
function onGrid(length: number, x: Float64Array, v: Float64Array): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  for (let i = 0; i < x.length; i++) out[x[i]!] = v[i]!;
  return out;
}

/** Residuals of a loess fit (the curvature removed) of the present points in [from, to), on the profile's grid. */
export function rawSignature(values: Float64Array, from: number, to: number, span: number): Float64Array {
  const { x, y } = presentPoints(values, from, to);
  const fit = loess(x, y, span);
  const resid = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) resid[i] = y[i]! - fit[i]!;
  return onGrid(values.length, x, resid);
}

/**
 * Loess smooth of the present values of a grid. The curve is also read inside gaps no wider than the smoothing
 * window, where data on both sides still support it (bulletxtrctr drops missing points, so its signatures have no
 * holes; a hole here would blank a window's width of peak detection around it). Wider gaps stay missing.
 */
export function smoothSignature(values: Float64Array, span: number): Float64Array {
  const { x, y } = presentPoints(values, 0, values.length);
  const out = onGrid(values.length, x, loess(x, y, span));
  const window = Math.floor(span * x.length);
  const holes: number[] = [];
  for (let k = 0; k + 1 < x.length; k++) {
    const gap = x[k + 1]! - x[k]! - 1;
    if (gap > 0 && gap <= window) for (let i = x[k]! + 1; i < x[k + 1]!; i++) holes.push(i);
  }
  if (holes.length) {
    const at = Float64Array.from(holes);
    const filled = loessAt(x, y, span, at);
    holes.forEach((i, k) => (out[i] = filled[k]!));
  }
  return out;
}

/** The signature of a profile between two groove indices: curvature removed, then smoothed. */
export function landSignature(values: Float64Array, left: number, right: number, curvatureSpan: number, smoothingSpan: number): Float64Array {
  return smoothSignature(rawSignature(values, left, right + 1, curvatureSpan), smoothingSpan);
}
