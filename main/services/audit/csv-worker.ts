/**
 * The worker thread that writes a whole-log export's entries.csv while the export's own thread writes everything else:
 * a million rows take seconds of formatting, which the second core then does. It also collects what trail.pdf needs
 * (the same scan reads each entry's action and month) and hashes the file for SHA256SUMS. Loaded by Node's own type
 * stripping under tsx and the tests, compiled to .js in a build: this file and what it imports use erasable syntax only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvTrailFile } from './csv-trail-file.ts';
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
  const csv = new CsvTrailFile(path);
  port.on('message', (message: CsvWorkerMessage) => {
    try {
      if (message.kind === 'page') {
        const { first, count, joined, starts, leaves } = message.page;
        const bytes = Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength);
        for (let k = 0; k < count; k += 1) csv.add(first + k, bytes.subarray(starts[k], starts[k + 1]! - 1), leaves.subarray(k * 32, k * 32 + 32));
        port.postMessage({ kind: 'written', count } satisfies CsvWorkerReply);
        return;
      }
      const sha256 = csv.end();
      const { rows, summary } = csv.trail.result();
      const reply: CsvWorkerReply = {
        kind: 'done',
        sha256,
        rows: rows.map(ownBytes),
        summary: summary ? { ...summary, first: ownBytes(summary.first), last: ownBytes(summary.last) } : null,
      };
      port.postMessage(reply);
    } catch (error) {
      port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies CsvWorkerReply);
      port.close();
      csv.close();
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
