// @vitest-environment jsdom
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Consultation, DalelApi, DecisionModel, ModelCard, RequestChannel, Result, Role, SessionInfo, Verdict } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';
import type { Language } from '../../renderer/src/i18n/languages.ts';
import { Root } from '../../renderer/src/root.tsx';

const caseId = '11111111-1111-4111-8111-111111111111';
const sampleCase: Case = {
  id: caseId,
  number: '1-88/2026',
  venue: 'Astana District Court No. 2',
  caseType: 'criminal',
  parties: 'State v. X',
  createdAt: '2026-01-02T10:00:00.000Z',
  createdBy: 'judge1',
  evidenceCount: 0,
};
// The shipped schema, read by the service's own loader (named by path: under jsdom, import.meta.url cannot be used).
const criminal = caseTypeView(findCaseType(loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types')), 'kz-criminal'));
const modelSha = 'ab'.repeat(32);
const classes = criminal.outcomes[0]!.classes;

const card: ModelCard = {
  format: 'dalel-model-card/1',
  modelSha256: modelSha,
  createdAt: '2026-11-01T09:00:00.000Z',
  caseType: { id: 'kz-criminal', version: criminal.version, sha256: criminal.sha256, title: criminal.title },
  outcome: { name: 'punishment', kind: 'classification', classes: classes.map((c) => c.value) },
  synthetic: true,
  intendedUse: 'Demonstration of the method on generated cases.',
  data: { file: 'kz-criminal-synthetic.csv', sha256: 'cd'.repeat(32), description: 'Generated cases', records: 5000, cases: 5000, dropped: {}, period: { field: 'decidedOn', from: '2019-01-01', to: '2025-12-31' } },
  validation: {
    split: 'temporal at 2024-01-01',
    trainingCases: 3000,
    calibrationCases: 1000,
    testCases: 1000,
    classification: { accuracy: 0.71, logLoss: 0.8, expectedCalibrationError: 0.031, baselines: [{ name: 'majority class (лишение свободы)', accuracy: 0.42 }] },
  },
  disparity: [{ attribute: 'defendantSex', title: 'Sex', groups: [{ value: 'female', label: 'женщина', cases: 400, accuracy: 0.7, predictedPositiveRate: 0.3, actualPositiveRate: 0.31 }] }],
  model: { kind: 'gam', features: [{ name: 'article', kind: 'categorical', bins: 7 }], interactions: [], bags: 4, rounds: [{ main: 100, pairs: 0 }], trainingSeconds: 3, options: {} },
  limitations: ['Trained on generated cases only.'],
};
const model: DecisionModel = { sha256: modelSha, caseType: 'kz-criminal', caseTypeVersion: criminal.version, outcome: 'punishment', synthetic: true, card };

/** A consultation whose score is exactly the intercept plus the terms, as the service guarantees. */
function classificationConsultation(): Consultation {
  const K = classes.length;
  const intercept = Array.from({ length: K }, (_, k) => 0.1 * k);
  const terms = [
    { term: 'article', inputs: [{ feature: 'article', value: '188' }], values: [0.2, -0.1, 0, 0.3, 1.4, 0.5] },
    { term: 'priorConvictions', inputs: [{ feature: 'priorConvictions', value: 2 }], values: [-0.4, 0, 0.1, 0.2, 0.9, -0.6] },
    { term: 'mitigating=53.1.11', inputs: [{ feature: 'mitigating=53.1.11', value: true }], values: [0.3, 0.1, 0.1, 0.1, -0.7, 0.8] },
    ...Array.from({ length: 14 }, (_, i) => ({ term: `aggravating=54.1.${i + 1}`, inputs: [{ feature: `aggravating=54.1.${i + 1}`, value: false }], values: Array.from({ length: K }, (_, k) => 0.01 * ((i + k) % 3) - 0.01) })),
  ];
  const score = intercept.map((b, k) => b + terms.reduce((s, t) => s + t.values[k]!, 0));
  const exp = score.map((s) => Math.exp(s));
  const total = exp.reduce((a, b) => a + b, 0);
  const probabilities = classes.map((c, k) => ({ value: c.value, label: c.label, probability: exp[k]! / total }));
  const top = probabilities.reduce((a, b) => (b.probability > a.probability ? b : a));
  return {
    outcome: 'punishment',
    kind: 'classification',
    synthetic: true,
    score,
    intercept,
    contributions: terms,
    probabilities,
    predictedClass: top.value,
    abstention: { refer: false, reasons: [] },
    model: { sha256: modelSha, caseType: 'kz-criminal', caseTypeVersion: criminal.version },
    auditSeq: 41,
    bounds: {
      article: '188',
      part: '1',
      citation: 'УК РК, ст. 188 ч. 1',
      text: 'Статья 188. Кража\n1. Кража, то есть тайное хищение чужого имущества, – наказывается ...',
      punishments: [{ type: 'imprisonment', min: null, max: 24, unit: 'months' }],
      lawfulRange: { min: 0, max: 16, unit: 'months' },
      caps: [{ citation: 'УК РК, ст. 55 ч. 1', fraction: 2 / 3, reason: 'mitigating, no aggravating' }],
    },
    precedents: [
      {
        caseRef: 'SYN-0042',
        distance: 0.75,
        outcome: { value: null, class: 'imprisonment', label: 'лишение свободы' },
        decidedAt: '2024-03-01',
        comparison: [
          { feature: 'article', label: 'Article', query: '188', precedent: '188', same: true },
          { feature: 'priorConvictions', label: 'Prior convictions', query: 2, precedent: 0, same: false },
        ],
      },
    ],
    advice: [
      {
        rule: 'appeal-deadline',
        title: 'Appeal deadline',
        text: 'An appeal may be brought within fifteen days.',
        citations: [{ code: 'УПК РК', article: '416', text: 'Статья 416. Сроки апелляционного обжалования ...' }],
      },
    ],
  };
}

function termConsultation(): Consultation {
  const intercept = [20];
  const contributions = [
    { term: 'article', inputs: [{ feature: 'article', value: '188' }], values: [6] },
    { term: 'damageMrp', inputs: [{ feature: 'damageMrp', value: 900 }], values: [4.5] },
  ];
  return {
    outcome: 'term-months',
    kind: 'regression',
    unit: 'months',
    synthetic: true,
    score: [30.5],
    intercept,
    contributions,
    value: 30.5,
    interval80: [12, 49],
    interval95: [2, 59],
    abstention: {
      refer: true,
      reasons: [
        { code: 'interval-too-wide', width: 37, range: [0, 60], limit: 30 },
        { code: 'outside-training-range', feature: 'damageMrp', value: 900, min: 0, max: 500 },
      ],
    },
    model: { sha256: modelSha, caseType: 'kz-criminal', caseTypeVersion: criminal.version },
    auditSeq: 42,
    bounds: null,
    precedents: [],
    advice: [],
  };
}

function sessionFor(role: Role): SessionInfo {
  return {
    user: { id: '33333333-3333-4333-8333-333333333333', username: `${role}1`, displayName: `The ${role}`, role, disabled: false, createdAt: '2026-01-01T00:00:00.000Z' },
    locked: false,
    idleLockMs: 600_000,
  };
}

type Answer = Result<unknown> | ((payload: never) => Result<unknown>);

function fakeApi(role: Role, answers: Partial<Record<RequestChannel, Answer>>) {
  const calls: { channel: RequestChannel; payload: unknown }[] = [];
  const table: Partial<Record<RequestChannel, Answer>> = {
    'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor(role) } },
    'cases.list': { ok: true, value: [sampleCase] },
    'cases.get': { ok: true, value: sampleCase },
    'evidence.list': { ok: true, value: [] },
    'decision.models': { ok: true, value: [model] },
    'decision.caseTypes': { ok: true, value: [criminal] },
    'verdicts.dashboard': { ok: true, value: [] },
    'verdicts.notices': { ok: true, value: [] },
    ...answers,
  };
  const api: DalelApi = {
    invoke: (async (channel: RequestChannel, payload: unknown) => {
      calls.push({ channel, payload });
      const answer = table[channel];
      if (answer === undefined) return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } };
      return typeof answer === 'function' ? answer(payload as never) : answer;
    }) as DalelApi['invoke'],
    on: () => () => undefined,
  };
  return { api, callsTo: (channel: RequestChannel) => calls.filter((c) => c.channel === channel).map((c) => c.payload) };
}

