/**
 * Minimal zip reading (stored and deflated entries, ZIP64). Dependency-free and free of APIs newer than Node 18, so
 * that the offline verifier shipped in bundles can read zips too.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';

/** Random access to a zip's bytes: in memory, or read from a file on demand (bundles can exceed 2 GiB). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** Bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/**
 * A file read with positioned reads: small reads (headers, tiles) through a 64 KiB window, so that walking the entries
 * of a large zip in order costs one read per window instead of several per entry; large reads (a file's pieces)
 * straight from the file, so that they never evict the window and alternating between two regions of the archive
 * costs no more than reading each once. Call `close()` when done.
 */
export function fileByteSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const windowSize = 64 << 10;
  let window: Uint8Array = new Uint8Array(0);
  let windowStart = 0;
  const readAt = (offset: number, length: number): Uint8Array => {
    const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    let done = 0;
    while (done < out.length) {
      const n = readSync(fd, out, done, out.length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  };
  return {
    size,
    read(offset, length) {
      if (length > 16 << 10) return readAt(offset, length);
      if (offset < windowStart || offset + length > windowStart + window.length) {
        window = readAt(offset, windowSize);
        windowStart = offset;
      }
      // A copy: callers may keep what they read after the window moves on.
      return window.slice(offset - windowStart, offset - windowStart + length);
    },
    close: () => closeSync(fd),
  };
}

const asSource = (input: Uint8Array | ByteSource): ByteSource => (input instanceof Uint8Array ? memorySource(input) : input);

/** A zip entry as listed in the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeader: number;
  readonly crc32: number;
}

/** A zip that cannot be read: what is wrong, in words. */
export class ZipFormatError extends Error {
  constructor(
    readonly reasonCode: 'truncated' | 'corrupt' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const u64 = (dv: DataView, at: number) => Number(dv.getBigUint64(at, true));

/** Reads a zip's central directory (ZIP64 aware), checking that every entry lies inside the file. */
export function readZipDirectory(input: Uint8Array | ByteSource): ZipEntry[] {
  const source = asSource(input);
  const tailStart = Math.max(0, source.size - (22 + 0xffff + 20 + 56));
  const tail = source.read(tailStart, source.size - tailStart);
  const tv = view(tail);
  // The end record is the signature whose comment runs exactly to the end of the file: the comment itself may hold
  // the signature bytes, so the last occurrence is not necessarily the record.
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tv.getUint32(i, true) === 0x06054b50 && i + 22 + tv.getUint16(i + 20, true) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('truncated', 'the zip archive is truncated or damaged: its central directory is missing');
  let count = tv.getUint16(eocd + 10, true);
  let directorySize = tv.getUint32(eocd + 12, true);
  let start = tv.getUint32(eocd + 16, true);
  let directoryEnd = tailStart + eocd;
  const locator = eocd - 20;
  if (locator >= 0 && tv.getUint32(locator, true) === 0x07064b50) {
    const recordAt = u64(tv, locator + 8);
    const record = view(source.read(recordAt, 56));
    if (record.byteLength < 56 || record.getUint32(0, true) !== 0x06064b50) throw new ZipFormatError('corrupt', 'the ZIP64 end record is damaged');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    start = u64(record, 48);
    directoryEnd = recordAt;
  }
  if (start + directorySize !== directoryEnd) throw new ZipFormatError('corrupt', 'the zip end record disagrees with the central directory');
  const bytes = source.read(start, directorySize);
  if (bytes.length !== directorySize) throw new ZipFormatError('truncated', 'the zip archive is truncated inside its central directory');
  const dv = view(bytes);
  let at = 0;
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 0x02014b50) throw new ZipFormatError('corrupt', "the zip archive's central directory is damaged");
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const recordLength = 46 + nameLength + extraLength + dv.getUint16(at + 32, true);
    if (at + recordLength > bytes.length) throw new ZipFormatError('corrupt', "the zip archive's central directory is damaged");
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    let localHeader = dv.getUint32(at + 42, true);
    // ZIP64 extra field: the 0xffffffff fields follow in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = dv.getUint16(x, true);
      const size = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        const fieldEnd = Math.min(x + 4 + size, at + 46 + nameLength + extraLength);
        let y = x + 4;
        const next = (): number => {
          if (y + 8 > fieldEnd) throw new ZipFormatError('corrupt', "the zip archive's ZIP64 extra field is damaged");
          y += 8;
          return u64(dv, y - 8);
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeader === 0xffffffff) localHeader = next();
      }
      x += 4 + size;
    }
    const entry: ZipEntry = {
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      localHeader,
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.localHeader + 30 + entry.compressedSize > start) throw new ZipFormatError('truncated', `the zip archive is truncated: entry ${entry.name} runs past the end`);
    // Two entries of one name would let a reader see either copy: such an archive is refused, never collapsed.
    if (names.has(entry.name)) throw new ZipFormatError('corrupt', `the zip archive holds two entries named ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
    at += recordLength;
  }
  if (at !== directorySize) throw new ZipFormatError('corrupt', 'the central directory does not end where the end record says');
  return entries;
}

let crcTable: Uint32Array | null = null;

/** zlib's native CRC-32 where the runtime has it (Node ≥ 20.15); a namespace lookup, so Node 18 still loads this file. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 (IEEE), continuing from `previous` for data read in pieces: native when available, else written out, because zlib.crc32 is missing from Node 18. */
export function crc32Of(bytes: Uint8Array, previous = 0): number {
  return nativeCrc32 ? (nativeCrc32 as (data: Uint8Array, value?: number) => number)(bytes, previous) >>> 0 : crc32Portable(bytes, previous);
}

/** CRC-32 (IEEE) in plain JavaScript, table-driven, continuing from `previous`. */
export function crc32Portable(bytes: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The bytes of one zip entry, refusing entries larger than `maxBytes` once inflated. The local header must agree with
 * the central directory (name, method, sizes) and the data with its CRC-32, so a changed byte in either shows.
 */
export function readZipEntry(input: Uint8Array | ByteSource, entry: ZipEntry, maxBytes: number): Uint8Array {
  const source = asSource(input);
  const dataStart = checkLocalHeader(source, entry);
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError('too-large', `zip entry ${entry.name} is too large once unpacked`);
  const data = source.read(dataStart, entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipFormatError('truncated', `zip entry ${entry.name} runs past the end of the archive`);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method !== 8) throw new ZipFormatError('corrupt', `zip entry ${entry.name} uses an unsupported compression method`);
  else {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      throw new ZipFormatError('corrupt', `zip entry ${entry.name} cannot be unpacked (${(error as Error).message})`);
    }
  }
  if (out.length !== entry.uncompressedSize || crc32Of(out) !== entry.crc32) {
    throw new ZipFormatError('corrupt', `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
  }
  return out;
}

