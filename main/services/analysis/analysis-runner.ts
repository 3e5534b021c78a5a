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
import type { AnalysisJob } from '../forensics/registry.ts';
import { withWorkstationJobs, type JobTable } from './job-table.ts';

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

/** What the parent sends a job's process: the job, then perhaps a request to stop it. */
export type ParentMessage = AnalysisJob | { readonly cancel: true };

/** True for the request to stop (an AnalysisJob always names its module). */
export function isCancelMessage(message: ParentMessage): message is { readonly cancel: true } {
  return 'cancel' in message;
}

/**
 * How long a cancelled job's process may take to stop on its own (a reading kills its tesseract children and
 * exits) before it is killed; a pipeline busy in native code cannot hear the request and is killed then.
 */
export const cancelGraceMs = 200;

/** The few things a runner needs of a process running one job: Node's child process and Electron's utility process. */
export interface JobProcess {
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Called once the process is gone; `how` says why, for the error. */
  onGone(listener: (how: string) => void): void;
  post(message: ParentMessage): void;
  kill(): void;
}

/**
 * Sends the job to its process and turns what comes back into a RunningJob: progress until the answer, the first
 * answer wins, a process gone without one is INTERNAL (or the cancel, when we stopped it). A cancel asks the process
 * to stop (so that what it started, such as tesseract, stops with it) and kills it after a short grace.
 */
export function superviseJob(worker: JobProcess, job: AnalysisJob, onProgress: ProgressListener): RunningJob {
  let settled = false;
  let cancelled = false;
  let killTimer: NodeJS.Timeout | undefined;
  const done = new Promise<unknown>((resolve, reject) => {
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.onMessage((message) => {
      if (message.type === 'progress') {
        if (!settled && !cancelled) onProgress(message.progress, message.stage);
      } else if (cancelled) settle(() => reject(cancelledError()));
      else if (message.type === 'done') settle(() => resolve(message.output));
      else settle(() => reject(new DalelError(message.error.code, message.error.message, message.error.params)));
    });
    worker.onGone((how) => {
      clearTimeout(killTimer);
      settle(() => reject(cancelled ? cancelledError() : new DalelError('INTERNAL', `The analysis process ended unexpectedly (${how}).`)));
    });
  });
  worker.post(job);
  return {
    done,
    cancel: () => {
      if (settled || cancelled) return;
      cancelled = true;
      killTimer = setTimeout(() => worker.kill(), cancelGraceMs);
      try {
        worker.post({ cancel: true });
      } catch {
        worker.kill();
      }
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
        // A closed channel (the child already gone) is reported by onGone, not thrown here.
        post: (message) => void child.send(message, (error: Error | null) => error && child.kill('SIGKILL')),
        kill: () => child.kill('SIGKILL'),
      },
      job,
      onProgress,
    );
  },
};

/**
 * Runs jobs on the calling thread with the given modules and the workstation's own jobs (CLI, benchmark, tests): a
 * cancel stops a job that listens for it (reading a document), and a forensic pipeline once it has started runs on.
 */
export function inProcessRunner(modules: JobTable): AnalysisRunner {
  const jobs = withWorkstationJobs(modules);
  return {
    start(job, onProgress) {
      const controller = new AbortController();
      const done = new Promise<unknown>((resolve, reject) => {
        // Deferred one turn, so a cancel right after start still wins.
        setImmediate(() => {
          if (controller.signal.aborted) return reject(cancelledError());
          Promise.resolve()
            .then(() => jobs.run(job, onProgress, controller.signal))
            .then(resolve, (error: unknown) => reject(controller.signal.aborted ? cancelledError() : error));
        });
      });
      return { done, cancel: () => controller.abort() };
    },
  };
}
