/**
 * The PAD model as data, and its inference in TypeScript (the ONNX graph of pad-onnx.ts computes the same).
 *
 * Inputs: the 360 region means of a card (CSV order). Derived features: each value / 255, and each region's
 * chromaticity (channel / (R + G + B + 1)), 720 in all, standardised with the training mean and scale.
 * Identity: one softmax layer over the ingredients (temperature-scaled on calibration cards).
 * Concentration: one softmax layer per ingredient over `Drug %` 20/50/80/100 (an ingredient with too few cards or
 * only one concentration uses the layer fitted on every drug card), mixed by the identity probabilities:
 * P(c) = Σ_d P(d) · P(c | d).
 * Abstention (TypeScript only; it decides whether to answer, not what the answer is): the card is out of distribution
 * when its Mahalanobis distance in the principal subspace of the training cards (plus the residual off it) exceeds
 * the quantile measured on calibration cards; or the top two identity probabilities are closer than `margin`.
 */
import { padFeatureCount, padRegionCount } from './pad-layout.ts';
import { softmaxInPlace, type SoftmaxLayer } from './softmax-regression.ts';
import { classMajor, classSums } from './class-scores.ts';

export const padModelFormat = 'dalel.pad-model';
export const padModelVersion = 1;
export const padDerivedCount = padFeatureCount * 2;
/** Ingredients for which `Drug %` is meaningless (no drug on the card). */
export const padNoDrugClasses: readonly string[] = ['blank', 'swiped-but-not-run'];

export interface PadOutOfDistribution {
  /** k × 720 principal directions (row-major) of the standardised training features. */
  readonly components: number[];
  readonly variances: number[];
  /** Mean variance off the principal subspace. */
  readonly residualVariance: number;
  /** Distance² above which a card is out of distribution. */
  readonly threshold: number;
  /** The calibration quantile the threshold was taken at. */
  readonly quantile: number;
}

export interface PadModel {
  readonly format: typeof padModelFormat;
  readonly version: number;
  readonly algorithm: string;
  readonly standardise: { readonly mean: number[]; readonly scale: number[] };
  readonly identity: { readonly classes: string[]; readonly layer: SoftmaxLayer; readonly temperature: number; readonly l2: number };
  readonly concentration: {
    readonly classes: number[];
    /** One block of `classes.length` logits per identity class, in identity order (inputs × D·C). */
    readonly layer: SoftmaxLayer;
    /** Per identity class: 'own' (its own layer) or 'shared' (the all-drug layer). */
    readonly source: Array<'own' | 'shared'>;
    readonly temperature: number;
    readonly l2: number;
  };
  readonly abstention: { readonly margin: number; readonly outOfDistribution: PadOutOfDistribution };
}

/** Derived features (n × 720) of raw region means (n × 360). */
export function padDerived(raw: ArrayLike<number>, n: number): Float64Array {
  const F = padFeatureCount;
  const out = new Float64Array(n * padDerivedCount);
  for (let i = 0; i < n; i += 1) {
    const src = i * F;
    const dst = i * padDerivedCount;
    for (let f = 0; f < F; f += 1) out[dst + f] = raw[src + f]! / 255;
    for (let r = 0; r < padRegionCount; r += 1) {
      const o = src + r * 3;
      const sum = raw[o]! + raw[o + 1]! + raw[o + 2]! + 1;
      for (let c = 0; c < 3; c += 1) out[dst + F + r * 3 + c] = raw[o + c]! / sum;
    }
  }
  return out;
}

/** Standardises derived features in place. */
export function standardiseInPlace(derived: Float64Array, n: number, mean: readonly number[], scale: readonly number[]): Float64Array {
  const F = mean.length;
  for (let i = 0; i < n; i += 1) for (let f = 0; f < F; f += 1) derived[i * F + f] = (derived[i * F + f]! - mean[f]!) / scale[f]!;
  return derived;
}

/** The model's input matrix z (n × 720) for raw region means. */
export function padInputs(model: Pick<PadModel, 'standardise'>, raw: ArrayLike<number>, n: number): Float64Array {
  return standardiseInPlace(padDerived(raw, n), n, model.standardise.mean, model.standardise.scale);
}

/** A layer's weights class by class (K × F), made once per weights array: a loaded model scores one card at a time. */
const classMajorWeights = new WeakMap<readonly number[], Float64Array>();

/**
 * x·W + b for a layer over n rows, in the order the ONNX MatMul sums (feature by feature, then the bias), so every bit
 * of the result is that of the plain loop.
 */
