/** Analysis runs of the forensic modules, processed surfaces for the viewer, and the reference library. */
import { z } from 'zod';
import { fileBody, caseReaders, channel, expertOnly, freeText, id, isoTime, sha256Hex } from './common.ts';
import { EvidenceKindSchema } from './cases.ts';

/** The state of an analysis run. */
export const analysisRunStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** A forensic method's id, '<module>.<method>' (e.g. 'ballistics.cartridge-case'); the registry knows which exist. */
export const AnalysisModuleSchema = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/).max(100);

/**
 * A run's full result as 'analysis.result' returns it: `kind` says which module schema it follows
 * (main/contract/modules/); the service has already validated it with the method's own schema.
 */
export const ModuleResultSchema = z.looseObject({ kind: z.string().min(1) });
/** A run's full result, to be parsed by the renderer module that draws it. */
export type ModuleResult = z.infer<typeof ModuleResultSchema>;

/** An evidence kind a workstation knows (core 'document'/'other', or a module's), as the interface offers it. */
export const EvidenceCategoryInfoSchema = z.object({
  id: z.string(),
  /** The owning module, or null for the core kinds. */
  module: z.string().nullable(),
  formats: z.array(EvidenceKindSchema),
  imagesNeedPixelSize: z.boolean(),
});

/** A method an expert can start, with the evidence kinds it accepts and how many items it takes. */
export const MethodInfoSchema = z.object({
  id: AnalysisModuleSchema,
  module: z.string(),
  acceptedKinds: z.array(z.string()),
  arity: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
});

/**
 * How many fraction digits each module's measurements are shown with, so that a finding card says a value as the
 * summary and the report do: by the finding's module, then measurement key; `default` for keys a module leaves out.
 */
/** Fewest significant digits a nonzero value keeps, whatever its declared fraction digits. */
export const minimumSignificantDigits = 2;

/**
 * The fraction digits a value is written with: the declared `digits`, or more where those would leave it fewer than
 * two significant digits, so that no nonzero measurement reads as 0 and a likelihood ratio of 0.0705 is not "0.07"
 * (the finding card, the summary and the report all write numbers through this rule).
 */
export function shownFractionDigits(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return digits;
  const leading = Math.floor(Math.log10(Math.abs(value)));
  return Math.min(20, Math.max(digits, minimumSignificantDigits - 1 - leading));
}

export const MeasurementDigitsSchema = z.object({
  default: z.number().int().min(0).max(10),
  byModule: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(10))),
});

/**
 * The stages a run reports in 'analysis.progress' (`stage`), in order; the renderer shows each by name in the user's
 * language. A job may report only some of them (bullets have no CMC stages).
 */
export const analysisStages = ['queued', 'starting', 'load', 'sanity', 'preprocess', 'cmc.aToB', 'cmc.bToA', 'signatures', 'handwriting.profile', 'handwriting.compare', 'overlay', 'drugs.decode', 'drugs.calibrate', 'drugs.wells', 'drugs.match', 'drugs.strips', 'drugs.pad', 'done', 'failed', 'cancelled'] as const;
/** A stage of an analysis run. */
export type AnalysisStage = (typeof analysisStages)[number];

/** One run of an analysis module on evidence items, with its progress and the findings it produced. */
export const AnalysisRunSchema = z.object({
  id,
  caseId: id,
  module: AnalysisModuleSchema,
  evidenceIds: z.array(id),
  parameters: z.record(z.string(), z.unknown()),
  state: z.enum(analysisRunStates),
  progress: z.number().min(0).max(1),
  /** Why the run failed: the English sentence, and the parameters the interface words it from in the user's language. */
  error: z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).nullable(),
  startedBy: z.string(),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
  findingIds: z.array(id),
  /** SHA-256 of the full result (JSON in the content store) that the comparison viewer draws. */
  resultSha256: sha256Hex.nullable(),
});
/** One run of an analysis module. */
export type AnalysisRun = z.infer<typeof AnalysisRunSchema>;

/** How a height map is drawn. */
export const surfaceStyles = ['relief', 'false-colour'] as const;

