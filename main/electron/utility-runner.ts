/**
 * Analysis jobs in Electron's utility processes. The packaged app fuses RunAsNode off, so Node's `fork` (which
 * re-runs the Electron binary as Node) cannot start the analysis child there; `utilityProcess.fork` can, and killing
 * the utility process is the cancel, as with a child process.
 */
import { utilityProcess } from 'electron';
import { analysisWorkerFile, cancelledError, type AnalysisRunner, type WorkerMessage } from '../services/ballistics/analysis-runner.ts';
import type { AnalysisJobOutput } from '../services/ballistics/analysis-job.ts';
import { DalelError } from '../services/errors.ts';

/** A runner that starts one utility process per analysis job. */
export function utilityProcessRunner(modulePath: string = analysisWorkerFile): AnalysisRunner {
  return {
    start(job, onProgress) {
      const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dalel analysis', stdio: 'inherit' });
      let settled = false;
      let cancelled = false;
      const done = new Promise<AnalysisJobOutput>((resolve, reject) => {
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          fn();
        };
        child.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') {
            if (!settled && !cancelled) onProgress(message.progress, message.stage);
          } else if (message.type === 'done') settle(() => resolve(message.output));
          else settle(() => reject(new DalelError(message.error.code, message.error.message, message.error.params)));
        });
        child.on('exit', (code) =>
          settle(() => reject(cancelled ? cancelledError() : new DalelError('INTERNAL', `The analysis process ended unexpectedly (exit code ${code}).`))),
        );
      });
      child.postMessage(job);
      return {
        done,
        cancel: () => {
          if (settled || cancelled) return;
          cancelled = true;
          child.kill();
        },
      };
    },
  };
}
