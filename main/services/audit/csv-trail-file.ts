/**
 * entries.csv being written, with what trail.pdf needs collected on the same scan and the file's SHA-256 for
 * SHA256SUMS: one writer for the export's own thread and for its CSV worker (csv-worker.ts), so both give the same bytes.
 * Erasable syntax only: the worker loads this file with Node's type stripping alone.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { CsvRowBytes, csvHeader } from './trail-csv.ts';
import { TrailCollector } from './trail-summary.ts';

/** entries.csv written through one reused 4 MiB buffer: a million rows make no garbage of their own on the way out. */
export class CsvTrailFile {
  private readonly fd: number;
  private open = true;
  private readonly hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(4 << 20);
  private used = 0;
  private readonly rows = new CsvRowBytes();
  /** What trail.pdf lists and summarises, collected row by row. */
  readonly trail = new TrailCollector();

  /** Creates `path` (it must not exist) and starts it with the header. */
  constructor(path: string) {
    this.fd = openSync(path, 'wx');
    this.used = this.buffer.write(csvHeader, 0, 'utf8');
  }

  /** Writes the row of entry `seq` (`leaf` is its leaf hash); throws, naming the seq, for an entry that cannot be a row. */
  add(seq: number, entry: Buffer, leaf: Uint8Array): void {
    const room = CsvRowBytes.room(entry.length);
    try {
      if (this.used + room > this.buffer.length) this.flush();
      if (room <= this.buffer.length) this.used = this.rows.write(entry, leaf, this.buffer, this.used);
      else {
        // An entry too long for the buffer: its row goes through a buffer of its own.
        const own = Buffer.allocUnsafe(room);
        this.flush(own.subarray(0, this.rows.write(entry, leaf, own, 0)));
      }
    } catch (error) {
      throw new Error(`audit entry ${seq} cannot be written to entries.csv: ${(error as Error).message}`);
    }
    this.trail.add(entry, leaf, this.rows.action, this.rows.month);
  }

  /** Writes what is left and closes the file; returns its SHA-256 in hex. */
  end(): string {
    this.flush();
    this.close();
    return this.hash.digest('hex');
  }

  /** Closes the file, finished or not (an export that failed closes it before removing it); safe to call twice. */
  close(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
  }

  private flush(bytes: Buffer = this.buffer.subarray(0, this.used)): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.hash.update(bytes);
    if (bytes.buffer === this.buffer.buffer) this.used = 0;
  }
}
