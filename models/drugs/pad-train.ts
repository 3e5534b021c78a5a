/**
 * Training the PAD models: standardise, fit the identity and concentration softmax layers (L-BFGS, L2), scale their
 * temperatures and measure the out-of-distribution threshold on calibration cards held out from the training cards
 * (by card), then refit everything on all training cards with those temperatures and that threshold.
 */
import type { PadCardRow } from './pad-data.ts';
import { padFeatureCount } from './pad-layout.ts';
import {
  outOfDistributionScore,
  padDerived,
  padDerivedCount,
  padModelFormat,
  padModelVersion,
  scorePadInputs,
  standardiseInPlace,
  type PadModel,
  type PadOutOfDistribution,
} from './pad-model.ts';
import { splitByCard } from './pad-split.ts';
import { fitSoftmax, softmaxInPlace, type SoftmaxLayer } from './softmax-regression.ts';

export interface PadTrainOptions {
  readonly identityL2: number;
  readonly concentrationL2: number;
  /** Abstain when the top two identity probabilities are closer than this. */
  readonly margin: number;
  /** The calibration quantile of the out-of-distribution distance used as the threshold. */
  readonly oodQuantile: number;
  /** Principal components for the out-of-distribution distance. */
  readonly components: number;
  /** Share of the training cards held out for calibration. */
  readonly calibrationFraction: number;
  /** An ingredient gets its own concentration layer from this many drug cards (rows) with ≥ 2 concentrations. */
  readonly minConcentrationRows: number;
  readonly seed: number;
}

export const defaultPadTrainOptions: PadTrainOptions = {
  identityL2: 0.003,
  concentrationL2: 0.03,
  margin: 0.1,
  oodQuantile: 0.995,
  components: 20,
  calibrationFraction: 0.2,
  minConcentrationRows: 12,
  seed: 20261202,
};

export const padConcentrationClasses = [20, 50, 80, 100];
export const padAlgorithm = 'multinomial logistic regression (L2, L-BFGS) on standardised RGB/255 and chromaticity; per-ingredient concentration layers mixed by identity probabilities; temperature scaling';

/** The raw features (n × 360) of some rows. */
export function rawMatrix(rows: readonly PadCardRow[], indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length * padFeatureCount);
  indices.forEach((i, r) => out.set(rows[i]!.features, r * padFeatureCount));
  return out;
}

function standardiser(derived: Float64Array, n: number): { mean: number[]; scale: number[] } {
  const F = padDerivedCount;
  const mean = new Array<number>(F).fill(0);
  const scale = new Array<number>(F).fill(0);
  for (let i = 0; i < n; i += 1) for (let f = 0; f < F; f += 1) mean[f] = mean[f]! + derived[i * F + f]!;
  for (let f = 0; f < F; f += 1) mean[f] = mean[f]! / n;
  for (let i = 0; i < n; i += 1) for (let f = 0; f < F; f += 1) scale[f] = scale[f]! + (derived[i * F + f]! - mean[f]!) ** 2;
  for (let f = 0; f < F; f += 1) scale[f] = Math.sqrt(scale[f]! / n) || 1;
  return { mean, scale };
}

/** Rows of a matrix picked by index. */
function pickRows(z: Float64Array, width: number, picks: readonly number[]): Float64Array {
  const out = new Float64Array(picks.length * width);
  picks.forEach((p, r) => out.set(z.subarray(p * width, (p + 1) * width), r * width));
  return out;
}

