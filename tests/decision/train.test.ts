import { describe, expect, it } from 'vitest';
import { explainCase } from '../../main/services/decision/explain.ts';
import { encodeFacts } from '../../models/gam/features.ts';
import { classProbabilities, scoreCase, type GamModel } from '../../models/gam/gam-model.ts';
import { accuracy, coverage, expectedCalibrationError } from '../../models/ebm/metrics.ts';
import { centreTerms, purifyPair } from '../../models/ebm/purify.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { targetValues, trainGam } from '../../models/ebm/train.ts';
import { toyCases, toyCaseType, type ToyTask } from './fixtures.ts';

function train(task: ToyTask, n: number, options: Record<string, number> = {}) {
  const caseType = toyCaseType(task);
  const cases = toyCases(task, n, 11);
  const { model, report } = trainGam({ caseType, outcome: caseType.meta.outcomes[0]!, facts: cases.map((c) => c.facts), targets: cases.map((c) => c.target), options: { bags: 2, ...options } });
  return { caseType, model, report, held: toyCases(task, 2000, 99) };
}

const regression = train('regression', 6000);

describe('glass-box training', () => {
  it('recovers the additive shape of each input', () => {
    const { model } = regression;
    const term = (name: string) => model.terms.find((t) => t.name === name)!;
    // x1 has slope 2 (plus 6 above 5 when b is ticked, which the pair takes): its bins rise with x1.
    const x1 = term('x1').values.slice(2);
    const rising = x1.filter((v, i) => i === 0 || v >= x1[i - 1]! - 0.5).length;
    expect(rising / x1.length).toBeGreaterThan(0.9);
    expect(x1[x1.length - 1]! - x1[0]!).toBeGreaterThan(15);
    // Checklist item a adds 5: bin of "ticked" (value 1) minus bin of "not ticked" (value 0).
    const a = term('flags=a').values;
    expect(a[2]! - a[1]!).toBeGreaterThan(4);
    expect(a[2]! - a[1]!).toBeLessThan(6);
  });

  it('finds the planted interaction among the pairs', () => {
    expect(regression.report.pairs[0]?.name).toBe('x1 × flags=b');
  });

  it('centres every main term on the training cases, so a contribution is relative to the average case', () => {
    const { model, caseType } = regression;
    const cases = toyCases('regression', 6000, 11);
    const encoded = cases.map((c) => encodeFacts(model.features, c.facts));
    // Over all training cases (calibration included, so only roughly 0) each term's mean contribution is near 0.
    model.terms.forEach((_, t) => {
      const mean = encoded.reduce((sum, x) => sum + scoreCase(model, x).terms[t]!, 0) / encoded.length;
      expect(Math.abs(mean), model.terms[t]!.name).toBeLessThan(0.5);
    });
    expect(caseType.id).toBe('toy-regression');
  });

  it('sums terms and intercept to the prediction, exactly, for every case', () => {
    const { model, held } = regression;
    for (const { facts } of held.slice(0, 300)) {
      const x = encodeFacts(model.features, facts);
      const output = explainCase(model, facts, x, scoreCase(model, x));
      const sum = output.intercept[0]! + output.contributions.reduce((s, c) => s + c.values[0]!, 0);
      expect(Math.abs(sum - output.score[0]!)).toBeLessThan(1e-9);
      expect(output.value).toBe(Math.max(0, output.score[0]!));
      expect(output.contributions.map((c) => c.term)).toEqual(model.terms.map((t) => t.name));
    }
  });

  it('gives split-conformal intervals that cover held-out cases at their level', () => {
    const { model, held } = regression;
    const y = held.map((c) => c.target as number);
    const scores = held.map((c) => scoreCase(model, encodeFacts(model.features, c.facts)).score[0]!);
    const [q80, q95] = model.conformal!.halfWidths;
    // 900 calibration and 2000 test cases: the coverage rate varies with both, by about 0.016 (one standard
    // deviation); the bounds are three of them around the level.
    const at80 = coverage(scores.map((s) => [s - q80, s + q80] as [number, number]), y);
    expect(at80).toBeGreaterThan(0.75);
    expect(at80).toBeLessThan(0.85);
    expect(coverage(scores.map((s) => [s - q95, s + q95] as [number, number]), y)).toBeGreaterThan(0.92);
    expect(model.conformal!.calibrationCases).toBe(900);
  });

  it('stops early on the validation loss and is deterministic for a seed', () => {
    for (const bag of regression.report.bags) expect(bag.mainRounds).toBeLessThan(regression.report.options.maxRounds);
    const again = train('regression', 6000);
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(regression.model));
    const other = train('regression', 6000, { seed: 2 });
    expect(JSON.stringify(other.model)).not.toBe(JSON.stringify(regression.model));
  });

  it('refuses unknown training options', () => {
    expect(() => train('regression', 100, { learningrate: 0.1 })).toThrow(/unknown training option learningrate/);
  });
});

