import { crc32 } from 'node:zlib';
import type { EvidenceKind } from '../../contract/index.ts';
import { badInput } from '../errors.ts';
import { checkTiffImage, readTiffStructure, TiffFormatError, type TiffTags } from '../../../native/codecs/tiff/tiff-structure.ts';
import { readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from '../../../native/codecs/zip/zip-read.ts';

/** Limits that keep a hostile or broken file from exhausting memory. */
export interface IntakeLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Largest image (or X3P grid) accepted, in pixels: the decompression-bomb guard, checked from the header alone. */
  readonly maxPixels: number;
}

/** 1 GiB files and 250 megapixels: above a full-frame 16-bit scan of a document or a 10 000×10 000 topography. */
export const defaultIntakeLimits: IntakeLimits = { maxBytes: 1024 ** 3, maxPixels: 250_000_000 };

/** What the header says about a file that passed the structural checks. */
export interface SniffResult {
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly bitDepth: number | null;
}

const mediaTypes: Record<EvidenceKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  x3p: 'application/x-x3p+zip',
  pdf: 'application/pdf',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

/** Names what a file is when it is none of the accepted kinds, so the error can say so plainly. */
function describeForeign(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x4d, 0x5a])) return 'a Windows executable (MZ header)';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'an ELF executable';
  if (startsWith(bytes, [0x23, 0x21])) return 'a script';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  if (startsWith(bytes, [0x42, 0x4d])) return 'a BMP image';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a zip archive';
  if (bytes.length === 0) return 'empty';
  return 'of an unrecognised type';
}

/**
 * Decides a file's kind from its magic bytes and checks its structure from the headers (never from its name), so that
 * renamed executables, truncated files and decompression bombs are refused before anything is decoded or stored.
 */
export function sniffEvidence(fileName: string, bytes: Uint8Array, limits: IntakeLimits = defaultIntakeLimits): SniffResult {
  if (bytes.length > limits.maxBytes) {
    throw badInput(fileName, 'too-large', `the file is ${bytes.length} bytes; the limit is ${limits.maxBytes}`, {
      size: bytes.length,
      limit: limits.maxBytes,
    });
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return sniffPng(fileName, bytes, limits);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return sniffJpeg(fileName, bytes, limits);
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return sniffTiff(fileName, bytes, limits);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffX3p(fileName, bytes, limits);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return sniffPdf(fileName, bytes);
  throw badInput(
    fileName,
    'unsupported-type',
    `the file is ${describeForeign(bytes)}; accepted are PNG, JPEG, TIFF, X3P and PDF`,
    { detected: describeForeign(bytes) },
  );
}

function guardPixels(fileName: string, width: number, height: number, limits: IntakeLimits): void {
  if (width <= 0 || height <= 0) throw badInput(fileName, 'corrupt', `the header gives an empty size ${width}×${height}`);
  if (width * height > limits.maxPixels) {
    throw badInput(
      fileName,
      'too-many-pixels',
      `the header claims ${width}×${height} pixels, more than the limit of ${limits.maxPixels} (possible decompression bomb)`,
      { width, height, limit: limits.maxPixels },
    );
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sniffPng(fileName: string, bytes: Uint8Array, limits: IntakeLimits): SniffResult {
  const dv = view(bytes);
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let sawEnd = false;
  let first = true;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw badInput(fileName, 'truncated', `the file is truncated inside a chunk header at byte ${offset}`);
    const length = dv.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) {
      throw badInput(fileName, 'truncated', `the file is truncated: chunk ${type} at byte ${offset} runs past the end`);
    }
    const expectedCrc = dv.getUint32(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== expectedCrc) {
      throw badInput(fileName, 'corrupt', `chunk ${type} at byte ${offset} fails its CRC check`);
    }
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw badInput(fileName, 'corrupt', 'the PNG does not start with an IHDR chunk');
      width = dv.getUint32(offset + 8);
      height = dv.getUint32(offset + 12);
      bitDepth = bytes[offset + 16] ?? 0;
      // Refuse a bomb before reading any further.
      guardPixels(fileName, width, height, limits);
      first = false;
    }
    offset = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) throw badInput(fileName, 'truncated', 'the file is truncated: the PNG has no IEND chunk');
  return { kind: 'png', mediaType: mediaTypes.png, width, height, bitDepth };
}

