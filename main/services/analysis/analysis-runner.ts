/**
 * Runs analysis jobs (any module's: a job names its module, pipeline and payload) off the main thread, in a child
 * process per job (see analysis-worker.ts for why not a worker thread), with progress and cancel; and in-process, for
 * the CLI, the benchmark and tests.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorInfo } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';
import type { ProgressListener } from '../forensics/module.ts';
import type { AnalysisJob, ForensicRegistry } from '../forensics/registry.ts';

/** What the child process sends. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: number; readonly stage: string }
  | { readonly type: 'done'; readonly output: unknown }
  | { readonly type: 'error'; readonly error: ErrorInfo };

/** A job under way: its outcome, and a way to stop it. */
export interface RunningJob {
  /** Resolves with the pipeline's output; rejects with a DalelError (the job's own, or INTERNAL when the process died). */
  readonly done: Promise<unknown>;
  /** Stops the job at once; `done` then rejects with a CONFLICT 'cancelled' error. */
  cancel(): void;
}

/** Starts jobs; injectable so that services can be tested with any runner. */
export interface AnalysisRunner {
  start(job: AnalysisJob, onProgress: ProgressListener): RunningJob;
}

/** The error a cancelled job's `done` rejects with. */
export const cancelledError = () => new DalelError('CONFLICT', 'The analysis was cancelled.', { reasonCode: 'cancelled' });

/** The analysis child's entry: sources run through tsx (dev, tests, CLI); the compiled app uses the emitted .js. */
export const analysisWorkerFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url));
const workerExecArgv = () => (analysisWorkerFile.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []);

/** The few things a runner needs of a process running one job: Node's child process and Electron's utility process. */
export interface JobProcess {
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Called once the process is gone; `how` says why, for the error. */
  onGone(listener: (how: string) => void): void;
  post(job: AnalysisJob): void;
  kill(): void;
}

/**
 * Sends the job to its process and turns what comes back into a RunningJob: progress until the answer, the first
 * answer wins, a process gone without one is INTERNAL (or the cancel, when we killed it).
 */
export function superviseJob(worker: JobProcess, job: AnalysisJob, onProgress: ProgressListener): RunningJob {
  let settled = false;
  let cancelled = false;
  const done = new Promise<unknown>((resolve, reject) => {
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.onMessage((message) => {
      if (message.type === 'progress') {
        if (!settled && !cancelled) onProgress(message.progress, message.stage);
      } else if (message.type === 'done') settle(() => resolve(message.output));
      else settle(() => reject(new DalelError(message.error.code, message.error.message, message.error.params)));
    });
    worker.onGone((how) => settle(() => reject(cancelled ? cancelledError() : new DalelError('INTERNAL', `The analysis process ended unexpectedly (${how}).`))));
  });
  worker.post(job);
  return {
    done,
    cancel: () => {
      if (settled || cancelled) return;
      cancelled = true;
      worker.kill();
    },
  };
}

/**
 * One child process per job: killing it is the cancel, and a crash in native code takes down only the job. The child
 * runs the shipped modules' pipelines (forensics/modules.ts).
 */
export const childProcessRunner: AnalysisRunner = {
  start(job, onProgress) {
    const child = fork(analysisWorkerFile, [], { execArgv: workerExecArgv(), serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return superviseJob(
      {
        onMessage: (listener) => child.on('message', listener),
        onGone: (listener) => {
          child.on('error', (error) => listener(`failed: ${error.message}`));
          child.on('close', (code, signal) => listener(signal ?? `exit code ${code}`));
        },
        post: (message) => child.send(message),
        kill: () => child.kill('SIGKILL'),
      },
      job,
      onProgress,
    );
  },
};

/** Runs jobs on the calling thread with the given modules (CLI, benchmark, tests): simple, not cancellable once started. */
export function inProcessRunner(registry: ForensicRegistry): AnalysisRunner {
  return {
    start(job, onProgress) {
      let cancelled = false;
      const done = new Promise<unknown>((resolve, reject) => {
        // Deferred one turn, so a cancel right after start still wins.
        setImmediate(() => {
          if (cancelled) return reject(cancelledError());
          try {
            resolve(registry.run(job, onProgress));
          } catch (error) {
            reject(error);
          }
        });
      });
      return { done, cancel: () => void (cancelled = true) };
    },
  };
}
