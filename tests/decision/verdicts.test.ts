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

describe('verdicts, notices and the dashboard', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  let term: string;
  let punishment: string;
  let caseId: string;
  let otherCaseId: string;
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
  });
  afterAll(() => env.dispose());

  it('a clerk records a verdict outside the interval: a discrepancy, and a notice for the judge who consulted only', async () => {
    const shown: Consultation = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId });
    const [, high] = shown.interval80!;
    const verdict = await call(env.ws, clients.clerk, 'verdicts.record', {
      caseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: high + 6, class: 'imprisonment' }, decidedAt: '2026-03-10T10:00:00Z',
    });
    expect(verdict).toMatchObject({ caseId, enteredBy: 'clerk', consultationSeq: shown.auditSeq, discrepancy: { kind: 'outside-interval', predicted: { value: shown.value, interval: shown.interval80 } } });
    const notices = await call(env.ws, clients.judge, 'verdicts.notices', {});
    expect(notices).toMatchObject([{ verdictId: verdict.id, caseId, caseNumber: 'УД-1', acknowledgedAt: null }]);
    expect(await call(env.ws, judge2, 'verdicts.notices', {})).toEqual([]);
    // Another judge cannot see or acknowledge it; the clerk has no notices at all.
    const foreign = await env.ws.dispatcher.invoke(judge2, 'verdicts.acknowledge', { noticeId: notices[0]!.id });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.notices', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const acknowledged = await call(env.ws, clients.judge, 'verdicts.acknowledge', { noticeId: notices[0]!.id });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect((await call(env.ws, clients.judge, 'verdicts.acknowledge', { noticeId: notices[0]!.id })).acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    const actions = env.ws.audit.list({ limit: 1000 }).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['decision.consulted', 'verdict.recorded', 'verdict.notice-created', 'verdict.notice-acknowledged']));
    expect(actions.filter((a: string) => a === 'verdict.notice-acknowledged')).toHaveLength(1);
  });

  it('a verdict inside the interval, or of a non-custodial class against a term, is no discrepancy', async () => {
    const shown = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId });
    const inside = await call(env.ws, clients.judge, 'verdicts.record', { caseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: shown.interval80![0], class: 'imprisonment' }, decidedAt: '2026-03-11T10:00:00Z' });
    expect(inside.discrepancy).toBeNull();
    const fine = await call(env.ws, clients.judge, 'verdicts.record', { caseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: 9000, class: 'fine' }, decidedAt: '2026-04-01T10:00:00Z' });
    expect(fine.discrepancy).toBeNull();
  });

  it('a different class than the punishment model predicted is a discrepancy', async () => {
    const shown = await call(env.ws, judge2, 'decision.predict', { modelSha256: punishment, facts, caseId });
    const other = shown.probabilities!.find((p) => p.value !== shown.predictedClass)!.value;
    const verdict = await call(env.ws, clients.clerk, 'verdicts.record', { caseId, consultationSeq: shown.auditSeq, caseType: 'kz-criminal', article: '188', outcome: { value: null, class: other }, decidedAt: '2026-04-02T10:00:00Z' });
    expect(verdict.discrepancy).toMatchObject({ kind: 'different-class', predicted: { class: shown.predictedClass } });
    expect(await call(env.ws, judge2, 'verdicts.notices', {})).toHaveLength(1);
  });

  it('refuses a consultation of another case, an entry that is no consultation, and an empty outcome', async () => {
    const shown = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts, caseId });
    const base = { caseType: 'kz-criminal', outcome: { value: 12, class: 'imprisonment' }, decidedAt: '2026-04-03T10:00:00Z' };
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.record', { ...base, caseId: otherCaseId, consultationSeq: shown.auditSeq })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.record', { ...base, caseId, consultationSeq: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.ws.dispatcher.invoke(clients.clerk, 'verdicts.record', { ...base, caseId, outcome: { value: null, class: null } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.ws.dispatcher.invoke(clients.expert, 'verdicts.record', { ...base, caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists verdicts and counts them by article and month, never by judge', async () => {
    const list = await call(env.ws, clients.administrator, 'verdicts.list', { caseId });
    expect(list).toHaveLength(4);
    const rows = await call(env.ws, clients.clerk, 'verdicts.dashboard', { caseType: 'kz-criminal' });
    expect(rows).toEqual([
      { article: '188', month: '2026-03', verdicts: 2, discrepancies: 1 },
      { article: '188', month: '2026-04', verdicts: 2, discrepancies: 1 },
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['article', 'discrepancies', 'month', 'verdicts']);
    expect(await call(env.ws, clients.clerk, 'verdicts.dashboard', { from: '2026-04-01T00:00:00Z', caseType: 'kz-criminal' })).toEqual([{ article: '188', month: '2026-04', verdicts: 2, discrepancies: 1 }]);
  });
});
