// @vitest-environment jsdom
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Case, CaseTypeView, Consultation, DecisionModel, ModelCard, RequestChannel } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { awardLimits } from '../../main/services/decision/award-limits.ts';
import { clipToLawfulRange } from '../../main/services/decision/lawful-range.ts';
import type { Language } from '../../renderer/src/i18n/languages.ts';
import { type Answer, tableApi } from './fake-api.ts';
import { renderRoot, unmountRoot } from './root-harness.tsx';
import { sessionFor } from './root-fixtures.ts';
import { byTestId, click as clickOnce, need, settle, type } from './dom-actions.ts';

const caseId = '22222222-2222-4222-8222-222222222222';
const civilCase: Case = {
  id: caseId,
  number: '2-17/2026',
  venue: 'Specialised Inter-District Economic Court of Astana',
  caseType: 'civil',
  parties: 'TOO A v. TOO B',
  createdAt: '2026-01-02T10:00:00.000Z',
  createdBy: 'judge1',
  evidenceCount: 0,
};
// The shipped schemas, read by the service's own loader: the satisfaction model's 1.0.0 and the award model's 1.1.0.
const types = loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types'));
const v100 = caseTypeView(findCaseType(types, 'kz-civil-contract', '1.0.0'));
const type110 = findCaseType(types, 'kz-civil-contract', '1.1.0');
const v110 = caseTypeView(type110);
const satisfactionSha = 'a1'.repeat(32);
const awardSha = 'b2'.repeat(32);

function cardOf(sha: string, type: CaseTypeView, outcome: string): ModelCard {
  return {
    format: 'dalel-model-card/1',
    modelSha256: sha,
    createdAt: '2025-07-01T00:00:00.000Z',
    caseType: { id: type.id, version: type.version, sha256: type.sha256, title: type.title },
    outcome: outcome === 'satisfaction' ? { name: outcome, kind: 'classification', classes: ['full', 'partial', 'refused'] } : { name: outcome, kind: 'regression', unit: 'fraction of the claim' },
    synthetic: true,
    intendedUse: 'Demonstration of the method on generated cases.',
    data: { file: 'kz-civil-contract-synthetic.csv', sha256: 'cd'.repeat(32), description: 'Generated cases', records: 6000, cases: 6000, dropped: {}, period: { field: 'decidedOn', from: '2019-01-01', to: '2025-06-29' } },
    validation: { split: 'temporal at 2024-01-01', trainingCases: 3000, calibrationCases: 600, testCases: 1000 },
    disparity: [],
    model: { kind: 'gam', features: [{ name: 'claimAmountKzt', kind: 'numeric', bins: 32 }], interactions: [], bags: 4, rounds: [{ main: 60, pairs: 0 }], trainingSeconds: 3, options: {} },
    limitations: ['Trained on generated cases only.'],
  };
}
const satisfactionModel: DecisionModel = { sha256: satisfactionSha, caseType: 'kz-civil-contract', caseTypeVersion: '1.0.0', outcome: 'satisfaction', synthetic: true, card: cardOf(satisfactionSha, v100, 'satisfaction') };
const awardModel: DecisionModel = { sha256: awardSha, caseType: 'kz-civil-contract', caseTypeVersion: '1.1.0', outcome: 'award-fraction', synthetic: true, card: cardOf(awardSha, v110, 'award-fraction') };

/** The satisfaction model's answer: full 0.5, partial 0.3, refused 0.2 (satisfied with probability 0.8). */
function satisfaction(): Consultation {
  const probabilities = [
    { value: 'full', label: 'удовлетворен полностью', probability: 0.5 },
    { value: 'partial', label: 'удовлетворен частично', probability: 0.3 },
    { value: 'refused', label: 'в иске отказано', probability: 0.2 },
  ];
  const score = probabilities.map((p) => Math.log(p.probability));
  return {
    outcome: 'satisfaction',
    kind: 'classification',
    synthetic: true,
    score,
    intercept: score,
    contributions: [],
    probabilities,
    predictedClass: 'full',
    abstention: { refer: false, reasons: [] },
    model: { sha256: satisfactionSha, caseType: 'kz-civil-contract', caseTypeVersion: '1.0.0' },
    auditSeq: 51,
    bounds: null,
    precedents: [],
    advice: [],
  };
}

/** The award model's answer for the facts, clipped to the limits the service computes from them (its own functions). */
function award(facts: Record<string, unknown>): Consultation {
  const limits = awardLimits(type110.lawfulLimits['award-fraction']!, facts as never)!;
  return { ...clipToLawfulRange(unclipped(facts), limits.lawfulRange, 0.5), awardLimits: limits } as Consultation;
}

function unclipped(facts: Record<string, unknown>): Consultation {
  const contributions = [{ term: 'penaltyReductionRequested', inputs: [{ feature: 'penaltyReductionRequested', value: facts.penaltyReductionRequested as boolean }], values: [-0.05] }];
  return {
    outcome: 'award-fraction',
    kind: 'regression',
    unit: 'fraction of the claim',
    synthetic: true,
    score: [0.825],
    intercept: [0.875],
    contributions,
    value: 0.825,
    interval80: [0.66, 0.985],
    interval95: [0.51, 1],
    abstention: { refer: false, reasons: [] },
    model: { sha256: awardSha, caseType: 'kz-civil-contract', caseTypeVersion: '1.1.0' },
    auditSeq: 52,
    bounds: null,
    precedents: [],
    advice: [],
  };
}

