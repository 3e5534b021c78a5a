import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation } from '../../main/contract/index.ts';
import { PrecedentIndex, type PrecedentCorpus } from '../../main/services/decision/precedents.ts';
import { categoryCodes, encodeFacts, type FeatureSpec } from '../../models/gam/features.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';

const features: FeatureSpec[] = [
  { name: 'damage', field: 'damage', kind: 'numeric', edges: [], support: { missing: true } },
  { name: 'court', field: 'court', kind: 'categorical', categories: ['city', 'district'], edges: [], support: { missing: false } },
  { name: 'flags=a', field: 'flags', kind: 'numeric', item: 'a', edges: [], support: { missing: true } },
];
const corpus: PrecedentCorpus['cases'] = [
  { caseRef: 'A', decidedAt: '2020-01-01', outcome: { value: 10, class: null, label: '10 months' }, facts: { damage: 100, court: 'city', flags: ['a'] } },
  { caseRef: 'B', decidedAt: '2021-01-01', outcome: { value: 20, class: null, label: '20 months' }, facts: { damage: 110, court: 'district', flags: [] } },
  { caseRef: 'C', decidedAt: null, outcome: { value: 30, class: null, label: '30 months' }, facts: { damage: 400, court: 'city', flags: ['a'] } },
  { caseRef: 'D', decidedAt: null, outcome: { value: 5, class: null, label: '5 months' }, facts: { damage: null, court: 'city', flags: ['a'] } },
];

describe('precedent search', () => {
  const index = new PrecedentIndex(features, corpus, categoryCodes(features));
  const nearest = (facts: Record<string, unknown>, k = 4) => index.nearest(encodeFacts(features, facts as never), facts as never, k, (f) => f.toUpperCase());

  it('finds an identical case first, at distance zero, and compares every field', () => {
    const [first] = nearest(corpus[2]!.facts);
    expect(first!.caseRef).toBe('C');
    expect(first!.distance).toBe(0);
    expect(first!.comparison.every((c) => c.same)).toBe(true);
    expect(first!.comparison.map((c) => c.label)).toEqual(['DAMAGE', 'COURT', 'FLAGS']);
  });

  it('weighs standardised numbers against category mismatches, and missing against present', () => {
    // damage sd over {100, 110, 400} ≈ 139: A differs by 0.07 sd (d² 0.005), D by a missing value (1), B by one
    // category and one item (2), C by 290/139 ≈ 2.08 sd (d² ≈ 4.35).
    expect(nearest({ damage: 110, court: 'city', flags: ['a'] }).map((p) => p.caseRef)).toEqual(['A', 'D', 'B', 'C']);
    const b = nearest({ damage: 110, court: 'city', flags: ['a'] }).find((p) => p.caseRef === 'B')!;
    expect(b.distance).toBeCloseTo(Math.sqrt(2), 9);
    expect(b.comparison.filter((c) => !c.same).map((c) => c.feature)).toEqual(['court', 'flags']);
  });

  it('returns at most k', () => {
    expect(nearest({ damage: 100, court: 'city', flags: [] }, 2)).toHaveLength(2);
  });
});

