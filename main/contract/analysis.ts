/** Analysis runs of the forensic modules, processed surfaces for the viewer, and the reference library. */
import { z } from 'zod';
import { fileBody, caseReaders, channel, expertOnly, freeText, id, isoTime, sha256Hex } from './common.ts';
import { ProvenanceSchema } from './findings.ts';

/** The state of an analysis run. */
export const analysisRunStates = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** Ballistics analyses an expert can start on evidence items. */
export const analysisModules = ['ballistics.cartridge-case', 'ballistics.bullet'] as const;
/** A ballistics analysis module. */
export const AnalysisModuleSchema = z.enum(analysisModules);

/** One run of an analysis module on evidence items, with its progress and the findings it produced. */
export const AnalysisRunSchema = z.object({
  id,
  caseId: id,
  module: AnalysisModuleSchema,
  evidenceIds: z.array(id),
  parameters: z.record(z.string(), z.unknown()),
  state: z.enum(analysisRunStates),
  progress: z.number().min(0).max(1),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedBy: z.string(),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
  findingIds: z.array(id),
  /** SHA-256 of the full result (JSON in the content store) that the comparison viewer draws. */
  resultSha256: sha256Hex.nullable(),
});
/** One run of an analysis module. */
export type AnalysisRun = z.infer<typeof AnalysisRunSchema>;

/** A processed surface as the viewer draws it: its grid size and lateral resolution. */
export const SurfaceRefSchema = z.object({
  evidenceId: id.nullable(),
  name: z.string(),
  sha256: sha256Hex,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelUm: z.number().positive(),
});

/** One CMC cell's registration (cell rectangle in the reference grid; θ in degrees, dx/dy in pixels). */
export const CmcCellSchema = z.object({
  row: z.number().int(),
  col: z.number().int(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  theta: z.number(),
  dx: z.number(),
  dy: z.number(),
  ccf: z.number(),
  congruent: z.boolean(),
});

/** One direction of a CMC comparison. */
export const CmcDirectionSchema = z.object({
  cmcCount: z.number().int().nonnegative(),
  cellsCompared: z.number().int().nonnegative(),
  consensus: z.object({ theta: z.number(), dx: z.number(), dy: z.number() }),
  cells: z.array(CmcCellSchema),
});

/** A cartridge-case comparison's full result, as stored (JSON blob) and drawn by the viewer. */
export const CartridgeComparisonResultSchema = z.object({
  kind: z.literal('cartridge-case'),
  a: SurfaceRefSchema,
  b: SurfaceRefSchema,
  aToB: CmcDirectionSchema,
  bToA: CmcDirectionSchema,
  cmcCount: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  conclusion: z.string(),
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** A cartridge-case comparison's full result. */
export type CartridgeComparisonResult = z.infer<typeof CartridgeComparisonResultSchema>;

/** One land-to-land comparison of two bullets. */
export const LandPairSchema = z.object({
  a: z.number().int().nonnegative(),
  b: z.number().int().nonnegative(),
  ccf: z.number(),
  cms: z.number().int().nonnegative(),
  d: z.number(),
  overlap: z.number(),
  lagUm: z.number(),
  score: z.number(),
});

/** A bullet comparison's full result: every land pair, the best land rotation, and the aligned signatures. */
export const BulletComparisonResultSchema = z.object({
  kind: z.literal('bullet'),
  /** Land scans of each bullet, in land order. */
  a: z.array(SurfaceRefSchema),
  b: z.array(SurfaceRefSchema),
  landPairs: z.array(LandPairSchema),
  /** Best rotation: land i of A is compared with land (i + offset) mod n of B. */
  rotation: z.object({ offset: z.number().int(), pairs: z.array(z.tuple([z.number().int(), z.number().int()])) }),
  bulletScore: z.number(),
  landThreshold: z.number(),
  conclusion: z.string(),
  /** Signatures in µm at a common step, already aligned (B shifted by the pair's lag), one per rotation pair. */
  signatures: z.array(z.object({ a: z.number().int(), b: z.number().int(), stepUm: z.number().positive(), sigA: z.array(z.number().nullable()), sigB: z.array(z.number().nullable()) })),
  provenance: ProvenanceSchema,
  timing: z.record(z.string(), z.number()),
});
/** A bullet comparison's full result. */
export type BulletComparisonResult = z.infer<typeof BulletComparisonResultSchema>;

/** How a height map is drawn. */
export const surfaceStyles = ['relief', 'false-colour'] as const;

/** A rendered height map with what a scale bar needs. */
export const SurfaceImageSchema = z.object({
  png: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelUm: z.number().positive(),
  zMinUm: z.number(),
  zMaxUm: z.number(),
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
        /** Cartridge cases: [A, B]. Bullets: A's lands then B's lands, split by `bulletASize`. */
        evidenceIds: z.array(id).min(2).max(20),
        bulletASize: z.number().int().positive().optional(),
        /** Pixel size for 2D images (µm), asked from the user: images carry no lateral scale. */
        pixelUm: z.record(id, z.number().positive().max(1000)).optional(),
        parameters: z.record(z.string(), z.number()).optional(),
      })
      .strict(),
    AnalysisRunSchema,
    expertOnly,
  ),
  'analysis.cancel': channel(z.object({ runId: id }).strict(), AnalysisRunSchema, expertOnly),
  'analysis.list': channel(z.object({ caseId: id }).strict(), z.array(AnalysisRunSchema), caseReaders),
  'analysis.result': channel(
    z.object({ runId: id }).strict(),
    z.discriminatedUnion('kind', [CartridgeComparisonResultSchema, BulletComparisonResultSchema]),
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
