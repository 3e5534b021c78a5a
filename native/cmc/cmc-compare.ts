/**
 * Congruent Matching Cells (Song 2013) as cmcR computes it ("original method"): split the reference into cells, find
 * each cell's best normalised cross-correlation in a larger region of the rotated target, then count the cells whose
 * registration agrees with the consensus (median) rotation and translation. Pure: the correlation is injected.
 */
import { rotate, type HeightGrid } from '../surface/height-grid.ts';
import { alignmentMatrix, cellOutline, type AffineMatrix, type CellOutline, type CellPlacement } from './cmc-cell-outline.ts';
import type { CmcParameters } from './cmc-params.ts';

/** Normalised cross-correlation score map of a NaN-free template over a NaN-free image (TM_CCOEFF_NORMED). */
export type CorrelationMap = (
  image: Float32Array,
  imageWidth: number,
  imageHeight: number,
  template: Float32Array,
  templateWidth: number,
  templateHeight: number,
) => { readonly scores: Float32Array; readonly width: number; readonly height: number };

/** One cell's best registration: where it sits in the reference and how it maps onto the target. */
export interface CellRegistration extends CellPlacement {
  readonly row: number;
  readonly col: number;
  readonly ccf: number;
  readonly congruent: boolean;
  /** The cell's outline on the reference and where it registered on the target, for drawing. */
  readonly outline: CellOutline;
}

/** The result of one direction (reference cells searched in the target). */
export interface CmcDirectionResult {
  readonly cmcCount: number;
  readonly cellsCompared: number;
  readonly consensus: { readonly theta: number; readonly dx: number; readonly dy: number };
  /** Draws the target in the reference's frame under the consensus registration. */
  readonly alignment: AffineMatrix;
  readonly cells: readonly CellRegistration[];
}

/**
 * Summed-area table of a grid's present points, with a zero first row and column, so the valid count of any window is
 * O(1); windows reaching outside the grid count nothing there.
 */
interface GridSums {
  readonly count: Int32Array;
  readonly stride: number;
}

function gridSums(grid: HeightGrid): GridSums {
  const { width, height, z } = grid;
  const stride = width + 1;
  const count = new Int32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowCount = 0;
    const above = y * stride;
    const here = above + stride;
    for (let x = 0; x < width; x++) {
      const v = z[y * width + x]!;
      if (v === v) rowCount++;
      count[here + x + 1] = count[above + x + 1]! + rowCount;
    }
  }
  return { count, stride };
}

/**
 * Mean of the present points of a window, summed row by row in order (fills are then bit-for-bit reproducible). Mean
 * filling is cmcR's "standardise, then missing = 0": missing points neither add nor remove correlation.
 */
function regionMean(grid: HeightGrid, x0: number, y0: number, w: number, h: number, count: number): number {
  if (!count) return 0;
  let sum = 0;
  const ax = Math.max(0, x0);
  const bx = Math.min(grid.width, x0 + w);
  for (let gy = Math.max(0, y0), end = Math.min(grid.height, y0 + h); gy < end; gy++) {
    for (let i = gy * grid.width + ax, e = gy * grid.width + bx; i < e; i++) {
      const v = grid.z[i]!;
      if (v === v) sum += v;
    }
  }
  return sum / count;
}

/** Present points in the window [x0, x1) × [y0, y1), clipped to a grid of the given size. */
function windowCount(s: GridSums, width: number, height: number, x0: number, y0: number, x1: number, y1: number): number {
  const ax = Math.max(0, Math.min(width, x0));
  const bx = Math.max(0, Math.min(width, x1));
  const ay = Math.max(0, Math.min(height, y0));
  const by = Math.max(0, Math.min(height, y1));
  const c = s.count;
  return c[by * s.stride + bx]! - c[ay * s.stride + bx]! - c[by * s.stride + ax]! + c[ay * s.stride + ax]!;
}

/**
 * Copies the rectangle of `grid` at (x0, y0) into `out` (w×h), missing points (and points outside the grid) set to
 * `fill`. Row spans inside the grid are copied as blocks, then their missing points patched.
 */
function fillWindow(grid: HeightGrid, x0: number, y0: number, w: number, h: number, fill: number, out: Float32Array): void {
  const ax = Math.max(0, x0);
  const bx = Math.min(grid.width, x0 + w);
  for (let y = 0; y < h; y++) {
    const gy = y0 + y;
    const row = y * w;
    if (gy < 0 || gy >= grid.height || bx <= ax) {
      out.fill(fill, row, row + w);
      continue;
    }
    if (ax > x0) out.fill(fill, row, row + (ax - x0));
    if (bx < x0 + w) out.fill(fill, row + (bx - x0), row + w);
    const start = row + (ax - x0);
    out.set(grid.z.subarray(gy * grid.width + ax, gy * grid.width + bx), start);
    for (let i = start, end = start + (bx - ax); i < end; i++) if (out[i] !== out[i]) out[i] = fill;
  }
}

