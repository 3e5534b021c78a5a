import { crc32 } from 'node:zlib';
import type { EvidenceKind } from '../../contract/index.ts';
import { badInput, tooLarge, type DalelError } from '../errors.ts';
import { checkTiffImage, TiffFormatError } from '../../../native/codecs/tiff/tiff-structure.ts';
import { readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from '../../../native/codecs/zip/zip-read.ts';
import { checkX3p } from '../native-input.ts';
import { bytesSource, type ByteSource } from './byte-source.ts';

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

/** English names of the formats, for messages (the interface translates the `detected`/`expected` codes instead). */
const formatNames: Record<string, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  tiff: 'a TIFF image',
  x3p: 'an X3P surface scan',
  pdf: 'a PDF document',
  exe: 'a Windows program',
  elf: 'a Linux program',
  script: 'a script',
  gif: 'a GIF image',
  bmp: 'a BMP image',
  zip: 'a zip archive',
  unknown: 'of an unrecognised type',
};

/** File-name endings that promise one of the accepted kinds. */
const extensionKinds: Readonly<Record<string, EvidenceKind>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  tif: 'tiff',
  tiff: 'tiff',
  x3p: 'x3p',
  pdf: 'pdf',
};

/** Bytes read to tell the kinds apart. */
const headLength = 16;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The accepted kind the first bytes announce, or null. */
function kindOf(head: Uint8Array): EvidenceKind | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'x3p';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return null;
}

/** What a file is when it is none of the accepted kinds, as a code the interface translates. */
function foreignKind(head: Uint8Array): string {
  if (startsWith(head, [0x4d, 0x5a])) return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(head, [0x23, 0x21])) return 'script';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(head, [0x42, 0x4d])) return 'bmp';
  return 'unknown';
}

/** The accepted kind a file name promises by its ending, with the ending. */
function promisedKind(fileName: string): { kind: EvidenceKind; extension: string } | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const kind = extension === undefined ? undefined : extensionKinds[extension];
  return kind && extension ? { kind, extension } : null;
}

/**
 * Decides a file's kind from its magic bytes and checks its structure from the headers, reading only what each check
 * needs, so that renamed files, truncated files and decompression bombs are refused before anything is decoded or
 * stored. A name that promises another accepted kind than the content (a JPEG named .png) is refused too: the record
 * would otherwise carry a misleading name.
 */
export function sniffEvidence(fileName: string, input: Uint8Array | ByteSource, limits: IntakeLimits = defaultIntakeLimits): SniffResult {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  if (source.size === 0) throw badInput(fileName, 'empty-file', 'the file is empty (0 bytes)');
  if (source.size > limits.maxBytes) throw tooLarge(fileName, source.size, limits.maxBytes);
  const head = source.read(0, headLength);
  const kind = kindOf(head);
  const promised = promisedKind(fileName);
  if (promised && kind !== promised.kind) {
    const detected = kind ?? foreignKind(head);
    const what = kind ? `is ${formatNames[detected]}` : `is ${formatNames[detected] ?? detected}`;
    throw badInput(
      fileName,
      'name-mismatch',
      `the file's content is not ${formatNames[promised.kind]} although its name ends in .${promised.extension}; it ${what}`,
      { extension: promised.extension, expected: promised.kind, detected },
    );
  }
  switch (kind) {
    case 'png':
      return sniffPng(fileName, source, limits);
    case 'jpeg':
      return sniffJpeg(fileName, source, limits);
    case 'tiff':
      return sniffTiff(fileName, source, limits);
    case 'x3p':
      return sniffX3p(fileName, source, limits);
    case 'pdf':
      return sniffPdf(fileName, source);
    case null: {
      const detected = foreignKind(head);
      throw badInput(fileName, 'unsupported-type', `the file is ${formatNames[detected]}; accepted are PNG, JPEG, TIFF, X3P and PDF`, { detected });
    }
  }
}

function truncated(fileName: string, format: string, where: string): DalelError {
  return badInput(fileName, 'truncated', `the file is incomplete: it ends ${where}, before the ${format} data is complete`, { format });
}

