/** Result schemas of the ballistics module (cartridge cases by CMC, bullets by land signatures), shared with the viewer. */
import { z } from 'zod';
import { id, sha256Hex } from '../common.ts';
import { ProvenanceSchema } from '../findings.ts';

/** A processed surface as the viewer draws it: its grid size and lateral resolution. */
export const SurfaceRefSchema = z.object({
  evidenceId: id.nullable(),
  name: z.string(),
  sha256: sha256Hex,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  pixelUm: z.number().positive(),
});

/** A point in a surface's grid pixels. */
export const GridPointSchema = z.object({ x: z.number(), y: z.number() });

/** A CMC cell's outline on the reference (its rectangle) and on the target (where it registered), corners in order. */
export const CmcCellOutlineSchema = z.object({ reference: z.array(GridPointSchema).length(4), target: z.array(GridPointSchema).length(4) });

/** One CMC cell's registration (cell rectangle in the reference grid; θ in degrees, dx/dy in pixels), with its outline. */
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
  /** Computed by native/cmc when the result is built; results stored before it are completed when read. */
  outline: CmcCellOutlineSchema,
});

/** One direction of a CMC comparison. */
export const CmcDirectionSchema = z.object({
  cmcCount: z.number().int().nonnegative(),
  cellsCompared: z.number().int().nonnegative(),
  consensus: z.object({ theta: z.number(), dx: z.number(), dy: z.number() }),
  /** Canvas matrix [a, b, c, d, e, f] drawing the target in the reference's frame under the consensus registration. */
  alignment: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
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

/** Either ballistics result, told apart by `kind`. */
export const BallisticsResultSchema = z.discriminatedUnion('kind', [CartridgeComparisonResultSchema, BulletComparisonResultSchema]);
/** Either ballistics result. */
export type BallisticsResult = z.infer<typeof BallisticsResultSchema>;
