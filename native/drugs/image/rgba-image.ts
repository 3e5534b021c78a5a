/**
 * Colour photographs for the drug-test module: 8-bit RGBA pixels as the JPEG and PNG decoders hand them over, with
 * the sRGB transfer curve undone through one lookup table (colour correction works in linear light).
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { jpegFrameSize } from '../../codecs/jpeg/jpeg-size.ts';
import { badInput } from '../../input-error.ts';
import { decodeColourRgba } from '../../opencv/opencv-adapter.ts';
import { srgbToLinear } from '../colour/spaces.ts';

/** An 8-bit sRGB photo, 4 bytes a pixel (R,G,B,A), rows top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Linear-light value of each 8-bit sRGB code. */
export const LINEAR_OF_8BIT: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let i = 0; i < 256; i += 1) table[i] = srgbToLinear(i / 255);
  return table;
})();

/** Largest photo decoded (pixels): above a 50-megapixel camera, below what would exhaust memory. */
export const MAX_PHOTO_PIXELS = 60_000_000;

/** Decodes a JPEG or PNG photo; anything else (or a broken file) is refused naming the file. */
export function decodePhoto(bytes: Uint8Array, fileName: string): RgbaImage {
  const b = (i: number): number => bytes[i] ?? -1;
  try {
    if (b(0) === 0xff && b(1) === 0xd8) {
      // The declared size is checked before decoding; libjpeg then decodes (jpeg-js took ~2 s for 12 MP, libjpeg ~0.2 s).
      const size = jpegFrameSize(bytes);
      if (!size) throw new Error('no frame header giving the image size');
      if (size.width * size.height > MAX_PHOTO_PIXELS) throw new Error(`${size.width}×${size.height} pixels is more than allowed`);
      const image = decodeColourRgba(bytes);
      if (!image) throw new Error('the JPEG data is damaged');
      return image;
    }
    if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (png.width * png.height > MAX_PHOTO_PIXELS) throw new Error(`${png.width}×${png.height} pixels is more than allowed`);
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
  } catch (error) {
    throw badInput(fileName, 'photo-unreadable', `the photo could not be decoded (${(error as Error).message})`);
  }
  throw badInput(fileName, 'photo-format', 'a colour-test photo must be a JPEG or PNG image');
}

/** Encodes a photo as PNG (overlays, test fixtures). */
export function encodePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}

/** Encodes a photo as JPEG at the given quality (test fixtures and the benchmark's camera file). */
export function encodeJpeg(image: RgbaImage, quality = 92): Uint8Array {
  return new Uint8Array(jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data);
}

/** A downscaled copy (box average over `factor`×`factor` blocks), for the detectors that need only the layout. */
export function downscale(image: RgbaImage, factor: number): RgbaImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return image;
  const width = Math.floor(image.width / f);
  const height = Math.floor(image.height / f);
  const data = new Uint8Array(width * height * 4);
  const area = f * f;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < f; dy += 1) {
        let p = ((y * f + dy) * image.width + x * f) * 4;
        for (let dx = 0; dx < f; dx += 1, p += 4) {
          r += image.data[p]!;
          g += image.data[p + 1]!;
          b += image.data[p + 2]!;
        }
      }
      const q = (y * width + x) * 4;
      data[q] = Math.round(r / area);
      data[q + 1] = Math.round(g / area);
      data[q + 2] = Math.round(b / area);
      data[q + 3] = 255;
    }
  }
  return { width, height, data };
}
