/**
 * A worker thread that trains some of a model's bags (bag-threads.ts drives it). The training thread waits for each
 * reply without its event loop, so every reply is posted on the given port and then counted on the shared signal.
 * Loaded by Node's own type stripping under tsx and the tests, compiled to .js in a build: this file and what it
 * imports use erasable syntax only. The training code is imported dynamically, so that a build that lacks it
 * answers "failed" at once instead of leaving the training thread to wait.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Bag, BagData, MainsOutcome, PairsOutcome } from './bag-boosting.ts';

/** What the worker is told: boost the main terms of these bags of the data, or these bags' chosen pairs. */
export type BagCommand =
  | { readonly kind: 'mains'; readonly data: BagData; readonly bags: readonly number[] }
  | { readonly kind: 'pairs'; readonly bags: readonly number[]; readonly chosen: ReadonlyArray<readonly [number, number]> };

/** What the worker says: ready for work, a stage's outcomes (in the order of the command's bags), or why it failed. */
export type BagReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'mains'; readonly outcomes: MainsOutcome[] }
  | { readonly kind: 'pairs'; readonly outcomes: PairsOutcome[] }
  | { readonly kind: 'failed'; readonly message: string };

/** What the worker is started with. */
export interface BagWorkerData {
  readonly port: MessagePort;
  /** Counts the replies posted, so that the training thread can sleep until the next one. */
  readonly signal: Int32Array;
}

const { port, signal } = workerData as BagWorkerData;

function say(reply: BagReply): void {
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  const boosting: typeof import('./bag-boosting.ts') = await import(import.meta.url.endsWith('.ts') ? './bag-boosting.ts' : './bag-boosting.js');
  const open = new Map<number, Bag>();
  let data: BagData | null = null;
  port.on('message', (command: BagCommand) => {
    try {
      if (command.kind === 'mains') {
        const given = command.data;
        data = given;
        say({
          kind: 'mains',
          outcomes: command.bags.map((b) => {
            const bag = boosting.openBag(given, b);
            open.set(b, bag);
            return boosting.boostMains(given, bag);
          }),
        });
      } else {
        const given = data;
        if (!given) throw new Error('pairs were asked for before the main terms');
        say({ kind: 'pairs', outcomes: command.bags.map((b) => boosting.boostPairs(given, open.get(b)!, command.chosen)) });
      }
    } catch (error) {
      say({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
  say({ kind: 'ready' });
} catch (error) {
  say({ kind: 'failed', message: `the training code could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
}
