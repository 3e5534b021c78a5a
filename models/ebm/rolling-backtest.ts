/**
 * Rolling-origin backtests for a model card (Tashman 2000): for a case type split by time, the model is retrained
 * with the same settings on the cases before each of several cuts and tested on the period after it, beside the
 * same naive baselines as the card's held-out test; the card's own held-out test is the last fold. The spread over
 * the folds says how far the held-out figure carries to later cases. Cases without a time order get no invented one.
 */
import type { Backtest, BacktestFold as Fold } from '../../main/contract/index.ts';
import type { CaseRow } from '../cases/case-rows.ts';
import type { CaseType, OutcomeSpec, SplitSpec } from '../cases/case-type.ts';
import type { LawfulRangeOf } from '../gam/abstention.ts';
import { evaluateModel, type Evaluation } from './evaluate.ts';
import { trainGam, type EbmOptions } from './train.ts';

type Time = number | string;

/** One rolling-origin cut: train on the cases before `trainedBefore`, test on those from it up to `testBefore`. */
export interface RollingCut {
  readonly trainedBefore: Time;
  readonly testBefore: Time;
}

/** Fewer training cases than this make a fold too small to train; it is left out rather than reported. */
export const minFoldTrainingCases = 100;
/** A numeric time field (years, terms) widens its test periods until each holds at least this many cases. */
export const minFoldTestCases = 300;

const isoDate = /^(\d{4})(-\d{2}-\d{2})$/;

/** The date `years` calendar years before an ISO date (same month and day). */
function yearsBefore(date: string, years: number): string {
  const m = isoDate.exec(date);
  if (!m) throw new Error(`rolling-origin backtest: ${date} is not an ISO date (YYYY-MM-DD)`);
  return `${String(Number(m[1]) - years).padStart(4, '0')}${m[2]}`;
}

/**
 * The `count` cuts before the held-out cut, oldest first: one calendar year apart for dates; for numbers (terms,
 * years), the narrowest whole width at which every test period holds `minFoldTestCases` cases (or the widest that
 * still leaves training cases).
 */
export function rollingCuts(heldOutFrom: Time, times: readonly Time[], count = 3): RollingCut[] {
  const cuts = (width: number): Time[] =>
    Array.from({ length: count + 1 }, (_, k) => (typeof heldOutFrom === 'string' ? yearsBefore(heldOutFrom, (count - k) * width) : heldOutFrom - (count - k) * width));
  const periods = (all: Time[]): RollingCut[] => all.slice(0, -1).map((cut, k) => ({ trainedBefore: cut, testBefore: all[k + 1]! }));
  if (typeof heldOutFrom === 'string') return periods(cuts(1));
  const numbers = times.filter((t): t is number => typeof t === 'number');
  if (numbers.length === 0) return [];
  const first = Math.min(...numbers);
  let width = 1;
  for (; heldOutFrom - count * (width + 1) > first; width++) {
    const all = cuts(width);
    const smallest = Math.min(...periods(all).map((c) => numbers.filter((t) => t >= Number(c.trainedBefore) && t < Number(c.testBefore)).length));
    if (smallest >= minFoldTestCases) break;
  }
  return periods(cuts(width));
}

const timeText = (t: Time) => String(t);

function figures(evaluation: Evaluation): Pick<Fold, 'regression' | 'classification'> {
  const { regression, classification } = evaluation.validation;
  if (regression) return { regression: { meanAbsoluteError: regression.meanAbsoluteError, baselines: regression.baselines, ...(regression.answered ? { answered: regression.answered } : {}) } };
  if (classification) return { classification: { accuracy: classification.accuracy, baselines: classification.baselines, ...(classification.answered ? { answered: classification.answered } : {}) } };
  throw new Error('rolling-origin backtest: the evaluation has neither regression nor classification figures');
}

function fold(cut: Time, train: readonly CaseRow[], test: readonly CaseRow[], heldOut: boolean, evaluation: Evaluation): Fold {
  const times = test.map((r) => r.time as Time).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    trainedBefore: timeText(cut),
    testFrom: timeText(times[0]!),
    testTo: timeText(times[times.length - 1]!),
    trainingCases: train.length,
    testCases: test.length,
    heldOut,
    ...figures(evaluation),
  };
}

/** What a backtest needs: the case type and its split, the outcome, every usable case, the training settings. */
export interface RollingBacktestInput {
  readonly caseType: CaseType;
  readonly split: SplitSpec;
  readonly outcome: OutcomeSpec;
  readonly rows: readonly CaseRow[];
  readonly options?: Partial<EbmOptions> | undefined;
  readonly synthetic: boolean;
  /** The shipped model and its held-out evaluation, reported as the last fold without retraining. */
  readonly heldOut: { readonly train: readonly CaseRow[]; readonly test: readonly CaseRow[]; readonly evaluation: Evaluation };
  readonly folds?: number;
  /** The lawful range per case, as the consulting service applies it (see `LawfulRangeOf`). */
  readonly lawfulRange?: LawfulRangeOf | undefined;
}

/** Retrains on each earlier cut with the shipped model's settings and reports every fold, the held-out one last. */
export function rollingBacktest(input: RollingBacktestInput): Backtest {
  const { split, caseType, outcome } = input;
  if (split.kind !== 'temporal') return { kind: 'unordered', split: `random ${Math.round(split.testFraction * 100)}% held out (seed ${split.seed})` };
  const timed = input.rows.filter((r): r is CaseRow & { time: Time } => r.time !== null);
  const folds: Fold[] = [];
  for (const cut of rollingCuts(split.testFrom, timed.map((r) => r.time), input.folds)) {
    const train = timed.filter((r) => r.time < cut.trainedBefore);
    const test = timed.filter((r) => r.time >= cut.trainedBefore && r.time < cut.testBefore);
    if (train.length < minFoldTrainingCases || test.length === 0) continue;
    const { model } = trainGam({ caseType, outcome, facts: train.map((r) => r.facts), targets: train.map((r) => r.target), synthetic: input.synthetic, options: input.options });
    folds.push(fold(cut.trainedBefore, train, test, false, evaluateModel(model, caseType, train, test, { lawfulRange: input.lawfulRange })));
  }
  const { heldOut } = input;
  folds.push(fold(split.testFrom, heldOut.train, heldOut.test, true, heldOut.evaluation));
  return { kind: 'rolling-origin', field: split.field, folds };
}
