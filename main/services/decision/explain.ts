/**
 * Turns a model's scores for one case into what the judge sees: the prediction (value and conformal intervals, or
 * class probabilities), every term's exact contribution with the inputs it read, and the abstention decision.
 */
import type { DecisionOutput } from '../../contract/index.ts';
import { decideAbstention, ownRange, supportReasons } from './abstention.ts';
import type { Facts, FactValue } from '../../../models/cases/facts.ts';
import { classProbabilities, scoreWidth, type GamModel } from '../../../models/gam/gam-model.ts';
import { reachFor, type IntervalReach } from '../../../models/ebm/conformal.ts';

/** Scores and per-term values of one case (from the TypeScript inference or the ONNX model). */
export interface CaseScores {
  readonly score: ArrayLike<number>;
  /** terms[t * K + k]. */
  readonly terms: ArrayLike<number>;
}

function clip(value: number, min: number | undefined, max: number | undefined): number {
  return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, value));
}

/** The input a feature read, as the judge entered it (a checklist item reads as ticked or not). */
function inputOf(model: GamModel, j: number, facts: Facts): { feature: string; value: FactValue } {
  const feature = model.features[j]!;
  const value = facts[feature.field] ?? null;
  if (feature.item !== undefined) return { feature: feature.name, value: Array.isArray(value) ? value.includes(feature.item) : null };
  return { feature: feature.name, value };
}

/** The reference case of an explanation: its facts, the fields set absent, and its scores. */
export interface ReferenceScores {
  readonly facts: Facts;
  readonly absent: readonly string[];
  readonly scores: CaseScores;
}

/** The reference case as the output carries it (its estimate or class probabilities beside its score). */
function referenceOf(model: GamModel, reference: ReferenceScores): NonNullable<DecisionOutput['reference']> {
  const score = Array.from(reference.scores.score);
  const base = { facts: { ...reference.facts }, absent: [...reference.absent], score };
  const outcome = model.outcome;
  if (outcome.kind === 'regression') return { ...base, value: clip(score[0]!, outcome.min, outcome.max) };
  return { ...base, probabilities: classProbabilities(model, score) };
}

/**
 * Builds the output for one case; x is its encoded form, scores what the model computed for it, and reference (when
 * given) the scores of the reference case the explanation is measured from.
 */
export function explainCase(model: GamModel, facts: Facts, x: ArrayLike<number>, scores: CaseScores, reference?: ReferenceScores): DecisionOutput {
  const K = scoreWidth(model);
  const score = Array.from(scores.score);
  const contributions = model.terms.map((term, t) => ({
    term: term.name,
    inputs: term.features.map((j) => inputOf(model, j, facts)),
    values: Array.from({ length: K }, (_, k) => scores.terms[t * K + k]!),
    ...(reference ? { reference: Array.from({ length: K }, (_, k) => reference.scores.terms[t * K + k]!) } : {}),
  }));
  const support = supportReasons(model.features, facts, x);
  const base = { outcome: model.outcome.name, synthetic: model.synthetic, score, intercept: [...model.intercept], contributions, ...(reference ? { reference: referenceOf(model, reference) } : {}) };
  const outcome = model.outcome;
  if (outcome.kind === 'regression') {
    const raw = score[0]!;
    const interval = (reach: IntervalReach): [number, number] => [clip(raw - reach.below, outcome.min, outcome.max), clip(raw + reach.above, outcome.min, outcome.max)];
    const reach = model.conformal ? reachFor(model.conformal, facts, x) : undefined;
    const interval80 = reach ? interval(reach[0]) : undefined;
    const interval95 = reach ? interval(reach[1]) : undefined;
    const range = ownRange(outcome);
    return {
      ...base,
      kind: 'regression',
      unit: outcome.unit,
      value: clip(raw, outcome.min, outcome.max),
      ...(interval80 && interval95 ? { interval80, interval95 } : {}),
      abstention: decideAbstention({ interval: interval80, range, maxWidthFraction: outcome.abstention.maxIntervalWidthFraction, support }),
    };
  }
  const p = classProbabilities(model, score);
  const probabilities = outcome.classes.map((c, k) => ({ value: c.value, label: c.label, probability: p[k]! }));
  const top = probabilities.reduce((best, c) => (c.probability > best.probability ? c : best));
  return {
    ...base,
    kind: 'classification',
    probabilities,
    predictedClass: top.value,
    abstention: decideAbstention({ topProbability: top.probability, minTopProbability: outcome.abstention.minTopProbability, support }),
  };
}
