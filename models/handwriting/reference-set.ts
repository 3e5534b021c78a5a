/**
 * A reference set: the score distributions of same-writer and different-writer pairs of one script's reference
 * documents (writers the model never trained on), the SLR curve built from them with its ELUB bounds, and the
 * least writing (graphs) for which the system's rates of misleading evidence were measured to hold.
 */
import { z } from 'zod';

/** Scripts the workstation knows of; a set is installed per script. */
export const handwritingScripts = ['latin', 'cyrillic'] as const;
/** A script of writing. */
export type HandwritingScript = (typeof handwritingScripts)[number];

/** The tabulated log10 SLR curve (see slr.ts). */
export const SlrCurveSchema = z
  .object({
    start: z.number(),
    step: z.number().positive(),
    log10Slr: z.array(z.number()).min(2),
    lowerLog10: z.number().max(0),
    upperLog10: z.number().min(0),
    bandwidthSame: z.number().positive(),
    bandwidthDifferent: z.number().positive(),
  })
  .strict();

/** reference.json. */
export const ReferenceSetSchema = z
  .object({
    format: z.literal('dalel-handwriting-reference/1'),
    script: z.enum(handwritingScripts),
    /** SHA-256 of the model.onnx whose margins these are: a reference set is only valid with its own model. */
    modelSha256: z.string().regex(/^[0-9a-f]{64}$/),
    source: z
      .object({
        file: z.string(),
        sha256: z.string(),
        documents: z.number().int(),
        writers: z.number().int(),
        prompts: z.array(z.string()).nullable(),
        seed: z.number().int(),
      })
      .strict(),
    /** Fewer graphs than this on either side and the module abstains (measured by subsampling, see card.json). */
    minGraphs: z.number().int().positive(),
    sameMargins: z.array(z.number()),
    differentMargins: z.array(z.number()),
    curve: SlrCurveSchema,
  })
  .strict();
/** reference.json. */
export type ReferenceSet = z.infer<typeof ReferenceSetSchema>;
