/**
 * Zip writing (stored and deflated entries, ZIP64 for more than 65 535 entries or offsets past 4 GiB). Streams to a
 * file; the central directory is spooled to a side file as entries are added, so memory stays flat however many.
 */
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** Where the writer reads the time it stamps on entries (milliseconds since the epoch); tests pass a fixed one. */
export interface ZipClock {
  now(): number;
}

/**
 * An instant as MS-DOS time and date (local time, as zip tools read it; two-second steps), clamped to the years
 * the format can hold (1980–2107).
 */
export function dosDateTime(ms: number): { time: number; date: number } {
  const at = new Date(ms);
  const year = at.getFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface CentralRecord {
  readonly name: Buffer;
  readonly modified: { time: number; date: number };
  readonly crc: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** Writes a zip file entry by entry; `close()` writes the central directory and syncs the file. */
export class ZipWriter {
  private readonly fd: number;
  /** Bytes written so far, flushed or not. */
  private offset = 0;
  /** Output not yet written to the file: one write per megabyte instead of three per entry. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushedTo = 0;
  private spoolPending: Buffer[] = [];
  private spoolPendingBytes = 0;
  private readonly spoolPath: string;
  private readonly spool: number;
  private spoolSize = 0;
  private count = 0;
  private open = true;

  constructor(
    path: string,
    private readonly clock: ZipClock = { now: () => Date.now() },
  ) {
    this.fd = openSync(path, 'wx');
    this.spoolPath = `${path}.directory`;
    this.spool = openSync(this.spoolPath, 'w+');
  }

  /** Appends one central-directory record to the spool file. */
  private record(r: CentralRecord): void {
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
    header.writeUInt16LE(r.modified.time, 12);
    header.writeUInt16LE(r.modified.date, 14);
    header.writeUInt32LE(r.crc, 16);
    header.writeUInt32LE(r.compressedSize, 20);
    header.writeUInt32LE(r.size, 24);
    header.writeUInt16LE(r.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    header.writeUInt32LE(big ? 0xffffffff : r.offset, 42);
    this.spoolPending.push(header, r.name, extra);
    this.spoolPendingBytes += header.length + r.name.length + extra.length;
    if (this.spoolPendingBytes >= 1 << 20) this.flushSpool();
    this.count += 1;
  }

  private write(buffer: Uint8Array): void {
    this.pending.push(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    this.pendingBytes += buffer.length;
    this.offset += buffer.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    // A large piece alone (the big files arrive in 4 MiB pieces) is written as it is, without a copy.
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    // Explicit positions: begin() patches headers behind the current end, so the file position is not relied on.
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done, this.flushedTo + done);
    this.flushedTo += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private flushSpool(): void {
    if (this.spoolPendingBytes === 0) return;
    const chunk = Buffer.concat(this.spoolPending, this.spoolPendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.spool, chunk, done, chunk.length - done, this.spoolSize + done);
    this.spoolSize += chunk.length;
    this.spoolPending = [];
    this.spoolPendingBytes = 0;
  }

  /** Adds a file; small or incompressible data is stored, the rest deflated. */
  add(name: string, data: Uint8Array, compress = data.length > 512): void {
    const deflated = compress ? deflateRawSync(data) : null;
    const useDeflate = deflated !== null && deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const modified = dosDateTime(this.clock.now());
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(useDeflate ? 8 : 0, 8);
    header.writeUInt16LE(modified.time, 10);
    header.writeUInt16LE(modified.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    this.record({ name: nameBytes, modified, crc, method: useDeflate ? 8 : 0, compressedSize: body.length, size: data.length, offset: this.offset });
    this.write(header);
    this.write(nameBytes);
    this.write(body);
  }

  /**
   * Starts a stored entry whose data arrives in pieces (large files, without holding them in memory): the local
   * header is written first and its CRC and sizes filled in by `end()`.
   */
  begin(name: string): { write(chunk: Uint8Array): void; end(): void } {
    const nameBytes = Buffer.from(name, 'utf8');
    const headerAt = this.offset;
    const modified = dosDateTime(this.clock.now());
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(modified.time, 10);
    header.writeUInt16LE(modified.date, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    this.write(header);
    this.write(nameBytes);
    let crc = 0;
    let size = 0;
    return {
      write: (chunk) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        this.write(chunk);
      },
      end: () => {
        if (size > 0xfffffffe) throw new Error(`zip entry ${name} is larger than 4 GiB`);
        const patch = Buffer.alloc(12);
        patch.writeUInt32LE(crc, 0);
        patch.writeUInt32LE(size, 4);
        patch.writeUInt32LE(size, 8);
        this.flush(); // the header must be in the file before it is patched there
        writeSync(this.fd, patch, 0, 12, headerAt + 14);
        this.record({ name: nameBytes, modified, crc, method: 0, compressedSize: size, size, offset: headerAt });
      },
    };
  }

  /** Writes the central directory (ZIP64 when needed), syncs (unless the caller syncs the file itself) and closes. */
  close(sync = true): void {
    const start = this.offset;
    this.flushSpool();
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0; at < this.spoolSize; ) {
      const n = readSync(this.spool, chunk, 0, chunk.length, at);
      this.write(chunk.subarray(0, n));
      at += n;
    }
    closeSync(this.spool);
    rmSync(this.spoolPath, { force: true });
    const size = this.offset - start;
    const zip64 = this.count > 0xfffe || start > 0xfffffffe;
    if (zip64) {
      const recordAt = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.count), 24);
      record.writeBigUInt64LE(BigInt(this.count), 32);
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
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 10);
    end.writeUInt32LE(zip64 ? 0xffffffff : size, 12);
    end.writeUInt32LE(zip64 ? 0xffffffff : start, 16);
    this.write(end);
    this.flush();
    if (sync) fsyncSync(this.fd);
    closeSync(this.fd);
    this.open = false;
  }

  /** Gives up a zip being written: closes its files and removes them (the spooled directory and the partial zip). */
  abandon(path: string): void {
    if (this.open) {
      closeSync(this.fd);
      closeSync(this.spool);
      this.open = false;
    }
    rmSync(this.spoolPath, { force: true });
    rmSync(path, { force: true });
  }
}