/**
 * A stored zip entry in pieces of `chunkSize` bytes, so that a file of gigabytes is never held whole; the CRC-32 is
 * checked as the last piece is read (a mismatch throws then). Deflated entries come in one piece.
 */
export function* zipEntryChunks(input: Uint8Array | ByteSource, entry: ZipEntry, chunkSize = 4 << 20): Generator<Uint8Array> {
  const source = asSource(input);
  if (entry.method !== 0) {
    yield readZipEntry(source, entry, 1024 ** 3);
    return;
  }
  const dataStart = checkLocalHeader(source, entry);
  if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError('corrupt', `zip entry ${entry.name}: a stored entry's sizes differ`);
  let crc = 0;
  for (let at = 0; at < entry.compressedSize; ) {
    const piece = source.read(dataStart + at, Math.min(chunkSize, entry.compressedSize - at));
    if (piece.length === 0) throw new ZipFormatError('truncated', `zip entry ${entry.name} runs past the end of the archive`);
    crc = crc32Of(piece, crc);
    at += piece.length;
    if (at === entry.compressedSize && crc !== entry.crc32) throw new ZipFormatError('corrupt', `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
    yield piece;
  }
  if (entry.compressedSize === 0 && entry.crc32 !== 0) throw new ZipFormatError('corrupt', `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
}

/** Checks an entry's local header against the central directory; returns where its data starts. */
function checkLocalHeader(source: ByteSource, entry: ZipEntry): number {
  const local = entry.localHeader;
  const head = source.read(local, 30);
  const dv = view(head);
  if (head.length < 30 || dv.getUint32(0, true) !== 0x04034b50) throw new ZipFormatError('corrupt', `zip entry ${entry.name} has a damaged header`);
  const nameLength = dv.getUint16(26, true);
  const localName = new TextDecoder().decode(source.read(local + 30, nameLength));
  // Bit 3 means sizes and CRC follow the data instead of sitting in the local header; otherwise they must agree.
  const deferred = (dv.getUint16(6, true) & 0x08) !== 0;
  const sizesAgree =
    deferred ||
    (dv.getUint32(14, true) === entry.crc32 &&
      (dv.getUint32(18, true) === entry.compressedSize || dv.getUint32(18, true) === 0xffffffff) &&
      (dv.getUint32(22, true) === entry.uncompressedSize || dv.getUint32(22, true) === 0xffffffff));
  if (localName !== entry.name || dv.getUint16(8, true) !== entry.method || !sizesAgree) {
    throw new ZipFormatError('corrupt', `zip entry ${entry.name}: its local header disagrees with the central directory`);
  }
  return local + 30 + nameLength + dv.getUint16(28, true);
}
