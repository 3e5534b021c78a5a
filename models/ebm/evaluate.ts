/**
 * Held-out evaluation for the model card: the model against naive baselines on test cases it never saw, its
 * calibration (interval coverage, or expected calibration error), and the same measures per group of each
 * protected attribute, which the model never reads.
 */
import type { ModelCard } from '../../main/contract/index.ts';
import type { CaseRow } from '../cases/case-rows.ts';
import type { CaseType } from '../cases/case-type.ts';
import { encodeFacts } from '../gam/features.ts';
import { classProbabilities, scoreCase, type GamModel } from '../gam/gam-model.ts';
import { decideAbstention, ownRange, supportReasons, type LawfulRangeOf } from '../gam/abstention.ts';
import { reachFor } from './conformal.ts';
import { accuracy, answeredFigures, argmax, coverage, type AnsweredFigures, expectedCalibrationError, logLoss, meanAbsoluteError, regressionAnsweredFigures, rootMeanSquaredError } from './metrics.ts';
import { targetValues } from './train.ts';

type Validation = Pick<ModelCard['validation'], 'regression' | 'classification'>;
type Disparity = ModelCard['disparity'];

/** What the evaluation found, and the per-case predictions it was computed from. */
export interface Evaluation {
  readonly validation: Validation;
  readonly disparity: Disparity;
  /** Per test case: the predicted value (regression) or class probabilities. */
  readonly predictions: number[][];
  /** Regression: the 80% and 95% intervals per test case. */
  readonly intervals?: { readonly at80: Array<[number, number]>; readonly at95: Array<[number, number]> };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const clip = (v: number, min?: number, max?: number) => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, v));

/**
 * A classifier's figures on the test cases it answers by the consultation's rule (top probability at the outcome's
 * threshold, every input within training support), beside always predicting `baselineClass` on them.
 */
export function answeredByModel(
  model: GamModel,
  test: readonly CaseRow[],
  encoded: ReadonlyArray<ArrayLike<number>>,
  probabilities: ReadonlyArray<readonly number[]>,
  y: ArrayLike<number>,
  baselineClass: number,
): AnsweredFigures | null {
  if (model.outcome.kind !== 'classification') return null;
  const { minTopProbability } = model.outcome.abstention;
  const answered = probabilities.map((p, i) => !decideAbstention({ topProbability: Math.max(...p), minTopProbability, support: supportReasons(model.features, test[i]!.facts, encoded[i]!) }).refer);
  return answeredFigures(probabilities, y, baselineClass, answered);
}

/** What the evaluation may be told beyond the model and its cases. */
export interface EvaluateOptions {
  readonly lawfulRange?: LawfulRangeOf | undefined;
}

/**
 * A regression's figures on the test cases it answers by the consultation's rule: the interval judged against the
 * case's lawful range (else the outcome's own range), value and interval clipped to the lawful range as shown.
 */
function answeredRegression(
  model: GamModel,
  test: readonly CaseRow[],
  encoded: ReadonlyArray<ArrayLike<number>>,
  predicted: readonly number[],
  at80: ReadonlyArray<[number, number]>,
  y: ArrayLike<number>,
  median: number,
  lawfulRange: LawfulRangeOf | undefined,
) {
  if (model.outcome.kind !== 'regression') return null;
  const { abstention } = model.outcome;
  const fallback = ownRange(model.outcome);
  const shown: number[] = [];
  const intervals: Array<[number, number]> = [];
  const answered = test.map((row, i) => {
    const lawful = lawfulRange?.(row.facts) ?? null;
    const within = (v: number) => (lawful ? Math.min(lawful.max, Math.max(lawful.min, v)) : v);
    shown.push(within(predicted[i]!));
    intervals.push([within(at80[i]![0]), within(at80[i]![1])]);
    // As at consultation: the width judged is the model's own interval, before it is clipped to the lawful range.
    const range = lawful ? ([lawful.min, lawful.max] as const) : fallback;
    return !decideAbstention({ interval: at80[i], range, maxWidthFraction: abstention.maxIntervalWidthFraction, support: supportReasons(model.features, row.facts, encoded[i]!) }).refer;
  });
  return regressionAnsweredFigures(shown, intervals, y, median, answered);
}

