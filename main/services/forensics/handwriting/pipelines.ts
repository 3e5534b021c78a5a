/**
 * The handwriting pipelines, pure jobs run in the analysis process (and in-process by the CLI and the benchmark):
 * profile each page (preparation, thinning, graphs, cluster fills), draw its overlay, then, for a writer comparison,
 * pool the known pages and ask the comparison model for a score and a bounded SLR (or its abstention).
 */
import { appVersion } from '../../../../core/version.ts';
import { encodeHandwritingSkeleton, type HandwritingComparisonResult, type HandwritingPage, type HandwritingProfileResult } from '../../../contract/index.ts';
import { HANDWRITING_PROFILE_ALGORITHM, type PageProfile } from '../../../../native/handwriting/profile.ts';
import type { CropRect } from '../../../../native/handwriting/page-image.ts';
import { sha256Hex } from '../../intake/evidence-store.ts';
import { decodeGreyPage, profilePage } from '../../native-input.ts';
import type { ProgressListener } from '../module.ts';
import { installedComparator } from './comparator.ts';
import { pageProfileMethod, writerComparisonMethod } from './kinds.ts';
import { handwritingOverlayPng } from './overlay.ts';
import { compareWriters, poolCounts, type WriterComparator } from './writer-comparison.ts';

/** A page as a job receives it. */
export interface PageSource {
  readonly name: string;
  readonly sha256: string;
  readonly evidenceId: string | null;
  readonly bytes: Uint8Array;
  readonly crop?: CropRect;
}

/** Options of page preparation recorded with a run. */
export interface PagePreparation {
  readonly binarisation: 'otsu' | 'sauvola';
  readonly deskew: boolean;
}

/** Payloads of the handwriting jobs. */
export interface HandwritingPayloads {
  readonly [pageProfileMethod]: { readonly pages: readonly PageSource[]; readonly preparation: PagePreparation };
  readonly [writerComparisonMethod]: {
    readonly known: readonly PageSource[];
    readonly questioned: PageSource;
    readonly script: 'latin' | 'cyrillic';
    readonly preparation: PagePreparation;
    /** A lab's own reference sets (the data folder's), searched before the shipped ones; null: shipped only. */
    readonly labSetsDir: string | null;
  };
}

