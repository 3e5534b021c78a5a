import { describe, expect, it } from 'vitest';
import { encodeFacts } from '../../models/gam/features.ts';
import { predictionOf, scoreCase, type GamModel } from '../../models/gam/gam-model.ts';
import { lossFor } from '../../models/ebm/losses.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { trainGam } from '../../models/ebm/train.ts';
import { toyCases, toyCaseType, toyEffects } from './fixtures.ts';

// The toy regression with a long tail: one case in twelve gets 40–120 more (a sentence far above its guideline).
function tailedCases(n: number, seed: number) {
  const random = seededRandom(seed + 1000);
  return toyCases('regression', n, seed).map((c) => ({ ...c, target: (c.target as number) + (random() < 1 / 12 ? 40 + 80 * random() : 0) }));
}

const caseType = toyCaseType('regression');
const train = tailedCases(6000, 21);
const held = tailedCases(3000, 77);
const fit = (huberDelta: number) =>
  trainGam({ caseType, outcome: caseType.meta.outcomes[0]!, facts: train.map((c) => c.facts), targets: train.map((c) => c.target), options: { bags: 2, huberDelta } });
const mae = (model: GamModel) =>
  held.reduce((sum, c) => sum + Math.abs(predictionOf(model, scoreCase(model, encodeFacts(model.features, c.facts)).score)[0]! - (c.target as number)), 0) / held.length;

describe('the Huber loss for long-tailed targets', () => {
  const squared = fit(0);
  const huber = fit(5);

  it('has a lower mean absolute error on held-out cases than squared error, with the same identity link', () => {
    expect(huber.model.link).toBe('identity');
    const ours = mae(huber.model);
    const plain = mae(squared.model);
    // The tail moves the mean of every cell by ~6.7; the typical case sits near the median, which Huber tracks.
    expect(ours).toBeLessThan(plain * 0.93);
  });

  it('follows the median: the typical case is estimated near its untailed value, not pulled up by the tail', () => {
    const typical = toyCases('regression', 2000, 5);
    const bias = (model: GamModel) =>
      typical.reduce((sum, c) => sum + predictionOf(model, scoreCase(model, encodeFacts(model.features, c.facts)).score)[0]! - (10 + toyEffects(c.facts)), 0) / typical.length;
    expect(Math.abs(bias(huber.model))).toBeLessThan(2);
    expect(bias(squared.model)).toBeGreaterThan(4);
  });

  it('clips each case’s gradient at the threshold and starts from the median', () => {
    const loss = lossFor('regression', 1, 5);
    expect(loss.kind).toBe('huber');
    const y = Float64Array.of(1, 2, 3, 100);
    expect([...loss.initialScore(y)]).toEqual([2.5]);
    const score = Float64Array.of(2, 2, 2, 2);
    const g = new Float64Array(4);
    loss.gradients(score, y, g, new Float64Array(4));
    expect([...g]).toEqual([1, 0, -1, -5]);
    // Half the square inside the threshold, linear beyond it: (0.5 + 0 + 0.5 + 5 × (98 − 2.5)) / 4.
    expect(loss.meanLoss(score, y)).toBeCloseTo((0.5 + 0 + 0.5 + 5 * (98 - 2.5)) / 4, 12);
    expect(lossFor('regression', 1, 0).kind).toBe('squared');
  });

  it('clips without a branch to within rounding, in the per-case gradients and in the fused histogram pass alike', () => {
    const delta = 20;
    const loss = lossFor('regression', 1, delta);
    const random = seededRandom(9);
    const residuals = [0, delta, -delta, delta * (1 + 1e-15), -delta * (1 - 1e-15), 1e-300, -1e6, 1e6, ...Array.from({ length: 5000 }, () => (random() - 0.5) * 8 * delta)];
    const n = residuals.length;
    const y = Float64Array.from(residuals, (r) => 100 - r);
    const score = new Float64Array(n).fill(100);
    const clip = (r: number) => Math.min(delta, Math.max(-delta, r));
    const g = new Float64Array(n);
    loss.gradients(score, y, g, new Float64Array(n));
    residuals.forEach((_, i) => expect(Math.abs(g[i]! - clip(score[i]! - y[i]!)), `case ${i}`).toBeLessThanOrEqual(1e-13));
    expect(g[1]).toBe(delta);
    expect(g[6]).toBe(-delta);
    // Three cells; the pass adds a step first, then sums the clipped residuals per cell.
    const cells = Uint16Array.from({ length: n }, (_, i) => i % 3);
    const step = Float64Array.of(0.5, -0.25, 2);
    const G = new Float64Array(3);
    const after = score.slice();
    loss.stepThenAccumulate(after, y, cells, step, cells, G, new Float64Array(3));
    const expected = [0, 0, 0];
    for (let i = 0; i < n; i += 1) expected[i % 3]! += clip(score[i]! + step[i % 3]! - y[i]!);
    expected.forEach((sum, c) => expect(Math.abs(G[c]! - sum)).toBeLessThan(1e-9));
    expect(after[4]).toBe(score[4]! + step[1]!);
  });
});