/** Evaluates a model on test cases; training cases give the naive baselines (median, majority class). */
export function evaluateModel(model: GamModel, caseType: CaseType, train: readonly CaseRow[], test: readonly CaseRow[], options: EvaluateOptions = {}): Evaluation {
  const outcome = model.outcome;
  const encoded = test.map((row) => encodeFacts(model.features, row.facts));
  const scores = encoded.map((x) => scoreCase(model, x).score);
  const y = targetValues(outcome, test.map((r) => r.target));
  const protectedFields = caseType.fields.filter((f) => f.role.role === 'protected');
  const groupsOf = (field: string) => {
    const groups = new Map<string, number[]>();
    test.forEach((row, i) => {
      const key = row.protectedValues[field] ?? 'missing';
      const members = groups.get(key) ?? [];
      members.push(i);
      groups.set(key, members);
    });
    return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  };
  const labelOf = (field: string, key: string) => {
    const role = caseType.fields.find((f) => f.name === field)?.role;
    return (role && 'labels' in role ? role.labels?.[key] : undefined) ?? key;
  };
  const fieldTitle = (field: string) => caseType.fields.find((f) => f.name === field)?.title ?? field;
  const pick = <T>(values: readonly T[], indexes: readonly number[]) => indexes.map((i) => values[i]!);

  if (outcome.kind === 'regression') {
    const predicted = scores.map((s) => clip(s[0]!, outcome.min, outcome.max));
    const conformal = model.conformal;
    const half = conformal?.halfWidths ?? [Infinity, Infinity];
    const caseReach = test.map((row, i) =>
      conformal
        ? reachFor(conformal, row.facts, encoded[i]!)
        : [
            { below: half[0], above: half[0] },
            { below: half[1], above: half[1] },
          ],
    );
    const band = (level: 0 | 1) =>
      scores.map((s, i): [number, number] => {
        const reach = caseReach[i]![level]!;
        return [clip(s[0]! - reach.below, outcome.min, outcome.max), clip(s[0]! + reach.above, outcome.min, outcome.max)];
      });
    const at80 = band(0);
    const at95 = band(1);
    const trainMedian = median(train.map((r) => r.target as number));
    const baselines = [{ name: 'training median', meanAbsoluteError: meanAbsoluteError(test.map(() => trainMedian), y) }];
    if (outcome.baseline) {
      // The baseline reads its input as the model does (recoded), and falls back to the median where it is missing.
      const j = model.features.findIndex((f) => f.field === outcome.baseline?.field && f.item === undefined);
      const guess = encoded.map((x) => (j >= 0 && !Number.isNaN(x[j]!) ? x[j]! : trainMedian));
      baselines.unshift({ name: outcome.baseline.name, meanAbsoluteError: meanAbsoluteError(guess, y) });
    }
    const answered = answeredRegression(model, test, encoded, predicted, at80, y, trainMedian, options.lawfulRange);
    const disparity: Disparity = protectedFields.map((field) => ({
      attribute: field.name,
      title: field.title,
      groups: groupsOf(field.name).map(([value, indexes]) => {
        const p = pick(predicted, indexes);
        const a = pick(Array.from(y), indexes);
        return {
          value,
          label: labelOf(field.name, value),
          cases: indexes.length,
          meanAbsoluteError: meanAbsoluteError(p, a),
          meanSignedError: p.reduce((sum, v, i) => sum + v - a[i]!, 0) / Math.max(1, a.length),
          coverage80: coverage(pick(at80, indexes), a),
        };
      }),
    }));
    return {
      validation: {
        regression: {
          meanAbsoluteError: meanAbsoluteError(predicted, y),
          rootMeanSquaredError: rootMeanSquaredError(predicted, y),
          baselines,
          intervals: {
            halfWidth80: half[0],
            halfWidth95: half[1],
            coverage80: coverage(at80, y),
            coverage95: coverage(at95, y),
            ...(conformal?.strata ? { stratifiedBy: { field: conformal.strata.field, title: fieldTitle(conformal.strata.field), groups: conformal.strata.groups.length } } : {}),
            ...(conformal?.spread
              ? { normalised: { fitCases: conformal.spread.fitCases, calibrationCases: conformal.spread.calibrationCases, meanWidth80: at80.reduce((sum, [lo, hi]) => sum + hi - lo, 0) / Math.max(1, at80.length) } }
              : {}),
            ...(conformal?.spread?.sides
              ? { sides: { missedBelow80: at80.filter(([lo], i) => y[i]! < lo).length / Math.max(1, at80.length), missedAbove80: at80.filter(([, hi], i) => y[i]! > hi).length / Math.max(1, at80.length) } }
              : {}),
          },
          ...(answered ? { answered } : {}),
        },
      },
      disparity,
      predictions: predicted.map((v) => [v]),
      intervals: { at80, at95 },
    };
  }

  const probabilities = scores.map((s) => classProbabilities(model, s));
  const trainY = targetValues(outcome, train.map((r) => r.target));
  const counts = outcome.classes.map((_, k) => trainY.filter((v) => v === k).length);
  const majority = argmax(counts);
  const positive = outcome.classes.length - 1;
  const answered = answeredByModel(model, test, encoded, probabilities, y, majority);
  const disparity: Disparity = protectedFields.map((field) => ({
    attribute: field.name,
    title: field.title,
    groups: groupsOf(field.name).map(([value, indexes]) => {
      const p = pick(probabilities, indexes);
      const a = pick(Array.from(y), indexes);
      return {
        value,
        label: labelOf(field.name, value),
        cases: indexes.length,
        accuracy: accuracy(p, a),
        predictedPositiveRate: p.filter((q) => argmax(q) === positive).length / Math.max(1, p.length),
        actualPositiveRate: a.filter((v) => v === positive).length / Math.max(1, a.length),
      };
    }),
  }));
  return {
    validation: {
      classification: {
        accuracy: accuracy(probabilities, y),
        logLoss: logLoss(probabilities, y),
        expectedCalibrationError: expectedCalibrationError(probabilities, y),
        baselines: [{ name: `majority class (${outcome.classes[majority]!.label})`, accuracy: Array.from(y).filter((v) => v === majority).length / Math.max(1, y.length) }],
        ...(answered ? { answered } : {}),
      },
    },
    disparity,
    predictions: probabilities,
  };
}