/** Exactly `length` bytes at `offset`, or a refusal saying the file ends there. */
function readExactly(fileName: string, source: ByteSource, offset: number, length: number, format: string, where: string): Uint8Array {
  const bytes = offset + length <= source.size ? source.read(offset, length) : new Uint8Array(0);
  if (bytes.length !== length) throw truncated(fileName, format, where);
  return bytes;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function guardPixels(fileName: string, format: string, width: number, height: number, limits: IntakeLimits): void {
  if (width <= 0 || height <= 0) {
    throw badInput(fileName, 'empty-image', `the ${format} header gives an image of ${width}×${height} pixels, so it holds no picture`, { format, width, height });
  }
  if (width * height > limits.maxPixels) {
    throw badInput(
      fileName,
      'too-many-pixels',
      `the header claims ${width}×${height} pixels, more than the limit of ${limits.maxPixels} (possible decompression bomb)`,
      { width, height, limit: limits.maxPixels },
    );
  }
}

/** CRCs are computed over slices of this size, so a huge chunk never needs one huge read. */
const crcSlice = 4 * 1024 * 1024;

function sniffPng(fileName: string, source: ByteSource, limits: IntakeLimits): SniffResult {
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let first = true;
  for (;;) {
    if (offset >= source.size) throw truncated(fileName, 'PNG', 'without the image-end chunk (IEND)');
    const header = view(readExactly(fileName, source, offset, 8, 'PNG', `inside a chunk header at byte ${offset}`));
    const length = header.getUint32(0);
    const type = String.fromCharCode(...source.read(offset + 4, 4));
    const end = offset + 12 + length;
    if (end > source.size) throw truncated(fileName, 'PNG', `inside chunk ${type} at byte ${offset}`);
    let crc = 0;
    for (let at = offset + 4; at < offset + 8 + length; at += crcSlice) crc = crc32(source.read(at, Math.min(crcSlice, offset + 8 + length - at)), crc);
    if (crc !== view(source.read(offset + 8 + length, 4)).getUint32(0)) {
      throw badInput(fileName, 'corrupt', `the PNG data is damaged: chunk ${type} at byte ${offset} fails its checksum`, { format: 'PNG' });
    }
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw badInput(fileName, 'corrupt', 'the PNG data is damaged: it does not start with an image header (IHDR)', { format: 'PNG' });
      const ihdr = view(source.read(offset + 8, 13));
      width = ihdr.getUint32(0);
      height = ihdr.getUint32(4);
      bitDepth = ihdr.getUint8(8);
      // Refuse a bomb before reading any further.
      guardPixels(fileName, 'PNG', width, height, limits);
      first = false;
    }
    offset = end;
    if (type === 'IEND') break;
  }
  return { kind: 'png', mediaType: mediaTypes.png, width, height, bitDepth };
}

/** Bytes read at a time when looking for the JPEG end marker behind trailing padding. */
const tailBlock = 64 * 1024;

/** Index of the last byte that is not zero, or -1. */
function lastNonZero(source: ByteSource): number {
  for (let end = source.size; end > 0; end -= tailBlock) {
    const start = Math.max(0, end - tailBlock);
    const block = source.read(start, end - start);
    for (let i = block.length - 1; i >= 0; i -= 1) if (block[i] !== 0) return start + i;
  }
  return -1;
}

function sniffJpeg(fileName: string, source: ByteSource, limits: IntakeLimits): SniffResult {
  let offset = 2;
  let size: { width: number; height: number; precision: number } | null = null;
  while (offset + 4 <= source.size) {
    const marker = view(source.read(offset, 4));
    if (marker.getUint8(0) !== 0xff) throw badInput(fileName, 'corrupt', `the JPEG data is damaged: a marker was expected at byte ${offset}`, { format: 'JPEG' });
    const code = marker.getUint8(1);
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = marker.getUint16(2);
    if (offset + 2 + length > source.size) throw truncated(fileName, 'JPEG', `inside a segment at byte ${offset}`);
    const isSof = code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;
    if (isSof) {
      const frame = view(readExactly(fileName, source, offset + 4, 5, 'JPEG', `inside the frame header at byte ${offset}`));
      size = { precision: frame.getUint8(0), height: frame.getUint16(1), width: frame.getUint16(3) };
      guardPixels(fileName, 'JPEG', size.width, size.height, limits);
    }
    if (code === 0xda) break; // start of scan: entropy-coded data follows
    offset += 2 + length;
  }
  if (!size) throw badInput(fileName, 'corrupt', 'the JPEG data is damaged: it has no frame header giving the image size', { format: 'JPEG' });
  const last = lastNonZero(source); // some writers pad after the end marker
  const end = last >= 1 ? source.read(last - 1, 2) : new Uint8Array(0);
  if (!(end[0] === 0xff && end[1] === 0xd9)) throw truncated(fileName, 'JPEG', 'without the end-of-image marker');
  return { kind: 'jpeg', mediaType: mediaTypes.jpeg, width: size.width, height: size.height, bitDepth: size.precision };
}

