/** Colour photos (PNG 8/16-bit, JPEG) decoded to 8-bit RGB; anything else is refused by name. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { badInput } from '../../input-error.ts';

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3, row-major. */
  readonly data: Uint8Array;
}

/** Decodes PNG or JPEG bytes (at most `maxPixels`) into RGB. */
export function decodeRgb(bytes: Uint8Array, name: string, maxPixels = 50_000_000): RgbImage {
  const b = (i: number) => bytes[i] ?? -1;
  const isPng = b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47;
  const isJpeg = b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff;
  if (!isPng && !isJpeg) throw badInput(name, 'format', 'not a PNG or JPEG photo');
  let width: number;
  let height: number;
  let rgba: ArrayLike<number>;
  let shift = 0;
  try {
    if (isPng) {
      if (bytes.length >= 24) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (view.getUint32(16) * view.getUint32(20) > maxPixels) throw badInput(name, 'too-large', `${view.getUint32(16)}×${view.getUint32(20)} pixels is more than the ${maxPixels} allowed`);
      }
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      width = png.width;
      height = png.height;
      rgba = png.data;
      shift = 0;
    } else {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: 2048 });
      width = image.width;
      height = image.height;
      rgba = image.data;
    }
  } catch (error) {
    if ((error as { reasonCode?: string }).reasonCode) throw error;
    throw badInput(name, 'corrupt', `the ${isPng ? 'PNG' : 'JPEG'} photo cannot be decoded (${(error as Error).message})`);
  }
  if (!(width > 0 && height > 0)) throw badInput(name, 'corrupt', 'the photo has no pixels');
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, n = width * height; i < n; i += 1) {
    data[i * 3] = rgba[i * 4]! >> shift;
    data[i * 3 + 1] = rgba[i * 4 + 1]! >> shift;
    data[i * 3 + 2] = rgba[i * 4 + 2]! >> shift;
  }
  return { width, height, data };
}
