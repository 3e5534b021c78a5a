/**
 * Outlier removal: points that stand out from their neighbourhood by more than `threshold` robust standard deviations
 * (median absolute deviation × 1.4826) of the local residual become missing. Spikes and drop-outs of the instrument are
 * removed this way without touching the form of the surface.
 */
import type { HeightGrid } from '../surface/height-grid.ts';
import { nanGaussian, sigmaForCutoff } from './nan-gaussian.ts';

/** Settings of the outlier step: the neighbourhood is a Gaussian low-pass with cut-off `windowUm`. */
export interface OutlierParameters {
  readonly windowUm: number;
  readonly threshold: number;
}

/** Median of a Float64Array, in place (sorts it). */
function medianInPlace(values: Float64Array): number {
  values.sort();
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/**
 * Marks as missing the points whose residual from the local mean is a robust-z outlier. The local mean is recomputed
 * without the points flagged so far (up to `passes` times), so a spike does not drag its neighbours out with it.
 */
export function removeOutliers(grid: HeightGrid, params: OutlierParameters, passes = 3): { grid: HeightGrid; removed: number; robustSigmaM: number } {
  const sigmaPx = sigmaForCutoff(params.windowUm * 1e-6, grid.step);
  let flagged = new Uint8Array(grid.z.length);
  let sigma = 0;
  for (let pass = 0; pass < passes; pass++) {
    const kept = grid.z.map((v, i) => (flagged[i] ? NaN : v));
    const local = nanGaussian({ ...grid, z: kept }, sigmaPx, { keepMissing: false });
    const residual = new Float32Array(grid.z.length).fill(NaN);
    let n = 0;
    for (let i = 0; i < residual.length; i++) {
      const r = grid.z[i]! - local[i]!;
      if (r === r) {
        residual[i] = r;
        if (!flagged[i]) n++;
      }
    }
    if (n === 0) break;
    // Centre and spread from the unflagged points only: the outliers must not widen the yardstick that finds them.
    const values = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < residual.length; i++) if (!flagged[i] && residual[i] === residual[i]) values[k++] = residual[i]!;
    const centre = medianInPlace(values);
    for (let i = 0; i < n; i++) values[i] = Math.abs(values[i]! - centre);
    sigma = 1.4826 * medianInPlace(values);
    if (!(sigma > 0)) break;
    const limit = params.threshold * sigma;
    const next = new Uint8Array(grid.z.length);
    let changed = false;
    for (let i = 0; i < next.length; i++) {
      const r = residual[i]!;
      next[i] = r === r && Math.abs(r - centre) > limit ? 1 : 0;
      if (next[i] !== flagged[i]) changed = true;
    }
    flagged = next;
    if (!changed) break;
  }
  const z = grid.z.slice();
  let removed = 0;
  for (let i = 0; i < z.length; i++) {
    if (flagged[i]) {
      z[i] = NaN;
      removed++;
    }
  }
  return { grid: { ...grid, z }, removed, robustSigmaM: sigma };
}