function sniffTiff(fileName: string, source: ByteSource, limits: IntakeLimits): SniffResult {
  const header = view(readExactly(fileName, source, 0, 8, 'TIFF', 'inside the 8-byte TIFF header'));
  const little = header.getUint8(0) === 0x49;
  const ifd = header.getUint32(4, little);
  const count = view(readExactly(fileName, source, ifd, 2, 'TIFF', 'before its image directory')).getUint16(0, little);
  const entries = view(readExactly(fileName, source, ifd + 2, count * 12, 'TIFF', 'inside its image directory'));
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i += 1) {
    const entry = i * 12;
    const tag = entries.getUint16(entry, little);
    const type = entries.getUint16(entry + 2, little);
    const n = entries.getUint32(entry + 4, little);
    const unit = type === 3 ? 2 : type === 4 ? 4 : 0;
    if (unit === 0) continue; // only SHORT and LONG tags matter for the checks below
    const inline = unit * n <= 4;
    const values = inline
      ? new DataView(entries.buffer, entries.byteOffset + entry + 8, 4)
      : view(readExactly(fileName, source, entries.getUint32(entry + 8, little), unit * n, 'TIFF', `inside the values of tag ${tag}`));
    const list: number[] = [];
    for (let k = 0; k < n; k += 1) list.push(unit === 2 ? values.getUint16(k * 2, little) : values.getUint32(k * 4, little));
    tags.set(tag, list);
  }
  try {
    // Samples per pixel and uncompressed data length, checked before any decoder trusts the directory.
    checkTiffImage(tags);
  } catch (error) {
    if (error instanceof TiffFormatError) throw badInput(fileName, error.reasonCode, error.message, { format: 'TIFF' });
    throw error;
  }
  const width = tags.get(256)?.[0] ?? 0;
  const height = tags.get(257)?.[0] ?? 0;
  guardPixels(fileName, 'TIFF', width, height, limits);
  const bits = tags.get(258) ?? [1];
  const bitDepth = bits[0] ?? 1;
  if (!bits.every((b) => b === 8 || b === 16)) {
    throw badInput(fileName, 'unsupported-depth', `the TIFF image has ${bits.join('/')}-bit samples; only 8- and 16-bit TIFF images are accepted`, {
      bits: bits.join('/'),
    });
  }
  const offsets = tags.get(273) ?? tags.get(324) ?? [];
  const lengths = tags.get(279) ?? tags.get(325) ?? [];
  if (offsets.length === 0 || offsets.length !== lengths.length) {
    throw badInput(fileName, 'corrupt', 'the TIFF data is damaged: its directory does not say consistently where the image data lies', { format: 'TIFF' });
  }
  offsets.forEach((start, i) => {
    if (start + (lengths[i] ?? 0) > source.size) throw truncated(fileName, 'TIFF', `inside image data block ${i}`);
  });
  return { kind: 'tiff', mediaType: mediaTypes.tiff, width, height, bitDepth };
}

/** Runs a zip codec call, turning its format errors into a refusal that names the file. */
function zipStep<T>(fileName: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw badInput(fileName, error.reasonCode, `the X3P archive is ${error.reasonCode === 'truncated' ? 'incomplete' : 'damaged'}: ${error.message}`, { format: 'X3P' });
    }
    throw error;
  }
}

function sniffX3p(fileName: string, source: ByteSource, limits: IntakeLimits): SniffResult {
  // The zip codec works on bytes in memory; X3P scans are a few hundred MB at most and go through it whole.
  const bytes = source.whole();
  const entries: ZipEntry[] = zipStep(fileName, () => readZipDirectory(bytes));
  const main = entries.find((e) => e.name === 'main.xml' || e.name.endsWith('/main.xml'));
  if (!main) throw badInput(fileName, 'not-x3p', 'the file is a zip archive without main.xml, so not an X3P surface scan');
  const xml = new TextDecoder().decode(zipStep(fileName, () => readZipEntry(bytes, main, 16 * 1024 * 1024)));
  const sizeOf = (axis: string) => Number(new RegExp(`<Size${axis}>\\s*(\\d+)\\s*</Size${axis}>`).exec(xml)?.[1] ?? 0);
  const width = sizeOf('X');
  const height = sizeOf('Y');
  if (!width || !height) throw badInput(fileName, 'corrupt', 'the X3P scan is damaged: main.xml does not give the grid size (SizeX, SizeY)', { format: 'X3P' });
  guardPixels(fileName, 'X3P', width, height, limits);
  // The point data is checked as the methods will read it (present, as long as the grid says, its MD5 as main.xml
  // gives it), so that a damaged scan is refused at intake rather than stored and found unreadable at its first run.
  checkX3p(fileName, bytes, { maxPoints: width * height });
  return { kind: 'x3p', mediaType: mediaTypes.x3p, width, height, bitDepth: null };
}

function sniffPdf(fileName: string, source: ByteSource): SniffResult {
  const tail = new TextDecoder('latin1').decode(source.read(Math.max(0, source.size - 2048), 2048));
  if (!tail.includes('%%EOF')) throw truncated(fileName, 'PDF', 'without the end-of-file marker (%%EOF)');
  return { kind: 'pdf', mediaType: mediaTypes.pdf, width: null, height: null, bitDepth: null };
}