function classificationQuality(model: GamModel, held: ReturnType<typeof toyCases>) {
  const y = targetValues(model.outcome, held.map((c) => c.target));
  const probabilities = held.map((c) => classProbabilities(model, scoreCase(model, encodeFacts(model.features, c.facts)).score));
  const counts = new Map<number, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  return { probabilities, accuracy: accuracy(probabilities, y), majority: Math.max(...counts.values()) / y.length, ece: expectedCalibrationError(probabilities, y) };
}

describe('classification', () => {
  it('binary: beats the majority class and is calibrated', () => {
    const { model, held } = train('binary', 3000);
    expect(model.link).toBe('logit');
    const quality = classificationQuality(model, held);
    expect(quality.accuracy).toBeGreaterThan(quality.majority + 0.1);
    expect(quality.ece).toBeLessThan(0.05);
  });

  it('multiclass: one score per class, probabilities summing to 1, better than the majority class', () => {
    const { model, held } = train('multiclass', 3000);
    expect(model.link).toBe('softmax');
    expect(model.intercept).toHaveLength(3);
    for (const term of model.terms) expect(term.values.length % 3).toBe(0);
    const quality = classificationQuality(model, held);
    for (const p of quality.probabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(quality.accuracy).toBeGreaterThan(quality.majority + 0.1);
    expect(quality.ece).toBeLessThan(0.06);
  });
});

describe('purification and centring', () => {
  it('moves a pair’s row and column means into the mains without changing any prediction', () => {
    const random = seededRandom(5);
    const A = 4;
    const B = 5;
    const pair = { values: Float64Array.from({ length: A * B }, () => random() * 10 - 5), counts: Float64Array.from({ length: A * B }, () => Math.floor(random() * 20) + 1) };
    // Main bins map onto pair bins (here main bin b ↦ pair bin ⌊b / 2⌋).
    const binOfA = [0, 0, 1, 1, 2, 2, 3, 3];
    const binOfB = [0, 1, 1, 2, 2, 3, 3, 4, 4];
    const mainA = Float64Array.from(binOfA, () => random());
    const mainB = Float64Array.from(binOfB, () => random());
    const f = (a: number, b: number, p = pair.values, ma = mainA, mb = mainB) => ma[a]! + mb[b]! + p[binOfA[a]! * B + binOfB[b]!]!;
    const before = binOfA.map((_, a) => binOfB.map((_, b) => f(a, b)));
    purifyPair({ pair, A, B, mains: [mainA, mainB], pairBinOf: [binOfA, binOfB] }, 1);
    binOfA.forEach((_, a) => binOfB.forEach((_, b) => expect(f(a, b)).toBeCloseTo(before[a]![b]!, 9)));
    for (let a = 0; a < A; a += 1) {
      let w = 0;
      let s = 0;
      for (let b = 0; b < B; b += 1) {
        w += pair.counts[a * B + b]!;
        s += pair.counts[a * B + b]! * pair.values[a * B + b]!;
      }
      expect(s / w).toBeCloseTo(0, 9);
    }
  });

  it('moves each term’s weighted mean into the intercept and zeroes cells no case fell in', () => {
    const term = { values: Float64Array.of(7, 1, 3, 9), counts: Float64Array.of(0, 1, 3, 0) };
    const intercept = Float64Array.of(10);
    centreTerms([term], intercept, 1);
    expect(intercept[0]).toBeCloseTo(12.5);
    expect(Array.from(term.values)).toEqual([0, -1.5, 0.5, 0]);
  });
});