function fakeApi(extra: Partial<Record<RequestChannel, Answer>> = {}) {
  const answers: Partial<Record<RequestChannel, Answer>> = {
    'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('judge') } },
    'cases.list': { ok: true, value: [civilCase] },
    'cases.get': { ok: true, value: civilCase },
    'evidence.list': { ok: true, value: [] },
    'decision.models': { ok: true, value: [awardModel, satisfactionModel] },
    'decision.caseTypes': { ok: true, value: [v100, v110] },
    'decision.predict': (payload: { modelSha256: string; facts: Record<string, unknown> }) => ({ ok: true, value: payload.modelSha256 === awardSha ? award(payload.facts) : satisfaction() }),
    'verdicts.list': { ok: true, value: [] },
    'decision.consultations': { ok: true, value: [] },
    'settings.get': { ok: true, value: { workstationName: 'Court 2', technicalReviewRequired: true, clerksMayRecordVerdicts: false, researchCaseTypes: false } },
    'review.get': { ok: true, value: { caseId, state: 'draft', technicalReviewRequired: true, findingsTotal: 0, findingsDecided: 0, signatures: [], updatedAt: '2026-01-02T10:00:00.000Z' } },
    'findings.list': { ok: true, value: [] },
    'documents.list': { ok: true, value: [] },
  };
  return tableApi({ ...answers, ...extra });
}

afterEach(unmountRoot);

