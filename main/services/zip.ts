/**
 * Minimal zip reading and writing (stored and deflated entries, ZIP64 for more than 65 535 entries or offsets past
 * 4 GiB). Dependency-free (node:zlib, node:fs) so that the offline verifier can read bundles too. The writer streams
 * to a file and keeps only the central directory in memory.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** A zip entry as listed in the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeader: number;
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
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('truncated', 'the zip archive is truncated or damaged: its central directory is missing');
  let count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && dv.getUint32(locator, true) === 0x07064b50) {
    const record = u64(dv, locator + 8);
    if (record + 56 > bytes.length || dv.getUint32(record, true) !== 0x06064b50) throw new ZipFormatError('corrupt', 'the ZIP64 end record is damaged');
    count = u64(dv, record + 32);
    at = u64(dv, record + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 0x02014b50) throw new ZipFormatError('corrupt', "the zip archive's central directory is damaged");
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    let localHeader = dv.getUint32(at + 42, true);
    // ZIP64 extra field: the 0xffffffff fields follow in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = dv.getUint16(x, true);
      const size = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let y = x + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(dv, y);
          y += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(dv, y);
          y += 8;
        }
        if (localHeader === 0xffffffff) localHeader = u64(dv, y);
      }
      x += 4 + size;
    }
    const entry: ZipEntry = {
      method: dv.getUint16(at + 10, true),
      compressedSize,
      uncompressedSize,
      localHeader,
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.localHeader + 30 + entry.compressedSize > bytes.length) throw new ZipFormatError('truncated', `the zip archive is truncated: entry ${entry.name} runs past the end`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + dv.getUint16(at + 32, true);
  }
  return entries;
}

/** The bytes of one zip entry, refusing entries larger than `maxBytes` once inflated. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const dv = view(bytes);
  const local = entry.localHeader;
  if (dv.getUint32(local, true) !== 0x04034b50) throw new ZipFormatError('corrupt', `zip entry ${entry.name} has a damaged header`);
  const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError('too-large', `zip entry ${entry.name} is too large once unpacked`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError('corrupt', `zip entry ${entry.name} uses an unsupported compression method`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    throw new ZipFormatError('corrupt', `zip entry ${entry.name} cannot be unpacked (${(error as Error).message})`);
  }
}

interface CentralRecord {
  readonly name: Buffer;
  readonly crc: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** Writes a zip file entry by entry; `close()` writes the central directory and syncs the file. */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly records: CentralRecord[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'wx');
  }

  private write(buffer: Uint8Array): void {
    let done = 0;
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done);
    this.offset += buffer.length;
  }

  /** Adds a file; small or incompressible data is stored, the rest deflated. */
  add(name: string, data: Uint8Array, compress = data.length > 512): void {
    const deflated = compress ? deflateRawSync(data) : null;
    const useDeflate = deflated !== null && deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(useDeflate ? 8 : 0, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    this.records.push({ name: nameBytes, crc, method: useDeflate ? 8 : 0, compressedSize: body.length, size: data.length, offset: this.offset });
    this.write(header);
    this.write(nameBytes);
    this.write(body);
  }

  /** Writes the central directory (ZIP64 when needed), syncs and closes. */
  close(): void {
    const start = this.offset;
    for (const r of this.records) {
      const big = r.offset > 0xfffffffe;
      const extra = big ? Buffer.alloc(12) : Buffer.alloc(0);
      if (big) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(r.offset), 4);
      }
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(0x031e, 4); // made by Unix, spec 3.0
      header.writeUInt16LE(45, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(r.method, 10);
      header.writeUInt32LE(r.crc, 16);
      header.writeUInt32LE(r.compressedSize, 20);
      header.writeUInt32LE(r.size, 24);
      header.writeUInt16LE(r.name.length, 28);
      header.writeUInt16LE(extra.length, 30);
      header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      header.writeUInt32LE(big ? 0xffffffff : r.offset, 42);
      this.write(header);
      this.write(r.name);
      this.write(extra);
    }
    const size = this.offset - start;
    const zip64 = this.records.length > 0xfffe || start > 0xfffffffe;
    if (zip64) {
      const recordAt = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.records.length), 24);
      record.writeBigUInt64LE(BigInt(this.records.length), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      this.write(record);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(recordAt), 8);
      locator.writeUInt32LE(1, 16);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.records.length, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.records.length, 10);
    end.writeUInt32LE(zip64 ? 0xffffffff : size, 12);
    end.writeUInt32LE(zip64 ? 0xffffffff : start, 16);
    this.write(end);
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