let container: HTMLDivElement;
let root: ReactRoot | null = null;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container.remove();
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

async function render(api: DalelApi, language: Language = 'en'): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<Root api={api} i18n={createI18n(language)} />));
  await settle();
  await settle();
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const all = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];

function need(id: string): HTMLElement {
  const element = byTestId(id);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

async function click(id: string): Promise<void> {
  const element = need(id);
  await act(async () => element.click());
  await settle();
  await settle();
}

async function type(id: string, value: string): Promise<void> {
  const element = need(id) as HTMLInputElement | HTMLSelectElement;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!;
  await act(async () => {
    setter.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

async function openCase(): Promise<void> {
  await click(`open-case-${sampleCase.number}`);
  await settle();
}

async function fillCriminalFacts(): Promise<void> {
  await type('fact-article', '188');
  await type('fact-part', '1');
  await type('fact-offenceCategory', 'medium');
  await type('fact-priorConvictions', '2');
  await click('fact-mitigating-53.1.11');
}

describe('the judge’s decision support pane', () => {
  it('draws the facts form from the case type’s schema, with the advisory banner always in view', async () => {
    const fake = fakeApi('judge', {});
    await render(fake.api);
    await openCase();
    expect(need('advisory-banner').textContent).toContain('Advisory only — the judge decides.');
    for (const field of criminal.fields) expect(byTestId(`fact-${field.name}`), field.name).not.toBeNull();
    const category = need('fact-offenceCategory') as HTMLSelectElement;
    // Required and not nullable: no "not stated" choice; every enum value is offered with its translated label.
    expect([...category.options].map((o) => o.value)).toEqual(['', 'criminal-misdemeanour', 'minor', 'medium', 'grave', 'especially-grave'].slice(1));
    expect([...category.options].map((o) => o.textContent)).toContain('grave offence');
    const recidivism = need('fact-recidivism') as HTMLSelectElement;
    expect(recidivism.options[0]!.value).toBe('');
    expect(recidivism.options[0]!.textContent).toBe('Not stated');
    expect(all('[data-testid^="fact-mitigating-53.1."]')).toHaveLength(11);
    expect(all('[data-testid^="fact-aggravating-54.1."]')).toHaveLength(16);
    expect(need('fact-mitigating').textContent).toContain('sincere repentance');
    expect(need('fact-damageMrp').closest('.MuiFormControl-root')?.textContent).toContain('At least 0');
    expect(need('model-synthetic-chip').textContent).toBe('Trained on synthetic data');
  });

  it('labels the form in Russian from the translations, and falls back to the schema’s own labels', async () => {
    await render(fakeApi('judge', {}).api, 'ru');
    await openCase();
    expect(need('fact-mitigating').textContent).toContain('Смягчающие обстоятельства (ч. 1 ст. 53)');
    expect(need('fact-aggravating').textContent).toContain('состояние опьянения');
  });

  it('refuses to consult with facts the schema rejects, naming the fields', async () => {
    const fake = fakeApi('judge', {});
    await render(fake.api);
    await openCase();
    await type('fact-article', 'one-eighty-eight');
    await type('fact-part', '9');
    await click('consult-button');
    expect(need('facts-problems')).not.toBeNull();
    expect(need('fact-part').closest('.MuiFormControl-root')?.textContent).toContain('Above the allowed maximum');
    expect(need('fact-article').closest('.MuiFormControl-root')?.textContent).toContain('Not in the expected form');
    expect(fake.callsTo('decision.predict')).toHaveLength(0);
  });

  it('shows a consultation: probabilities, the synthetic-data notice, the exact waterfall, bounds, precedents and advice', async () => {
    const consultation = classificationConsultation();
    const fake = fakeApi('judge', { 'decision.predict': { ok: true, value: consultation } });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(fake.callsTo('decision.predict')).toEqual([
      { modelSha256: modelSha, caseId, facts: { article: '188', part: 1, offenceCategory: 'medium', priorConvictions: 2, mitigating: ['53.1.11'], aggravating: [] } },
    ]);
    expect(need('prediction-card').dataset.referred).toBe('false');
    expect(byTestId('referral')).toBeNull();
    expect(need('synthetic-notice').textContent).toContain('synthetic');
    expect(need('advisory-banner')).not.toBeNull();
    for (const p of consultation.probabilities!) expect(Number(need(`probability-${p.value}`).dataset.probability)).toBeCloseTo(p.probability, 12);
    expect(need('probability-imprisonment').textContent).toContain('imprisonment');
    // The waterfall explains the predicted class's score: intercept + every term (17, the smallest folded) = score.
    const k = classes.findIndex((c) => c.value === consultation.predictedClass);
    const bars = all('[data-testid^="waterfall-bar-"]').filter((b) => b.dataset.testid !== 'waterfall-bar-score');
    expect(bars.map((b) => b.dataset.testid)).toEqual(['waterfall-bar-intercept', ...Array<string>(12).fill('waterfall-bar-term'), 'waterfall-bar-rest']);
    const sum = bars.reduce((s, b) => s + Number(b.dataset.value), 0);
    expect(sum).toBeCloseTo(consultation.score[k]!, 12);
    expect(Number(need('waterfall-sum').dataset.total)).toBeCloseTo(consultation.score[k]!, 12);
    expect(Number(need('waterfall-bar-score').dataset.value)).toBeCloseTo(consultation.score[k]!, 12);
    const magnitudes = bars.slice(1, 13).map((b) => Math.abs(Number(b.dataset.value)));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    expect(need('waterfall-svg').querySelector('title')?.textContent).toBe('Contribution of each fact');
    await click('waterfall-table-toggle');
    expect(all('[data-testid="waterfall-row-term"]')).toHaveLength(12);
    expect(need('waterfall-table').textContent).toContain('Unexpunged prior convictions');
    expect(need('bounds-lawful-range').textContent).toContain('0–16');
    expect(need('bounds-cap').textContent).toContain('ст. 55');
    await click('precedent-toggle-SYN-0042');
    expect(need('comparison-priorConvictions').dataset.same).toBe('false');
    expect(need('comparison-article').dataset.same).toBe('true');
    expect(need('advice-appeal-deadline').textContent).toContain('УПК РК, art. 416');
  });

  it('shows an abstaining prediction as a referral to human review with each reason in words', async () => {
    const fake = fakeApi('judge', { 'decision.predict': { ok: true, value: termConsultation() } });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(need('prediction-card').dataset.referred).toBe('true');
    expect(need('referral').textContent).toContain('Refer to human review');
    expect(need('referral-reason-interval-too-wide').textContent).toContain('wider than the allowed share');
    expect(need('referral-reason-outside-training-range').textContent).toContain('Damage caused, MRP = 900');
    expect(need('synthetic-notice')).not.toBeNull();
    expect(need('range-bar')).not.toBeNull();
    expect(need('waterfall-sum').dataset.total).toBe('30.5');
  });

  it('opens the model card with data hash, period, validation against the baseline and the disparity report', async () => {
    await render(fakeApi('judge', {}).api);
    await openCase();
    await click('model-card-button');
    expect(need('model-card-data-hash').textContent).toBe('cd'.repeat(32));
    expect(need('model-card-period').textContent).toContain('2019-01-01');
    expect(need('model-card-validation').textContent).toContain('majority class');
    expect(need('model-card-calibration').textContent).toContain('0.031');
    expect(need('model-card-disparity-defendantSex').textContent).toContain('женщина');
    expect(need('model-card-synthetic')).not.toBeNull();
  });

  it('records the verdict linked to the last consultation and says when a discrepancy was recorded', async () => {
    const verdict: Verdict = {
      id: '44444444-4444-4444-8444-444444444444',
      caseId,
      consultationSeq: 41,
      caseType: 'kz-criminal',
      article: '188',
      outcome: { value: 36, class: 'imprisonment' },
      decidedAt: '2026-11-20T00:00:00.000Z',
      enteredBy: 'judge1',
      discrepancy: { kind: 'different-class', predicted: { value: null, interval: null, class: 'suspended' } },
      auditSeq: 43,
    };
    const fake = fakeApi('judge', { 'decision.predict': { ok: true, value: classificationConsultation() }, 'verdicts.record': { ok: true, value: verdict } });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(need('verdict-form').textContent).toContain('consultation #41');
    expect(byTestId('verdict-value')).toBeNull();
    await type('verdict-class', 'imprisonment');
    await type('verdict-value', '36');
    await type('verdict-date', '2026-11-20');
    await click('verdict-submit');
    expect(fake.callsTo('verdicts.record')).toEqual([
      { caseId, consultationSeq: 41, caseType: 'kz-criminal', article: '188', outcome: { class: 'imprisonment', value: 36 }, decidedAt: '2026-11-20T00:00:00.000Z' },
    ]);
    expect(need('verdict-result').dataset.discrepancy).toBe('different-class');
  });

  it('lets the clerk enter a verdict without consulting', async () => {
    const fake = fakeApi('clerk', { 'audit.status': { ok: true, value: { origin: 'o', size: 1, keyUnlocked: false, keySealer: null, key: null, latestCheckpoint: null } } });
    await render(fake.api);
    await openCase();
    expect(byTestId('consult-button')).toBeNull();
    expect(need('verdict-form').textContent).toContain('No consultation');
    expect(need('advisory-banner')).not.toBeNull();
  });

  it('shows the judge’s notices with acknowledge, and the discrepancy dashboard by month and by article', async () => {
    const notice = { id: '55555555-5555-4555-8555-555555555555', verdictId: '44444444-4444-4444-8444-444444444444', caseId, caseNumber: sampleCase.number, createdAt: '2026-11-20T10:00:00.000Z', acknowledgedAt: null };
    let acknowledged = false;
    const fake = fakeApi('judge', {
      'verdicts.notices': () => ({ ok: true, value: [{ ...notice, acknowledgedAt: acknowledged ? '2026-11-21T10:00:00.000Z' : null }] }),
      'verdicts.acknowledge': () => {
        acknowledged = true;
        return { ok: true, value: { ...notice, acknowledgedAt: '2026-11-21T10:00:00.000Z' } };
      },
      'verdicts.dashboard': {
        ok: true,
        value: [
          { article: '188', month: '2026-10', verdicts: 4, discrepancies: 1 },
          { article: '190', month: '2026-10', verdicts: 2, discrepancies: 0 },
          { article: '188', month: '2026-11', verdicts: 3, discrepancies: 2 },
        ],
      },
    });
    await render(fake.api);
    expect(need(`notice-${notice.id}`).textContent).toContain(sampleCase.number);
    await click(`notice-ack-${notice.id}`);
    expect(fake.callsTo('verdicts.acknowledge')).toEqual([{ noticeId: notice.id }]);
    expect(byTestId(`notice-${notice.id}`)).toBeNull();
    expect(all('[data-testid="dashboard-table"] tbody tr')).toHaveLength(3);
    expect(need('discrepancy-bar-2026-10').textContent).toContain('1/6');
    await click('dashboard-by-article');
    expect(need('discrepancy-bar-188').textContent).toContain('3/7');
  });
});
