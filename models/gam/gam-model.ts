/**
 * The glass-box model: a generalised additive model whose every term is a lookup table over binned inputs (one
 * input for a main effect, two for a pairwise interaction). The score is the intercept plus one table value per
 * term, exactly; the prediction is the score (regression), its logistic (binary) or its softmax (multiclass). This
 * file is the TypeScript reference inference; the ONNX export computes the same tables with the same bins.
 */
import { z } from 'zod';
import { OutcomeSpecSchema } from '../cases/case-type.ts';
import { binCount, binIndex, FeatureSpecSchema } from './features.ts';

/** One additive term: its inputs, each input's bin edges, and its table (cells in row-major order × classes). */
export const GamTermSchema = z
  .object({
    name: z.string(),
    features: z.array(z.number().int().nonnegative()).min(1).max(2),
    edges: z.array(z.array(z.number())).min(1).max(2),
    values: z.array(z.number()),
  })
  .strict();
/** One additive term. */
export type GamTerm = z.infer<typeof GamTermSchema>;

/** A spread of the residuals: an additive model of their quantile over the model's own inputs, with its multipliers. */
const SpreadSchema = z
  .object({
    quantile: z.number().gt(0).lt(1),
    minBinCases: z.number().int().positive(),
    floor: z.number().positive(),
    intercept: z.number(),
    /** Per model feature: the spread's bin edges (the model's for categories, coarser for numbers). */
    edges: z.array(z.array(z.number())),
    tables: z.array(z.array(z.number())),
    multipliers: z.tuple([z.number(), z.number()]),
  })
  .strict();

/** The serialised model (model.json, also embedded in model.onnx's metadata). */
export const GamModelSchema = z
  .object({
    format: z.literal('dalel-gam/1'),
    caseType: z.object({ id: z.string(), version: z.string(), sha256: z.string() }).strict(),
    /** The case-type schema document the model was trained with; facts are validated against it. */
    schema: z.record(z.string(), z.unknown()),
    outcome: OutcomeSpecSchema,
    link: z.enum(['identity', 'logit', 'softmax']),
    features: z.array(FeatureSpecSchema),
    /** One score per class for softmax, one otherwise (the positive class's log-odds for logit). */
    intercept: z.array(z.number()).min(1),
    terms: z.array(GamTermSchema),
    /** Split-conformal half-widths (regression): absolute-residual quantiles on calibration cases. */
    conformal: z
      .object({
        levels: z.tuple([z.literal(0.8), z.literal(0.95)]),
        halfWidths: z.tuple([z.number(), z.number()]),
        calibrationCases: z.number().int(),
        /** Per-group half-widths of one input (Mondrian); groups not listed use the pooled `halfWidths`. */
        strata: z
          .object({
            field: z.string(),
            minCalibrationCases: z.number().int(),
            groups: z.array(z.object({ value: z.string(), cases: z.number().int(), halfWidths: z.tuple([z.number(), z.number()]) }).strict()),
          })
          .strict()
          .optional(),
        /**
         * Locally adaptive widths (normalised conformal): a case's half-width is multipliers[level] × σ̂(x), σ̂ an
         * additive model of a quantile of the absolute residual over the model's own inputs (one table per
         * feature), fitted on `fitCases` calibration cases and calibrated on the other `calibrationCases`. Models
         * without it keep the pooled (or per-group) widths.
         */
        spread: SpreadSchema.extend({
          /**
           * Asymmetric intervals: a spread of its own for each side, fitted to the residuals beyond the estimate
           * on that side (a quantile of max(0, y − ŷ) above, of max(0, ŷ − y) below) on the `fitCases`; the 80 % and
           * 95 % interval of a case is [ŷ − below.multipliers[level]·σ̂_below(x), ŷ + above.multipliers[level]·σ̂_above(x)],
           * each side calibrated at 1 − α/2 on its own signed scores (`multipliers` and the tables above: reference).
           */
          sides: z.object({ below: SpreadSchema, above: SpreadSchema }).strict().optional(),
          fitCases: z.number().int(),
          calibrationCases: z.number().int(),
        })
          .strict()
          .optional(),
      })
      .strict()
      .nullable(),
    /** True when trained on generated (synthetic) cases: every prediction must say so. */
    synthetic: z.boolean(),
  })
  .strict();
/** The serialised model. */
export type GamModel = z.infer<typeof GamModelSchema>;

/** Number of scores per case: one per class for multiclass, one otherwise. */
export function scoreWidth(model: Pick<GamModel, 'link' | 'intercept'>): number {
  return model.intercept.length;
}

/** The table cell a term reads for an encoded case. */
export function termCell(term: GamTerm, x: ArrayLike<number>): number {
  let cell = 0;
  for (let d = 0; d < term.features.length; d += 1) {
    const edges = term.edges[d]!;
    cell = cell * binCount(edges) + binIndex(edges, x[term.features[d]!]!);
  }
  return cell;
}

/** The logistic function. */
export function sigmoid(s: number): number {
  return 1 / (1 + Math.exp(-s));
}

/** Softmax of scores, stable for large scores. */
export function softmax(scores: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k += 1) max = Math.max(max, scores[k]!);
  const e = Array.from({ length: scores.length }, (_, k) => Math.exp(scores[k]! - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** A case's scores with each term's share: score[k] = intercept[k] + Σ_t terms[t][k], exactly as summed here. */
export interface ScoredCase {
  readonly score: Float64Array;
  /** terms[t * K + k]: term t's value for score k. */
  readonly terms: Float64Array;
}

/** Scores an encoded case with the TypeScript reference inference. */
export function scoreCase(model: GamModel, x: ArrayLike<number>): ScoredCase {
  const width = scoreWidth(model);
  const terms = new Float64Array(model.terms.length * width);
  const score = Float64Array.from(model.intercept);
  model.terms.forEach((term, t) => {
    const cell = termCell(term, x);
    for (let k = 0; k < width; k += 1) {
      const value = term.values[cell * width + k]!;
      terms[t * width + k] = value;
      score[k] = score[k]! + value;
    }
  });
  return { score, terms };
}

/** The prediction from scores: the value (identity), the positive class's probability (logit), or probabilities. */
export function predictionOf(model: Pick<GamModel, 'link'>, score: ArrayLike<number>): number[] {
  if (model.link === 'identity') return [score[0]!];
  if (model.link === 'logit') return [sigmoid(score[0]!)];
  return softmax(score);
}

/** Class probabilities in the order of the outcome's classes (binary models give [1 - p, p]). */
export function classProbabilities(model: Pick<GamModel, 'link'>, score: ArrayLike<number>): number[] {
  const prediction = predictionOf(model, score);
  return model.link === 'logit' ? [1 - prediction[0]!, prediction[0]!] : prediction;
}
