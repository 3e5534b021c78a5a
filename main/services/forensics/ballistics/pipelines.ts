/**
 * The ballistics pipelines, each a pure job: sources in, result out, progress told along the way. They run in the
 * analysis child process (main/services/analysis/analysis-worker.ts, through the registry) for the app, and in-process
 * for the CLI and the benchmark.
 */
import { readFileSync } from 'node:fs';
import type { BulletComparisonResult, CartridgeComparisonResult } from '../../../contract/index.ts';
import { descriptorBytes, descriptorFromBytes, polarDescriptor, prefilterScore, questionedDescriptors } from '../../../../native/library/polar-descriptor.ts';
import { cartridgePreprocessAlgorithm } from '../../../../native/preprocess/prepare.ts';
import { cmcDirection, type CorrelationMap } from '../../../../native/cmc/cmc-compare.ts';
import type { CmcParameters } from '../../../../native/cmc/cmc-params.ts';
import { cmcAlgorithm, cmcConclusion } from '../../../../native/cmc/cmc-run.ts';
import { matchTemplateCcoeffNormed, openCvVersion } from '../../../../native/opencv/opencv-adapter.ts';
import type { HeightGrid } from '../../../../native/surface/height-grid.ts';
import { appVersion } from '../../../../core/version.ts';
import { compareBullets } from '../../native-input.ts';
import { badInput, DalelError } from '../../errors.ts';
import { sha256Hex } from '../../intake/evidence-store.ts';
import type { OverlayDraft } from '../../findings/finding-draft.ts';
import type { ProgressListener } from '../module.ts';
import { toBulletComparisonResult } from './bullet-result.ts';
import { cmcOverlayPng } from './cmc-overlay.ts';
import { cmcParametersFrom } from './cmc-parameters.ts';
import { bulletParametersFrom } from './bullet-parameters.ts';
import { signaturePlotPng } from './signature-plot.ts';
import { checkSanity, type SanityReport } from './sanity.ts';
import { bulletLand, prepareForCmc, readSurfaceGrid, x3pBytesOf, type SurfaceSource } from './surface-input.ts';

/** A library reference as a search job sees it: where its scan lies in the content store and its descriptor. */
export interface SearchReference {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  /** Path of the scan in the content store; the job reads (and checks) only the candidates it compares. */
  readonly path: string;
  readonly descriptor: Uint8Array;
}

/** The payloads of the ballistics pipelines, by job type. */
export interface BallisticsPayloads {
  readonly 'ballistics.cartridge-case': { readonly a: SurfaceSource; readonly b: SurfaceSource; readonly parameters: Readonly<Record<string, number>> };
  readonly 'ballistics.bullet': { readonly a: readonly SurfaceSource[]; readonly b: readonly SurfaceSource[]; readonly parameters: Readonly<Record<string, number>> };
  readonly 'describe-reference': { readonly source: SurfaceSource };
  readonly 'library-search': {
    readonly questioned: SurfaceSource;
    readonly references: readonly SearchReference[];
    readonly top: number;
    readonly parameters: Readonly<Record<string, number>>;
  };
}
/** A ballistics job type. */
export type BallisticsJobType = keyof BallisticsPayloads;
/** A unit of ballistics work, typed (the registry carries it untyped). */
export type BallisticsJob = { [T in BallisticsJobType]: { readonly type: T } & BallisticsPayloads[T] }[BallisticsJobType];

