import { describe, expect, it } from 'vitest';
import { accuracy, answeredFigures, conformalHalfWidth, coverage, expectedCalibrationError, logLoss, meanAbsoluteError, regressionAnsweredFigures } from '../../models/ebm/metrics.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { decideAbstention } from '../../models/gam/abstention.ts';

describe('evaluation measures', () => {
  it('takes the ⌈(n+1)·level⌉-th smallest residual as the conformal half-width', () => {
    const residuals = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(conformalHalfWidth(residuals, 0.8)).toBe(8);
    expect(conformalHalfWidth(residuals, 0.5)).toBe(5);
    expect(conformalHalfWidth(residuals, 0.95)).toBe(Infinity);
  });

  it('covers at least the level on exchangeable data (split conformal)', () => {
    const random = seededRandom(3);
    const draw = () => Math.abs(random() - random()) * 10;
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t += 1) {
      const q = conformalHalfWidth(Array.from({ length: 50 }, draw), 0.8);
      if (draw() <= q) covered += 1;
    }
    // Marginal coverage ≥ 80%; with 400 trials the rate lies above 0.75 with overwhelming probability.
    expect(covered / trials).toBeGreaterThan(0.75);
  });

  it('computes MAE, coverage, accuracy and log loss', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(coverage([[0, 1], [0, 1], [2, 3]], [0.5, 2, 2])).toBeCloseTo(2 / 3);
    expect(accuracy([[0.9, 0.1], [0.4, 0.6]], [0, 0])).toBe(0.5);
    expect(logLoss([[0.5, 0.5]], [1])).toBeCloseTo(Math.log(2));
  });

  it('measures expected calibration error of the top class', () => {
    // Ten cases at confidence 0.8 of which 8 right: calibrated. Then all wrong: gap 0.8.
    const probs = Array.from({ length: 10 }, () => [0.8, 0.2]);
    expect(expectedCalibrationError(probs, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1])).toBeCloseTo(0);
    expect(expectedCalibrationError(probs, new Array(10).fill(1))).toBeCloseTo(0.8);
  });

  it('scores the cases a classifier answers, beside the majority class on those same cases', () => {
    // Four cases reach 0.6 (three right; two of them of class 1, the majority); two are referred to a human.
    const probs = [[0.9, 0.1], [0.3, 0.7], [0.2, 0.8], [0.35, 0.65], [0.55, 0.45], [0.45, 0.55]];
    const actual = [0, 1, 1, 0, 1, 0];
    const outsideSupport = [{ code: 'unseen-category' as const, feature: 'court', value: 'admiralty' }];
    const answers = (p: readonly number[], minTopProbability: number, outside: number) =>
      !decideAbstention({ topProbability: Math.max(...p), minTopProbability, support: outside ? outsideSupport : [] }).refer;
    const at = (minTop: number, outside = probs.map(() => 0)) => probs.map((p, i) => answers(p, minTop, outside[i]!));
    expect(answeredFigures(probs, actual, 1, at(0.6))).toEqual({ share: 4 / 6, accuracy: 3 / 4, majority: 2 / 4 });
    // An input outside training support refers a confident case too (the third, a right answer, here).
    expect(answeredFigures(probs, actual, 1, at(0.6, [0, 0, 1, 0, 0, 0]))).toEqual({ share: 3 / 6, accuracy: 2 / 3, majority: 1 / 3 });
    // At the threshold itself the model answers; above every probability it answers nothing.
    expect(answers([0.6, 0.4], 0.6, 0)).toBe(true);
    expect(answeredFigures(probs, actual, 1, at(0.95))).toBeNull();
  });

  it("gives a regression's share answered, its error and the median's there, and its 80 % coverage there", () => {
    const shown = [10, 20, 30, 40];
    const intervals: Array<[number, number]> = [
      [5, 15],
      [18, 22],
      [25, 35],
      [0, 100],
    ];
    const actual = [12, 25, 30, 90];
    // The fourth (too wide an interval) is referred: figures over the first three only.
    expect(regressionAnsweredFigures(shown, intervals, actual, 20, [true, true, true, false])).toEqual({ share: 3 / 4, meanAbsoluteError: (2 + 5 + 0) / 3, medianError: (8 + 5 + 10) / 3, coverage80: 2 / 3 });
    expect(regressionAnsweredFigures(shown, intervals, actual, 20, [false, false, false, false])).toBeNull();
  });
});
