/**
 * Handwriting as a forensic module: pages of writing profiled by the graphs of their skeleton (handwriter's method,
 * 40 cluster templates), and known writing compared with a questioned page by a score-based likelihood ratio on the
 * ENFSI verbal scale, or an abstention with its reason. The expert declares the script of the writing for the run.
 */
import { z } from 'zod';
import {
  type EvidenceKind,
  HandwritingComparisonResultSchema,
  HandwritingProfileResultSchema,
  HandwritingScriptSchema,
  type Measurement,
} from '../../../contract/index.ts';
import { badInput } from '../../errors.ts';
import { sniffEvidence } from '../../intake/sniff.ts';
import type { FindingDraft } from '../../findings/finding-draft.ts';
import { methodRecord, type ForensicMethod, type ForensicModule, type MethodInput, type MethodRecord, type PreparedJob } from '../module.ts';
import { handwritingPageKind, pageProfileMethod, writerComparisonMethod } from './kinds.ts';
import { handwritingPipelines, type HandwritingJobOutput, type PagePreparation, type PageSource } from './pipelines.ts';
import { pageProfileSummary, writerComparisonSummary } from './summary.ts';
import { verbalConclusion } from './verbal-scale.ts';
import { HANDWRITING_PROFILE_ALGORITHM } from '../../../../native/handwriting/profile.ts';

const images: readonly EvidenceKind[] = ['png', 'jpeg', 'tiff'];

const CropSchema = z.object({ x: z.number().min(0), y: z.number().min(0), width: z.number().positive(), height: z.number().positive() });
const preparationOptions = {
  binarisation: z.enum(['otsu', 'sauvola']).optional(),
  deskew: z.boolean().optional(),
  /** Crop rectangles the expert drew in page pixels, by evidence id or file name (documents mix print and handwriting). */
  crops: z.record(z.string(), CropSchema).optional(),
};
const profileOptions = z.object(preparationOptions);
const comparisonOptions = z.object({
  ...preparationOptions,
  /** The first `knownCount` items are the known writing (one writer); the last one is the questioned page. */
  knownCount: z.number().int().positive().optional(),
  script: HandwritingScriptSchema.optional(),
  /** A lab's own reference-set folder (the CLI passes the data folder's); app runs use the installed sets. */
  labSetsDir: z.string().nullable().optional(),
});

/** Refuses an item not declared as a handwriting page, or not an image. */
function checkPage(input: MethodInput): void {
  if (input.category !== handwritingPageKind) {
    throw badInput(input.name, 'wrong-evidence-kind', `it is declared as "${input.category}" evidence; handwriting methods were validated only on "${handwritingPageKind}" items`, { category: input.category });
  }
  if (!images.includes(input.format)) throw badInput(input.name, 'unsupported-type', `a ${input.format.toUpperCase()} file is not a page image (PNG, JPEG or TIFF)`);
}

function preparationOf(options: z.infer<typeof profileOptions>): PagePreparation {
  return { binarisation: options.binarisation ?? 'otsu', deskew: options.deskew ?? false };
}

type Crops = Record<string, z.infer<typeof CropSchema>>;

/** The crop the expert drew for an item: keyed by its evidence id (the app) or its file name (the command line). */
function cropOf(input: MethodInput, crops: Crops | undefined) {
  return (input.evidenceId !== null ? crops?.[input.evidenceId] : undefined) ?? crops?.[input.name];
}

/** Refuses a crop that names no item of the run, or that does not lie inside its page. */
function checkCrops(inputs: readonly MethodInput[], crops: Crops | undefined): void {
  if (!crops) return;
  for (const key of Object.keys(crops)) {
    if (!inputs.some((i) => i.evidenceId === key || i.name === key)) throw badInput(key, 'crop-unknown-page', `a crop rectangle is given for "${key}", which is not one of the pages of this run`);
  }
  for (const input of inputs) {
    const crop = cropOf(input, crops);
    if (!crop) continue;
    const { width, height } = sniffEvidence(input.name, input.bytes);
    if (width === null || height === null) continue;
    const inside = crop.x + crop.width <= width && crop.y + crop.height <= height;
    if (!inside || crop.width < 8 || crop.height < 8) {
      throw badInput(input.name, 'crop-outside-page', `the crop rectangle ${crop.x},${crop.y} ${crop.width}×${crop.height} does not lie inside the ${width}×${height} page, or is smaller than 8×8 pixels`, { width, height });
    }
  }
}