/** The top-k principal directions of standardised rows (subspace iteration on the covariance; deterministic start). */
export function principalSubspace(z: Float64Array, n: number, k: number): Omit<PadOutOfDistribution, 'threshold' | 'quantile'> {
  const F = padDerivedCount;
  const cov = new Float64Array(F * F);
  for (let i = 0; i < n; i += 1) {
    const row = z.subarray(i * F, (i + 1) * F);
    for (let a = 0; a < F; a += 1) {
      const v = row[a]!;
      if (v === 0) continue;
      const o = a * F;
      for (let b = a; b < F; b += 1) cov[o + b] = cov[o + b]! + v * row[b]!;
    }
  }
  let trace = 0;
  for (let a = 0; a < F; a += 1) {
    for (let b = a; b < F; b += 1) {
      cov[a * F + b] = cov[a * F + b]! / n;
      cov[b * F + a] = cov[a * F + b]!;
    }
    trace += cov[a * F + a]!;
  }
  // Deterministic start: a fixed pseudo-random basis.
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
  let basis = Array.from({ length: k }, () => Float64Array.from({ length: F }, random));
  const orthonormalise = (vectors: Float64Array[]) => {
    vectors.forEach((v, j) => {
      for (let m = 0; m < j; m += 1) {
        const u = vectors[m]!;
        let d = 0;
        for (let f = 0; f < F; f += 1) d += u[f]! * v[f]!;
        for (let f = 0; f < F; f += 1) v[f] = v[f]! - d * u[f]!;
      }
      let norm = 0;
      for (let f = 0; f < F; f += 1) norm += v[f]! * v[f]!;
      norm = Math.sqrt(norm) || 1;
      for (let f = 0; f < F; f += 1) v[f] = v[f]! / norm;
    });
  };
  orthonormalise(basis);
  const multiply = (v: Float64Array) => {
    const out = new Float64Array(F);
    for (let a = 0; a < F; a += 1) {
      let s = 0;
      const o = a * F;
      for (let b = 0; b < F; b += 1) s += cov[o + b]! * v[b]!;
      out[a] = s;
    }
    return out;
  };
  for (let iteration = 0; iteration < 60; iteration += 1) {
    basis = basis.map(multiply);
    orthonormalise(basis);
  }
  const variances = basis.map((v) => {
    const cv = multiply(v);
    let s = 0;
    for (let f = 0; f < F; f += 1) s += v[f]! * cv[f]!;
    return Math.max(s, 1e-9);
  });
  const residualVariance = Math.max((trace - variances.reduce((a, b) => a + b, 0)) / (F - k), 1e-9);
  return { components: basis.flatMap((v) => Array.from(v)), variances, residualVariance };
}

interface CoreFit {
  readonly standardise: { mean: number[]; scale: number[] };
  readonly identity: SoftmaxLayer;
  readonly concentration: SoftmaxLayer;
  readonly source: Array<'own' | 'shared'>;
  readonly subspace: Omit<PadOutOfDistribution, 'threshold' | 'quantile'>;
}

/** Divides a layer's weights and biases by a temperature. */
function tempered(layer: SoftmaxLayer, temperature: number): SoftmaxLayer {
  return { ...layer, weights: layer.weights.map((w) => w / temperature), bias: layer.bias.map((b) => b / temperature) };
}

function fitCore(rows: readonly PadCardRow[], indices: readonly number[], classes: readonly string[], options: PadTrainOptions): CoreFit {
  const n = indices.length;
  const F = padDerivedCount;
  const derived = padDerived(rawMatrix(rows, indices), n);
  const standardise = standardiser(derived, n);
  const z = standardiseInPlace(derived, n, standardise.mean, standardise.scale);
  const classIndex = new Map(classes.map((c, i) => [c, i] as const));
  const y = Int32Array.from(indices, (i) => classIndex.get(rows[i]!.contains!)!);
  const identity = fitSoftmax(z, y, n, F, classes.length, { l2: options.identityL2 });

  const C = padConcentrationClasses.length;
  const concIndex = new Map(padConcentrationClasses.map((c, i) => [c, i] as const));
  const drugRows = indices.map((_, r) => r).filter((r) => concIndex.has(rows[indices[r]!]!.drugPercent!));
  const fitConcentration = (picks: number[]): SoftmaxLayer =>
    fitSoftmax(pickRows(z, F, picks), Int32Array.from(picks, (r) => concIndex.get(rows[indices[r]!]!.drugPercent!)!), picks.length, F, C, { l2: options.concentrationL2 });
  const shared = fitConcentration(drugRows);
  const source: Array<'own' | 'shared'> = [];
  const layers = classes.map((label) => {
    const picks = drugRows.filter((r) => rows[indices[r]!]!.contains === label);
    const distinct = new Set(picks.map((r) => rows[indices[r]!]!.drugPercent)).size;
    if (picks.length >= options.minConcentrationRows && distinct >= 2) {
      source.push('own');
      return fitConcentration(picks);
    }
    source.push('shared');
    return shared;
  });
  const D = classes.length;
  const weights = new Array<number>(F * D * C).fill(0);
  const bias = new Array<number>(D * C).fill(0);
  layers.forEach((layer, d) => {
    for (let f = 0; f < F; f += 1) for (let c = 0; c < C; c += 1) weights[f * D * C + d * C + c] = layer.weights[f * C + c]!;
    for (let c = 0; c < C; c += 1) bias[d * C + c] = layer.bias[c]!;
  });
  const subspace = principalSubspace(z, n, options.components);
  return { standardise, identity, concentration: { inputs: F, classes: D * C, weights, bias }, source, subspace };
}