/** A processed surface to keep in the content store, so the viewer draws exactly what was compared. */
export interface StoredSurface {
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** What a job hands back. */
export type BallisticsJobOutput =
  | { readonly type: 'ballistics.cartridge-case'; readonly result: CartridgeComparisonResult; readonly surfaces: readonly StoredSurface[]; readonly overlays: readonly OverlayDraft[] }
  | { readonly type: 'ballistics.bullet'; readonly result: BulletComparisonResult; readonly overlays: readonly OverlayDraft[] }
  | { readonly type: 'describe-reference'; readonly descriptor: Uint8Array; readonly width: number; readonly height: number; readonly pixelUm: number }
  | {
      readonly type: 'library-search';
      /** The compared candidates, best prefilter score first, with their CMC counts. */
      readonly candidates: ReadonlyArray<{ readonly id: string; readonly prefilterScore: number; readonly cmcCount: number; readonly aToB: number; readonly bToA: number }>;
      readonly searched: number;
      readonly parameters: CmcParameters;
      readonly timing: Readonly<Record<string, number>>;
    };

/** Software recorded in provenance. */
function software(): Record<string, string> {
  return { dalel: appVersion, opencv: openCvVersion(), node: process.versions.node };
}

const umOf = (grid: HeightGrid) => grid.step * 1e6;

/** Both surfaces of a CMC comparison must share the lateral resolution: cells are compared pixel for pixel. */
function checkSameResolution(a: SurfaceSource, ga: HeightGrid, b: SurfaceSource, gb: HeightGrid): void {
  if (Math.abs(ga.step - gb.step) > 0.01 * Math.max(ga.step, gb.step)) {
    throw badInput(b.name, 'resolution-mismatch', `its pixel size ${umOf(gb).toFixed(3)} µm differs from ${a.name}'s ${umOf(ga).toFixed(3)} µm; resample one of them first`);
  }
}

/** Both directions of CMC with progress counted in correlation calls (the work is almost all in them). */
function cmcBothWays(ga: HeightGrid, gb: HeightGrid, parameters: CmcParameters, onProgress: ProgressListener, from: number, to: number) {
  const perDirection = parameters.cellsX * parameters.cellsY * parameters.thetas.length;
  let calls = 0;
  let reported = -1;
  const correlate: CorrelationMap = (...args) => {
    calls++;
    const fraction = Math.min(1, calls / (2 * perDirection));
    // At most one message per percent: the channel to the parent is not free.
    if (Math.floor(fraction * 100) > reported) {
      reported = Math.floor(fraction * 100);
      onProgress(from + (to - from) * fraction, calls <= perDirection ? 'cmc.aToB' : 'cmc.bToA');
    }
    return matchTemplateCcoeffNormed(...args);
  };
  const start = performance.now();
  const aToB = cmcDirection(ga, gb, parameters, correlate);
  calls = Math.max(calls, perDirection);
  const bToA = cmcDirection(gb, ga, parameters, correlate);
  return { aToB, bToA, ms: performance.now() - start };
}

type Job<T extends BallisticsJobType> = Extract<BallisticsJob, { type: T }>;

/** Reads each source and runs the method's sanity checks before anything is compared: refuses, or warns. */
function sanityFirst(sources: readonly SurfaceSource[], method: 'cartridge-case' | 'bullet-land'): SanityReport {
  const warnings = sources.flatMap((source) => checkSanity(source, readSurfaceGrid(source), method).warnings);
  return { warnings };
}

function compareCartridge(job: Job<'ballistics.cartridge-case'>, onProgress: ProgressListener): BallisticsJobOutput {
  const started = performance.now();
  const parameters = cmcParametersFrom(job.parameters);
  onProgress(0, 'sanity');
  const sanity = sanityFirst([job.a, job.b], 'cartridge-case');
  onProgress(0.01, 'load');
  const pa = prepareForCmc(job.a);
  onProgress(0.03, 'preprocess');
  const pb = prepareForCmc(job.b);
  const ga = pa.grid;
  const gb = pb.grid;
  checkSameResolution(job.a, ga, job.b, gb);
  const loadMs = performance.now() - started;
  onProgress(0.05, 'load');
  const { aToB, bToA, ms } = cmcBothWays(ga, gb, parameters, onProgress, 0.05, 0.9);
  onProgress(0.9, 'overlay');
  const overlayStart = performance.now();
  const surfaces = [ga, gb].map((g) => {
    const bytes = x3pBytesOf(g);
    return { sha256: sha256Hex(bytes), bytes };
  });
  const overlays: OverlayDraft[] = [
    { name: 'cmc-a-to-b.png', mediaType: 'image/png', bytes: cmcOverlayPng(ga, gb, aToB) },
    { name: 'cmc-b-to-a.png', mediaType: 'image/png', bytes: cmcOverlayPng(gb, ga, bToA) },
  ];
  const ref = (source: SurfaceSource, grid: HeightGrid, stored: StoredSurface) => ({
    evidenceId: source.evidenceId,
    name: source.name,
    sha256: stored.sha256,
    width: grid.width,
    height: grid.height,
    pixelUm: umOf(grid),
  });
  const direction = (d: typeof aToB) => ({ ...d, cells: d.cells.map((c) => ({ ...c })) });
  const result: CartridgeComparisonResult = {
    kind: 'cartridge-case',
    a: ref(job.a, ga, surfaces[0]!),
    b: ref(job.b, gb, surfaces[1]!),
    aToB: direction(aToB),
    bToA: direction(bToA),
    cmcCount: Math.min(aToB.cmcCount, bToA.cmcCount),
    threshold: parameters.cmcThreshold,
    conclusion: cmcConclusion(aToB.cmcCount, bToA.cmcCount, parameters.cmcThreshold),
    provenance: {
      algorithm: cmcAlgorithm.name,
      version: cmcAlgorithm.version,
      modelSha256: null,
      parameters: {
        ...parameters,
        thetas: [...parameters.thetas],
        preprocess: { algorithm: cartridgePreprocessAlgorithm.name, version: cartridgePreprocessAlgorithm.version, a: pa.preprocess, b: pb.preprocess },
        ...(sanity.warnings.length ? { sanityWarnings: [...sanity.warnings] } : {}),
      },
      inputs: [job.a, job.b].map((s) => ({ name: s.name, sha256: s.sha256, evidenceId: s.evidenceId })),
      software: software(),
    },
    timing: { loadMs, preprocessMs: pa.preprocess.ms + pb.preprocess.ms, cmcMs: ms, overlayMs: performance.now() - overlayStart, totalMs: performance.now() - started },
  };
  onProgress(1, 'done');
  return { type: 'ballistics.cartridge-case', result, surfaces, overlays };
}

function compareBulletLands(job: Job<'ballistics.bullet'>, onProgress: ProgressListener): BallisticsJobOutput {
  onProgress(0, 'sanity');
  const sanity = sanityFirst([...job.a, ...job.b], 'bullet-land');
  onProgress(0.02, 'load');
  const parameters = bulletParametersFrom(job.parameters);
  const a = job.a.map(bulletLand);
  const b = job.b.map(bulletLand);
  onProgress(0.1, 'signatures');
  const comparison = compareBullets(a, b, parameters);
  onProgress(0.9, 'overlay');
  const result = toBulletComparisonResult(comparison);
  const withSoftware = {
    ...result,
    provenance: { ...result.provenance, parameters: { ...result.provenance.parameters, ...(sanity.warnings.length ? { sanityWarnings: [...sanity.warnings] } : {}) }, software: software() },
  };
  onProgress(1, 'done');
  return { type: 'ballistics.bullet', result: withSoftware, overlays: [{ name: 'bullet-signatures.png', mediaType: 'image/png', bytes: signaturePlotPng(withSoftware) }] };
}

function describeReference(job: Job<'describe-reference'>): BallisticsJobOutput {
  const { grid } = prepareForCmc(job.source);
  return { type: 'describe-reference', descriptor: descriptorBytes(polarDescriptor(grid)), width: grid.width, height: grid.height, pixelUm: umOf(grid) };
}

function librarySearch(job: Job<'library-search'>, onProgress: ProgressListener): BallisticsJobOutput {
  const started = performance.now();
  const parameters = cmcParametersFrom(job.parameters);
  onProgress(0, 'preprocess');
  const questioned = prepareForCmc(job.questioned).grid;
  const q = questionedDescriptors(questioned);
  onProgress(0.02, 'prefilter');
  const ranked = job.references.map((r) => ({ ref: r, score: prefilterScore(q, descriptorFromBytes(r.descriptor)) })).sort((x, y) => y.score - x.score);
  const prefilterMs = performance.now() - started;
  let cmcMs = 0;
  const chosen = ranked.slice(0, job.top);
  const candidates = chosen.map(({ ref, score }, i) => {
    const bytes = new Uint8Array(readFileSync(ref.path));
    // The store is content-addressed: a file that no longer hashes to its name was altered on disk.
    if (sha256Hex(bytes) !== ref.sha256) throw new DalelError('INTERNAL', `Library scan ${ref.name} has changed on disk since it was added.`, { referenceId: ref.id });
    const grid = prepareForCmc({ name: ref.name, sha256: ref.sha256, evidenceId: null, kind: 'x3p', bytes }).grid;
    checkSameResolution(job.questioned, questioned, { name: ref.name, sha256: ref.sha256, evidenceId: null, kind: 'x3p', bytes }, grid);
    const span = 0.98 / Math.max(1, chosen.length);
    const { aToB, bToA, ms } = cmcBothWays(questioned, grid, parameters, (p) => onProgress(p, `cmc ${i + 1}/${chosen.length}`), 0.02 + i * span, 0.02 + (i + 1) * span);
    cmcMs += ms;
    return { id: ref.id, prefilterScore: score, cmcCount: Math.min(aToB.cmcCount, bToA.cmcCount), aToB: aToB.cmcCount, bToA: bToA.cmcCount };
  });
  onProgress(1, 'done');
  return { type: 'library-search', candidates, searched: job.references.length, parameters, timing: { prefilterMs, cmcMs, totalMs: performance.now() - started } };
}

/** Runs a ballistics job to completion; bad input throws a BAD_INPUT DalelError naming the file. */
export function runBallisticsJob(job: BallisticsJob, onProgress: ProgressListener = () => undefined): BallisticsJobOutput {
  switch (job.type) {
    case 'ballistics.cartridge-case':
      return compareCartridge(job, onProgress);
    case 'ballistics.bullet':
      return compareBulletLands(job, onProgress);
    case 'describe-reference':
      return describeReference(job);
    case 'library-search':
      return librarySearch(job, onProgress);
  }
}

/** The pipelines as the module declares them: keyed by job type, payload untyped across the process boundary. */
export const ballisticsPipelines: Readonly<Record<BallisticsJobType, (payload: unknown, onProgress: ProgressListener) => unknown>> = {
  'ballistics.cartridge-case': (payload, onProgress) => runBallisticsJob({ type: 'ballistics.cartridge-case', ...(payload as BallisticsPayloads['ballistics.cartridge-case']) }, onProgress),
  'ballistics.bullet': (payload, onProgress) => runBallisticsJob({ type: 'ballistics.bullet', ...(payload as BallisticsPayloads['ballistics.bullet']) }, onProgress),
  'describe-reference': (payload, onProgress) => runBallisticsJob({ type: 'describe-reference', ...(payload as BallisticsPayloads['describe-reference']) }, onProgress),
  'library-search': (payload, onProgress) => runBallisticsJob({ type: 'library-search', ...(payload as BallisticsPayloads['library-search']) }, onProgress),
};