/** A rendered height map or 2D image with what a scale bar needs. */
export const SurfaceImageSchema = z.object({
  png: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Drawn pixel size in µm; null for an image whose scale is not known (no scale bar, no measurement in µm). */
  pixelUm: z.number().positive().nullable(),
  /** Height range the colours span; null for a 2D image (its grey levels are not heights). */
  zMinUm: z.number().nullable(),
  zMaxUm: z.number().nullable(),
});

/** A reference-library scan with its metadata. */
export const LibraryReferenceSchema = z.object({
  id,
  name: z.string(),
  sha256: sha256Hex,
  firearmMake: z.string(),
  firearmModel: z.string(),
  calibre: z.string(),
  caseNumber: z.string(),
  notes: z.string(),
  addedBy: z.string(),
  addedAt: isoTime,
});
/** A reference-library scan. */
export type LibraryReference = z.infer<typeof LibraryReferenceSchema>;

/** One ranked candidate of a library search. */
export const LibraryHitSchema = z.object({
  reference: LibraryReferenceSchema,
  prefilterScore: z.number(),
  cmcCount: z.number().int().nonnegative().nullable(),
  rank: z.number().int().positive(),
});


/** The analysis channels: schemas and who may call each. */
export const analysisChannels = {
  /** Starts an analysis off the main thread; progress arrives as 'analysis.progress' events. */
  'analysis.start': channel(
    z
      .object({
        caseId: id,
        module: AnalysisModuleSchema,
        /** The items in the method's order (cartridge cases: [A, B]; bullets: A's lands then B's, split by `bulletASize`); the method checks how many it takes. */
        evidenceIds: z.array(id).min(1).max(20),
        bulletASize: z.number().int().positive().optional(),
        /** Pixel size for 2D images (µm) for this run, over the one declared at intake: images carry no lateral scale. */
        pixelUm: z.record(id, z.number().positive().max(1000)).optional(),
        parameters: z.record(z.string(), z.number()).optional(),
        /** Script of the writing a handwriting method compares, as the expert declares it (the reference data cover Latin). */
        script: z.enum(['latin', 'cyrillic']).optional(),
        /** Further options of the method (its own options schema checks them), e.g. a spot plate's reagent per well. */
        methodOptions: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    AnalysisRunSchema,
    expertOnly,
  ),
  'analysis.cancel': channel(z.object({ runId: id }).strict(), AnalysisRunSchema, expertOnly),
  'analysis.list': channel(z.object({ caseId: id }).strict(), z.array(AnalysisRunSchema), caseReaders),
  'analysis.result': channel(
    z.object({ runId: id }).strict(),
    ModuleResultSchema,
    caseReaders,
  ),
  /** A processed surface of a run drawn as relief or false colour (what the CMC cells refer to). */
  'analysis.surface': channel(
    z.object({ runId: id, surface: z.number().int().nonnegative(), style: z.enum(surfaceStyles) }).strict(),
    SurfaceImageSchema,
    caseReaders,
  ),
  /** An evidence item's height map or image drawn for the viewer, before any processing. */
  'evidence.surface': channel(z.object({ evidenceId: id, style: z.enum(surfaceStyles) }).strict(), SurfaceImageSchema, caseReaders),
  /** The evidence kinds and the methods this workstation's modules declare (for intake and the Compare dialog). */
  'forensics.catalog': channel(
    z.object({}).strict(),
    z.object({ kinds: z.array(EvidenceCategoryInfoSchema), methods: z.array(MethodInfoSchema), measurementDigits: MeasurementDigitsSchema }),
    'session',
  ),
  'library.add': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        bytes: fileBody,
        firearmMake: freeText(120),
        firearmModel: freeText(120),
        calibre: freeText(60),
        caseNumber: freeText(64),
        notes: freeText(2000),
      })
      .strict(),
    LibraryReferenceSchema,
    expertOnly,
  ),
  'library.list': channel(z.object({ query: freeText(200).optional() }).strict(), z.array(LibraryReferenceSchema), expertOnly),
  'library.search': channel(
    z.object({ evidenceId: id, top: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({ hits: z.array(LibraryHitSchema), searched: z.number().int(), timing: z.record(z.string(), z.number()) }),
    expertOnly,
  ),
} as const;
