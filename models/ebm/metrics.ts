/** Evaluation measures for the model card, the tests and the benchmark. */
import type { Answered, RegressionAnswered } from '../../main/contract/index.ts';

/** Split-conformal half-width: the ⌈(n + 1)·level⌉-th smallest absolute residual (Infinity when n is too small). */
export function conformalHalfWidth(residuals: readonly number[], level: number): number {
  const sorted = [...residuals].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length + 1) * level);
  return rank > sorted.length ? Infinity : sorted[rank - 1]!;
}

/** Mean absolute error. */
export function meanAbsoluteError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) sum += Math.abs(predicted[i]! - actual[i]!);
  return sum / Math.max(1, actual.length);
}

/** Root mean squared error. */
export function rootMeanSquaredError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) sum += (predicted[i]! - actual[i]!) ** 2;
  return Math.sqrt(sum / Math.max(1, actual.length));
}

/** Share of cases whose actual value lies in [low, high]. */
export function coverage(intervals: ReadonlyArray<readonly [number, number]>, actual: ArrayLike<number>): number {
  let inside = 0;
  for (let i = 0; i < actual.length; i += 1) if (actual[i]! >= intervals[i]![0] && actual[i]! <= intervals[i]![1]) inside += 1;
  return inside / Math.max(1, actual.length);
}

/** Share of cases whose most probable class is the actual one (classes as indexes). */
export function accuracy(probabilities: ReadonlyArray<readonly number[]>, actual: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < actual.length; i += 1) if (argmax(probabilities[i]!) === actual[i]) right += 1;
  return right / Math.max(1, actual.length);
}

/** Index of the largest value (the first on ties). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k += 1) if (values[k]! > values[best]!) best = k;
  return best;
}

/** How a classifier fared on the cases it answered, beside always predicting one class on those same cases. */
export type AnsweredFigures = Answered;

/**
 * Figures on the cases a classifier answered (`answered[i]`: the consultation's abstention rule let case i through);
 * null when it answered none. The judge sees a prediction only for these, so these are the figures that judge relies on.
 */
export function answeredFigures(probabilities: ReadonlyArray<readonly number[]>, actual: ArrayLike<number>, baselineClass: number, answered: readonly boolean[]): AnsweredFigures | null {
  let count = 0;
  let right = 0;
  let baselineRight = 0;
  probabilities.forEach((p, i) => {
    if (!answered[i]) return;
    count += 1;
    if (argmax(p) === actual[i]) right += 1;
    if (actual[i] === baselineClass) baselineRight += 1;
  });
  return count === 0 ? null : { share: count / probabilities.length, accuracy: right / count, majority: baselineRight / count };
}

/**
 * Figures on the cases a regression answered (`answered[i]`), from the values and 80 % intervals as the judge sees
 * them, beside the training median on the same cases; null when it answered none.
 */
export function regressionAnsweredFigures(
  shown: readonly number[],
  intervals: ReadonlyArray<readonly [number, number]>,
  actual: ArrayLike<number>,
  median: number,
  answered: readonly boolean[],
): RegressionAnswered | null {
  let count = 0;
  let error = 0;
  let medianError = 0;
  let covered = 0;
  shown.forEach((value, i) => {
    if (!answered[i]) return;
    const y = actual[i]!;
    count += 1;
    error += Math.abs(value - y);
    medianError += Math.abs(median - y);
    if (y >= intervals[i]![0] && y <= intervals[i]![1]) covered += 1;
  });
  return count === 0 ? null : { share: count / shown.length, meanAbsoluteError: error / count, medianError: medianError / count, coverage80: covered / count };
}

/** Mean negative log-likelihood of the actual classes. */
export function logLoss(probabilities: ReadonlyArray<readonly number[]>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) sum -= Math.log(Math.max(1e-15, probabilities[i]![actual[i]!]!));
  return sum / Math.max(1, actual.length);
}

/**
 * Expected calibration error of the top class (Guo et al. 2017): cases binned by their top probability into
 * `bins` equal-width bins; the count-weighted mean gap between confidence and accuracy.
 */
export function expectedCalibrationError(probabilities: ReadonlyArray<readonly number[]>, actual: ArrayLike<number>, bins = 10): number {
  const count = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  const correct = new Float64Array(bins);
  for (let i = 0; i < actual.length; i += 1) {
    const p = probabilities[i]!;
    const top = argmax(p);
    const bin = Math.min(bins - 1, Math.floor(p[top]! * bins));
    count[bin]! += 1;
    confidence[bin]! += p[top]!;
    if (top === actual[i]) correct[bin]! += 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b += 1) if (count[b]! > 0) ece += Math.abs(confidence[b]! - correct[b]!) / Math.max(1, actual.length);
  return ece;
}
