/** Levelling: removes the best-fitting plane z = a + b·x + c·y over the present points (missing points stay NaN). */
import { badInput } from '../../main/services/errors.ts';
import type { HeightGrid } from '../surface/height-grid.ts';

/** The fitted plane, in metres per pixel (b, c) and metres (a), about the grid centre. */
export interface Plane {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** How the plane is fitted: ordinary least squares, or least absolute deviations (median regression, as cmcR's τ = 0.5). */
export type LevelMethod = 'least-squares' | 'least-absolute';

/** Solves the 3×3 normal equations by Cramer's rule (they are tiny and well conditioned with centred coordinates). */
function solve3(m: readonly number[], r: readonly number[]): [number, number, number] {
  const det = (a: readonly number[]) => a[0]! * (a[4]! * a[8]! - a[5]! * a[7]!) - a[1]! * (a[3]! * a[8]! - a[5]! * a[6]!) + a[2]! * (a[3]! * a[7]! - a[4]! * a[6]!);
  const d = det(m);
  const col = (k: number) => m.map((v, i) => (i % 3 === k ? r[(i / 3) | 0]! : v));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** One weighted least-squares plane fit; `weights` null means all present points weigh 1. */
function fit(grid: HeightGrid, weights: Float64Array | null): Plane {
  const { width, height, z } = grid;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, sz = 0, sxz = 0, syz = 0;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = z[i]!;
      if (v !== v) continue;
      const w = weights ? weights[i]! : 1;
      const dx = x - cx;
      sw += w; sx += w * dx; sy += w * dy; sxx += w * dx * dx; sxy += w * dx * dy; syy += w * dy * dy;
      sz += w * v; sxz += w * dx * v; syz += w * dy * v;
    }
  }
  const [a, b, c] = solve3([sw, sx, sy, sx, sxx, sxy, sy, sxy, syy], [sz, sxz, syz]);
  return { a, b, c };
}

/**
 * Fits and subtracts a plane. 'least-absolute' runs iteratively reweighted least squares (weights 1/max(|residual|, 1 nm)), which
 * converges to the median-regression plane and is not dragged by deep features such as a firing-pin impression.
 */
export function levelPlane(grid: HeightGrid, method: LevelMethod = 'least-squares', iterations = 20): { grid: HeightGrid; plane: Plane } {
  const { width, height, z } = grid;
  let present = 0;
  for (const v of z) if (v === v) present++;
  if (present < 3) throw badInput('surface', 'too-few-points', `levelling needs at least 3 present points, the surface has ${present}`);
  let plane = fit(grid, null);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const residual = (p: Plane, out: Float32Array | Float64Array, abs: boolean) => {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const r = z[i]! - (p.a + p.b * (x - cx) + p.c * (y - cy));
        out[i] = abs ? 1 / Math.max(Math.abs(r), 1e-9) : r;
      }
    }
  };
  if (method === 'least-absolute') {
    const weights = new Float64Array(z.length);
    for (let k = 0; k < iterations; k++) {
      residual(plane, weights, true);
      plane = fit(grid, weights);
    }
  }
  const out = new Float32Array(z.length);
  residual(plane, out, false);
  return { grid: { ...grid, z: out }, plane };
}
