/** Levelling: removes the best-fitting plane z = a + b·x + c·y over the present points (missing points stay NaN). */
import { badInput } from '../input-error.ts';
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

/** Present points with centred coordinates, gathered once so the iterations do not walk the missing ones. */
interface Points {
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  readonly z: Float64Array;
}

function gather(grid: HeightGrid): Points {
  const { width, height, z } = grid;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  let n = 0;
  for (const v of z) if (v === v) n++;
  const points = { dx: new Float64Array(n), dy: new Float64Array(n), z: new Float64Array(n) };
  let k = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = z[y * width + x]!;
      if (v !== v) continue;
      points.dx[k] = x - cx;
      points.dy[k] = y - cy;
      points.z[k++] = v;
    }
  }
  return points;
}

/** One weighted least-squares plane fit; `weights` null means all points weigh 1. */
function fit(p: Points, weights: Float64Array | null): Plane {
  // Weighted moments Σw, Σw·x, Σw·y, Σw·x², Σw·xy, Σw·y², Σw·z, Σw·xz, Σw·yz.
  const m = new Float64Array(9);
  for (let i = 0; i < p.z.length; i++) {
    const w = weights ? weights[i]! : 1;
    const dx = p.dx[i]!;
    const dy = p.dy[i]!;
    const v = p.z[i]!;
    m[0]! += w;
    m[1]! += w * dx;
    m[2]! += w * dy;
    m[3]! += w * dx * dx;
    m[4]! += w * dx * dy;
    m[5]! += w * dy * dy;
    m[6]! += w * v;
    m[7]! += w * dx * v;
    m[8]! += w * dy * v;
  }
  const [a, b, c] = solve3([m[0]!, m[1]!, m[2]!, m[1]!, m[3]!, m[4]!, m[2]!, m[4]!, m[5]!], [m[6]!, m[7]!, m[8]!]);
  return { a, b, c };
}

/**
 * Fits and subtracts a plane. 'least-absolute' runs iteratively reweighted least squares (weights 1/max(|residual|,
 * 1 nm)), which converges to the median-regression plane and is not dragged by deep features such as a firing-pin
 * impression; it stops early once the plane moves by less than 0.1 nm anywhere on the grid.
 */
export function levelPlane(grid: HeightGrid, method: LevelMethod = 'least-squares', iterations = 20): { grid: HeightGrid; plane: Plane } {
  const { width, height, z } = grid;
  const points = gather(grid);
  if (points.z.length < 3) throw badInput('surface', 'too-few-points', `levelling needs at least 3 present points, the surface has ${points.z.length}`);
  let plane = fit(points, null);
  if (method === 'least-absolute') {
    const weights = new Float64Array(points.z.length);
    const reach = Math.max(width, height);
    for (let k = 0; k < iterations; k++) {
      for (let i = 0; i < weights.length; i++) {
        const r = points.z[i]! - (plane.a + plane.b * points.dx[i]! + plane.c * points.dy[i]!);
        weights[i] = 1 / Math.max(Math.abs(r), 1e-9);
      }
      const next = fit(points, weights);
      const moved = Math.abs(next.a - plane.a) + reach * (Math.abs(next.b - plane.b) + Math.abs(next.c - plane.c));
      plane = next;
      if (moved < 1e-10) break;
    }
  }
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const out = new Float32Array(z.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = z[y * width + x]! - (plane.a + plane.b * (x - cx) + plane.c * (y - cy));
  }
  return { grid: { ...grid, z: out }, plane };
}
