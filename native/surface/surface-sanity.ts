/**
 * Plain facts about a height grid that say whether a comparison method can mean anything on it: how much of it is
 * missing, the range of its heights, and how much of it is one flat level (a page's paper, a saturated image).
 */
import type { HeightGrid } from './height-grid.ts';

/** What the sanity checks of a method look at. */
export interface SurfaceFacts {
  /** Fraction of points with a value (0…1). */
  readonly validFraction: number;
  /** Lowest and highest valid height, metres (NaN when no point is valid). */
  readonly minM: number;
  readonly maxM: number;
  /** Fraction of the valid points that sit on the single most common level (to 1/256 of the range). */
  readonly flatFraction: number;
  /** Lateral pixel size, µm. */
  readonly pixelUm: number;
}

/** Measures a grid's sanity facts in two passes over its points. */
export function surfaceFacts(grid: HeightGrid): SurfaceFacts {
  let valid = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const z of grid.z) {
    if (z !== z) continue;
    valid++;
    if (z < min) min = z;
    if (z > max) max = z;
  }
  const bins = new Uint32Array(256);
  const span = max - min;
  if (valid > 0 && span > 0) {
    for (const z of grid.z) if (z === z) bins[Math.min(255, Math.floor(((z - min) / span) * 256))]!++;
  } else if (valid > 0) {
    bins[0] = valid;
  }
  let top = 0;
  for (const count of bins) if (count > top) top = count;
  return {
    validFraction: grid.z.length ? valid / grid.z.length : 0,
    minM: valid ? min : NaN,
    maxM: valid ? max : NaN,
    flatFraction: valid ? top / valid : 0,
    pixelUm: grid.step * 1e6,
  };
}