function logits(layer: SoftmaxLayer, z: Float64Array, n: number): Float64Array {
  const { inputs: F, classes: K, weights, bias } = layer;
  let wT = classMajorWeights.get(weights);
  if (!wT) {
    wT = classMajor(weights, F, K);
    classMajorWeights.set(weights, wT);
  }
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i += 1) {
    const o = i * K;
    classSums(z, i * F, F, wT, K, null, 0, out, o);
    for (let k = 0; k < K; k += 1) out[o + k] = out[o + k]! + bias[k]!;
  }
  return out;
}

export interface PadScores {
  /** n × D identity probabilities. */
  readonly identity: Float64Array;
  /** n × C concentration probabilities. */
  readonly concentration: Float64Array;
}

/** Identity and concentration probabilities from standardised inputs z (n × 720). */
export function scorePadInputs(model: PadModel, z: Float64Array, n: number): PadScores {
  const D = model.identity.classes.length;
  const C = model.concentration.classes.length;
  const identity = logits(model.identity.layer, z, n);
  for (let i = 0; i < n; i += 1) softmaxInPlace(identity, i * D, D);
  const blocks = logits(model.concentration.layer, z, n);
  const concentration = new Float64Array(n * C);
  for (let i = 0; i < n; i += 1) {
    for (let d = 0; d < D; d += 1) {
      const o = (i * D + d) * C;
      softmaxInPlace(blocks, o, C);
      const p = identity[i * D + d]!;
      for (let c = 0; c < C; c += 1) concentration[i * C + c] = concentration[i * C + c]! + blocks[o + c]! * p;
    }
  }
  return { identity, concentration };
}

/** Identity and concentration probabilities for raw region means (n × 360). */
export function scorePad(model: PadModel, raw: ArrayLike<number>, n: number): PadScores & { inputs: Float64Array } {
  const inputs = padInputs(model, raw, n);
  return { ...scorePadInputs(model, inputs, n), inputs };
}

type OodParts = Pick<PadOutOfDistribution, 'components' | 'variances' | 'residualVariance'>;

/** The principal directions as a typed array, made once per model: the batch loop over them is the hot path. */
const typedComponents = new WeakMap<readonly number[], Float64Array>();

/** Squared Mahalanobis-style distance of one standardised row to the training cards. */
export function outOfDistributionScore(ood: OodParts, z: ArrayLike<number>, offset = 0): number {
  let components = typedComponents.get(ood.components);
  if (!components) {
    components = Float64Array.from(ood.components);
    typedComponents.set(ood.components, components);
  }
  const row = z instanceof Float64Array ? z.subarray(offset, offset + padDerivedCount) : Float64Array.from({ length: padDerivedCount }, (_, f) => z[offset + f]!);
  return distanceOfRow(components, ood.variances, ood.residualVariance, row);
}

function distanceOfRow(components: Float64Array, variances: readonly number[], residualVariance: number, z: Float64Array): number {
  const F = padDerivedCount;
  let total = 0;
  for (let f = 0; f < F; f += 1) total += z[f]! * z[f]!;
  let inside = 0;
  let projected = 0;
  for (let j = 0; j < variances.length; j += 1) {
    let t = 0;
    const c = j * F;
    for (let f = 0; f < F; f += 1) t += components[c + f]! * z[f]!;
    projected += t * t;
    inside += (t * t) / variances[j]!;
  }
  return inside + Math.max(0, total - projected) / residualVariance;
}

export interface PadAbstention {
  readonly reason: 'out-of-distribution' | 'ambiguous';
  readonly detail: string;
  /** The measured value (distance² or probability margin) and the limit it crossed. */
  readonly value: number;
  readonly limit: number;
}

/** Whether the model should not answer for one card (null: it answers). */
export function padAbstention(model: PadModel, identity: ArrayLike<number>, identityOffset: number, z: ArrayLike<number>, zOffset: number): PadAbstention | null {
  const ood = model.abstention.outOfDistribution;
  const distance = outOfDistributionScore(ood, z, zOffset);
  if (distance > ood.threshold) {
    return {
      reason: 'out-of-distribution',
      detail: `the card's colours are unlike the training cards (distance² ${distance.toFixed(1)} > ${ood.threshold.toFixed(1)}, the ${(ood.quantile * 100).toFixed(1)}% quantile of calibration cards)`,
      value: distance,
      limit: ood.threshold,
    };
  }
  let first = 0;
  let second = 0;
  for (let d = 0; d < model.identity.classes.length; d += 1) {
    const p = identity[identityOffset + d]!;
    if (p > first) [first, second] = [p, first];
    else if (p > second) second = p;
  }
  if (first - second < model.abstention.margin) {
    return {
      reason: 'ambiguous',
      detail: `the two most probable ingredients are too close (${(first * 100).toFixed(1)}% vs ${(second * 100).toFixed(1)}%, margin < ${(model.abstention.margin * 100).toFixed(0)} points)`,
      value: first - second,
      limit: model.abstention.margin,
    };
  }
  return null;
}
