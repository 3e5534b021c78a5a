/**
 * Resampling to a common lateral step. Downsampling averages the present points under each output pixel (area
 * weights, so a non-integer factor is handled); a pixel mostly covered by missing points is missing. Upsampling is
 * bilinear, missing where any neighbour is.
 */
import type { HeightGrid } from '../surface/height-grid.ts';

/** Area weights of source pixels along one axis: for each output index, the [start, end) source span and weights. */
function spans(sourceSize: number, factor: number, outSize: number): { start: Int32Array; weights: Float64Array[] } {
  const start = new Int32Array(outSize);
  const weights: Float64Array[] = [];
  for (let o = 0; o < outSize; o++) {
    const a = o * factor;
    const b = Math.min(sourceSize, (o + 1) * factor);
    const s = Math.floor(a);
    const e = Math.ceil(b);
    const w = new Float64Array(e - s);
    for (let k = s; k < e; k++) w[k - s] = Math.min(b, k + 1) - Math.max(a, k);
    start[o] = s;
    weights.push(w);
  }
  return { start, weights };
}

/** Area-average downsampling by `factor` ≥ 1 (separable sums of z·m and m). */
function downsample(grid: HeightGrid, factor: number, step: number): HeightGrid {
  const { width, height, z } = grid;
  const ow = Math.max(1, Math.floor(width / factor));
  const oh = Math.max(1, Math.floor(height / factor));
  const sx = spans(width, factor, ow);
  const sy = spans(height, factor, oh);
  // First pass along x: per source row, the weighted sums for each output column.
  const rowSum = new Float64Array(height * ow);
  const rowWeight = new Float64Array(height * ow);
  for (let y = 0; y < height; y++) {
    for (let o = 0; o < ow; o++) {
      const w = sx.weights[o]!;
      const s = sx.start[o]!;
      let sum = 0;
      let weight = 0;
      for (let k = 0; k < w.length; k++) {
        const v = z[y * width + s + k]!;
        if (v === v) {
          sum += w[k]! * v;
          weight += w[k]!;
        }
      }
      rowSum[y * ow + o] = sum;
      rowWeight[y * ow + o] = weight;
    }
  }
  const out = new Float32Array(ow * oh);
  const full = factor * factor;
  for (let o = 0; o < oh; o++) {
    const w = sy.weights[o]!;
    const s = sy.start[o]!;
    for (let x = 0; x < ow; x++) {
      let sum = 0;
      let weight = 0;
      for (let k = 0; k < w.length; k++) {
        sum += w[k]! * rowSum[(s + k) * ow + x]!;
        weight += w[k]! * rowWeight[(s + k) * ow + x]!;
      }
      out[o * ow + x] = weight >= 0.5 * full ? sum / weight : NaN;
    }
  }
  return { width: ow, height: oh, step, z: out };
}

/** Bilinear upsampling by `factor` < 1 (source pixels per output pixel). */
function upsample(grid: HeightGrid, factor: number, step: number): HeightGrid {
  const { width, height, z } = grid;
  const ow = Math.max(1, Math.floor((width - 1) / factor) + 1);
  const oh = Math.max(1, Math.floor((height - 1) / factor) + 1);
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    const sy = y * factor;
    const y0 = Math.min(height - 1, Math.floor(sy));
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < ow; x++) {
      const sx = x * factor;
      const x0 = Math.min(width - 1, Math.floor(sx));
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = z[y0 * width + x0]! * (1 - fx) + z[y0 * width + x1]! * fx;
      const bottom = z[y1 * width + x0]! * (1 - fx) + z[y1 * width + x1]! * fx;
      out[y * ow + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: ow, height: oh, step, z: out };
}

/** Resamples `grid` to the lateral step `step` (metres); a step within 0.1 % of the current one returns the grid as is. */
export function resampleGrid(grid: HeightGrid, step: number): HeightGrid {
  const factor = step / grid.step;
  if (Math.abs(factor - 1) < 1e-3) return grid;
  return factor > 1 ? downsample(grid, factor, step) : upsample(grid, factor, step);
}
