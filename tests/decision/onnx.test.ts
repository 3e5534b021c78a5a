import { describe, expect, it } from 'vitest';
import { encodeFacts } from '../../models/gam/features.ts';
import { predictionOf, scoreCase, scoreWidth, type GamModel } from '../../models/gam/gam-model.ts';
import { embeddedModelText, openOnnxModel } from '../../main/services/decision/onnx-runner.ts';
import { sha256OfBytes, stableJson } from '../../core/canonical-json.ts';
import { exportOnnx } from '../../models/ebm/onnx-export.ts';
import { trainGam } from '../../models/ebm/train.ts';
import type { Facts } from '../../models/cases/facts.ts';
import { toyCases, toyCaseType, type ToyTask } from './fixtures.ts';

function trained(task: ToyTask): GamModel {
  const caseType = toyCaseType(task);
  const cases = toyCases(task, 1500, 21);
  return trainGam({ caseType, outcome: caseType.meta.outcomes[0]!, facts: cases.map((c) => c.facts), targets: cases.map((c) => c.target), options: { bags: 2, interactions: 3 } }).model;
}

/** Held-out cases plus the awkward ones: all missing, unseen category, far outside the training range. */
function probes(task: ToyTask): Facts[] {
  return [
    ...toyCases(task, 400, 77).map((c) => c.facts),
    { x1: 0 },
    { x1: 10, x2: null, court: null, flags: null },
    { x1: 5, x2: 1e9, court: 'admiralty', flags: ['a', 'b'] },
    { x1: 5, x2: -1e9, court: 'city', flags: [] },
  ];
}

describe.each(['regression', 'binary', 'multiclass'] as const)('ONNX export (%s)', (task) => {
  const model = trained(task);
  const bytes = exportOnnx(model);

  it('agrees with the TypeScript model to 1e-6 on the prediction, the score and every term', async () => {
    const session = await openOnnxModel(bytes, model.features.length);
    const cases = probes(task);
    const F = model.features.length;
    const K = scoreWidth(model);
    const T = model.terms.length;
    const X = new Float64Array(cases.length * F);
    cases.forEach((facts, i) => X.set(encodeFacts(model.features, facts), i * F));
    const out = await session.run(X, cases.length);
    let worst = 0;
    cases.forEach((_, i) => {
      const reference = scoreCase(model, X.subarray(i * F, (i + 1) * F));
      const prediction = predictionOf(model, reference.score);
      prediction.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - out.prediction[i * K + k]!))));
      reference.score.forEach((s, k) => (worst = Math.max(worst, Math.abs(s - out.score[i * K + k]!))));
      reference.terms.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - out.terms[i * T * K + j]!))));
    });
    expect(worst).toBeLessThan(1e-6);
    expect(out.terms.length).toBe(cases.length * T * K);
    await session.close();
  });

  it('is deterministic, hashes as its bytes, and carries the model JSON', () => {
    const again = exportOnnx(JSON.parse(JSON.stringify(model)) as GamModel);
    expect(sha256OfBytes(again)).toBe(sha256OfBytes(bytes));
    expect(embeddedModelText(bytes)).toBe(stableJson(model));
  });
});
