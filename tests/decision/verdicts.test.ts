import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../main/contract/index.ts';
import { discrepancyOf } from '../../main/services/decision/verdicts.ts';
import { call, password, seedUsers, testWorkstation } from '../helpers/workstation.ts';

describe('discrepancy rule', () => {
  const shown = { value: 24, interval: [18, 30] as [number, number], class: null };
  it('is outside the 80% interval, or another class; the bounds themselves are inside', () => {
    expect(discrepancyOf({ value: 31, class: null }, shown)).toMatchObject({ kind: 'outside-interval', predicted: { value: 24, interval: [18, 30] } });
    expect(discrepancyOf({ value: 30, class: null }, shown)).toBeNull();
    expect(discrepancyOf({ value: 18, class: null }, shown)).toBeNull();
    expect(discrepancyOf({ value: null, class: 'fine' }, { value: null, interval: null, class: 'imprisonment' })).toMatchObject({ kind: 'different-class' });
    expect(discrepancyOf({ value: null, class: 'fine' }, { value: null, interval: null, class: 'fine' })).toBeNull();
  });
});

describe('verdicts, amendments and model monitoring', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  let term: string;
  let punishment: string;
  let caseId: string;
  let otherCaseId: string;
  let thirdCaseId: string;
  let clerkCaseId: string;
  let emptyCaseId: string;
  const judge2 = 'judge2-client';
  const facts = { article: '188', part: 2, offenceCategory: 'medium', damageMrp: 80, priorConvictions: 1, recidivism: 'none', guiltyPlea: true, proceduralAgreement: false, damageCompensated: 'none', mitigating: [], aggravating: [], defendantMinor: false };

  beforeAll(async () => {
    env = testWorkstation({ demoModels: true });
    clients = await seedUsers(env.ws);
    await call(env.ws, clients.administrator, 'users.add', { username: 'judge2', displayName: 'Second judge', role: 'judge', password });
    await call(env.ws, judge2, 'auth.login', { username: 'judge2', password });
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    term = models.find((m) => m.caseType === 'kz-criminal' && m.outcome === 'term-months')!.sha256;
    punishment = models.find((m) => m.caseType === 'kz-criminal' && m.outcome === 'punishment')!.sha256;
    caseId = (await call(env.ws, clients.judge, 'cases.create', { number: 'УД-1', venue: 'Суд № 2 г. Астаны', caseType: 'criminal', parties: '' })).id;
    otherCaseId = (await call(env.ws, clients.judge, 'cases.create', { number: 'УД-2', venue: 'Суд № 2 г. Астаны', caseType: 'criminal', parties: '' })).id;
    thirdCaseId = (await call(env.ws, clients.judge, 'cases.create', { number: 'УД-3', venue: 'Суд № 2 г. Астаны', caseType: 'criminal', parties: '' })).id;
    clerkCaseId = (await call(env.ws, clients.judge, 'cases.create', { number: 'УД-4', venue: 'Суд № 2 г. Астаны', caseType: 'criminal', parties: '' })).id;
    emptyCaseId = (await call(env.ws, clients.judge, 'cases.create', { number: 'УД-5', venue: 'Суд № 2 г. Астаны', caseType: 'criminal', parties: '' })).id;
  });
  afterAll(() => env.dispose());

  it('Roles: a clerk does not record verdicts unless the court\'s setting allows it', async () => {
    const shown = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId: clerkCaseId });
    const entry = { caseId: clerkCaseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: shown.interval80![1] + 6, class: 'imprisonment' }, decidedAt: '2026-03-10T10:00:00Z' };
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.record', entry)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { reasonCode: 'clerks-may-not-record-verdicts' } } });
    expect(await call(env.ws, clients.clerk, 'verdicts.list', { caseId: clerkCaseId })).toEqual([]);
    await call(env.ws, clients.administrator, 'settings.update', { clerksMayRecordVerdicts: true });
    const verdict = await call(env.ws, clients.clerk, 'verdicts.record', entry);
    expect(verdict).toMatchObject({ caseId: clerkCaseId, enteredBy: 'clerk', modelSha256: term, amends: null, supersededBy: null, discrepancy: { kind: 'outside-interval' } });
    await call(env.ws, clients.administrator, 'settings.update', { clerksMayRecordVerdicts: false });
    const amend = { verdictId: verdict.id, reason: 'typing error', outcome: { value: 12, class: 'imprisonment' }, decidedAt: '2026-03-10T10:00:00Z' };
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.amend', amend)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.ws.dispatcher.invoke(clients.expert, 'verdicts.record', entry)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('Verdicts: one final verdict per case (a correction is an amendment with a reason, history kept, audit-logged)', async () => {
    const shown: Consultation = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId });
    const [low, high] = shown.interval80!;
    const first = await call(env.ws, clients.judge, 'verdicts.record', {
      caseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: high + 6, class: 'imprisonment' }, decidedAt: '2026-03-10T10:00:00Z',
    });
    expect(first).toMatchObject({ discrepancy: { kind: 'outside-interval', predicted: { value: shown.value, interval: shown.interval80 } }, amends: null, supersededBy: null });
    // A second verdict for the same case is refused: the final verdict is corrected by an amendment.
    const again = await env.ws.dispatcher.invoke(clients.judge, 'verdicts.record', { caseId, caseType: 'kz-criminal', outcome: { value: 12, class: 'imprisonment' }, decidedAt: '2026-03-11T10:00:00Z' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reasonCode: 'verdict-exists' } } });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.amend', { verdictId: first.id, reason: '   ', outcome: { value: low, class: 'imprisonment' }, decidedAt: '2026-03-12T10:00:00Z' })).toMatchObject({ ok: false });
    const amended = await call(env.ws, clients.judge, 'verdicts.amend', { verdictId: first.id, reason: 'the appeal court reduced the term', outcome: { value: low, class: 'imprisonment' }, decidedAt: '2026-03-12T10:00:00Z' });
    // Compared with the same consultation as the verdict it corrects.
    expect(amended).toMatchObject({ amends: first.id, amendmentReason: 'the appeal court reduced the term', consultationSeq: shown.auditSeq, discrepancy: null, supersededBy: null, article: '188' });
    const history = await call(env.ws, clients.judge, 'verdicts.list', { caseId });
    expect(history.map((v) => [v.id, v.supersededBy])).toEqual([[amended.id, null], [first.id, amended.id]]);
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.amend', { verdictId: first.id, reason: 'again', outcome: { value: low, class: 'imprisonment' }, decidedAt: '2026-03-12T10:00:00Z' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const entries = env.ws.audit.list({ caseId }).map((e: { action: string; bytes: Uint8Array }) => ({ action: e.action, json: JSON.parse(new TextDecoder().decode(e.bytes)) as { details?: Record<string, unknown> } }));
    const amendment = entries.find((e) => e.action === 'verdict.amended');
    expect(amendment?.json.details).toMatchObject({ amends: first.id, reason: 'the appeal court reduced the term' });
  });

  it('reopening the case shows past verdicts and consultations', async () => {
    const consultations = await call(env.ws, clients.judge, 'decision.consultations', { caseId });
    expect(consultations.length).toBeGreaterThan(0);
    expect(consultations[0]).toMatchObject({ consultedBy: 'judge', modelSha256: term, caseType: 'kz-criminal', outcome: 'term-months' });
    expect(consultations[0]!.interval80).toHaveLength(2);
    expect(await call(env.ws, clients.judge, 'decision.consultations', { caseId: otherCaseId })).toEqual([]);
  });

  it('a verdict of a non-custodial class against a term is no discrepancy; another class than predicted is', async () => {
    const shown = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId: otherCaseId });
    const fine = await call(env.ws, clients.judge, 'verdicts.record', { caseId: otherCaseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: 9000, class: 'fine' }, decidedAt: '2026-04-01T10:00:00Z' });
    expect(fine.discrepancy).toBeNull();
    const byClass = await call(env.ws, judge2, 'decision.predict', { modelSha256: punishment, facts, caseId: thirdCaseId });
    const other = byClass.probabilities!.find((p) => p.value !== byClass.predictedClass)!.value;
    const verdict = await call(env.ws, clients.judge, 'verdicts.record', { caseId: thirdCaseId, consultationSeq: byClass.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: null, class: other }, decidedAt: '2026-04-02T10:00:00Z' });
    expect(verdict.discrepancy).toMatchObject({ kind: 'different-class', predicted: { class: byClass.predictedClass } });
  });

  it('refuses a consultation of another case, an entry that is no consultation, and an empty outcome', async () => {
    const shown = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId });
    const base = { caseType: 'kz-criminal', outcome: { value: 12, class: 'imprisonment' }, decidedAt: '2026-04-03T10:00:00Z' };
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.record', { ...base, caseId: emptyCaseId, consultationSeq: shown.auditSeq })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.record', { ...base, caseId: emptyCaseId, consultationSeq: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.record', { ...base, caseId: emptyCaseId, outcome: { value: null, class: null } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('Discrepancy notices monitor the model, not judges: administrators see final verdicts by model, article and month; no notice to the judge', async () => {
    const actions = env.ws.audit.list({ limit: 10000 }).map((e: { action: string }) => e.action);
    expect(actions).not.toContain('verdict.notice-created');
    expect(env.ws.db.prepare('SELECT COUNT(*) AS n FROM discrepancy_notices').get()).toEqual({ n: 0 });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'verdicts.dashboard', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.dashboard', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rows = await call(env.ws, clients.administrator, 'verdicts.dashboard', { caseType: 'kz-criminal' });
    // The amended verdict of УД-1 counts once, as its amendment (inside the interval); the clerk's verdict stays.
    expect(rows).toEqual([
      { modelSha256: term, caseType: 'kz-criminal', outcome: 'term-months', article: '188', month: '2026-03', verdicts: 2, discrepancies: 1 },
      { modelSha256: punishment, caseType: 'kz-criminal', outcome: 'punishment', article: '188', month: '2026-04', verdicts: 1, discrepancies: 1 },
      { modelSha256: term, caseType: 'kz-criminal', outcome: 'term-months', article: '188', month: '2026-04', verdicts: 1, discrepancies: 0 },
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['article', 'caseType', 'discrepancies', 'modelSha256', 'month', 'outcome', 'verdicts']);
    expect(await call(env.ws, clients.administrator, 'verdicts.dashboard', { from: '2026-04-01T00:00:00Z', caseType: 'kz-criminal' })).toHaveLength(2);
  });
});