describe('a kz-criminal consultation with the shipped demo model', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  let term: string;
  beforeAll(async () => {
    env = testWorkstation({ demoModels: true });
    clients = await seedUsers(env.ws);
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    term = models.find((m) => m.caseType === 'kz-criminal' && m.outcome === 'term-months')!.sha256;
  });
  afterAll(() => env.dispose());

  const facts = { article: '188', part: 3, offenceCategory: 'grave', damageMrp: 120, priorConvictions: 0, recidivism: 'none', guiltyPlea: true, proceduralAgreement: false, damageCompensated: 'partial', mitigating: ['53.1.11'], aggravating: [], defendantMinor: false };

  it('is synthetic, clipped to the lawful range with art. 55, and shows precedents without protected attributes', async () => {
    const answer: Consultation = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts });
    expect(answer.synthetic).toBe(true);
    expect(answer.bounds).toMatchObject({ citation: 'ч. 3 ст. 188 УК РК', lawfulRange: { min: 6, unit: 'months' } });
    expect(answer.bounds!.lawfulRange!.max).toBeCloseTo(56, 9);
    expect(answer.value!).toBeGreaterThanOrEqual(6);
    expect(answer.value!).toBeLessThanOrEqual(56);
    expect(answer.interval95![1]).toBeLessThanOrEqual(56);
    expect(answer.precedents).toHaveLength(5);
    expect(answer.precedents[0]!.distance).toBeLessThanOrEqual(answer.precedents[4]!.distance);
    expect(answer.precedents[0]!.caseRef).toMatch(/^SYN-/);
    const text = JSON.stringify(answer.precedents);
    expect(text).not.toMatch(/defendantSex|defendantCitizenship|male/);
    const entry = JSON.parse(new TextDecoder().decode(env.ws.audit.entryBytes(answer.auditSeq))) as { details: Record<string, unknown> };
    expect(entry.details.precedents).toEqual(answer.precedents.map((p) => p.caseRef));
    expect(answer.advice.map((a) => a.rule)).toEqual(['criminal-appeal-deadline']);
    expect(entry.details.advice).toEqual(['criminal-appeal-deadline']);
  });

  it('Explanations: measured from a stated reference case; an absent circumstance contributes nothing; contributions add up to score − reference', async () => {
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    const punishment = models.find((m) => m.caseType === 'kz-criminal' && m.outcome === 'punishment')!.sha256;
    for (const sha of [term, punishment]) {
      const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: sha, facts });
      const reference = answer.reference!;
      // The offence itself is kept; every circumstance is absent.
      expect(reference.facts).toMatchObject({ article: '188', part: 3, offenceCategory: 'grave', damageMrp: 120, priorConvictions: 0, recidivism: 'none', guiltyPlea: false, mitigating: [], aggravating: [], damageCompensated: 'none' });
      expect(reference.absent).toEqual(expect.arrayContaining(['mitigating', 'aggravating', 'recidivism', 'priorConvictions', 'guiltyPlea']));
      expect(reference.absent).not.toContain('article');
      for (let k = 0; k < answer.score.length; k += 1) {
        const sum = answer.contributions.reduce((s, c) => s + c.values[k]! - c.reference![k]!, 0);
        expect(Math.abs(answer.score[k]! - reference.score[k]! - sum)).toBeLessThan(1e-9);
      }
      // Recidivism "none", no aggravating circumstance and no prior convictions are the reference: exactly zero.
      for (const c of answer.contributions.filter((c) => c.inputs.every((i) => ['recidivism', 'priorConvictions'].includes(i.feature) || i.feature.startsWith('aggravating=')))) {
        expect(c.values.map((v, k) => v - c.reference![k]!), c.term).toEqual(c.values.map(() => 0));
      }
      if (answer.kind === 'classification') expect(reference.probabilities!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      else expect(reference.value).toBeTypeOf('number');
    }
  });

  it('finds a training case itself as its nearest precedent', async () => {
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts });
    const nearest = answer.precedents[0]!;
    const same = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: term, facts: Object.fromEntries(nearest.comparison.map((c) => [c.feature, c.precedent])) });
    expect(same.precedents[0]!.distance).toBe(0);
  });

  it('a kz-civil-contract consultation is synthetic, has no bounds, and carries the procedure that fires', async () => {
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    const civil = models.find((m) => m.caseType === 'kz-civil-contract' && m.outcome === 'satisfaction')!;
    expect(civil.synthetic).toBe(true);
    const facts = { claimAmountKzt: 2_500_000, penaltyClaimedKzt: null, documents: ['contract', 'acceptance-act'], monthsSinceBreach: 8, limitationInvoked: false, simplifiedProcedure: true };
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: civil.sha256, facts });
    expect(answer).toMatchObject({ synthetic: true, bounds: null, kind: 'classification' });
    expect(answer.precedents[0]!.caseRef).toMatch(/^SYN-C/);
    expect(answer.advice.map((a) => a.rule)).toEqual(['simplified-procedure-money-claim', 'simplified-procedure-documents', 'civil-appeal-deadline']);
  });

  it('the award of a kz-civil-contract claim: a share on its lawful range (the claim less what was paid), with art. 297 where the debtor demanded a reduction, recorded in the audit entry', async () => {
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    const award = models.find((m) => m.caseType === 'kz-civil-contract' && m.outcome === 'award-fraction')!;
    expect(award).toMatchObject({ caseTypeVersion: '1.1.0', synthetic: true });
    const facts = { claimAmountKzt: 5_000_000, penaltyClaimedKzt: 800_000, documents: ['contract', 'acceptance-act'], monthsSinceBreach: 8, limitationInvoked: false, simplifiedProcedure: true, penaltyReductionRequested: true, paidAfterClaimKzt: 2_000_000 };
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: award.sha256, facts });
    expect(answer).toMatchObject({ kind: 'regression', unit: 'fraction of the claim', bounds: null });
    expect(answer.awardLimits).toEqual({ claimKzt: 5_000_000, penaltyKzt: 800_000, paidKzt: 2_000_000, lawfulRange: { min: 0, max: 0.6, unit: 'fraction of the claim' }, penaltyReduction: { citation: 'ГК РК, ст. 297', penaltyShare: 0.16, floorShare: 0.44 } });
    // The model has learnt that a payment after filing lowers the award, yet nothing stops an estimate above the
    // lawful maximum but the clipping: every figure stays inside [0, 0.6].
    for (const v of [answer.value!, ...answer.interval80!, ...answer.interval95!]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(0.6);
    }
    expect(answer.precedents[0]!.caseRef).toMatch(/^SYN-C/);
    const entry = JSON.parse(new TextDecoder().decode(env.ws.audit.entryBytes(answer.auditSeq))) as { details: Record<string, unknown> };
    expect(entry.details).toMatchObject({ lawfulRange: ['0', '0.6'], lawfulUnit: 'fraction of the claim', penaltyReduction: true });
    // The satisfaction model (1.0.0) refuses the facts it does not read: the panel sends each model its own.
    const refused = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: models.find((m) => m.outcome === 'satisfaction')!.sha256, facts });
    expect(refused).toMatchObject({ ok: false });
  });

  it('an unknown article (e.g. 999) is refused at entry, naming the field; so is a part the article does not have', async () => {
    const unknown = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: term, facts: { ...facts, article: '999' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', params: { field: 'article', reasonCode: 'unknown-article' } } });
    const part = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: term, facts: { ...facts, article: '192', part: 5 } });
    expect(part).toMatchObject({ ok: false, error: { code: 'VALIDATION', params: { field: 'part' } } });
    const batch = await call(env.ws, clients.judge, 'decision.predictBatch', { modelSha256: term, cases: [{ ...facts, article: '999' }, facts] });
    expect(batch.results.map((r) => r.ok)).toEqual([false, true]);
    // The facts form offers the known articles only.
    const kz = (await call(env.ws, clients.judge, 'decision.caseTypes', {})).find((c) => c.id === 'kz-criminal')!;
    expect(kz.fields.find((f) => f.name === 'article')!.options).toEqual(['188', '190', '191', '192', '293', '296', '345']);
  });

  it('answers decision.bounds for facts without a model', async () => {
    const b = await call(env.ws, clients.clerk, 'decision.bounds', { caseType: 'kz-criminal', facts: { article: '192', part: 1 } });
    expect(b).toMatchObject({ lawfulRange: { min: 36, max: 84, unit: 'months' }, caps: [] });
    expect(await call(env.ws, clients.clerk, 'decision.bounds', { caseType: 'ussc-sentencing', facts: { article: '192', part: 1 } })).toBeNull();
  });
});
