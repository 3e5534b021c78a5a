/**
 * Drives the CSV worker thread (csv-worker.ts) of a whole-log export: hands it pages of entries a few at a time (memory
 * stays bounded however long the log), and gives back the file's SHA-256 with what trail.pdf needs.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { EntryPage } from './audit-log.ts';
import type { CsvPage, CsvWorkerMessage, CsvWorkerReply } from './csv-worker.ts';
import type { TrailRow } from './trail-row.ts';
import type { TrailSummary } from './trail-summary.ts';

/** The worker's file: its source under tsx and the tests, the compiled file in a build. */
const csvWorkerFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './csv-worker.ts' : './csv-worker.js', import.meta.url));

/** Pages handed over and not yet written: about 2 MB each, so a few keep the worker busy without piling up. */
const pagesAhead = 4;

/** What the worker gives back once the file is complete. */
export interface CsvTrail {
  readonly sha256: string;
  readonly rows: TrailRow[];
  readonly summary: TrailSummary | null;
}

/**
 * The worker thread could not run its code at all (its file missing or unloadable, say in a packaged app): the export
 * then writes the CSV on its own thread instead. A failure of the work itself (a file that cannot be created, an entry
 * that cannot be written) is an ordinary Error.
 */
export class CsvWorkerUnavailable extends Error {}

/** entries.csv of a whole-log export, written by a worker thread. */
export class CsvThread {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private finished: ((trail: CsvTrail) => void) | null = null;

  /** Starts the worker, which creates `path` (it must not exist); `file` is the worker's code. */
  constructor(path: string, file: string = csvWorkerFile) {
    this.worker = new Worker(file, { workerData: { path } });
    this.worker.on('message', (reply: CsvWorkerReply) => {
      if (reply.kind === 'written') this.inFlight -= 1;
      else if (reply.kind === 'failed') this.failure ??= new Error(reply.message);
      else this.finished?.({ sha256: reply.sha256, rows: reply.rows, summary: reply.summary });
      this.wake?.();
    });
    // The worker reports its own failures as messages; an error event or an early exit means its code did not run.
    this.worker.on('error', (error) => {
      this.failure ??= new CsvWorkerUnavailable(`the entries.csv worker could not run: ${error.message}`);
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new CsvWorkerUnavailable(`the entries.csv worker stopped (exit code ${code})`);
      this.wake?.();
    });
  }

  /**
   * Hands a page over once this thread is done with it: its joined entries are moved to the worker, not copied, where
   * they own their memory; its leaf hashes are copied (tile files still being written point into them).
   */
  async page(page: EntryPage): Promise<void> {
    while (this.inFlight >= pagesAhead && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    const joined = page.joined;
    const movable = joined.byteOffset === 0 && joined.byteLength === joined.buffer.byteLength;
    const csvPage: CsvPage = { first: page.first, count: page.count, joined: movable ? joined : new Uint8Array(joined), starts: page.starts, leaves: new Uint8Array(page.leaves) };
    this.inFlight += 1;
    this.worker.postMessage({ kind: 'page', page: csvPage } satisfies CsvWorkerMessage, movable ? [joined.buffer as ArrayBuffer] : []);
  }

  /** Finishes the file; resolves with its SHA-256 and the PDF's rows, or rejects with why the worker could not. */
  async end(): Promise<CsvTrail> {
    const done: { trail: CsvTrail | null } = { trail: null };
    this.finished = (trail) => (done.trail = trail);
    this.worker.postMessage({ kind: 'end' } satisfies CsvWorkerMessage);
    // A failure may have come already (on the last page, with nothing left to wake): checked before every wait.
    while (!done.trail && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (!done.trail) throw this.failure!;
    await this.worker.terminate();
    return done.trail;
  }

  /** Stops the worker (an export that failed elsewhere); Node closes the files a worker opened once it has exited. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
