/**
 * Reading a document's text as a job of the analysis process: the page preparation (OpenCV) and the tesseract
 * children then run off the services process, a 30-page PDF's minutes of work leave the services' event loop free,
 * and the reading is cancelled the way an analysis is (the process asked to stop, which kills its tesseract run,
 * and killed after a short grace).
 */
import type { ProgressListener } from '../forensics/module.ts';
import type { AnalysisJob } from '../forensics/registry.ts';
import { ocrDocument, ocrLanguageChoices, type OcrDocument, type OcrLanguageChoice } from '../ocr/ocr-document.ts';

/** The module and type a document reading is posted under. */
export const readDocumentJobName = { module: 'documents', type: 'read' } as const;

/** What the analysis process needs to read one document. */
export interface ReadDocumentPayload {
  readonly bytes: Uint8Array;
  /** The evidence item's original name, for errors that name the file. */
  readonly file: string;
  readonly language?: OcrLanguageChoice;
}

/** The job reading one document. */
export function readDocumentJob(payload: ReadDocumentPayload): AnalysisJob {
  return { ...readDocumentJobName, payload };
}

/** A job's progress stage carries pages done of total, which the reader shows as "d of n". */
export function pagesStage(done: number, total: number): string {
  return `pages ${done}/${total}`;
}

/** Pages done of total from a progress stage, or null for a stage of another kind. */
export function parsePagesStage(stage: string): { done: number; total: number } | null {
  const match = /^pages (\d+)\/(\d+)$/.exec(stage);
  return match ? { done: Number(match[1]), total: Number(match[2]) } : null;
}

function isPayload(value: unknown): value is ReadDocumentPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { bytes, file, language } = value as Record<string, unknown>;
  return bytes instanceof Uint8Array && typeof file === 'string' && (language === undefined || ocrLanguageChoices.includes(language as OcrLanguageChoice));
}

/** The pipeline the analysis process runs for a reading job. */
export function readDocumentPipeline(payload: unknown, onProgress: ProgressListener, signal?: AbortSignal): Promise<OcrDocument> {
  if (!isPayload(payload)) throw new Error('A document reading job needs the bytes, the file name and a known language.');
  return ocrDocument(payload.bytes, payload.file, {
    language: payload.language,
    signal,
    onProgress: (done, total) => onProgress(total === 0 ? 1 : done / total, pagesStage(done, total)),
  });
}
