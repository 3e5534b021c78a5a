/**
 * Analysis jobs in Electron's utility processes. The packaged app fuses RunAsNode off, so Node's `fork` (which
 * re-runs the Electron binary as Node) cannot start the analysis child there; `utilityProcess.fork` can, and killing
 * the utility process ends a cancelled job, as with a child process.
 */
import { utilityProcess } from 'electron';
import { analysisWorkerFile, superviseJob, type AnalysisRunner, type WorkerMessage } from '../services/analysis/analysis-runner.ts';

/** A runner that starts one utility process per analysis job. */
export function utilityProcessRunner(modulePath: string = analysisWorkerFile): AnalysisRunner {
  return {
    start(job, onProgress) {
      const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dalel analysis', stdio: 'inherit' });
      return superviseJob(
        {
          onMessage: (listener) => child.on('message', (message: WorkerMessage) => listener(message)),
          onGone: (listener) => child.on('exit', (code) => listener(`exit code ${code}`)),
          post: (message) => child.postMessage(message),
          kill: () => child.kill(),
        },
        job,
        onProgress,
      );
    },
  };
}
