import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Consultation } from '../../main/contract/index.ts';
import { writeModelFolder } from '../../main/services/decision/model-store.ts';
import { sha256OfJson } from '../../core/canonical-json.ts';
import { itWithModel } from '../helpers/model-workstation.ts';
import { call } from '../helpers/workstation.ts';
import { trainToy } from './fixtures.ts';

describe('decision channels', () => {
  const test = itWithModel((dataDir) => {
    const trained = trainToy(dataDir, 'regression');
    writeModelFolder(join(dataDir, 'models', 'toy'), trained.model, trained.onnx, trained.card);
    return trained.sha256;
  });

  const facts = { x1: 6, x2: 1.5, court: 'city', flags: ['b'] };

  test('lists installed models with their cards', async ({ model: { env, clients, sha256 } }) => {
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ sha256, caseType: 'toy-regression', outcome: 'months', synthetic: false, card: { modelSha256: sha256 } });
  });

  test('answers a judge with the prediction, interval and exact contributions, and logs the consultation', async ({ model: { env, clients, sha256 } }) => {
    const created = await call(env.ws, clients.judge, 'cases.create', { number: 'K-1', venue: 'Court', caseType: 'criminal', parties: '' });
    const answer: Consultation = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: sha256, facts, caseId: created.id });
    expect(answer.kind).toBe('regression');
    const sum = answer.intercept[0]! + answer.contributions.reduce((s, c) => s + c.values[0]!, 0);
    expect(Math.abs(sum - answer.score[0]!)).toBeLessThan(1e-9);
    expect(answer.interval80![0]).toBeLessThanOrEqual(answer.value!);
    expect(answer.interval95![1]).toBeGreaterThanOrEqual(answer.interval80![1]);
    expect(answer.model).toEqual({ sha256, caseType: 'toy-regression', caseTypeVersion: '1.0.0' });
    const entry = JSON.parse(new TextDecoder().decode(env.ws.audit.entryBytes(answer.auditSeq))) as Record<string, unknown>;
    const { model: _model, auditSeq: _seq, ...output } = answer;
    expect(entry).toMatchObject({
      action: 'decision.consulted',
      actor: { username: 'judge', role: 'judge' },
      subjects: { caseId: created.id, modelSha256: sha256 },
      inputs: { facts: sha256OfJson(facts) },
      outputs: { prediction: sha256OfJson(output) },
      algorithm: { name: 'dalel-gam', modelSha256: sha256 },
      details: { caseType: 'toy-regression', value: String(answer.value), referred: answer.abstention.refer },
    });
  });

  test('refers a case outside the training support to human review, with the reason', async ({ model: { env, clients, sha256 } }) => {
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: sha256, facts: { x1: 5, x2: 99, court: 'admiralty' } });
    expect(answer.abstention.refer).toBe(true);
    expect(answer.abstention.reasons.map((r) => r.code)).toEqual(['outside-training-range', 'unseen-category']);
  });

  test('lets only judges consult, and refuses invalid facts, protected attributes and unknown models', async ({ model: { env, clients, sha256 } }) => {
    for (const role of ['clerk', 'expert', 'administrator'] as const) {
      const refused = await env.ws.dispatcher.invoke(clients[role], 'decision.predict', { modelSha256: sha256, facts });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const size = env.ws.audit.size();
    const invalid = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: sha256, facts: { x1: 'many' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', params: { field: 'x1' } } });
    const sex = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: sha256, facts: { ...facts, sex: 'f' } });
    expect(sex).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/sex is not a model input/) } });
    const unknown = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: 'a'.repeat(64), facts });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(env.ws.audit.size()).toBe(size);
  });

  test('predicts a batch, reporting bad rows by field, with one audit entry', async ({ model: { env, clients, sha256 } }) => {
    const size = env.ws.audit.size();
    const answer = await call(env.ws, clients.judge, 'decision.predictBatch', { modelSha256: sha256, cases: [facts, { x1: -1 }, { x1: 2 }] });
    expect(answer.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(answer.results[1]).toMatchObject({ ok: false, field: 'x1' });
    expect(env.ws.audit.size()).toBe(size + 1);
    const entry = JSON.parse(new TextDecoder().decode(env.ws.audit.entryBytes(answer.auditSeq))) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'decision.consulted-batch', details: { cases: 3, refused: 1 } });
  });

  test('explains a multiclass model per class: probabilities, one contribution per class, low-confidence referral', async ({ model: { env, clients } }) => {
    const trained = trainToy(env.ws.dataDir, 'multiclass');
    writeModelFolder(join(env.ws.dataDir, 'models', 'toy-multiclass'), trained.model, trained.onnx, trained.card);
    expect((await call(env.ws, clients.clerk, 'decision.models', {})).map((m) => m.outcome).sort()).toEqual(['months', 'result']);
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: trained.sha256, facts: { x1: 5, court: 'district' } });
    expect(answer.kind).toBe('classification');
    expect(answer.probabilities!.map((p) => p.value)).toEqual(['full', 'part', 'none']);
    expect(answer.probabilities!.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < 3; k += 1) {
      const sum = answer.intercept[k]! + answer.contributions.reduce((s, c) => s + c.values[k]!, 0);
      expect(Math.abs(sum - answer.score[k]!)).toBeLessThan(1e-9);
    }
    const top = Math.max(...answer.probabilities!.map((p) => p.probability));
    expect(answer.predictedClass).toBe(answer.probabilities!.find((p) => p.probability === top)!.value);
    expect(answer.abstention.refer).toBe(top < 0.5);
  });
});