function modelOf(core: CoreFit, classes: readonly string[], options: PadTrainOptions, identityT: number, concentrationT: number, threshold: number): PadModel {
  return {
    format: padModelFormat,
    version: padModelVersion,
    algorithm: padAlgorithm,
    standardise: core.standardise,
    identity: { classes: [...classes], layer: tempered(core.identity, identityT), temperature: identityT, l2: options.identityL2 },
    concentration: {
      classes: [...padConcentrationClasses],
      layer: tempered(core.concentration, concentrationT),
      source: core.source,
      temperature: concentrationT,
      l2: options.concentrationL2,
    },
    abstention: { margin: options.margin, outOfDistribution: { ...core.subspace, threshold, quantile: options.oodQuantile } },
  };
}

/** The temperature on a log grid (0.2–5) with the least log-loss. */
function bestTemperature(loss: (t: number) => number): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let j = 0; j <= 160; j += 1) {
    const t = Math.exp(Math.log(0.2) + (j / 160) * Math.log(25));
    const l = loss(t);
    if (l < bestLoss - 1e-12) [best, bestLoss] = [t, l];
  }
  return best;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface PadCalibration {
  readonly calibrationRows: number;
  readonly calibrationCards: number;
  readonly identityTemperature: number;
  readonly concentrationTemperature: number;
  readonly outOfDistributionThreshold: number;
}

/** Trains the PAD model on rows `indices` (labelled). */
export function trainPadModel(rows: readonly PadCardRow[], indices: readonly number[], options: PadTrainOptions = defaultPadTrainOptions): { model: PadModel; calibration: PadCalibration } {
  const classes = [...new Set(indices.map((i) => rows[i]!.contains!))].sort();
  const inner = splitByCard(rows, indices, options.calibrationFraction, options.seed + 1);
  const innerClasses = [...new Set(inner.train.map((i) => rows[i]!.contains!))].sort();
  const core = fitCore(rows, inner.train, innerClasses, options);
  const draft = modelOf(core, innerClasses, options, 1, 1, Infinity);
  const cal = inner.test;
  const z = standardiseInPlace(padDerived(rawMatrix(rows, cal), cal.length), cal.length, draft.standardise.mean, draft.standardise.scale);
  const D = innerClasses.length;
  const C = padConcentrationClasses.length;
  const known = cal.map((i, r) => [r, innerClasses.indexOf(rows[i]!.contains!)] as const).filter(([, d]) => d >= 0);
  const identityLogits = (() => {
    const probe = { ...draft, identity: { ...draft.identity } };
    const { inputs: F, weights, bias } = probe.identity.layer;
    const out = new Float64Array(cal.length * D);
    for (let r = 0; r < cal.length; r += 1) for (let d = 0; d < D; d += 1) {
      let s = bias[d]!;
      for (let f = 0; f < F; f += 1) s += z[r * F + f]! * weights[f * D + d]!;
      out[r * D + d] = s;
    }
    return out;
  })();
  const identityT = bestTemperature((t) => {
    let loss = 0;
    const p = new Float64Array(D);
    for (const [r, d] of known) {
      for (let k = 0; k < D; k += 1) p[k] = identityLogits[r * D + k]! / t;
      softmaxInPlace(p, 0, D);
      loss -= Math.log(Math.max(p[d]!, 1e-300));
    }
    return loss;
  });
  const concRows = cal.map((i, r) => [r, padConcentrationClasses.indexOf(rows[i]!.drugPercent!)] as const).filter(([, c]) => c >= 0);
  const concentrationT = bestTemperature((t) => {
    const m = modelOf(core, innerClasses, options, identityT, t, Infinity);
    const { concentration } = scorePadInputs(m, z, cal.length);
    let loss = 0;
    for (const [r, c] of concRows) loss -= Math.log(Math.max(concentration[r * C + c]!, 1e-300));
    return loss;
  });
  const distances = cal.map((_, r) => outOfDistributionScore(core.subspace, z, r * padDerivedCount));
  const threshold = quantile(distances, options.oodQuantile);
  const final = fitCore(rows, indices, classes, options);
  return {
    model: modelOf(final, classes, options, identityT, concentrationT, threshold),
    calibration: {
      calibrationRows: cal.length,
      calibrationCards: new Set(cal.map((i) => rows[i]!.card)).size,
      identityTemperature: identityT,
      concentrationTemperature: concentrationT,
      outOfDistributionThreshold: threshold,
    },
  };
}
