/**
 * Page preparation before OCR, with OpenCV: decoding a scan or photo to grey, turning it by quarter turns, measuring
 * and removing skew (projection profiles: text lines are horizontal when the variance of the row sums is largest),
 * removing scanner speckle, and binarising with a local threshold that copes with the uneven light of a photo.
 */
import type * as OpenCv from '@u4/opencv4nodejs';
import { cv } from '../opencv/opencv-adapter.ts';
import { InputError } from '../input-error.ts';

/** An 8-bit grey page image, row-major. */
export interface GreyPage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A quarter-turn orientation, clockwise degrees the page must be turned to read it upright. */
export type QuarterTurn = 0 | 90 | 180 | 270;

function toMat(page: GreyPage): OpenCv.Mat {
  return new (cv().Mat)(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength), page.height, page.width, cv().CV_8UC1);
}

function fromMat(mat: OpenCv.Mat): GreyPage {
  return { width: mat.cols, height: mat.rows, data: new Uint8Array(mat.getData()) };
}

/** Decodes a PNG, JPEG or single-page TIFF to grey; throws InputError naming `fileName` when OpenCV cannot read it. */
export function decodeGrey(bytes: Uint8Array, fileName: string): GreyPage {
  let mat: OpenCv.Mat;
  try {
    mat = cv().imdecode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), cv().IMREAD_GRAYSCALE);
  } catch (error) {
    throw new InputError(fileName, 'undecodable-image', `not a readable image (${(error as Error).message})`);
  }
  if (!mat || mat.empty || mat.rows === 0) throw new InputError(fileName, 'undecodable-image', 'not a readable image');
  return fromMat(mat);
}

/** Encodes a grey page as PNG (what the OCR engine reads). */
export function encodePng(page: GreyPage): Uint8Array {
  return new Uint8Array(cv().imencode('.png', toMat(page)));
}

/** Turns a page clockwise by a quarter-turn multiple. */
export function turn(page: GreyPage, degrees: QuarterTurn): GreyPage {
  if (degrees === 0) return page;
  const code = degrees === 90 ? cv().ROTATE_90_CLOCKWISE : degrees === 180 ? cv().ROTATE_180 : cv().ROTATE_90_COUNTERCLOCKWISE;
  return fromMat(toMat(page).rotate(code));
}

/** Rotates a page by a small angle (degrees, counter-clockwise positive) about its centre, filling with white. */
export function rotateSmall(page: GreyPage, degrees: number): GreyPage {
  if (Math.abs(degrees) < 1e-3) return page;
  const mat = toMat(page);
  const matrix = cv().getRotationMatrix2D(new (cv().Point2)(page.width / 2, page.height / 2), degrees, 1);
  return fromMat(mat.warpAffine(matrix, new (cv().Size)(page.width, page.height), cv().INTER_LINEAR, cv().BORDER_CONSTANT, new (cv().Vec3)(255, 255, 255)));
}

/** Ink (dark) pixels as 1, of a page reduced so its longer side is about `side` pixels: what skew is measured on. */
function inkMask(page: GreyPage, side: number): OpenCv.Mat {
  const scale = Math.min(1, side / Math.max(page.width, page.height));
  const small = toMat(page).resize(Math.max(1, Math.round(page.height * scale)), Math.max(1, Math.round(page.width * scale)), 0, 0, cv().INTER_AREA);
  return small.threshold(0, 1, cv().THRESH_BINARY_INV | cv().THRESH_OTSU);
}

function rowProfileScore(mask: OpenCv.Mat, degrees: number): number {
  const rotated = degrees === 0 ? mask : mask.warpAffine(cv().getRotationMatrix2D(new (cv().Point2)(mask.cols / 2, mask.rows / 2), degrees, 1), new (cv().Size)(mask.cols, mask.rows), cv().INTER_NEAREST);
  const rows = rotated.reduce(1, cv().REDUCE_SUM, cv().CV_32F).getData();
  const sums = new Float32Array(rows.buffer, rows.byteOffset, rows.byteLength / 4);
  let mean = 0;
  for (const v of sums) mean += v;
  mean /= sums.length;
  let variance = 0;
  for (const v of sums) variance += (v - mean) ** 2;
  return variance / sums.length;
}

