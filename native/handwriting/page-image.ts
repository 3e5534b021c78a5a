/**
 * Page preparation for handwriting: decode, greyscale 0…1, binarise (Otsu as handwriter does, or Sauvola for uneven
 * scans), clean single-pixel defects, optional expert crop, optional deskew, and crop to the ink with one pixel of
 * white around it. Binary pages are column-major (index = col·rows + row), ink = 1, the layout the skeleton code uses.
 */
import { badInput } from '../input-error.ts';
import { gridFromImage } from '../surface/image-grid.ts';
import { cleanBinary } from './clean-binary.ts';

/** A rectangle in page pixels (origin top-left). */
export interface CropRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How the page is binarised: global Otsu (handwriter's choice) or local Sauvola. */
export type Binarisation = 'otsu' | 'sauvola';

/** Options of page preparation. */
export interface PagePrepOptions {
  readonly crop?: CropRect;
  readonly binarisation?: Binarisation;
  /** Estimate and undo the page's skew (±5°) before binarising. Off by default: handwriter does not deskew. */
  readonly deskew?: boolean;
}

/** A grey page, row-major, 0 = black … 1 = white. */
export interface GreyPage {
  readonly width: number;
  readonly height: number;
  readonly grey: Float32Array;
}

/** A binary page, column-major, 1 = ink; `originX/Y` place its top-left in the original page's pixels. */
export interface BinaryPage {
  readonly rows: number;
  readonly cols: number;
  readonly ink: Uint8Array;
  readonly originX: number;
  readonly originY: number;
  readonly threshold: number;
  readonly skewDeg: number;
}

/** Decodes PNG/JPEG/TIFF into a grey page; transparent pixels count as white paper. */
export function decodeGreyPage(bytes: Uint8Array, name: string): GreyPage {
  const image = gridFromImage(name, bytes, { pixelSizeUm: 1, fullScaleM: 1, maxPixels: 80_000_000 });
  const { width, height, z } = image.grid;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const v = z[i]!;
    grey[i] = Number.isNaN(v) ? 1 : v;
  }
  return { width, height, grey };
}

/**
 * Resamples a grey page by `factor` (bilinear, pixel centres aligned), so that writing scanned at a lower resolution
 * reaches the scale of the scans the cluster template was built from.
 */
export function resampleGrey(page: GreyPage, factor: number): GreyPage {
  const width = Math.max(1, Math.round(page.width * factor));
  const height = Math.max(1, Math.round(page.height * factor));
  const grey = new Float32Array(width * height);
  const maxX = page.width - 1;
  const maxY = page.height - 1;
  // The source columns and weights are the same on every row: worked out once.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  const weight = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(maxX, Math.max(0, (x + 0.5) / factor - 0.5));
    left[x] = Math.floor(sx);
    right[x] = Math.min(maxX, left[x]! + 1);
    weight[x] = sx - left[x]!;
  }
  const source = page.grey;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(maxY, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(maxY, y0 + 1);
    const ay = sy - y0;
    const row0 = y0 * page.width;
    const row1 = y1 * page.width;
    const out = y * width;
    for (let x = 0; x < width; x++) {
      const x0 = left[x]!;
      const x1 = right[x]!;
      const ax = weight[x]!;
      const top = (1 - ax) * source[row0 + x0]! + ax * source[row0 + x1]!;
      const bottom = (1 - ax) * source[row1 + x0]! + ax * source[row1 + x1]!;
      grey[out + x] = (1 - ay) * top + ay * bottom;
    }
  }
  return { width, height, grey };
}

/** Cuts the expert's rectangle out of the page; a rectangle outside the page is refused naming the file. */
export function cropGrey(page: GreyPage, rect: CropRect, name: string): GreyPage & { originX: number; originY: number } {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(page.width, Math.floor(rect.x + rect.width));
  const y1 = Math.min(page.height, Math.floor(rect.y + rect.height));
  if (!(x1 - x0 >= 8 && y1 - y0 >= 8)) throw badInput(name, 'crop', `the crop rectangle ${rect.x},${rect.y} ${rect.width}×${rect.height} does not cover at least 8×8 pixels of the ${page.width}×${page.height} page`);
  const width = x1 - x0;
  const height = y1 - y0;
  const grey = new Float32Array(width * height);
  for (let y = 0; y < height; y++) grey.set(page.grey.subarray((y + y0) * page.width + x0, (y + y0) * page.width + x1), y * width);
  return { width, height, grey, originX: x0, originY: y0 };
}

/**
 * Otsu's threshold on a 500-bin histogram of 0…1 (the breaks R's `hist(img, breaks = 512)` picks), returned as the
 * winning bin's middle, like handwriter's otsuBinarization.
 */
export function otsuThreshold(grey: Float32Array): number {
  const bins = 500;
  const counts = new Float64Array(bins);
  for (let i = 0; i < grey.length; i++) {
    // Right-closed bins (a, b], the first one including 0.
    const b = Math.min(bins - 1, Math.max(0, Math.ceil(grey[i]! * bins) - 1));
    counts[b]! += 1;
  }
  let first = 0;
  while (first < bins - 1 && counts[first] === 0) first++;
  let last = bins - 1;
  while (last > 0 && counts[last] === 0) last--;
  let total = 0;
  let totalMass = 0;
  for (let b = first; b <= last; b++) {
    total += counts[b]!;
    totalMass += counts[b]! * ((b + 0.5) / bins);
  }
  let w1 = 0;
  let mu1 = 0;
  let best = -Infinity;
  let peak = first;
  for (let b = first; b <= last; b++) {
    const c = counts[b]!;
    const mid = (b + 0.5) / bins;
    w1 += c;
    mu1 += c * mid;
    const w2 = total + c - w1;
    const mu2 = totalMass + c * mid - mu1;
    const v = Math.log(w1) + Math.log(w2) + 2 * Math.log(mu2 / w2 - mu1 / w1);
    if (v > best) {
      best = v;
      peak = b;
    }
  }
  return (peak + 0.5) / bins;
}

