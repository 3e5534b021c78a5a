import type { DecisionOutput } from '../../../main/contract/index.ts';

type Explained = Pick<DecisionOutput, 'kind' | 'score' | 'intercept' | 'contributions' | 'probabilities' | 'predictedClass' | 'value' | 'reference'>;
type Term = DecisionOutput['contributions'][number];

/** One bar of the waterfall: where the running estimate starts and ends, in the unit the judge reads. */
export interface WaterfallStep {
  readonly key: string;
  /** The reference case, a term, the folded small terms, the outcome's limits, or the estimate shown. */
  readonly kind: 'reference' | 'term' | 'rest' | 'bound' | 'score';
  /** The term (its inputs, for labelling), or null. */
  readonly term: Term | null;
  /** The number of terms folded into a 'rest' bar. */
  readonly folded: number;
  /** The change this bar makes (for 'reference' and 'score': the level itself). */
  readonly value: number;
  readonly from: number;
  readonly to: number;
  /** The term's change of the model's own score (log-odds for classification, the unit for regression). */
  readonly scoreChange: number;
}

/** The waterfall of one prediction. */
export interface Waterfall {
  readonly steps: WaterfallStep[];
  /** Where the bars end: the reference plus every change; equals `shown`. */
  readonly total: number;
  /** The estimate the prediction card shows (the value, or the predicted class's probability in percent). */
  readonly shown: number;
  /** The reference case's level, in the same unit. */
  readonly reference: number;
  /** The score the explanation is about (the predicted class's, or the one regression score). */
  readonly k: number;
  /** 'points': probability in percentage points; 'value': the outcome's unit. */
  readonly unit: 'points' | 'value';
  /** Terms whose facts are as in the reference case: they change nothing and get no bar. */
  readonly unchanged: Term[];
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

/** The index of the predicted class among the probabilities (binary models too). */
function predictedIndex(output: Pick<DecisionOutput, 'probabilities' | 'predictedClass'>): number {
  const k = output.probabilities?.findIndex((p) => p.value === output.predictedClass) ?? -1;
  return k < 0 ? 0 : k;
}

/** The probability of class c for a score vector: logistic for one score (binary, [1 − p, p]), softmax otherwise. */
export function probabilityOf(score: readonly number[], c: number): number {
  if (score.length === 1) {
    const p = 1 / (1 + Math.exp(-score[0]!));
    return c === 1 ? p : 1 - p;
  }
  const top = Math.max(...score);
  const exp = score.map((s) => Math.exp(s - top));
  return exp[c]! / exp.reduce((a, b) => a + b, 0);
}

/** A term's change of every score against the reference case (values − reference; the values themselves without one). */
function changeOf(term: Term): number[] {
  return term.values.map((v, k) => v - (term.reference?.[k] ?? 0));
}

/**
 * The waterfall of one prediction, measured from the reference case: for regression in the outcome's unit (each
 * term's change of the estimate), for classification in percentage points of the predicted class's probability (each
 * term added in turn, so the changes add up exactly to the probability shown). Terms are ordered by the size of their
 * effect; beyond `shown` they are folded into one bar. Terms whose facts equal the reference case's change nothing
 * and get no bar: an absent circumstance is never shown as a reason.
 */
export function waterfallSteps(output: Explained, shown = 12): Waterfall {
  const k = scoreIndex(output);
  const changes = output.contributions.map((term) => ({ term, change: changeOf(term) }));
  const moving = changes.filter((c) => c.change.some((v) => v !== 0));
  const unchanged = changes.filter((c) => c.change.every((v) => v === 0)).map((c) => c.term);
  const referenceScore = output.reference?.score ?? output.intercept;
  const steps: WaterfallStep[] = [];

  if (output.kind === 'regression') {
    const start = referenceScore[0] ?? 0;
    const ordered = [...moving].sort((a, b) => Math.abs(b.change[0]!) - Math.abs(a.change[0]!) || a.term.term.localeCompare(b.term.term));
    steps.push({ key: 'reference', kind: 'reference', term: null, folded: 0, value: start, from: 0, to: start, scoreChange: start });
    let running = start;
    const push = (key: string, kind: 'term' | 'rest', term: Term | null, folded: number, value: number) => {
      steps.push({ key, kind, term, folded, value, from: running, to: running + value, scoreChange: value });
      running += value;
    };
    for (const { term, change } of ordered.slice(0, shown)) push(`term:${term.term}`, 'term', term, 0, change[0]!);
    const rest = ordered.slice(shown);
    if (rest.length > 0) push('rest', 'rest', null, rest.length, rest.reduce((s, r) => s + r.change[0]!, 0));
    const value = output.value ?? running;
    // The estimate is held within the outcome's limits (or the lawful range): that step is shown, not hidden.
    if (Math.abs(value - running) > 1e-9 * Math.max(1, Math.abs(value))) {
      steps.push({ key: 'bound', kind: 'bound', term: null, folded: 0, value: value - running, from: running, to: value, scoreChange: 0 });
      running = value;
    }
    steps.push({ key: 'score', kind: 'score', term: null, folded: 0, value: running, from: 0, to: running, scoreChange: running });
    return { steps, total: running, shown: value, reference: start, k, unit: 'value', unchanged };
  }

  const c = predictedIndex(output);
  const points = (score: readonly number[]) => 100 * probabilityOf(score, c);
  const reference = [...referenceScore];
  const start = points(reference);
  // Order by each term's effect on its own against the reference case, then add the terms in that order.
  const alone = (change: number[]) => Math.abs(points(reference.map((s, j) => s + change[j]!)) - start);
  const ordered = [...moving].map((m) => ({ ...m, size: alone(m.change) })).sort((a, b) => b.size - a.size || a.term.term.localeCompare(b.term.term));
  steps.push({ key: 'reference', kind: 'reference', term: null, folded: 0, value: start, from: 0, to: start, scoreChange: reference[k] ?? 0 });
  let score = reference;
  let running = start;
  const add = (key: string, kind: 'term' | 'rest', term: Term | null, folded: number, change: number[]) => {
    score = score.map((s, j) => s + change[j]!);
    const next = points(score);
    steps.push({ key, kind, term, folded, value: next - running, from: running, to: next, scoreChange: change[k] ?? 0 });
    running = next;
  };
  for (const { term, change } of ordered.slice(0, shown)) add(`term:${term.term}`, 'term', term, 0, change);
  const rest = ordered.slice(shown);
  if (rest.length > 0) add('rest', 'rest', null, rest.length, rest.reduce((sum, r) => sum.map((s, j) => s + r.change[j]!), reference.map(() => 0)));
  const probability = 100 * (output.probabilities?.[c]?.probability ?? running / 100);
  steps.push({ key: 'score', kind: 'score', term: null, folded: 0, value: running, from: 0, to: running, scoreChange: score[k] ?? 0 });
  return { steps, total: running, shown: probability, reference: start, k, unit: 'points', unchanged };
}