/** An overlay PNG to keep with the run. */
export interface PageOverlay {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** What a handwriting job hands back. */
export type HandwritingJobOutput =
  | { readonly type: typeof pageProfileMethod; readonly result: HandwritingProfileResult; readonly overlays: readonly PageOverlay[] }
  | { readonly type: typeof writerComparisonMethod; readonly result: HandwritingComparisonResult; readonly overlays: readonly PageOverlay[] };

/** Profiles one page and draws its overlay. */
function profileWithOverlay(source: PageSource, role: HandwritingPage['role'], preparation: PagePreparation): { page: HandwritingPage; profile: PageProfile; overlay: PageOverlay } {
  const profile = profilePage(source.bytes, source.name, { crop: source.crop, binarisation: preparation.binarisation, deskew: preparation.deskew });
  const started = performance.now();
  const bytes = handwritingOverlayPng(decodeGreyPage(source.bytes, source.name), profile.graphs);
  const overlay = { name: `${source.name}.graphs.png`, sha256: sha256Hex(bytes), bytes };
  const page: HandwritingPage = {
    evidenceId: source.evidenceId,
    name: source.name,
    sha256: source.sha256,
    role,
    width: profile.width,
    height: profile.height,
    graphCount: profile.graphCount,
    counts: profile.counts,
    rates: profile.rates,
    graphs: profile.graphs.map((g) => {
      const bbox = [...g.bbox] as [number, number, number, number];
      return { cluster: g.cluster, bbox, skeleton: encodeHandwritingSkeleton(g.skeleton, bbox) };
    }),
    timingsMs: { ...profile.timingsMs, overlay: performance.now() - started },
    overlaySha256: overlay.sha256,
  };
  return { page, profile, overlay };
}

/** The expert's crop rectangles (page pixels) by page, for the provenance; nothing when no page was cropped. */
function cropsOf(sources: readonly PageSource[]) {
  const crops = sources.flatMap((s) => (s.crop ? [{ name: s.name, evidenceId: s.evidenceId, ...s.crop }] : []));
  return crops.length > 0 ? { crops } : {};
}

/** Provenance common to both jobs. */
function provenance(sources: readonly PageSource[], parameters: Record<string, unknown>, modelHash: string | null) {
  return {
    algorithm: HANDWRITING_PROFILE_ALGORITHM.name,
    version: HANDWRITING_PROFILE_ALGORITHM.version,
    modelSha256: modelHash && /^[0-9a-f]{64}$/.test(modelHash) ? modelHash : null,
    parameters: { template: HANDWRITING_PROFILE_ALGORITHM.template, ...parameters, ...cropsOf(sources) },
    inputs: sources.map((s) => ({ name: s.name, sha256: s.sha256, evidenceId: s.evidenceId })),
    software: { dalel: appVersion, node: process.versions.node },
  };
}

/** Profiles pages, telling progress per page. */
export function runPageProfiles(payload: HandwritingPayloads[typeof pageProfileMethod], onProgress: ProgressListener): HandwritingJobOutput {
  const started = performance.now();
  const pages: HandwritingPage[] = [];
  const overlays: PageOverlay[] = [];
  payload.pages.forEach((source, i) => {
    onProgress(i / payload.pages.length, 'handwriting.profile');
    const { page, overlay } = profileWithOverlay(source, 'page', payload.preparation);
    pages.push(page);
    overlays.push(overlay);
  });
  onProgress(1, 'done');
  return {
    type: pageProfileMethod,
    result: { kind: 'handwriting-profile', pages, provenance: provenance(payload.pages, { ...payload.preparation }, null), timing: { totalMs: performance.now() - started } },
    overlays,
  };
}

/** Profiles the known pages and the questioned page, pools the known ones and compares. */
export async function runWriterComparison(
  payload: HandwritingPayloads[typeof writerComparisonMethod],
  onProgress: ProgressListener,
  comparator: WriterComparator | null = installedComparator(payload.labSetsDir),
): Promise<HandwritingJobOutput> {
  const started = performance.now();
  const all = [...payload.known, payload.questioned];
  const profiled = all.map((source, i) => {
    onProgress((0.9 * i) / all.length, 'handwriting.profile');
    return profileWithOverlay(source, i < payload.known.length ? 'known' : 'questioned', payload.preparation);
  });
  onProgress(0.9, 'handwriting.compare');
  const known = profiled.slice(0, payload.known.length).map((p) => p.page);
  const questioned = profiled[profiled.length - 1]!.page;
  const compareStarted = performance.now();
  const comparison = await compareWriters(known, questioned, payload.script, comparator);
  const compareMs = performance.now() - compareStarted;
  onProgress(1, 'done');
  return {
    type: writerComparisonMethod,
    result: {
      kind: 'handwriting-comparison',
      script: payload.script,
      known,
      questioned,
      pooledKnownCounts: poolCounts(known),
      comparison,
      provenance: provenance(all, { ...payload.preparation, script: payload.script, comparisonModel: comparison.model.name, comparisonModelHash: comparison.model.hash }, comparison.model.hash),
      timing: { totalMs: performance.now() - started, compareMs },
    },
    overlays: profiled.map((p) => p.overlay),
  };
}

/** The pipelines by job type, as the module declares them. */
export const handwritingPipelines = {
  [pageProfileMethod]: (payload: unknown, onProgress: ProgressListener) => runPageProfiles(payload as HandwritingPayloads[typeof pageProfileMethod], onProgress),
  [writerComparisonMethod]: (payload: unknown, onProgress: ProgressListener) => runWriterComparison(payload as HandwritingPayloads[typeof writerComparisonMethod], onProgress),
};
