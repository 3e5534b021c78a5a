import { describe, expect, it, vi } from 'vitest';
import { utilityProcessRunner } from '../../main/electron/utility-runner.ts';
import type { AnalysisJob } from '../../main/services/forensics/registry.ts';
import { analysisWorkerFile, cancelGraceMs } from '../../main/services/analysis/analysis-runner.ts';
import { utilityProcess } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

// The runner only forwards the job; its content is the analysis service's business.
const job = { kind: 'cartridge-case' } as unknown as AnalysisJob;

function start() {
  const progress: Array<[number, string]> = [];
  const running = utilityProcessRunner().start(job, (p, stage) => progress.push([p, stage]));
  const child = utilityProcess.forked.at(-1)!;
  return { running, child, progress };
}

describe('analysis jobs in Electron utility processes (RunAsNode is fused off in the packaged app)', () => {
  it('forks the analysis worker, posts the job, forwards progress and resolves with the output', async () => {
    const { running, child, progress } = start();
    expect(child.modulePath).toBe(analysisWorkerFile);
    expect(child.posted).toEqual([job]);
    child.emit('message', { type: 'progress', progress: 0.5, stage: 'correlating' });
    child.emit('message', { type: 'done', output: { result: 42 } });
    child.emit('exit', 0);
    await expect(running.done).resolves.toEqual({ result: 42 });
    expect(progress).toEqual([[0.5, 'correlating']]);
  });

  it('turns the worker’s error message into the same typed error', async () => {
    const { running, child } = start();
    child.emit('message', { type: 'error', error: { code: 'BAD_INPUT', message: 'a.x3p: truncated zip' } });
    await expect(running.done).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'a.x3p: truncated zip' });
  });

  it('cancel asks the process to stop, kills it after a short grace, and rejects as cancelled; later progress is ignored', async () => {
    const { running, child, progress } = start();
    // Watched from the start: the outcome arrives with the kill, while the test waits out the grace.
    const outcome = expect(running.done).rejects.toMatchObject({ code: 'CONFLICT', params: { reasonCode: 'cancelled' } });
    running.cancel();
    expect(child.posted).toEqual([job, { cancel: true }]);
    expect(child.killed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, cancelGraceMs + 50));
    expect(child.killed).toBe(true);
    child.emit('message', { type: 'progress', progress: 0.9, stage: 'late' });
    await outcome;
    expect(progress).toEqual([]);
  });

  it('a process that stops on the request is not killed, and its last answer still reads as cancelled', async () => {
    const { running, child } = start();
    running.cancel();
    child.emit('message', { type: 'error', error: { code: 'CONFLICT', message: 'OCR cancelled.', params: { reasonCode: 'cancelled' } } });
    child.emit('exit', 0);
    await expect(running.done).rejects.toMatchObject({ code: 'CONFLICT', message: 'The analysis was cancelled.' });
    await new Promise((resolve) => setTimeout(resolve, cancelGraceMs + 50));
    expect(child.killed).toBe(false);
  });

  it('a process that dies without an answer is an INTERNAL error, never a silent success', async () => {
    const { running, child } = start();
    child.emit('exit', 134);
    await expect(running.done).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('134') });
  });
});
