/**
 * Rolling-origin backtests (Tashman 2000): the model is trained on the cases up to a term and tested on the next
 * terms, fold after fold, beside the majority class of the training fold and, where available, scikit-learn's
 * HistGradientBoosting on the same cases and encoded inputs. One split says little about later cases; the spread
 * over folds says how far a figure carries.
 */
import type { CaseRow } from '../cases/case-rows.ts';
import type { CaseType, OutcomeSpec } from '../cases/case-type.ts';
import { encodeFacts } from '../gam/features.ts';
import { classProbabilities, scoreCase } from '../gam/gam-model.ts';
import { peerOnCases } from '../peers/sklearn-peer.ts';
import { answeredByModel } from './evaluate.ts';
import { accuracy, argmax, logLoss, type AnsweredFigures } from './metrics.ts';
import { targetValues, trainGam, type EbmOptions } from './train.ts';

/** One fold: train on terms up to `trainTo`, test on `testFrom`–`testTo`. */
export interface Fold {
  readonly trainTo: number;
  readonly testFrom: number;
  readonly testTo: number;
}

/**
 * The SCDB folds of issue 14: five terms tested after each origin. Settings are chosen on the first three (tests
 * ending 1999); 2000–2004 is only reported, and the shared file (terms 1946–2004) has no case for 2005–2014.
 */
export const scdbFolds: readonly Fold[] = [
  { trainTo: 1984, testFrom: 1985, testTo: 1989 },
  { trainTo: 1989, testFrom: 1990, testTo: 1994 },
  { trainTo: 1994, testFrom: 1995, testTo: 1999 },
  { trainTo: 1999, testFrom: 2000, testTo: 2004 },
  { trainTo: 2004, testFrom: 2005, testTo: 2014 },
];

/** A fold's figures (accuracies as shares); `peer` is null when scikit-learn was not run. */
export interface FoldResult {
  readonly fold: Fold;
  readonly trainCases: number;
  readonly testCases: number;
  readonly accuracy: number;
  readonly majority: number;
  readonly peer: number | null;
  readonly logLoss: number;
  /** Share of test cases predicted in the last class (SCDB: petitioner won), and its actual share: a drift gauge. */
  readonly predictedPositive: number;
  readonly actualPositive: number;
  /**
   * The cases the model answered by the consultation's abstention rule (the rest a judge is told to refer to a human):
   * their share, its accuracy on them, and the training majority's on the same cases; null when it answered none.
   */
  readonly answered: AnsweredFigures | null;
  readonly seconds: number;
}

const inTerms = (row: CaseRow, from: number, to: number) => typeof row.time === 'number' && row.time >= from && row.time <= to;

/** Trains and tests one fold of a classification case type; null when no case falls in its test terms. */
export function backtestFold(
  caseType: CaseType,
  outcome: OutcomeSpec,
  rows: readonly CaseRow[],
  fold: Fold,
  settings: { readonly options?: Partial<EbmOptions>; readonly sklearn?: boolean } = {},
): FoldResult | null {
  if (outcome.kind !== 'classification') throw new Error(`${caseType.id}: rolling-origin backtests are implemented for classification outcomes`);
  const train = rows.filter((r) => inTerms(r, -Infinity, fold.trainTo));
  const test = rows.filter((r) => inTerms(r, fold.testFrom, fold.testTo));
  if (test.length === 0) return null;
  const started = performance.now();
  const { model } = trainGam({ caseType, outcome, facts: train.map((r) => r.facts), targets: train.map((r) => r.target), ...(settings.options ? { options: settings.options } : {}) });
  const seconds = (performance.now() - started) / 1000;
  const y = targetValues(outcome, test.map((r) => r.target));
  const encoded = test.map((r) => encodeFacts(model.features, r.facts));
  const probabilities = encoded.map((x) => classProbabilities(model, scoreCase(model, x).score));
  const trainY = targetValues(outcome, train.map((r) => r.target));
  const majorityClass = argmax(outcome.classes.map((_, k) => trainY.filter((v) => v === k).length));
  const positive = outcome.classes.length - 1;
  const share = (count: number) => count / y.length;
  return {
    fold,
    trainCases: train.length,
    testCases: test.length,
    accuracy: accuracy(probabilities, y),
    majority: share(Array.from(y).filter((v) => v === majorityClass).length),
    peer: settings.sklearn ? accuracy(peerOnCases(model, train, test, 1).predictions, y) : null,
    logLoss: logLoss(probabilities, y),
    predictedPositive: share(probabilities.filter((p) => argmax(p) === positive).length),
    actualPositive: share(Array.from(y).filter((v) => v === positive).length),
    answered: answeredByModel(model, test, encoded, probabilities, y, majorityClass),
    seconds,
  };
}
