/**
 * Entry of the analysis child process: receives one job from the parent, runs its module's pipeline (looked up in the
 * registry of shipped modules) or one of the workstation's own jobs (reading a document), sends progress and the
 * outcome, then exits. A child process rather than a worker thread: @u4/opencv4nodejs is not context-aware, and loading it in
 * a second worker thread of the same process aborts the whole process (V8 "Check failed: node->IsInUse()" in
 * Mat::Init), so a cancelled worker thread could never be replaced. Killing a child is safe and immediate.
 * Measured on the 2-core development machine (Node 20, tsx, OpenCV 4.6): a worker thread is ready with OpenCV loaded
 * in about 0.8 s, a forked child in about 1.1 s; against comparisons of several seconds the 0.3 s is worth a cancel
 * that always works.
 */
import { DalelError } from '../errors.ts';
import { isCancelMessage, type ParentMessage, type WorkerMessage } from './analysis-runner.ts';
import { withWorkstationJobs } from './job-table.ts';

/** The parent link: Electron's utility process (packaged app, where RunAsNode is fused off) or a Node child's IPC. */
interface ParentLink {
  onMessage(listener: (message: ParentMessage) => void): void;
  send(message: WorkerMessage): Promise<void>;
  close(): void;
}

/** The `process.parentPort` Electron gives a utility process; read from `process` because services never import electron. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: ParentMessage }) => void): void;
  postMessage(message: WorkerMessage): void;
}

function parentLink(): ParentLink {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      close: () => process.exit(0),
    };
  }
  return {
    onMessage: (listener) => process.on('message', listener),
    send: (message) => new Promise<void>((resolve, reject) => process.send!(message, undefined, undefined, (error) => (error ? reject(error) : resolve()))),
    close: () => process.disconnect(),
  };
}

const link = parentLink();
// The forensic modules are loaded only for their own jobs: a document reading then starts ~1 s sooner (measured
// under tsx on the 2-core machine: the modules' import 0.8–1.0 s, the reading job's 0.3–0.4 s).
const jobs = withWorkstationJobs({
  run: async (job, onProgress) => {
    const { shippedRegistry } = await import('../forensics/modules.ts');
    return shippedRegistry().run(job, onProgress);
  },
});
// A cancel reaches a job that listens for it (a reading stops its tesseract children); others are killed after a grace.
const cancel = new AbortController();
let started = false;
link.onMessage((message) => {
  if (isCancelMessage(message)) return cancel.abort();
  if (started) return;
  started = true;
  void (async () => {
    try {
      // A pipeline may answer asynchronously (ONNX models): wait for its output before sending it.
      const output: unknown = await jobs.run(message, (progress, stage) => void link.send({ type: 'progress', progress, stage }), cancel.signal);
      await link.send({ type: 'done', output });
    } catch (error) {
      const info =
        error instanceof DalelError
          ? error.toInfo()
          : { code: 'INTERNAL' as const, message: `The analysis failed: ${error instanceof Error ? error.message : String(error)}` };
      if (!(error instanceof DalelError)) console.error('[dalel] analysis worker:', error);
      await link.send({ type: 'error', error: info });
    }
    link.close();
  })();
});