/** Sauvola's local threshold (window `radius`, k = 0.2, R = 0.5) via integral images; 1 where ink. */
export function sauvolaInk(page: GreyPage, radius = 15, k = 0.2): Uint8Array {
  const { width, height, grey } = page;
  const w1 = width + 1;
  const sum = new Float64Array(w1 * (height + 1));
  const sq = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let rs = 0;
    let rq = 0;
    for (let x = 0; x < width; x++) {
      const v = grey[y * width + x]!;
      rs += v;
      rq += v * v;
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1]! + rs;
      sq[(y + 1) * w1 + x + 1] = sq[y * w1 + x + 1]! + rq;
    }
  }
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - radius);
    const yb = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const xa = Math.max(0, x - radius);
      const xb = Math.min(width, x + radius + 1);
      const n = (yb - ya) * (xb - xa);
      const s = sum[yb * w1 + xb]! - sum[ya * w1 + xb]! - sum[yb * w1 + xa]! + sum[ya * w1 + xa]!;
      const q = sq[yb * w1 + xb]! - sq[ya * w1 + xb]! - sq[yb * w1 + xa]! + sq[ya * w1 + xa]!;
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, q / n - mean * mean));
      ink[y * width + x] = grey[y * width + x]! <= mean * (1 + k * (sd / 0.5 - 1)) ? 1 : 0;
    }
  }
  return ink;
}

/** Skew angle (degrees, ±5 by 0.25) that maximises the variance of the horizontal ink projection. */
export function estimateSkewDeg(ink: Uint8Array, width: number, height: number): number {
  const points: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink[y * width + x]) points.push(x, y);
  if (points.length < 200) return 0;
  let bestAngle = 0;
  let bestScore = -Infinity;
  const bins = new Float64Array(height * 2 + width);
  for (let a = -5; a <= 5.0001; a += 0.25) {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) bins[Math.round(points[i + 1]! - points[i]! * t) + width]! += 1;
    let score = 0;
    for (let b = 0; b < bins.length; b++) score += bins[b]! * bins[b]!;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      bestAngle = a;
    }
  }
  return bestAngle;
}

/** Rotates a grey page by `deg` about its centre (bilinear, white outside). */
export function rotateGrey(page: GreyPage, deg: number): GreyPage {
  if (deg === 0) return page;
  const { width, height, grey } = page;
  const c = Math.cos((deg * Math.PI) / 180);
  const s = Math.sin((deg * Math.PI) / 180);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = c * (x - cx) - s * (y - cy) + cx;
      const sy = s * (x - cx) + c * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 1;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      out[y * width + x] = (grey[i]! * (1 - fx) + grey[i + 1]! * fx) * (1 - fy) + (grey[i + width]! * (1 - fx) + grey[i + width + 1]! * fx) * fy;
    }
  }
  return { width, height, grey: out };
}

/** Binarises, cleans and crops a grey page to its ink plus a one-pixel white margin; null when there is no ink. */
export function binarisePage(page: GreyPage, options: PagePrepOptions, originX = 0, originY = 0): BinaryPage | null {
  let working = page;
  let skewDeg = 0;
  let threshold = otsuThreshold(working.grey);
  const inkOf = (p: GreyPage): Uint8Array => {
    if (options.binarisation === 'sauvola') return sauvolaInk(p);
    const out = new Uint8Array(p.width * p.height);
    for (let i = 0; i < out.length; i++) out[i] = p.grey[i]! > threshold ? 0 : 1;
    return out;
  };
  let rowMajor = inkOf(working);
  if (options.deskew) {
    skewDeg = estimateSkewDeg(rowMajor, working.width, working.height);
    if (skewDeg !== 0) {
      working = rotateGrey(working, -skewDeg);
      threshold = otsuThreshold(working.grey);
      rowMajor = inkOf(working);
    }
  }
  const { width, height } = working;
  // Column-major with a one-pixel white frame so every ink pixel has eight neighbours.
  const rows = height + 2;
  const cols = width + 2;
  const framed = new Uint8Array(rows * cols);
  // Transposed in tiles, so that neither the reads nor the writes stride across the whole page.
  const tile = 64;
  for (let y0 = 0; y0 < height; y0 += tile) {
    const y1 = Math.min(height, y0 + tile);
    for (let x0 = 0; x0 < width; x0 += tile) {
      const x1 = Math.min(width, x0 + tile);
      for (let x = x0; x < x1; x++) {
        const column = (x + 1) * rows + 1;
        for (let y = y0; y < y1; y++) framed[column + y] = rowMajor[y * width + x]!;
      }
    }
  }
  cleanBinary(framed, rows, cols);
  let r0 = rows;
  let r1 = -1;
  let c0 = cols;
  let c1 = -1;
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      if (!framed[c * rows + r]) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  if (r1 < 0) return null;
  r0 -= 1;
  c0 -= 1;
  r1 += 1;
  c1 += 1;
  const outRows = r1 - r0 + 1;
  const outCols = c1 - c0 + 1;
  const ink = new Uint8Array(outRows * outCols);
  for (let c = 0; c < outCols; c++) ink.set(framed.subarray((c + c0) * rows + r0, (c + c0) * rows + r0 + outRows), c * outRows);
  // framed pixel (r, c) is page pixel (c − 1, r − 1).
  return { rows: outRows, cols: outCols, ink, originX: originX + c0 - 1, originY: originY + r0 - 1, threshold, skewDeg };
}
