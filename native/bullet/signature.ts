/**
 * From a profile between the grooves to a signature (bulletxtrctr cc_get_signature): a loess of span 0.75 removes
 * the land's curvature (what is left is the raw signature), and a second loess of span 0.03 (about 2.5 % of a land,
 * ≈ 60 µm on a Hamby land: a low-pass that keeps striae and drops scanner noise) smooths the raw signature into the
 * signature.
 */
import { loess } from './loess.ts';

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

/** Loess smooth of the present values of a grid (missing points stay missing). */
export function smoothSignature(values: Float64Array, span: number): Float64Array {
  const { x, y } = presentPoints(values, 0, values.length);
  return onGrid(values.length, x, loess(x, y, span));
}

/** The signature of a profile between two groove indices: curvature removed, then smoothed. */
export function landSignature(values: Float64Array, left: number, right: number, curvatureSpan: number, smoothingSpan: number): Float64Array {
  return smoothSignature(rawSignature(values, left, right + 1, curvatureSpan), smoothingSpan);
}
