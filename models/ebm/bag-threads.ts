/**
 * Trains a model's bags on several threads at once: this thread takes bags 0, T, 2T, … and each of T − 1 worker
 * threads (bag-worker.ts) the bags after, first the main terms, then, once the pairs are chosen from every bag's
 * gains, the pairs. Training stays a synchronous call: this thread sleeps on a shared counter until each worker
 * replies. Bags do not depend on one another and are gathered in bag order, so the model is the same to the last bit
 * however many threads trained it; where worker threads cannot run, this thread trains every bag itself.
 * A failure inside a worker's work comes back as a reply and fails the training. A worker killed outright (its own heap
 * exhausted) could not be noticed while this thread sleeps; a worker holds one copy of the binned inputs, a fraction of
 * what this thread holds, so this thread would run out first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { boostMains, boostPairs, openBag, type Bag, type BagData, type MainsOutcome, type PairsOutcome } from './bag-boosting.ts';
import type { BagCommand, BagReply, BagWorkerData } from './bag-worker.ts';

/** The worker's file: its source under tsx and the tests, the compiled file in a build. */
const bagWorkerFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './bag-worker.ts' : './bag-worker.js', import.meta.url));

/**
 * How long a worker may take to load its code before this thread trains its bags itself (it takes about 85 ms here).
 * A worker whose own file cannot load (say, from inside a packaged archive) says nothing, so this is what such a
 * failure costs; the model is the same either way.
 */
const defaultReadyMillis = 10_000;

/** Every bag's main terms and (where pairs were chosen) pairs, and how many threads trained them. */
export interface BagsTrained {
  readonly mains: MainsOutcome[];
  readonly pairs: PairsOutcome[];
  readonly threads: number;
  /** Why fewer threads than asked for trained the bags, if so. */
  readonly fallback: string | null;
}

/** Where the workers' code is and how long it may take to load; the tests name code that cannot run. */
export interface BagThreadOptions {
  /** The worker's code (default: bag-worker.ts or .js beside this file). */
  readonly workerFile?: string;
  /** How long a worker may take to say it is ready (a worker whose own file fails to load says nothing). */
  readonly readyMillis?: number;
}

interface Link {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

/** The next reply of a worker; this thread sleeps until the worker counts one on the signal. */
function nextReply(link: Link, timeoutMillis: number): BagReply | null {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const seen = Atomics.load(link.signal, 0);
    const received = receiveMessageOnPort(link.port);
    if (received) return received.message as BagReply;
    const left = deadline - Date.now();
    if (left <= 0) return null;
    Atomics.wait(link.signal, 0, seen, left);
  }
}

function bagsOf(thread: number, threads: number, bags: number): number[] {
  const mine: number[] = [];
  for (let b = thread; b < bags; b += threads) mine.push(b);
  return mine;
}

/**
 * This thread and up to `threads` − 1 workers, started at once so that they load their code while this thread
 * prepares the data; `close` stops them.
 */
export class BagThreads {
  private links: Link[] = [];
  private fallback: string | null = null;
  private ready = false;
  private readonly readyMillis: number;

  /** Starts the workers of `threads` threads in all (1: none). */
  constructor(threads: number, options: BagThreadOptions = {}) {
    this.readyMillis = options.readyMillis ?? defaultReadyMillis;
    if (threads <= 1) return;
    const file = options.workerFile ?? bagWorkerFile;
    if (!existsSync(file)) {
      this.fallback = `the training thread's code is missing (${file})`;
      return;
    }
    for (let t = 1; t < threads; t += 1) {
      const channel = new MessageChannel();
      const signal = new Int32Array(new SharedArrayBuffer(4));
      const workerData: BagWorkerData = { port: channel.port2, signal };
      const worker = new Worker(file, { workerData, transferList: [channel.port2] });
      worker.unref();
      // A worker that fails outside a command (its own file unloadable) reports it here only once this thread is
      // free again, after it has already trained the bags itself; unheard, the error would end the process.
      worker.on('error', () => undefined);
      this.links.push({ worker, port: channel.port1, signal });
    }
  }

  /** Trains every bag of `data`, choosing the pairs from every bag's gains between the two stages. */
  train(data: BagData, bags: number, choosePairs: (gains: readonly Float64Array[]) => Array<readonly [number, number]>): BagsTrained {
    this.awaitReady();
    const links = this.links.slice(0, Math.max(0, bags - 1));
    const threads = links.length + 1;
    const open = new Map<number, Bag>();
    const mains = this.stage(links, bags, (mine) => ({ kind: 'mains', data, bags: mine }), (b) => {
      const bag = openBag(data, b);
      open.set(b, bag);
      return boostMains(data, bag);
    });
    const chosen = choosePairs(mains.map((m) => m.pairGains));
    const pairs = chosen.length > 0 ? this.stage(links, bags, (mine) => ({ kind: 'pairs', bags: mine, chosen }), (b) => boostPairs(data, open.get(b)!, chosen)) : [];
    return { mains, pairs, threads, fallback: this.fallback };
  }

  /** Stops the workers. */
  close(): void {
    for (const link of this.links) {
      link.port.close();
      void link.worker.terminate();
    }
    this.links = [];
  }

  private awaitReady(): void {
    if (this.ready) return;
    this.ready = true;
    for (const link of this.links) {
      const reply = nextReply(link, this.readyMillis);
      if (reply?.kind !== 'ready') {
        this.close();
        this.fallback = reply?.kind === 'failed' ? reply.message : `a training thread did not start within ${this.readyMillis / 1000} s`;
        return;
      }
    }
  }

  /** Runs one stage on every thread: posts the workers their bags, does this thread's, and gathers all in bag order. */
  private stage<T>(links: readonly Link[], bags: number, command: (bags: number[]) => BagCommand, own: (bag: number) => T): T[] {
    const threads = links.length + 1;
    links.forEach((link, t) => link.port.postMessage(command(bagsOf(t + 1, threads, bags))));
    const outcomes = new Array<T>(bags);
    for (const b of bagsOf(0, threads, bags)) outcomes[b] = own(b);
    links.forEach((link, t) => {
      const reply = nextReply(link, Infinity);
      if (reply === null || reply.kind === 'ready') throw new Error('a training thread gave no outcome');
      if (reply.kind === 'failed') throw new Error(reply.message);
      const mine = bagsOf(t + 1, threads, bags);
      reply.outcomes.forEach((outcome, i) => (outcomes[mine[i]!] = outcome as T));
    });
    return outcomes;
  }
}