/** A rectangle of `grid` with missing points set to the mean of the present ones, and how many are present. */
function patch(grid: HeightGrid, sums: GridSums, x0: number, y0: number, w: number, h: number): { data: Float32Array; validCount: number } {
  const validCount = windowCount(sums, grid.width, grid.height, x0, y0, x0 + w, y0 + h);
  const data = new Float32Array(w * h);
  fillWindow(grid, x0, y0, w, h, regionMean(grid, x0, y0, w, h, validCount), data);
  return { data, validCount };
}

const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Cell boundaries: `count` nearly equal spans of `size` pixels. */
const spans = (size: number, count: number) => Array.from({ length: count }, (_, i) => [Math.floor((i * size) / count), Math.floor(((i + 1) * size) / count)] as const);

/** One direction of a CMC comparison: cells of `reference` registered in `target`. */
export function cmcDirection(reference: HeightGrid, target: HeightGrid, params: CmcParameters, correlate: CorrelationMap): CmcDirectionResult {
  interface Cell {
    row: number;
    col: number;
    x: number;
    y: number;
    w: number;
    h: number;
    data: Float32Array;
    best: { theta: number; dx: number; dy: number; ccf: number };
  }
  const cells: Cell[] = [];
  const minValid = 1 - params.maxMissingProportion;
  const referenceSums = gridSums(reference);
  spans(reference.height, params.cellsY).forEach(([y0, y1], row) =>
    spans(reference.width, params.cellsX).forEach(([x0, x1], col) => {
      const p = patch(reference, referenceSums, x0, y0, x1 - x0, y1 - y0);
      if (p.validCount < minValid * p.data.length) return;
      cells.push({ row, col, x: x0, y: y0, w: x1 - x0, h: y1 - y0, data: p.data, best: { theta: 0, dx: 0, dy: 0, ccf: -Infinity } });
    }),
  );
  const m = params.regionSideMultiplier;
  let scratch = new Float32Array(0);
  for (const theta of params.thetas) {
    const rotated = rotate(target, theta);
    const sums = gridSums(rotated);
    const { width: tw, height: th } = rotated;
    for (const cell of cells) {
      // The region is centred on the cell's own position, `m` cells wide: (m−1)/2 cell widths on each side.
      const padX = Math.round(((m - 1) / 2) * cell.w);
      const padY = Math.round(((m - 1) / 2) * cell.h);
      const rw = cell.w + 2 * padX;
      const rh = cell.h + 2 * padY;
      const rx = cell.x - padX;
      const ry = cell.y - padY;
      const validCount = windowCount(sums, tw, th, rx, ry, rx + rw, ry + rh);
      if (validCount < minValid * rw * rh) continue;
      const mean = regionMean(rotated, rx, ry, rw, rh, validCount);
      if (scratch.length < rw * rh) scratch = new Float32Array(rw * rh);
      const region = scratch.subarray(0, rw * rh);
      fillWindow(rotated, rx, ry, rw, rh, mean, region);
      const map = correlate(region, rw, rh, cell.data, cell.w, cell.h);
      const need = minValid * cell.w * cell.h;
      for (let py = 0; py < map.height; py++) {
        for (let px = 0; px < map.width; px++) {
          const score = map.scores[py * map.width + px]!;
          if (!(score <= 1.0001) || score <= cell.best.ccf) continue;
          // Windows that are mostly filled-in missing points correlate by accident; they are not candidates.
          const x = rx + px;
          const y = ry + py;
          if (windowCount(sums, tw, th, x, y, x + cell.w, y + cell.h) < need) continue;
          cell.best = { theta, dx: px - padX, dy: py - padY, ccf: score };
        }
      }
    }
  }
  const registered = cells.filter((c) => Number.isFinite(c.best.ccf));
  const consensus = registered.length
    ? { theta: median(registered.map((c) => c.best.theta)), dx: median(registered.map((c) => c.best.dx)), dy: median(registered.map((c) => c.best.dy)) }
    : { theta: 0, dx: 0, dy: 0 };
  const out: CellRegistration[] = registered.map((c) => ({
    row: c.row,
    col: c.col,
    x: c.x,
    y: c.y,
    width: c.w,
    height: c.h,
    theta: c.best.theta,
    dx: c.best.dx,
    dy: c.best.dy,
    ccf: c.best.ccf,
    outline: cellOutline({ x: c.x, y: c.y, width: c.w, height: c.h, ...c.best }, target.width, target.height),
    congruent:
      c.best.ccf >= params.ccfThreshold &&
      Math.abs(c.best.theta - consensus.theta) <= params.thetaThreshold &&
      Math.abs(c.best.dx - consensus.dx) <= params.translationThreshold &&
      Math.abs(c.best.dy - consensus.dy) <= params.translationThreshold,
  }));
  return { cmcCount: out.filter((c) => c.congruent).length, cellsCompared: out.length, consensus, alignment: alignmentMatrix(consensus, target.width, target.height), cells: out };
}
