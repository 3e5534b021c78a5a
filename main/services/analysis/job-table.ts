/**
 * What the analysis process runs: the forensic modules' pipelines, and the workstation's own heavy jobs (reading a
 * document's text) that are not forensic methods but need the same process, progress and cancel.
 */
import { readDocumentJobName, readDocumentPipeline } from '../documents/read-document-job.ts';
import type { ProgressListener } from '../forensics/module.ts';
import type { AnalysisJob } from '../forensics/registry.ts';

/** Runs a job by its module and type (the forensic registry is one). */
export interface JobTable {
  /** `signal` asks a job that can stop early to stop (the forensic pipelines run to the end or are killed). */
  run(job: AnalysisJob, onProgress: ProgressListener, signal?: AbortSignal): unknown;
}

type Pipeline = (payload: unknown, onProgress: ProgressListener, signal: AbortSignal | undefined) => unknown;

const workstationJobs: Readonly<Record<string, Readonly<Record<string, Pipeline>>>> = {
  [readDocumentJobName.module]: { [readDocumentJobName.type]: readDocumentPipeline },
};

/** The given modules' pipelines plus the workstation's own jobs, in one table. */
export function withWorkstationJobs(modules: JobTable): JobTable {
  return {
    run(job, onProgress, signal) {
      const own = workstationJobs[job.module]?.[job.type];
      return own ? own(job.payload, onProgress, signal) : modules.run(job, onProgress);
    },
  };
}