/** Refuses items that are not handwriting page images, and crops that name no page of the run or leave their page. */
function checkPages(inputs: readonly MethodInput[], crops: Crops | undefined): void {
  inputs.forEach(checkPage);
  checkCrops(inputs, crops);
}

/** The crops recorded with the run, by file name and evidence id, in page pixels. */
function recordedCrops(inputs: readonly MethodInput[], crops: Crops | undefined) {
  const used = inputs.flatMap((i) => {
    const crop = cropOf(i, crops);
    return crop ? [{ name: i.name, evidenceId: i.evidenceId, ...crop }] : [];
  });
  return used.length > 0 ? { crops: used } : {};
}

function sourceOf(input: MethodInput, crops: Crops | undefined): PageSource {
  const crop = cropOf(input, crops);
  return { name: input.name, sha256: input.sha256, evidenceId: input.evidenceId, bytes: input.bytes, ...(crop ? { crop } : {}) };
}

const plain = (key: string, value: number, unit: string | null = null): Measurement => ({ key, value, unit, threshold: null });
const evidenceIdsOf = (pages: readonly { evidenceId: string | null }[]) => pages.map((p) => p.evidenceId).filter((id): id is string => id !== null);

/** Every measurement key a writer-comparison finding may carry. */
export const comparisonMeasurementKeys = ['hw.pages.known', 'hw.graphs.known', 'hw.graphs.questioned', 'hw.score', 'lr', 'hw.log10Slr'] as const;
/** Every measurement key a page-profile finding may carry. */
export const profileMeasurementKeys = ['hw.graphs', 'hw.clusters.filled'] as const;

function overlaysOf(output: HandwritingJobOutput) {
  return output.overlays.map((o) => ({ name: o.name, mediaType: 'image/png', bytes: o.bytes }));
}

/** The overlays kept as blobs and named as outputs of the run. */
function storedOverlays(output: HandwritingJobOutput): Pick<MethodRecord, 'blobs' | 'outputs'> {
  return { blobs: output.overlays.map((o) => ({ sha256: o.sha256, bytes: o.bytes })), outputs: Object.fromEntries(output.overlays.map((o) => [o.name, o.sha256])) };
}

function recordComparison(output: HandwritingJobOutput & { type: typeof writerComparisonMethod }): MethodRecord {
  const result = HandwritingComparisonResultSchema.parse(output.result);
  const c = result.comparison;
  // The likelihood ratio leads: finding cards show the first measurements, and it is what the expert weighs.
  // 'lr' is the key the summary states on the ENFSI verbal scale (reports/summary/generate-summary.ts).
  const measurements: Measurement[] = [];
  if (c.slr !== null) measurements.push(plain('lr', c.slr));
  if (c.score !== null) measurements.push(plain('hw.score', c.score));
  measurements.push(
    plain('hw.pages.known', result.known.length),
    plain('hw.graphs.known', result.pooledKnownCounts.reduce((s, v) => s + v, 0)),
    plain('hw.graphs.questioned', result.questioned.graphCount),
  );
  if (c.log10Slr !== null) measurements.push(plain('hw.log10Slr', c.log10Slr));
  const draft: FindingDraft = {
    module: writerComparisonMethod,
    kind: 'writer-comparison',
    evidenceIds: evidenceIdsOf([...result.known, result.questioned]),
    measurements,
    // The ENFSI verbal-scale code of the ratio ('hw-abstained' when there is none; the reason is a warning), shown in
    // words by the finding card (conclusions.*), the summary and the report (the module's phrase tables).
    conclusion: verbalConclusion(c.abstention ? null : c.log10Slr),
    provenance: result.provenance,
    overlays: overlaysOf(output),
  };
  return methodRecord(result, [draft], {
    ...storedOverlays(output),
    summary: {
      knownGraphs: result.pooledKnownCounts.reduce((s, v) => s + v, 0),
      questionedGraphs: result.questioned.graphCount,
      conclusion: verbalConclusion(c.abstention ? null : c.log10Slr),
      ...(c.log10Slr !== null ? { log10Slr: c.log10Slr.toFixed(3) } : {}),
      ...(c.abstention ? { abstention: c.abstention.code } : {}),
    },
    warnings: c.abstention ? [`${result.questioned.name}: no likelihood ratio (${c.abstention.reason})`] : [],
  });
}

