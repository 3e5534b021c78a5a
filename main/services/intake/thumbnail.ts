import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import type { EvidenceKind } from '../../contract/index.ts';
import { badInput } from '../errors.ts';
import { bytesSource, type ByteSource } from './byte-source.ts';

/** Longest side of a thumbnail, in pixels. */
export const thumbnailSide = 256;

/** Images larger than this are not decoded for a thumbnail at intake (memory); the viewer tiles them instead. */
const maxDecodePixels = 64_000_000;

/** Files larger than this are not read whole for a thumbnail at intake: the decoders need the file in memory. */
const maxDecodeBytes = 256 * 1024 * 1024;

interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function decode(fileName: string, kind: EvidenceKind, bytes: Uint8Array): Rgba | null {
  try {
    if (kind === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    if (kind === 'jpeg') {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxDecodePixels / 1e6, maxMemoryUsageInMB: 1024 });
      return { width: image.width, height: image.height, data: image.data };
    }
    if (kind === 'tiff') {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const [ifd] = UTIF.decode(buffer);
      if (!ifd) return null;
      UTIF.decodeImage(buffer, ifd);
      return { width: ifd.width, height: ifd.height, data: UTIF.toRGBA8(ifd) };
    }
  } catch (error) {
    throw badInput(fileName, 'corrupt', `the image data cannot be decoded (${(error as Error).message})`);
  }
  return null;
}

/** Shrinks an RGBA image by area averaging so that its longest side is at most `side`. */
export function downscale(image: Rgba, side: number): Rgba {
  const scale = Math.min(1, side / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const sums = new Float64Array(width * height * 4);
  const counts = new Uint32Array(width * height);
  for (let y = 0; y < image.height; y += 1) {
    const ty = Math.min(height - 1, Math.floor(y * scale));
    for (let x = 0; x < image.width; x += 1) {
      const t = ty * width + Math.min(width - 1, Math.floor(x * scale));
      const s = (y * image.width + x) * 4;
      for (let c = 0; c < 4; c += 1) sums[t * 4 + c]! += image.data[s + c]!;
      counts[t]! += 1;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let t = 0; t < width * height; t += 1) {
    for (let c = 0; c < 4; c += 1) data[t * 4 + c] = Math.round(sums[t * 4 + c]! / Math.max(1, counts[t]!));
  }
  return { width, height, data };
}

/**
 * Decodes an image fully (which also proves its pixel data is intact) and returns a PNG thumbnail; null for kinds
 * without pixels of their own here (X3P surfaces, PDFs) or images too large (in pixels or bytes) to decode at intake.
 */
export function makeThumbnail(fileName: string, kind: EvidenceKind, content: Uint8Array | ByteSource, pixels: number | null): Uint8Array | null {
  if (pixels !== null && pixels > maxDecodePixels) return null;
  if (kind !== 'png' && kind !== 'jpeg' && kind !== 'tiff') return null;
  const source = content instanceof Uint8Array ? bytesSource(content) : content;
  if (source.size > maxDecodeBytes) return null;
  const image = decode(fileName, kind, source.whole());
  if (!image) return null;
  const small = downscale(image, thumbnailSide);
  const png = new PNG({ width: small.width, height: small.height });
  png.data = Buffer.from(small.data.buffer, small.data.byteOffset, small.data.byteLength);
  return new Uint8Array(PNG.sync.write(png));
}
