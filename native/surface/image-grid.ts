/**
 * 2D images of breech faces (PNG, TIFF 8/16-bit, JPEG) as intensity maps: the grey level stands in for height, on a
 * grid whose pixel size the user gives (an image carries no trustworthy scale). Transparent pixels are missing.
 * Normalised cross-correlation ignores the height scale, so intensity is mapped linearly to 0…`fullScaleM`.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { checkTiffImage, readTiffStructure, TiffFormatError } from '../codecs/tiff/tiff-structure.ts';
import { badInput } from '../input-error.ts';
import type { HeightGrid } from './height-grid.ts';

/** Image formats read as intensity maps, recognised by their leading bytes. */
export type IntensityImageFormat = 'png' | 'jpeg' | 'tiff';

/** How to read an image: its pixel size (required) and the height one full-scale intensity stands for. */
export interface IntensityImageOptions {
  readonly pixelSizeUm: number;
  readonly fullScaleM?: number;
  /** Refuse images with more pixels than this (memory). */
  readonly maxPixels?: number;
}

/** An intensity map and what was read: format, bit depth and channels, for provenance. */
export interface IntensityImage {
  readonly grid: HeightGrid;
  readonly format: IntensityImageFormat;
  readonly bitDepth: number;
  readonly channels: 'grey' | 'colour';
}

/** Recognises PNG, JPEG and TIFF by their magic numbers; null otherwise. */
export function sniffImageFormat(bytes: Uint8Array): IntensityImageFormat | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) return 'tiff';
  return null;
}

/** Decoded pixels: `channels` samples per pixel (1 grey, 4 RGBA), each 0…maxValue; alpha (if any) is the 4th. */
interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly samples: ArrayLike<number>;
  readonly channels: 1 | 4;
  readonly maxValue: number;
  readonly bitDepth: number;
  readonly colour: boolean;
}

/** Refuses an image whose header declares more pixels than allowed, before any pixel memory is taken. */
function checkSize(width: number, height: number, maxPixels: number): void {
  if (width * height > maxPixels) throw new SizeError(`${width}×${height} pixels is more than the ${maxPixels} allowed`);
}

class SizeError extends Error {}

function decodePng(bytes: Uint8Array, maxPixels: number): Pixels {
  // IHDR is the first chunk: width and height big-endian at bytes 16 and 20.
  if (bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    checkSize(view.getUint32(16), view.getUint32(20), maxPixels);
  }
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { skipRescale: true });
  const meta = png as unknown as { depth: number; colorType: number };
  // Palette images are expanded to 8-bit RGBA; the rest keep their depth.
  const depth = meta.colorType === 3 ? 8 : meta.depth;
  return { width: png.width, height: png.height, samples: png.data, channels: 4, maxValue: 2 ** depth - 1, bitDepth: depth, colour: (meta.colorType & 2) !== 0 };
}

function decodeJpeg(bytes: Uint8Array, maxPixels: number): Pixels {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: 2048 });
  return { width: image.width, height: image.height, samples: image.data, channels: 4, maxValue: 255, bitDepth: 8, colour: true };
}

function decodeTiff(bytes: Uint8Array, maxPixels: number): Pixels {
  // UTIF trusts every count it reads: check the directories, tag bounds and size first.
  const structure = readTiffStructure(bytes);
  checkSize(structure.get(256)?.[0] ?? 0, structure.get(257)?.[0] ?? 0, maxPixels);
  checkTiffImage(structure);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const [ifd] = UTIF.decode(buffer);
  if (!ifd) throw new Error('no image directory');
  UTIF.decodeImage(buffer, ifd);
  const tags = ifd as unknown as Record<string, number[] | undefined> & { data: Uint8Array; width: number; height: number };
  const bits = tags.t258?.[0] ?? 1;
  const spp = tags.t277?.[0] ?? 1;
  const photometric = tags.t262?.[0] ?? 1;
  const compression = tags.t259?.[0] ?? 1;
  // Single-channel 8/16-bit grey is read from the raw samples (UTIF leaves 16-bit data little-endian); the rest via RGBA8.
  if (spp === 1 && (bits === 8 || bits === 16) && (photometric === 0 || photometric === 1) && compression !== 7) {
    const n = tags.width * tags.height;
    const raw = tags.data;
    const samples = bits === 8 ? raw.subarray(0, n) : new Uint16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + 2 * n));
    const max = 2 ** bits - 1;
    const grey = photometric === 0 ? Array.from(samples, (v) => max - v) : samples;
    return { width: tags.width, height: tags.height, samples: grey, channels: 1, maxValue: max, bitDepth: bits, colour: false };
  }
  return { width: tags.width, height: tags.height, samples: UTIF.toRGBA8(ifd), channels: 4, maxValue: 255, bitDepth: 8, colour: spp >= 3 };
}

/** Decodes an image file into an intensity map; a file that is not a readable PNG/TIFF/JPEG is refused by name. */
export function gridFromImage(fileName: string, bytes: Uint8Array, options: IntensityImageOptions): IntensityImage {
  const { pixelSizeUm, fullScaleM = 1e-6, maxPixels = 100_000_000 } = options;
  if (!(pixelSizeUm > 0) || !Number.isFinite(pixelSizeUm)) throw badInput(fileName, 'pixel-size', `the pixel size must be a positive number of micrometres, got ${pixelSizeUm}`);
  const format = sniffImageFormat(bytes);
  if (!format) throw badInput(fileName, 'format', 'not a PNG, TIFF or JPEG image');
  let pixels: Pixels;
  try {
    pixels = format === 'png' ? decodePng(bytes, maxPixels) : format === 'jpeg' ? decodeJpeg(bytes, maxPixels) : decodeTiff(bytes, maxPixels);
  } catch (error) {
    if (error instanceof SizeError) throw badInput(fileName, 'too-large', error.message);
    if (error instanceof TiffFormatError) throw badInput(fileName, error.reasonCode, error.message);
    throw badInput(fileName, 'corrupt', `the ${format.toUpperCase()} image cannot be decoded (${(error as Error).message})`);
  }
  const { width, height, samples, channels, maxValue } = pixels;
  if (!(width > 0 && height > 0)) throw badInput(fileName, 'corrupt', 'the image has no pixels');
  if (width * height > maxPixels) throw badInput(fileName, 'too-large', `${width}×${height} pixels is more than the ${maxPixels} allowed`);
  if (samples.length < width * height * channels) throw badInput(fileName, 'corrupt', 'the image data is shorter than its size says');
  const z = new Float32Array(width * height);
  const scale = fullScaleM / maxValue;
  for (let i = 0; i < z.length; i++) {
    if (channels === 1) {
      z[i] = samples[i]! * scale;
      continue;
    }
    const o = 4 * i;
    // Luma (ITU-R BT.601): the eye's weighting is also how a grey rendering of the breech face was made.
    z[i] = samples[o + 3] === 0 ? NaN : (0.299 * samples[o]! + 0.587 * samples[o + 1]! + 0.114 * samples[o + 2]!) * scale;
  }
  return { grid: { width, height, step: pixelSizeUm * 1e-6, z }, format, bitDepth: pixels.bitDepth, channels: pixels.colour ? 'colour' : 'grey' };
}