function recordProfiles(output: HandwritingJobOutput & { type: typeof pageProfileMethod }): MethodRecord {
  const result = HandwritingProfileResultSchema.parse(output.result);
  const overlays = overlaysOf(output);
  const drafts: FindingDraft[] = result.pages.map((page, i) => ({
    module: pageProfileMethod,
    kind: 'page-profile',
    evidenceIds: evidenceIdsOf([page]),
    measurements: [plain('hw.graphs', page.graphCount), plain('hw.clusters.filled', page.counts.filter((c) => c > 0).length)],
    conclusion: null,
    provenance: result.provenance,
    overlays: overlays.slice(i, i + 1),
  }));
  return methodRecord(result, drafts, {
    ...storedOverlays(output),
    summary: { pages: result.pages.length, graphs: result.pages.reduce((s, p) => s + p.graphCount, 0) },
  });
}

type PageOptions = z.infer<typeof profileOptions>;

/**
 * A handwriting method: both run the same page profiling on the same kind of evidence, so both check the pages and
 * their crops and prepare them alike before their own payload is built.
 */
function pageMethod<O extends PageOptions>(spec: {
  readonly id: string;
  readonly arity: ForensicMethod['arity'];
  readonly options: z.ZodType<O>;
  readonly resultSchema: ForensicMethod['resultSchema'];
  prepare(inputs: readonly MethodInput[], options: O, preparation: PagePreparation): PreparedJob;
  record(output: HandwritingJobOutput): MethodRecord;
}): ForensicMethod {
  return {
    id: spec.id,
    algorithm: { name: HANDWRITING_PROFILE_ALGORITHM.name, version: HANDWRITING_PROFILE_ALGORITHM.version },
    acceptedKinds: [handwritingPageKind],
    arity: spec.arity,
    options: spec.options,
    resultSchema: spec.resultSchema,
    prepare(inputs, rawOptions) {
      const options = spec.options.parse(rawOptions);
      checkPages(inputs, options.crops);
      const preparation = preparationOf(options);
      const prepared = spec.prepare(inputs, options, preparation);
      return { payload: prepared.payload, parameters: { ...preparation, ...prepared.parameters, ...recordedCrops(inputs, options.crops) } };
    },
    record: (output) => spec.record(output as HandwritingJobOutput),
  };
}

const profileMethod = pageMethod({
  id: pageProfileMethod,
  arity: { min: 1, max: 32 },
  options: profileOptions,
  resultSchema: HandwritingProfileResultSchema,
  prepare: (inputs, options, preparation) => ({ payload: { pages: inputs.map((i) => sourceOf(i, options.crops)), preparation }, parameters: {} }),
  record: (output) => recordProfiles(output as HandwritingJobOutput & { type: typeof pageProfileMethod }),
});

const comparisonMethod = pageMethod({
  id: writerComparisonMethod,
  arity: { min: 2, max: 32 },
  options: comparisonOptions,
  resultSchema: HandwritingComparisonResultSchema,
  prepare(inputs, options, preparation) {
    const knownCount = options.knownCount ?? inputs.length - 1;
    if (knownCount !== inputs.length - 1) {
      throw badInput(inputs[inputs.length - 1]!.name, 'one-questioned', `a writer comparison takes known pages and exactly one questioned page; ${inputs.length} items were given with ${knownCount} known`);
    }
    const script = options.script ?? 'latin';
    const sources = inputs.map((i) => sourceOf(i, options.crops));
    return {
      payload: { known: sources.slice(0, knownCount), questioned: sources[knownCount]!, script, preparation, labSetsDir: options.labSetsDir ?? null },
      parameters: { script, knownCount },
    };
  },
  record: (output) => recordComparison(output as HandwritingJobOutput & { type: typeof writerComparisonMethod }),
});

/** The handwriting module. */
export const handwritingModule: ForensicModule = {
  id: 'handwriting',
  evidenceKinds: [
    {
      id: handwritingPageKind,
      formats: images,
      imagesNeedPixelSize: false,
      // Any image could be a page of writing, a photograph or a breech face: only the expert can say, at intake.
      suggest: () => 0,
    },
  ],
  methods: [comparisonMethod, profileMethod],
  pipelines: handwritingPipelines,
  findingKinds: { [writerComparisonMethod]: ['writer-comparison'], [pageProfileMethod]: ['page-profile'] },
  measurementKeys: { [writerComparisonMethod]: comparisonMeasurementKeys, [pageProfileMethod]: profileMeasurementKeys },
  summaries: [writerComparisonSummary, pageProfileSummary],
};
