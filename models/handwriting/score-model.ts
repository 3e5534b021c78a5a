/**
 * The comparison score model: margin = intercept + w · features + Σ trees(features), score = logistic(margin), the
 * model's probability that one writer wrote both documents (before any calibration: the SLR comes from reference
 * score distributions, not from this number). A logistic regression has no trees; boosted trees have zero weights.
 * This file is the TypeScript reference inference; the ONNX export computes the same in double precision.
 */
import { z } from 'zod';
import { featureSetId } from './features.ts';

/** A regression tree in flat arrays: node n splits on `feature[n]` (x ≤ threshold → left), or is a leaf when feature is -1. */
export const ScoreTreeSchema = z
  .object({
    feature: z.array(z.number().int().min(-1)),
    threshold: z.array(z.number()),
    left: z.array(z.number().int().nonnegative()),
    right: z.array(z.number().int().nonnegative()),
    value: z.array(z.number()),
  })
  .strict();
/** A regression tree. */
export type ScoreTree = z.infer<typeof ScoreTreeSchema>;

/** Algorithms a score model can be. */
export const scoreAlgorithms = ['logistic-regression', 'boosted-trees'] as const;

/** What the model was trained on (documents, pairs, the file's hash). */
export const ScoreTrainingSchema = z
  .object({
    file: z.string(),
    sha256: z.string(),
    documents: z.number().int(),
    writers: z.number().int(),
    samePairs: z.number().int(),
    differentPairs: z.number().int(),
    seed: z.number().int(),
    settings: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  })
  .strict();

/** The two-level model inside the features (two-level.ts). */
export const TwoLevelSchema = z
  .object({ mean: z.array(z.number()), a: z.array(z.number()), q: z.array(z.number()), shrinkage: z.number().min(0).max(1) })
  .strict();

/** The serialised score model (model.json, also embedded in model.onnx's metadata). */
export const ScoreModelSchema = z
  .object({
    format: z.literal('dalel-handwriting-score/1'),
    featureSet: z.literal(featureSetId),
    featureNames: z.array(z.string()),
    /** The within/between-writer model the twoLevelLogLr feature is computed with. */
    twoLevel: TwoLevelSchema,
    algorithm: z.enum(scoreAlgorithms),
    intercept: z.number(),
    weights: z.array(z.number()),
    trees: z.array(ScoreTreeSchema),
    training: ScoreTrainingSchema,
  })
  .strict();
/** The serialised score model. */
export type ScoreModel = z.infer<typeof ScoreModelSchema>;

/** One tree's output for a feature row starting at `offset`. */
export function treeValue(tree: ScoreTree, x: ArrayLike<number>, offset = 0): number {
  let n = 0;
  for (;;) {
    const f = tree.feature[n]!;
    if (f < 0) return tree.value[n]!;
    n = x[offset + f]! <= tree.threshold[n]! ? tree.left[n]! : tree.right[n]!;
  }
}

/** The margin (log-odds) of one feature row starting at `offset`. */
export function scoreMargin(model: ScoreModel, x: ArrayLike<number>, offset = 0): number {
  let margin = model.intercept;
  const w = model.weights;
  for (let f = 0; f < w.length; f += 1) margin += w[f]! * x[offset + f]!;
  for (const tree of model.trees) margin += treeValue(tree, x, offset);
  return margin;
}

/** The logistic function, written so that large margins neither overflow nor lose the tiny side. */
export function logistic(margin: number): number {
  return margin >= 0 ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
}

/** Margins of n feature rows (row-major n × F). */
export function scoreMargins(model: ScoreModel, features: Float64Array, n: number): Float64Array {
  const width = model.featureNames.length;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r += 1) out[r] = scoreMargin(model, features, r * width);
  return out;
}