/** Clicks and lets the answers that the click asks for arrive (a second round of effects). */
async function click(id: string): Promise<void> {
  await clickOnce(id);
  await settle();
}
/** Text with every kind of space as one plain space (locales group thousands with narrow or no-break spaces). */
const text = (id: string) => (need(id).textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');

async function consult(language: Language, facts: { penalty: string; demanded: 'true' | 'false'; paid: string }, extra: Partial<Record<RequestChannel, Answer>> = {}) {
  const fake = fakeApi(extra);
  await renderRoot(fake.api, language);
  await click(`open-case-${civilCase.number}`);
  await settle();
  await type('fact-claimAmountKzt', '5000000');
  await type('fact-penaltyClaimedKzt', facts.penalty);
  await type('fact-monthsSinceBreach', '8');
  await type('fact-limitationInvoked', 'false');
  await type('fact-simplifiedProcedure', 'false');
  await type('fact-penaltyReductionRequested', facts.demanded);
  await type('fact-paidAfterClaimKzt', facts.paid);
  await click('fact-documents-contract');
  await click('consult-button');
  return fake;
}

describe('the award of a contract claim on the judge’s card', () => {
  it('Russian: the share in percent and tenge, its interval, art. 297 where a reduction was demanded, conditional on satisfaction with its probability; each model gets only its own facts', async () => {
    const fake = await consult('ru', { penalty: '800000', demanded: 'true', paid: '0' });
    // The form is the award model's newer version (it asks for the art. 297 demand); the satisfaction model (1.0.0) is
    // sent only the facts its schema names.
    const calls = fake.callsTo('decision.predict') as Array<{ modelSha256: string; facts: Record<string, unknown> }>;
    expect(calls.map((c) => c.modelSha256)).toEqual([satisfactionSha, awardSha]);
    expect(calls[0]!.facts).not.toHaveProperty('penaltyReductionRequested');
    expect(calls[0]!.facts).not.toHaveProperty('paidAfterClaimKzt');
    expect(calls[1]!.facts).toMatchObject({ claimAmountKzt: 5_000_000, penaltyClaimedKzt: 800_000, penaltyReductionRequested: true, paidAfterClaimKzt: 0 });

    expect(text('predicted-value')).toBe('Оценка модели: 82,5% суммы иска, около 4 125 000 тенге');
    expect(text('predicted-intervals')).toContain('Интервал 80%: 66–98,5% суммы иска; интервал 95%: 51–100%.');
    expect(text('predicted-intervals')).toContain('(80%: 3 300 000–4 925 000 тенге)');
    expect(text('award-lawful')).toContain('не может превышать сумму иска (5 000 000 тенге)');
    const reduction = text('award-penalty-reduction');
    expect(reduction).toContain('ст. 297 ГК РК');
    expect(reduction).toContain('неустойку в 800 000 тенге (16% суммы иска)');
    expect(reduction).toContain('ниже 84% суммы иска (4 200 000 тенге)');
    const condition = text('conditional-estimate');
    expect(condition).toContain('относится только к случаю, когда иск удовлетворён (удовлетворён полностью, удовлетворён частично)');
    expect(condition).toContain('вероятность его удовлетворения в 80%');
    expect(need('consultation-award-fraction').contains(need('conditional-estimate'))).toBe(true);
    expect(need('consultation').textContent).not.toMatch(/decision\.|award-fraction|fraction of the claim|penaltyReductionRequested/);
    // The explanation reads in percent of the claim and percentage points, as the card does, not as a bare fraction.
    const explanation = need('consultation-award-fraction');
    expect(explanation.querySelector('[data-testid="waterfall-sum"]')?.textContent?.replace(/[\s\u00a0\u202f]+/g, ' ')).toBe(
      'Эталонное дело 87,5 −5 (обстоятельства этого дела) = 82,5 % от суммы иска',
    );
    expect(explanation.textContent).toContain('на сколько процентных пунктов суммы иска');
    expect(explanation.textContent).not.toMatch(/0,875|0,825|0,05/);
  });

  it('gives an estimate in tenge no finer than its percentage: to the thousand on a claim of 5 000 000', async () => {
    const fine = (facts: Record<string, unknown>): Consultation => ({ ...award(facts), value: 0.56931, interval80: [0.40604, 0.73281], interval95: [0.3, 0.85] });
    await consult('ru', { penalty: '0', demanded: 'false', paid: '0' }, {
      'decision.predict': (payload: { modelSha256: string; facts: Record<string, unknown> }) => ({ ok: true, value: payload.modelSha256 === awardSha ? fine(payload.facts) : satisfaction() }),
    });
    expect(text('predicted-value')).toBe('Оценка модели: 56,9% суммы иска, около 2 847 000 тенге');
    expect(text('predicted-intervals')).toContain('(80%: 2 030 000–3 664 000 тенге)');
    // Limits are not estimates: they stay exact.
    expect(text('award-lawful')).toContain('(5 000 000 тенге)');
  });

  it('Kazakh: what was paid after filing lowers the lawful maximum; no demand, no reduction (art. 297 is on the debtor’s demand only)', async () => {
    await consult('kk', { penalty: '500000', demanded: 'false', paid: '1000000' });
    // The model's 82.5 % is above what is lawful here: the service draws it back to 80 %, and the card says so.
    expect(text('predicted-value')).toBe('Модель бағалауы: талап сомасының 80%, шамамен 4 000 000 теңге');
    // Clipped by the service to the claim less what was paid (80%).
    expect(text('predicted-intervals')).toContain('80% аралық: талап сомасының 66–80%; 95% аралық: 51–80%.');
    expect(text('award-lawful')).toContain('негізгі борыштың 1 000 000 теңгесін төледі');
    expect(text('award-lawful')).toContain('талап сомасының 80% (4 000 000 теңге) аспайды');
    expect(byTestId('award-penalty-reduction')).toBeNull();
    expect(text('award-penalty-no-demand')).toContain('500 000 теңге тұрақсыздық айыбы мәлімделген');
    expect(text('award-penalty-no-demand')).toContain('ҚР АК 297-бабы');
    expect(text('conditional-estimate')).toContain('қанағаттандырылу ықтималдығын 80% деп бағалайды');
    expect(need('fact-penaltyReductionRequested').closest('div')?.parentElement?.textContent).toContain('Борышкер тұрақсыздық айыбын азайтуды талап етті');
    expect(need('consultation').textContent).not.toMatch(/decision\.|award-fraction|fraction of the claim/);
  });

  it('English: the final award is entered in percent of the claim, as the card shows it, and stored as the model’s share', async () => {
    const verdict = {
      id: '33333333-3333-4333-8333-333333333333',
      caseId,
      caseType: 'kz-civil-contract',
      article: null,
      outcome: { class: 'partial', value: 0.625 },
      decidedAt: '2026-11-20T00:00:00.000Z',
      enteredBy: 'judge1',
      enteredAt: '2026-11-20T10:00:00.000Z',
      modelSha256: satisfactionSha,
      discrepancy: null,
      amends: null,
      amendmentReason: null,
      supersededBy: null,
      auditSeq: 60,
    };
    const past = { auditSeq: 52, at: '2026-11-19T09:00:00.000Z', consultedBy: 'judge1', modelSha256: awardSha, caseType: 'kz-civil-contract', outcome: 'award-fraction', value: 0.433, interval80: [0.3, 0.6], predictedClass: null, referred: false };
    const fake = await consult('en', { penalty: '800000', demanded: 'true', paid: '0' }, { 'verdicts.record': { ok: true, value: verdict }, 'decision.consultations': { ok: true, value: [past] } });
    // The history reads the past estimate and its interval in percent of the claim too.
    expect(text('past-consultation')).toContain('43.3 % of the claim (80% interval 30–60)');
    // Document kinds are named in words only; their internal codes (contract, acceptance-act) never show.
    expect(need('fact-documents').textContent).toContain('acceptance certificate');
    expect(need('fact-documents').textContent).not.toMatch(/acceptance-act|contract —/);
    await type('verdict-class', 'partial');
    expect(need('verdict-form').textContent).toContain('% of the claim');
    await type('verdict-value', '62.5');
    await type('verdict-date', '2026-11-20');
    await click('verdict-submit');
    const recorded = fake.callsTo('verdicts.record') as Array<{ outcome: { class: string; value: number } }>;
    expect(recorded.map((r) => r.outcome)).toEqual([{ class: 'partial', value: 0.625 }]);
  });
});
