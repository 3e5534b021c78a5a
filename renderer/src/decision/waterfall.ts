import type { DecisionOutput } from '../../../main/contract/index.ts';

/** One bar of the waterfall: where the running score starts and ends. */
export interface WaterfallStep {
  readonly key: string;
  /** 'intercept', a model term, the folded small terms, or the final score. */
  readonly kind: 'intercept' | 'term' | 'rest' | 'score';
  /** The term's name (its inputs, for labelling), or the number of folded terms for 'rest'. */
  readonly term: DecisionOutput['contributions'][number] | null;
  readonly folded: number;
  readonly value: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Which score the explanation is about: regression and binary models have one; a multiclass model has one per
 * class, and the waterfall explains the predicted class's score.
 */
export function scoreIndex(output: Pick<DecisionOutput, 'score' | 'probabilities' | 'predictedClass'>): number {
  if (output.score.length <= 1) return 0;
  const k = output.probabilities?.findIndex((p) => p.value === output.predictedClass) ?? -1;
  return k < 0 ? 0 : k;
}

/**
 * The waterfall of one score: the intercept, then the terms by decreasing magnitude (beyond `shown`, the rest folded
 * into one bar so that the chart stays readable), then the total. Every term is included, so the last step ends
 * exactly where the terms add up to; `total` is that sum, which the model's score must equal.
 */
export function waterfallSteps(output: Pick<DecisionOutput, 'score' | 'intercept' | 'contributions' | 'probabilities' | 'predictedClass'>, shown = 12): { steps: WaterfallStep[]; total: number; k: number } {
  const k = scoreIndex(output);
  const intercept = output.intercept[k] ?? 0;
  const terms = output.contributions
    .map((term) => ({ term, value: term.values[k] ?? 0 }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.term.term.localeCompare(b.term.term));
  const steps: WaterfallStep[] = [{ key: 'intercept', kind: 'intercept', term: null, folded: 0, value: intercept, from: 0, to: intercept }];
  let running = intercept;
  for (const { term, value } of terms.slice(0, shown)) {
    steps.push({ key: `term:${term.term}`, kind: 'term', term, folded: 0, value, from: running, to: running + value });
    running += value;
  }
  const rest = terms.slice(shown);
  if (rest.length > 0) {
    const value = rest.reduce((sum, r) => sum + r.value, 0);
    steps.push({ key: 'rest', kind: 'rest', term: null, folded: rest.length, value, from: running, to: running + value });
    running += value;
  }
  steps.push({ key: 'score', kind: 'score', term: null, folded: 0, value: running, from: 0, to: running });
  return { steps, total: running, k };
}