/**
 * The skew of the text lines in degrees (the small rotation that makes them horizontal), within ±`range`, found by
 * a coarse-to-fine search on the row-sum variance; 0 for a page without ink.
 */
export function measureSkew(page: GreyPage, range = 8): number {
  const mask = inkMask(page, 1200);
  if (mask.countNonZero() < 50) return 0;
  let best = 0;
  let bestScore = rowProfileScore(mask, 0);
  for (const step of [1, 0.2]) {
    const centre = best;
    const span = step === 1 ? range : 1;
    for (let a = centre - span; a <= centre + span + 1e-9; a += step) {
      const angle = Math.round(a * 100) / 100;
      const score = rowProfileScore(mask, angle);
      if (score > bestScore) {
        bestScore = score;
        best = angle;
      }
    }
  }
  return best;
}

/** Whether text lines run across (true) or down the page: the larger profile variance wins. */
export function linesAreHorizontal(page: GreyPage): boolean {
  const mask = inkMask(page, 800);
  const turned = mask.rotate(cv().ROTATE_90_CLOCKWISE);
  return rowProfileScore(mask, 0) >= rowProfileScore(turned, 0);
}

/** Removes isolated speckle (a 3×3 median keeps strokes of a 300 dpi page). */
export function denoise(page: GreyPage): GreyPage {
  return fromMat(toMat(page).medianBlur(3));
}

/** Black text on white by a local (Gaussian-weighted) threshold, robust to shading across a photographed page. */
export function binarise(page: GreyPage): GreyPage {
  const block = Math.max(31, Math.round(Math.min(page.width, page.height) / 40) | 1);
  return fromMat(toMat(page).adaptiveThreshold(255, cv().ADAPTIVE_THRESH_GAUSSIAN_C, cv().THRESH_BINARY, block, 15));
}

/**
 * Whether the page is shaded (a photo lit from one side): a global threshold then takes several times more of it for
 * ink than a local one does, where on a flat scan, clean or noisy, the two agree. Both are taken on the page reduced to
 * 800 px, which averages scanner grain away.
 */
export function isShaded(page: GreyPage): boolean {
  const global = inkMask(page, 800);
  const small = shrink(page, 800);
  const block = Math.max(15, Math.round(Math.min(small.width, small.height) / 40) | 1);
  const local = toMat(small).adaptiveThreshold(1, cv().ADAPTIVE_THRESH_GAUSSIAN_C, cv().THRESH_BINARY_INV, block, 15);
  const area = global.rows * global.cols;
  return global.countNonZero() / area > 1.5 * (local.countNonZero() / area) + 0.02;
}

/** Statistics that tell a page with content from a blank one: the share of ink pixels and the grey-level spread. */
export function inkStatistics(page: GreyPage): { inkFraction: number; contrast: number } {
  const mat = toMat(page);
  const mask = inkMask(page, 1200);
  const { stddev } = mat.meanStdDev();
  return { inkFraction: mask.countNonZero() / (mask.rows * mask.cols), contrast: stddev.at(0, 0) };
}

/** Gaussian blur with the given sigma (used to make degraded test pages). */
export function blur(page: GreyPage, sigma: number): GreyPage {
  return fromMat(toMat(page).gaussianBlur(new (cv().Size)(0, 0), sigma));
}

/** The page reduced (area averaging) so that its longer side is at most `side` pixels; smaller pages are kept. */
export function shrink(page: GreyPage, side: number): GreyPage {
  const scale = side / Math.max(page.width, page.height);
  if (scale >= 1) return page;
  return fromMat(toMat(page).resize(Math.max(1, Math.round(page.height * scale)), Math.max(1, Math.round(page.width * scale)), 0, 0, cv().INTER_AREA));
}
