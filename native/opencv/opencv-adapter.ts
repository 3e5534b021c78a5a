/**
 * The one place that calls OpenCV (@u4/opencv4nodejs, built against the system libopencv). Everything else in native/
 * works on typed arrays; this file turns them into Mats and back.
 */
import { createRequire } from 'node:module';
import type * as OpenCv from '@u4/opencv4nodejs';
import type { CorrelationMap } from '../cmc/cmc-compare.ts';

const require = createRequire(import.meta.url);

let cvModule: typeof OpenCv | null = null;

/** Loads OpenCV once; opencv-build's loader logs its configuration to stdout, which we silence. */
export function cv(): typeof OpenCv {
  if (!cvModule) {
    const build = require('@u4/opencv-build') as { Log: { silence: boolean } };
    build.Log.silence = true;
    cvModule = require('@u4/opencv4nodejs') as typeof OpenCv;
  }
  return cvModule;
}

/** The OpenCV version string, for provenance. */
export function openCvVersion(): string {
  const v = cv().version;
  return `${v.major}.${v.minor}.${v.revision}`;
}

/** Cumulative time spent inside bare matchTemplate calls (for the overhead figure of the benchmark). */
export const matchTemplateClock = { ms: 0, calls: 0 };

function floatMat(data: Float32Array, width: number, height: number): OpenCv.Mat {
  return new (cv().Mat)(Buffer.from(data.buffer, data.byteOffset, data.byteLength), height, width, cv().CV_32F);
}

/** Templates already turned into Mats, by array identity: a CMC cell is matched at every rotation unchanged. */
const templateMats = new WeakMap<Float32Array, OpenCv.Mat>();

/** A float Buffer's contents as a Float32Array, without a second copy when the Buffer is aligned. */
function floats(buffer: Buffer): Float32Array {
  const length = buffer.byteLength / 4;
  return buffer.byteOffset % 4 === 0
    ? new Float32Array(buffer.buffer, buffer.byteOffset, length)
    : new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

/**
 * Normalised cross-correlation (TM_CCOEFF_NORMED) of `template` at every position inside `image`; both must be free of
 * NaN. Returns the (W−w+1)×(H−h+1) score map, row-major. The template's Mat is cached by array identity, so a
 * template array must not be changed after its first use (CMC cells never are).
 */
export const matchTemplateCcoeffNormed: CorrelationMap = (image, imageWidth, imageHeight, template, templateWidth, templateHeight) => {
  const img = floatMat(image, imageWidth, imageHeight);
  let tpl = templateMats.get(template);
  if (!tpl || tpl.cols !== templateWidth || tpl.rows !== templateHeight) {
    tpl = floatMat(template, templateWidth, templateHeight);
    templateMats.set(template, tpl);
  }
  const start = performance.now();
  const result = img.matchTemplate(tpl, cv().TM_CCOEFF_NORMED);
  matchTemplateClock.ms += performance.now() - start;
  matchTemplateClock.calls += 1;
  return { scores: floats(result.getData()), width: result.cols, height: result.rows };
};

/** Gaussian blur of a NaN-free float image with standard deviation `sigma` pixels (reflective borders). */
export function gaussianBlur(data: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const size = 2 * Math.ceil(3 * sigma) + 1;
  const out = floatMat(data, width, height).gaussianBlur(new (cv().Size)(size, size), sigma, sigma, cv().BORDER_REFLECT);
  return floats(out.getData());
}

/**
 * Morphological opening or closing of a 0/1 mask with a disk of `radius` pixels (borders count as background), used
 * to cut thin bridges between regions before labelling them.
 */
export function morphologyMask(mask: Uint8Array, width: number, height: number, operation: 'open' | 'close', radius: number): Uint8Array {
  if (radius < 1) return mask.slice();
  const c = cv();
  const side = 2 * Math.round(radius) + 1;
  const kernel = c.getStructuringElement(c.MORPH_ELLIPSE, new c.Size(side, side));
  const mat = new c.Mat(Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength), height, width, c.CV_8U);
  const out = mat.morphologyEx(kernel, operation === 'open' ? c.MORPH_OPEN : c.MORPH_CLOSE, new c.Point2(-1, -1), 1, c.BORDER_CONSTANT);
  const buffer = out.getData();
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

/**
 * Decodes an image file to grey and binarises it with Otsu's threshold, all inside OpenCV: the baseline the handwriting
 * benchmark measures the profile against. `scale` resizes the grey page first (bilinear), as the profile does with
 * reduced copies of scans. Returns the binarised page's size and its ink pixel count.
 */
export function decodeAndBinariseOtsu(bytes: Uint8Array, scale = 1): { readonly width: number; readonly height: number; readonly inkPixels: number } {
  const c = cv();
  let grey = c.imdecode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), c.IMREAD_GRAYSCALE);
  if (scale !== 1) grey = grey.resize(Math.round(grey.rows * scale), Math.round(grey.cols * scale), 0, 0, c.INTER_LINEAR);
  const binary = grey.threshold(0, 255, c.THRESH_BINARY_INV + c.THRESH_OTSU);
  return { width: grey.cols, height: grey.rows, inkPixels: binary.countNonZero() };
}

/**
 * Decodes a colour JPEG or PNG to 8-bit RGBA with libjpeg/libpng (about ten times faster than the JavaScript decoders
 * on a 12-megapixel photo). EXIF orientation is ignored, as the JavaScript decoders do, so pixel positions are the
 * file's own. Returns null when OpenCV cannot decode the bytes.
 */
export function decodeColourRgba(bytes: Uint8Array): { readonly width: number; readonly height: number; readonly data: Uint8Array } | null {
  const c = cv();
  // IMREAD_IGNORE_ORIENTATION (128) is missing from the binding's typings.
  const ignoreOrientation = (c as unknown as { IMREAD_IGNORE_ORIENTATION?: number }).IMREAD_IGNORE_ORIENTATION ?? 128;
  let bgr;
  try {
    bgr = c.imdecode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), c.IMREAD_COLOR | ignoreOrientation);
  } catch {
    return null;
  }
  if (bgr.empty || bgr.cols === 0 || bgr.rows === 0) return null;
  const rgba = bgr.cvtColor(c.COLOR_BGR2RGBA);
  const data = rgba.getData();
  return { width: rgba.cols, height: rgba.rows, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
