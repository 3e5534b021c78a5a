import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { encodeFacts } from '../../models/gam/features.ts';
import { predictionOf, scoreCase } from '../../models/gam/gam-model.ts';
import { openOnnxModel } from '../../main/services/decision/onnx-runner.ts';
import { meanAbsoluteError } from '../../models/ebm/metrics.ts';
import { trainCaseType, type CaseTypeTraining } from '../../models/ebm/train-case-type.ts';
import { peerOnCases, sklearnAvailability } from '../../models/peers/sklearn-peer.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real decision USSC');
const sklearn = sklearnAvailability();
if (sharedDataDir && !sklearn.available) console.log(`[real decision USSC] scikit-learn comparison skipped: ${sklearn.reason}`);

// Issue 5 thresholds: MAE below the guideline-minimum baseline; 80% interval coverage between 78% and 82%. Issue 14:
// against scikit-learn's HistGradientBoostingRegressor on the same held-out 20%, case type 1.4.0 (Huber loss, every
// pair of inputs, a spread per side of the interval) is checked against both its losses: no worse than the squared one,
// and within the issue's 1% of the absolute one.
describe.skipIf(!sharedDataDir)('USSC FY2024 sentences, 20% held out at random (fixed seed)', () => {
  let trained: CaseTypeTraining;
  beforeAll(() => {
    const caseType = findCaseType(loadCaseTypes(), 'ussc-sentencing');
    trained = trainCaseType({ caseType, file: join(sharedDataDir ?? '', 'legal', 'ussc_fy2024_sentencing.csv'), period: { from: '2023-10-01', to: '2024-09-30' } });
    const r = trained.card.validation.regression!;
    console.log(`[real decision USSC] MAE ${r.meanAbsoluteError.toFixed(3)}; ${r.baselines.map((b) => `${b.name} ${b.meanAbsoluteError.toFixed(3)}`).join('; ')}; coverage 80% ${(r.intervals.coverage80 * 100).toFixed(2)}%, 95% ${(r.intervals.coverage95 * 100).toFixed(2)}%; trained in ${trained.report.seconds.toFixed(1)} s`);
  }, 120_000);

  it('holds out a fifth of the cases with a sentence, never training on them', () => {
    expect(trained.data.rows.length).toBe(45_265);
    expect(trained.test.length).toBe(Math.round(45_265 * 0.2));
    const trainLines = new Set(trained.train.map((r) => r.line));
    expect(trained.test.some((r) => trainLines.has(r.line))).toBe(false);
  });

  it('predicts sentences with a lower MAE than the guideline minimum', () => {
    const r = trained.card.validation.regression!;
    const guideline = r.baselines.find((b) => b.name.startsWith('guideline minimum'))!;
    expect(r.meanAbsoluteError).toBeLessThan(guideline.meanAbsoluteError);
  });

  it('covers 78–82% of held-out sentences with its 80% conformal interval', () => {
    const { coverage80 } = trained.card.validation.regression!.intervals;
    expect(coverage80).toBeGreaterThanOrEqual(0.78);
    expect(coverage80).toBeLessThanOrEqual(0.82);
  });

  it('trains the newest case type: the Huber loss, every pair of inputs, its own learning rate and a spread per side of the interval', () => {
    expect(trained.model.caseType.version).toBe('1.4.0');
    expect(trained.report.options.huberDelta).toBe(10);
    expect(trained.report.options.learningRate).toBe(0.4);
    expect(trained.report.pairs.length).toBe(36);
    expect(trained.model.conformal?.spread?.sides).toBeDefined();
  });

  it.skipIf(!sklearn.available)('is no worse than scikit-learn HistGradientBoostingRegressor with its default (squared) loss, and within 1% with the absolute loss', () => {
    const actual = trained.test.map((r) => r.target as number);
    const ours = trained.card.validation.regression!.meanAbsoluteError;
    // The issue's baseline is the absolute loss, which fits the median that MAE rewards; the Huber loss fits near the
    // median too. 1.0054 at the last measurement (1.3.0: 1.027, its pair trees cutting offence types in code order).
    for (const [loss, within] of [['squared_error', 1.0], ['absolute_error', 1.01]] as const) {
      const peer = peerOnCases(trained.model, trained.train, trained.test, 1, loss);
      const peerMae = meanAbsoluteError(peer.predictions.map((p) => Math.max(0, p[0]!)), actual);
      console.log(`[real decision USSC] scikit-learn ${peer.sklearn} (${loss}) MAE ${peerMae.toFixed(3)} (fit ${peer.fitSeconds.toFixed(2)} s, ${peer.iterations} iterations); ours ${ours.toFixed(3)}, ours/peer ${(ours / peerMae).toFixed(4)}`);
      expect(ours, loss).toBeLessThanOrEqual(peerMae * within);
    }
  }, 240_000);

  it('agrees with its ONNX export to 1e-6 on every held-out case, prediction and term', async () => {
    const { model } = trained;
    const F = model.features.length;
    const T = model.terms.length;
    const X = new Float64Array(trained.test.length * F);
    trained.test.forEach((r, i) => X.set(encodeFacts(model.features, r.facts), i * F));
    const session = await openOnnxModel(trained.onnx, F);
    const out = await session.run(X, trained.test.length);
    await session.close();
    let worst = 0;
    trained.test.forEach((_, i) => {
      const reference = scoreCase(model, X.subarray(i * F, (i + 1) * F));
      worst = Math.max(worst, Math.abs(predictionOf(model, reference.score)[0]! - out.prediction[i]!));
      reference.terms.forEach((v, t) => (worst = Math.max(worst, Math.abs(v - out.terms[i * T + t]!))));
    });
    expect(worst).toBeLessThan(1e-6);
  });

  it('reports errors by race, sex and citizenship, none of which is an input', () => {
    const inputs = new Set(trained.model.features.map((f) => f.field));
    expect(trained.card.disparity.map((d) => d.attribute)).toEqual(['NEWRACE', 'MONSEX', 'CITIZEN']);
    for (const group of trained.card.disparity) {
      expect(inputs.has(group.attribute)).toBe(false);
      expect(group.groups.reduce((n, g) => n + g.cases, 0)).toBe(trained.test.length);
      for (const g of group.groups) expect(g.meanAbsoluteError).toBeGreaterThanOrEqual(0);
    }
  });

  // With one pooled width the 80% interval covered 88% of Hispanic defendants' sentences and 72–73% of the others'
  // (immigration cases, with small errors, are mostly theirs). Widths per offence type (case type 1.1.0) evened that
  // out to 76.9–82.2%, but within an offence type errors grow with the sentence, and Black defendants and US
  // citizens, whose sentences are longer, stayed below 78%. Since 1.2.0 each case's width is scaled by a fitted
  // spread of the model's own inputs (never race, sex or citizenship). Since 1.3.0 the fit is near the median (Huber),
  // whose errors are skewed differently for different kinds of case; with one symmetric spread three race groups fell
  // to 77.5–78.0%, so each side of the interval has its own spread and calibration. Women's sentences are the one group
  // below 78%: given the same inputs they are lower than the model estimates, and sex is neither an input nor a
  // calibration stratum, by design (76.6% with 1.4.0, 77.9% with 1.3.0).
  it('scales each side of the interval by a spread of the model inputs, and covers 78–82% of every race group and 76–84% of every group of ≥ 300 test cases', () => {
    const spread = trained.model.conformal?.spread;
    expect(spread).toBeDefined();
    expect(spread!.tables.length).toBe(trained.model.features.length);
    expect(spread!.sides!.below.tables.length).toBe(trained.model.features.length);
    expect(spread!.sides!.above.tables.length).toBe(trained.model.features.length);
    const at80 = trained.evaluation.intervals!.at80;
    expect(trained.card.validation.regression!.intervals.stratifiedBy).toBeUndefined();
    const actual = trained.test.map((r) => r.target as number);
    const share = (miss: (i: number) => boolean) => ((actual.filter((_, i) => miss(i)).length / actual.length) * 100).toFixed(1);
    console.log(`[real decision USSC] 80% interval missed ${share((i) => actual[i]! < at80[i]![0])}% of sentences below and ${share((i) => actual[i]! > at80[i]![1])}% above`);
    // Each side is calibrated to miss a tenth (10.5% below and 9.8% above at the last measurement).
    const sides = trained.card.validation.regression!.intervals.sides!;
    expect(sides.missedBelow80).toBeCloseTo(actual.filter((y, i) => y < at80[i]![0]).length / actual.length, 12);
    for (const missed of [sides.missedBelow80, sides.missedAbove80]) {
      expect(missed).toBeGreaterThan(0.08);
      expect(missed).toBeLessThan(0.12);
    }
    console.log(`[real decision USSC] 80% interval mean width ${(at80.reduce((sum, [lo, hi]) => sum + hi - lo, 0) / at80.length).toFixed(2)} months (pooled half-width ${trained.card.validation.regression!.intervals.halfWidth80.toFixed(2)})`);
    for (const attribute of trained.card.disparity) {
      console.log(`[real decision USSC] 80% coverage by ${attribute.attribute}: ${attribute.groups.map((g) => `${g.label} ${((g.coverage80 ?? 0) * 100).toFixed(1)}% of ${g.cases}`).join('; ')}`);
      for (const g of attribute.groups.filter((group) => group.cases >= 300)) {
        expect(g.coverage80).toBeGreaterThanOrEqual(attribute.attribute === 'NEWRACE' ? 0.78 : 0.76);
        expect(g.coverage80).toBeLessThanOrEqual(attribute.attribute === 'NEWRACE' ? 0.82 : 0.84);
      }
    }
  });
});
