/**
 * The inputs of a case that lie outside what a model's training saw: a number beyond the training range, a category
 * never seen, a missing value training never had. A consultation refers such a case to a human, and the model's
 * evaluation counts it as not answered, by this one rule.
 */
import type { AbstentionReason } from '../../main/contract/index.ts';
import type { Facts } from '../cases/facts.ts';
import { categoryKey, type FeatureSpec } from './features.ts';

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

