/**
 * Cyclic gradient boosting (the EBM training loop): each round visits every term once, fits a shallow tree to
 * that term's histogram of gradients, and adds a small step of it to the term's table. Early stopping watches the
 * loss on a validation split and keeps the tables of the best round.
 */
import { addToScores, type Loss } from './losses.ts';
import { fitOrderedTree, fitPairTree, ratioOrder, type Histogram, type TreeSettings } from './shallow-trees.ts';

/** How a term's cells are split: an ordered sequence, unordered categories, or an A × B grid. */
export type TermShape = { readonly kind: 'ordered' } | { readonly kind: 'categorical' } | {
      readonly kind: 'pair';
      readonly A: number;
      readonly B: number;
      /** Whether each input is categorical (its cells have no order of their own). */
      readonly categorical: readonly [boolean, boolean];
    };

/** One term as the booster sees it: its number of cells and the cell of every fit and validation case. */
export interface StageTerm {
  readonly cells: number;
  readonly shape: TermShape;
  readonly fit: Uint16Array;
  readonly val: Uint16Array;
}

/** The cases of one bag and their running scores (n × K), which the stage updates in place. */
export interface BagCases {
  readonly fitY: Float64Array;
  readonly valY: Float64Array;
  readonly fitScore: Float64Array;
  readonly valScore: Float64Array;
}

/** Settings of one boosting stage. */
export interface BoostSettings extends TreeSettings {
  readonly learningRate: number;
  readonly maxRounds: number;
  /** Stop after this many rounds without a better validation loss… */
  readonly patience: number;
  /** …or when the best loss fell by less than this fraction over the last `patience` rounds. */
  readonly tolerance: number;
}

/** What a stage produced: each term's table at the best round, and how it got there. */
export interface StageResult {
  readonly values: Float64Array[];
  readonly rounds: number;
  readonly bestRound: number;
  readonly bestLoss: number;
}

function addTable(cases: BagCases, term: StageTerm, table: Float64Array, width: number): void {
  addToScores(term.fit, cases.fitScore, table, width);
  addToScores(term.val, cases.valScore, table, width);
}

/** Boosts the terms cyclically from zero tables; on return the scores match the best round's tables. */
export function boostStage(cases: BagCases, terms: readonly StageTerm[], loss: Loss, settings: BoostSettings): StageResult {
  const K = loss.width;
  const values = terms.map((t) => new Float64Array(t.cells * K));
  const best = values.map((v) => v.slice());
  const counts = terms.map((t) => {
    const C = new Float64Array(t.cells);
    for (const cell of t.fit) C[cell]! += 1;
    return C;
  });
  const identity = terms.map((t) => Int32Array.from({ length: t.cells }, (_, c) => c));
  const largest = Math.max(0, ...terms.map((t) => t.cells * K));
  const G = new Float64Array(largest);
  const H = new Float64Array(largest);
  const steps = terms.map((t) => new Float64Array(t.cells * K));
  // One view per term, made once: a tree reads only its term's cells, and a view per term per round was garbage.
  const histograms: Histogram[] = counts.map((C) => ({ G, H, C, width: K }));
  let bestLoss = loss.meanLoss(cases.valScore, cases.valY);
  let bestRound = 0;
  let round = 0;
  const bestByRound = [bestLoss];
  const stalled = () => round >= settings.patience && bestByRound[round - settings.patience]! - bestLoss < settings.tolerance * Math.abs(bestLoss);
  const goOn = () => round < settings.maxRounds && round - bestRound < settings.patience && !stalled();
  const clear = (t: number) => {
    const size = terms[t]!.cells * K;
    G.fill(0, 0, size);
    if (!loss.unitHessian) H.fill(0, 0, size);
  };
  // Each term's histogram of the fit cases is gathered in the pass that adds the previous term's step.
  if (terms.length > 0 && goOn()) {
    clear(0);
    loss.accumulate(cases.fitScore, cases.fitY, terms[0]!.fit, G, H);
  }
  while (goOn()) {
    round += 1;
    for (let t = 0; t < terms.length; t += 1) {
      const term = terms[t]!;
      const size = term.cells * K;
      if (loss.unitHessian) H.set(counts[t]!);
      const hist = histograms[t]!;
      // Every cell of the step is written by the tree (its leaves cover the table), so one array serves all rounds.
      const step = steps[t]!;
      for (let k = 0; k < K; k += 1) {
        if (term.shape.kind === 'pair') fitPairTree(hist, k, term.shape.A, term.shape.B, settings, step, term.shape.categorical);
        else fitOrderedTree(hist, k, term.shape.kind === 'categorical' ? ratioOrder(hist, k, term.cells, settings.categorySmoothing) : identity[t]!, settings, step);
      }
      const table = values[t]!;
      for (let c = 0; c < size; c += 1) {
        step[c] = step[c]! * settings.learningRate;
        table[c] = table[c]! + step[c]!;
      }
      addToScores(term.val, cases.valScore, step, K);
      let next = t + 1;
      if (next === terms.length) {
        const current = loss.meanLoss(cases.valScore, cases.valY);
        if (current < bestLoss) {
          bestLoss = current;
          bestRound = round;
          values.forEach((v, u) => best[u]!.set(v));
        }
        bestByRound.push(bestLoss);
        next = goOn() ? 0 : -1;
      }
      if (next < 0) addToScores(term.fit, cases.fitScore, step, K);
      else {
        clear(next);
        loss.stepThenAccumulate(cases.fitScore, cases.fitY, term.fit, step, terms[next]!.fit, G, H);
      }
    }
  }
  // Back to the best round: take the difference out of the running scores.
  terms.forEach((term, t) => {
    const diff = values[t]!.map((v, c) => best[t]![c]! - v);
    addTable(cases, term, diff, K);
  });
  return { values: best, rounds: round, bestRound, bestLoss };
}