function sniffJpeg(fileName: string, bytes: Uint8Array, limits: IntakeLimits): SniffResult {
  const dv = view(bytes);
  let offset = 2;
  let size: { width: number; height: number; precision: number } | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw badInput(fileName, 'corrupt', `a JPEG marker was expected at byte ${offset}`);
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = dv.getUint16(offset + 2);
    if (offset + 2 + length > bytes.length) throw badInput(fileName, 'truncated', `the file is truncated inside a segment at byte ${offset}`);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      size = { precision: bytes[offset + 4] ?? 0, height: dv.getUint16(offset + 5), width: dv.getUint16(offset + 7) };
      guardPixels(fileName, size.width, size.height, limits);
    }
    if (marker === 0xda) break; // start of scan: entropy-coded data follows
    offset += 2 + length;
  }
  if (!size) throw badInput(fileName, 'corrupt', 'the JPEG has no frame header');
  let last = bytes.length - 1;
  while (last > 0 && bytes[last] === 0x00) last -= 1; // some writers pad after EOI
  if (!(bytes[last - 1] === 0xff && bytes[last] === 0xd9)) {
    throw badInput(fileName, 'truncated', 'the file is truncated: the JPEG has no end-of-image marker');
  }
  return { kind: 'jpeg', mediaType: mediaTypes.jpeg, width: size.width, height: size.height, bitDepth: size.precision };
}

function sniffTiff(fileName: string, bytes: Uint8Array, limits: IntakeLimits): SniffResult {
  let tags: TiffTags;
  try {
    tags = readTiffStructure(bytes);
    checkTiffImage(tags);
  } catch (error) {
    if (error instanceof TiffFormatError) throw badInput(fileName, error.reasonCode, error.message);
    throw error;
  }
  const width = tags.get(256)?.[0] ?? 0;
  const height = tags.get(257)?.[0] ?? 0;
  guardPixels(fileName, width, height, limits);
  const bits = tags.get(258) ?? [1];
  const bitDepth = bits[0] ?? 1;
  if (!bits.every((b) => b === 8 || b === 16)) {
    throw badInput(fileName, 'unsupported-depth', `the TIFF has ${bits.join('/')}-bit samples; 8- and 16-bit are supported`);
  }
  const offsets = tags.get(273) ?? tags.get(324) ?? [];
  const lengths = tags.get(279) ?? tags.get(325) ?? [];
  if (offsets.length === 0 || offsets.length !== lengths.length) throw badInput(fileName, 'corrupt', 'the TIFF has no consistent image data');
  offsets.forEach((start, i) => {
    if (start + (lengths[i] ?? 0) > bytes.length) {
      throw badInput(fileName, 'truncated', `the file is truncated: image data block ${i} runs past the end`);
    }
  });
  return { kind: 'tiff', mediaType: mediaTypes.tiff, width, height, bitDepth };
}

/** The zip directory, with format errors turned into a refusal that names the file. */
function zipDirectory(fileName: string, bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw badInput(fileName, error.reasonCode, error.message);
    throw error;
  }
}

/** One zip entry's bytes, with format errors turned into a refusal that names the file. */
function zipEntry(fileName: string, bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  try {
    return readZipEntry(bytes, entry, maxBytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw badInput(fileName, error.reasonCode, error.message);
    throw error;
  }
}

function sniffX3p(fileName: string, bytes: Uint8Array, limits: IntakeLimits): SniffResult {
  const entries = zipDirectory(fileName, bytes);
  const main = entries.find((e) => e.name === 'main.xml' || e.name.endsWith('/main.xml'));
  if (!main) throw badInput(fileName, 'unsupported-type', 'the file is a zip archive without main.xml, so not an X3P surface');
  const xml = new TextDecoder().decode(zipEntry(fileName, bytes, main, 16 * 1024 * 1024));
  const sizeOf = (axis: string) => Number(new RegExp(`<Size${axis}>\\s*(\\d+)\\s*</Size${axis}>`).exec(xml)?.[1] ?? 0);
  const width = sizeOf('X');
  const height = sizeOf('Y');
  if (!width || !height) throw badInput(fileName, 'corrupt', 'main.xml does not give the grid size (SizeX, SizeY)');
  guardPixels(fileName, width, height, limits);
  return { kind: 'x3p', mediaType: mediaTypes.x3p, width, height, bitDepth: null };
}

function sniffPdf(fileName: string, bytes: Uint8Array): SniffResult {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw badInput(fileName, 'truncated', 'the file is truncated: the PDF has no %%EOF marker');
  return { kind: 'pdf', mediaType: mediaTypes.pdf, width: null, height: null, bitDepth: null };
}
