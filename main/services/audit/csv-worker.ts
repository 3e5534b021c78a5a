/**
 * The worker thread that writes a whole-log export's entries.csv while the export's own thread writes everything else:
 * a million rows take seconds of formatting, which the second core then does. It also collects what trail.pdf needs
 * (the same scan reads each entry's action and month) and hashes the file for SHA256SUMS. Loaded by Node's own type
 * stripping under tsx and the tests, compiled to .js in a build: this file and what it imports use erasable syntax only.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvRowBytes, csvHeader } from './trail-csv.ts';
import { TrailCollector } from './trail-summary.ts';
import type { TrailRow } from './trail-row.ts';
import type { TrailSummary } from './trail-summary.ts';

/** A page of entries for the worker: the entries joined by newlines (entry k spans joined[starts[k], starts[k+1] − 1)). */
export interface CsvPage {
  readonly first: number;
  readonly count: number;
  readonly joined: Uint8Array;
  readonly starts: Int32Array;
  readonly leaves: Uint8Array;
}

/** What the worker says: a page written, the file complete, or why it stopped. */
export type CsvWorkerReply =
  | { readonly kind: 'written'; readonly count: number }
  | { readonly kind: 'done'; readonly sha256: string; readonly rows: TrailRow[]; readonly summary: TrailSummary | null }
  | { readonly kind: 'failed'; readonly message: string };

/** What the worker is told: write a page, or finish the file. */
export type CsvWorkerMessage = { readonly kind: 'page'; readonly page: CsvPage } | { readonly kind: 'end' };

/** A trail row that carries only its own entry's bytes (a view would take its whole page along when posted). */
function ownBytes(row: TrailRow): TrailRow {
  return { ...row, bytes: new Uint8Array(row.bytes) };
}

function run(port: NonNullable<typeof parentPort>, path: string): void {
  const fd = openSync(path, 'wx');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  const flush = (bytes: Buffer = buffer.subarray(0, used)) => {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    hash.update(bytes);
    if (bytes.buffer === buffer.buffer) used = 0;
  };
  used = buffer.write(csvHeader, 0, 'utf8');
  const rows = new CsvRowBytes();
  const trail = new TrailCollector();

  const writePage = (page: CsvPage) => {
    const joined = Buffer.from(page.joined.buffer, page.joined.byteOffset, page.joined.byteLength);
    for (let k = 0; k < page.count; k += 1) {
      const seq = page.first + k;
      const entry = joined.subarray(page.starts[k], page.starts[k + 1]! - 1);
      const leaf = page.leaves.subarray(k * 32, k * 32 + 32);
      const room = CsvRowBytes.room(entry.length);
      try {
        if (used + room > buffer.length) flush();
        if (room <= buffer.length) used = rows.write(entry, leaf, buffer, used);
        else {
          // An entry too long for the buffer: its row goes through a buffer of its own.
          const own = Buffer.allocUnsafe(room);
          flush(own.subarray(0, rows.write(entry, leaf, own, 0)));
        }
      } catch (error) {
        throw new Error(`audit entry ${seq} cannot be written to entries.csv: ${(error as Error).message}`);
      }
      trail.add(entry, leaf, rows.action, rows.month);
    }
  };

  port.on('message', (message: CsvWorkerMessage) => {
    try {
      if (message.kind === 'page') {
        writePage(message.page);
        port.postMessage({ kind: 'written', count: message.page.count } satisfies CsvWorkerReply);
        return;
      }
      flush();
      close();
      const { rows: listed, summary } = trail.result();
      const reply: CsvWorkerReply = {
        kind: 'done',
        sha256: hash.digest('hex'),
        rows: listed.map(ownBytes),
        summary: summary ? { ...summary, first: ownBytes(summary.first), last: ownBytes(summary.last) } : null,
      };
      port.postMessage(reply);
    } catch (error) {
      port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies CsvWorkerReply);
      port.close();
      close();
    }
  });
}

if (parentPort) {
  try {
    run(parentPort, (workerData as { path: string }).path);
  } catch (error) {
    // The file could not be created: a failure of the export, told as such (an uncaught one would read as a worker
    // that could not run at all).
    parentPort.postMessage({ kind: 'failed', message: (error as Error).message } satisfies CsvWorkerReply);
  }
}
