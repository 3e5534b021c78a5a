/** A height map as the vision steps use it: float32, row-major with x fastest, NaN for a missing point. */
import type { X3pSurface } from '../x3p/x3p-types.ts';

/** A height map on a regular grid; `step` is the lateral spacing in metres. */
export interface HeightGrid {
  readonly width: number;
  readonly height: number;
  readonly step: number;
  readonly z: Float32Array;
}

/** Converts a read X3P surface to a grid in metres (micrometre files are scaled). */
export function gridFromX3p(surface: X3pSurface): HeightGrid {
  const scale = surface.header.unit === 'um' ? 1e-6 : 1;
  const z = new Float32Array(surface.z.length);
  for (let i = 0; i < z.length; i++) z[i] = surface.z[i]! * scale;
  return { width: surface.width, height: surface.height, step: surface.header.x.increment * scale, z };
}

/** The mirror image (x reversed): a different surface, used as a known non-match. */
export function mirrorX(grid: HeightGrid): HeightGrid {
  const { width, height } = grid;
  const z = new Float32Array(grid.z.length);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = grid.z[y * width + (width - 1 - x)]!;
  return { ...grid, z };
}

/**
 * Rotation by `degrees` about the grid centre, same size, bilinear; a point whose neighbours include a missing one, or
 * that falls outside, is missing (NaN), so no height is invented.
 */
export function rotate(grid: HeightGrid, degrees: number): HeightGrid {
  if (degrees === 0) return grid;
  const { width, height, z } = grid;
  const out = new Float32Array(z.length).fill(NaN);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where in the source does this output point come from.
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const v = (z[i]! * (1 - fx) + z[i + 1]! * fx) * (1 - fy) + (z[i + width]! * (1 - fx) + z[i + width + 1]! * fx) * fy;
      out[y * width + x] = v;
    }
  }
  return { ...grid, z: out };
}

/** Fraction of points that are present (not NaN). */
export function validFraction(z: Float32Array): number {
  let n = 0;
  for (const v of z) if (v === v) n++;
  return z.length ? n / z.length : 0;
}
