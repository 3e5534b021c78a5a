/**
 * When the model should not be relied on, it says so: "refer to human review", with every reason that applies. A
 * prediction is referred when its interval is wider than a set fraction of the lawful range (else of the outcome's
 * own), when an input lies outside what training saw (a number beyond the training range, an unseen category, a
 * missing value training never had), or when the most probable class is not probable enough. One rule for the
 * consultation and for the model card's figures on the cases a model answers.
 */
import type { AbstentionReason } from '../../main/contract/index.ts';
import type { OutcomeSpec } from '../cases/case-type.ts';
import type { Facts } from '../cases/facts.ts';
import { categoryKey, type FeatureSpec } from './features.ts';

/**
 * The lawful range a consultation clips a case's predicted term or amount to, and judges its interval's width against
 * (the sanction after art. 55, an award's share of the claim); null where the law gives none for the case. The service
 * that consults supplies it (`lawfulRanges`), so the card's "answered" figures follow the same rule.
 */
export type LawfulRangeOf = (facts: Facts) => { readonly min: number; readonly max: number } | null;

/** The inputs of a case that lie outside the training support (x is the encoded case). */
export function supportReasons(features: readonly FeatureSpec[], facts: Facts, x: ArrayLike<number>): AbstentionReason[] {
  const reasons: AbstentionReason[] = [];
  features.forEach((feature, j) => {
    const value = x[j]!;
    if (Number.isNaN(value)) {
      if (!feature.support.missing) reasons.push({ code: 'unseen-missing', feature: feature.name });
      return;
    }
    if (feature.kind === 'categorical') {
      if (value >= 0) return;
      // Code -1 is "other": rare categories training saw are fine, others were never seen.
      const key = categoryKey(facts[feature.field] ?? null) ?? '';
      if (!(feature.support.rare ?? []).includes(key)) reasons.push({ code: 'unseen-category', feature: feature.name, value: key });
      return;
    }
    const { min, max } = feature.support;
    if (min !== undefined && max !== undefined && (value < min || value > max)) reasons.push({ code: 'outside-training-range', feature: feature.name, value, min, max });
  });
  return reasons;
}

/** The range a regression outcome's interval is judged against where the law gives none: its declared one, else [min, max]. */
export function ownRange(outcome: Extract<OutcomeSpec, { kind: 'regression' }>): readonly [number, number] | undefined {
  return outcome.abstention.range ?? (outcome.min !== undefined && outcome.max !== undefined ? [outcome.min, outcome.max] : undefined);
}

/** The decision: refer or not, and why. */
export interface Abstention {
  readonly refer: boolean;
  readonly reasons: AbstentionReason[];
}

/** What the abstention rule weighs. */
export interface AbstentionInput {
  /** Regression: the interval judged (the 80% one), the outcome's range, and the largest allowed width fraction. */
  readonly interval?: readonly [number, number];
  readonly range?: readonly [number, number];
  readonly maxWidthFraction?: number;
  /** Classification: the top class's probability and the smallest acceptable one. */
  readonly topProbability?: number;
  readonly minTopProbability?: number;
  /** Inputs outside the training support (from `supportReasons`). */
  readonly support?: readonly AbstentionReason[];
}

/** Decides whether to refer to human review. */
export function decideAbstention(input: AbstentionInput): Abstention {
  const reasons: AbstentionReason[] = [...(input.support ?? [])];
  if (input.interval && input.range && input.maxWidthFraction !== undefined) {
    const width = input.interval[1] - input.interval[0];
    const limit = input.maxWidthFraction * (input.range[1] - input.range[0]);
    if (width > limit) reasons.push({ code: 'interval-too-wide', width, range: [input.range[0], input.range[1]], limit });
  }
  if (input.topProbability !== undefined && input.minTopProbability !== undefined && input.topProbability < input.minTopProbability) {
    reasons.push({ code: 'low-confidence', probability: input.topProbability, threshold: input.minTopProbability });
  }
  return { refer: reasons.length > 0, reasons };
}
