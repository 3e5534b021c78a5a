/**
 * Congruent Matching Cells (Song 2013) as cmcR computes it ("original method"): split the reference into cells, find
 * each cell's best normalised cross-correlation in a larger region of the rotated target, then count the cells whose
 * registration agrees with the consensus (median) rotation and translation. Pure: the correlation is injected.
 */
import { rotate, type HeightGrid } from '../surface/height-grid.ts';
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
export interface CellRegistration {
  readonly row: number;
  readonly col: number;
  /** Cell rectangle in the reference, pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly theta: number;
  readonly dx: number;
  readonly dy: number;
  readonly ccf: number;
  readonly congruent: boolean;
}

/** The result of one direction (reference cells searched in the target). */
export interface CmcDirectionResult {
  readonly cmcCount: number;
  readonly cellsCompared: number;
  readonly consensus: { readonly theta: number; readonly dx: number; readonly dy: number };
  readonly cells: readonly CellRegistration[];
}

/** Copies a rectangle (may reach outside the grid: NaN there) and fills missing points with the mean of the rest. */
function patch(grid: HeightGrid, x0: number, y0: number, w: number, h: number): { data: Float32Array; valid: Uint8Array; validCount: number } {
  const data = new Float32Array(w * h);
  const valid = new Uint8Array(w * h);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    const gy = y0 + y;
    for (let x = 0; x < w; x++) {
      const gx = x0 + x;
      const v = gx >= 0 && gy >= 0 && gx < grid.width && gy < grid.height ? grid.z[gy * grid.width + gx]! : NaN;
      if (v === v) {
        data[y * w + x] = v;
        valid[y * w + x] = 1;
        sum += v;
        n++;
      }
    }
  }
  // Mean filling is cmcR's "standardise, then missing = 0": missing points neither add nor remove correlation.
  const mean = n ? sum / n : 0;
  for (let i = 0; i < data.length; i++) if (!valid[i]) data[i] = mean;
  return { data, valid, validCount: n };
}

/** Summed-area table of a 0/1 mask, for the valid count of any window in O(1). */
function integral(valid: Uint8Array, w: number, h: number): Int32Array {
  const s = new Int32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += valid[y * w + x]!;
      s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1]! + row;
    }
  }
  return s;
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
  spans(reference.height, params.cellsY).forEach(([y0, y1], row) =>
    spans(reference.width, params.cellsX).forEach(([x0, x1], col) => {
      const p = patch(reference, x0, y0, x1 - x0, y1 - y0);
      if (p.validCount < minValid * p.data.length) return;
      cells.push({ row, col, x: x0, y: y0, w: x1 - x0, h: y1 - y0, data: p.data, best: { theta: 0, dx: 0, dy: 0, ccf: -Infinity } });
    }),
  );
  const m = params.regionSideMultiplier;
  for (const theta of params.thetas) {
    const rotated = rotate(target, theta);
    for (const cell of cells) {
      // The region is centred on the cell's own position, `m` cells wide: (m−1)/2 cell widths on each side.
      const padX = Math.round(((m - 1) / 2) * cell.w);
      const padY = Math.round(((m - 1) / 2) * cell.h);
      const rw = cell.w + 2 * padX;
      const rh = cell.h + 2 * padY;
      const region = patch(rotated, cell.x - padX, cell.y - padY, rw, rh);
      if (region.validCount < minValid * region.data.length) continue;
      const map = correlate(region.data, rw, rh, cell.data, cell.w, cell.h);
      const sat = integral(region.valid, rw, rh);
      const need = minValid * cell.w * cell.h;
      for (let py = 0; py < map.height; py++) {
        for (let px = 0; px < map.width; px++) {
          const score = map.scores[py * map.width + px]!;
          if (!(score <= 1.0001) || score <= cell.best.ccf) continue;
          // Windows that are mostly filled-in missing points correlate by accident; they are not candidates.
          const w1 = rw + 1;
          const count = sat[(py + cell.h) * w1 + px + cell.w]! - sat[py * w1 + px + cell.w]! - sat[(py + cell.h) * w1 + px]! + sat[py * w1 + px]!;
          if (count < need) continue;
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
    congruent:
      c.best.ccf >= params.ccfThreshold &&
      Math.abs(c.best.theta - consensus.theta) <= params.thetaThreshold &&
      Math.abs(c.best.dx - consensus.dx) <= params.translationThreshold &&
      Math.abs(c.best.dy - consensus.dy) <= params.translationThreshold,
  }));
  return { cmcCount: out.filter((c) => c.congruent).length, cellsCompared: out.length, consensus, cells: out };
}
