// @vitest-environment jsdom
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case, Consultation, DalelApi, DecisionModel, Finding, ModelCard, RequestChannel, Role, Verdict } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import type { Language } from '../../renderer/src/i18n/languages.ts';
import { cmcFinding } from './expert-fixtures.ts';
import { type Answer, tableApi } from './fake-api.ts';
import { renderRoot, unmountRoot } from './root-harness.tsx';
import { sessionFor } from './root-fixtures.ts';
import { byTestId, click as clickOnce, need, settle, type } from './dom-actions.ts';

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
      citation: 'ч. 1 ст. 188 УК РК',
      text: 'Статья 188. Кража\n1. Кража, то есть тайное хищение чужого имущества, – наказывается ...',
      stated: { punishments: [{ type: 'imprisonment', min: 6, max: 36, unit: 'months' }], lawfulRange: { min: 6, max: 36, unit: 'months' } },
      punishments: [{ type: 'imprisonment', min: 6, max: 18, unit: 'months' }],
      lawfulRange: { min: 6, max: 18, unit: 'months' },
      caps: [
        { citation: 'п. 1 ч. 2 ст. 55 УК РК', part: '2', item: '1', circumstance: 'mitigating-no-aggravating', facts: ['53.1.11'], effect: 'maximum-fraction', fraction: 0.5, reason: 'смягчающее обстоятельство при отсутствии отягчающих' },
        { citation: 'ч. 6 ст. 55 УК РК', part: '6', item: null, circumstance: 'mitigating-no-aggravating', facts: ['53.1.11'], effect: 'below-minimum', fraction: null, reason: 'ниже низшего предела' },
      ],
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
        rule: 'criminal-appeal-deadline',
        title: 'Срок апелляционного обжалования приговора — пятнадцать суток',
        text: 'Апелляционные жалобы подаются в течение пятнадцати суток.',
        citations: [{ code: 'УПК РК', article: 'ч. 1 ст. 418 УПК РК', number: '418', part: '1', text: 'Статья 418. Сроки апелляционного обжалования ...' }],
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

/** A DalelApi answering from a table over a signed-in session of `role`, one case and the criminal model. */
function fakeApi(role: Role, answers: Partial<Record<RequestChannel, Answer>>) {
  return tableApi({
    'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor(role) } },
    'cases.list': { ok: true, value: [sampleCase] },
    'cases.get': { ok: true, value: sampleCase },
    'evidence.list': { ok: true, value: [] },
    'decision.models': { ok: true, value: [model] },
    'decision.caseTypes': { ok: true, value: [criminal] },
    'verdicts.list': { ok: true, value: [] },
    'decision.consultations': { ok: true, value: [] },
    'settings.get': { ok: true, value: { workstationName: 'Court 2', technicalReviewRequired: true, clerksMayRecordVerdicts: false, researchCaseTypes: false } },
    'review.get': { ok: true, value: { caseId, state: 'draft', technicalReviewRequired: true, findingsTotal: 0, findingsDecided: 0, signatures: [], updatedAt: '2026-01-02T10:00:00.000Z' } },
    'findings.list': { ok: true, value: [] },
    'documents.list': { ok: true, value: [] },
    ...answers,
  });
}

afterEach(unmountRoot);

const render = (api: DalelApi, language: Language = 'en') => renderRoot(api, language);

const all = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];


/** Clicks and lets the answers that the click asks for arrive (a second round of effects). */
async function click(id: string): Promise<void> {
  await clickOnce(id);
  await settle();
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
    // Required and not nullable: no "not stated" choice, but a "Choose…" that cannot be chosen, so that nothing looks
    // chosen before the judge chooses; every enum value is offered with its translated label.
    expect([...category.options].map((o) => o.value)).toEqual(['', 'criminal-misdemeanour', 'minor', 'medium', 'grave', 'especially-grave']);
    expect(category.value).toBe('');
    expect(category.options[0]!.disabled).toBe(true);
    expect(category.options[0]!.textContent).toBe('Choose…');
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
    // The waterfall explains the predicted class's probability in percentage points, from the reference case: the
    // reference, then every term (17, the smallest folded), adding up exactly to the probability shown.
    const k = classes.findIndex((c) => c.value === consultation.predictedClass);
    const bars = all('[data-testid^="waterfall-bar-"]').filter((b) => b.dataset.testid !== 'waterfall-bar-score');
    expect(bars.map((b) => b.dataset.testid)).toEqual(['waterfall-bar-reference', ...Array<string>(12).fill('waterfall-bar-term'), 'waterfall-bar-rest']);
    const sum = bars.reduce((s, b) => s + Number(b.dataset.value), 0);
    expect(sum).toBeCloseTo(consultation.probabilities![k]!.probability * 100, 9);
    expect(need('waterfall').dataset.unit).toBe('points');
    expect(Number(need('waterfall-sum').dataset.total)).toBeCloseTo(Number(need('waterfall-sum').dataset.score), 9);
    expect(Number(need('waterfall-bar-score').dataset.value)).toBeCloseTo(consultation.probabilities![k]!.probability * 100, 9);
    // Every bar names the fact and its value.
    const labels = bars.map((b) => b.dataset.label ?? '');
    expect(labels).toContain('Unexpunged prior convictions: 2');
    expect(labels.some((l) => /^53\.1\.11 .*: yes$/i.test(l)), labels.join(' | ')).toBe(true);
    expect(need('waterfall-chart').getAttribute('role')).toBe('img');
    await click('waterfall-table-toggle');
    expect(all('[data-testid="waterfall-row-term"]')).toHaveLength(12);
    expect(need('waterfall-table').textContent).toContain('Unexpunged prior convictions');
    expect(need('waterfall-table').textContent).toContain('Change in log-odds');
    expect(need('bounds-lawful-range').textContent).toContain('6–18');
    expect(need('bounds-stated-range').textContent).toContain('6–36');
    expect(need('bounds-cap-part-2').textContent).toContain('art. 55, part 2, item 1');
    expect(need('bounds-cap-part-2').textContent).toContain('sincere repentance');
    expect(need('bounds-cap-part-2').textContent).toContain('at most ½ of the maximum');
    // A precedent's outcome in the interface language, not the schema's Russian label.
    expect(need('precedents-table').textContent).toContain('imprisonment');
    expect(need('precedents-table').textContent).not.toContain('лишение свободы');
    // Its day in the reader's words, and what its distance means beside the table.
    expect(need('precedent-SYN-0042').textContent).toContain('Mar 1, 2024');
    expect(need('precedent-SYN-0042').textContent).not.toContain('2024-03-01');
    expect(need('precedents-distance-note').textContent).toContain('0 means the same, smaller is closer');
    await click('precedent-toggle-SYN-0042');
    expect(need('comparison-priorConvictions').dataset.same).toBe('false');
    expect(need('comparison-article').dataset.same).toBe('true');
    expect(need('advice-criminal-appeal-deadline').textContent).toContain('Criminal Procedure Code of Kazakhstan, art. 418, part 1');
    expect(need('advice-criminal-appeal-deadline').textContent).toContain('within fifteen days');
  });

  it('"Refer to a human": neutral styling and wording that says the estimate is withheld and why', async () => {
    const fake = fakeApi('judge', { 'decision.predict': { ok: true, value: termConsultation() } });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(need('prediction-card').dataset.referred).toBe('true');
    expect(need('referral').textContent).toContain('Estimate withheld');
    expect(need('referral').textContent).toContain('leaves the assessment to the judge');
    expect(need('referral').className).not.toMatch(/filled|Error/i);
    expect(need('referral-reason-interval-too-wide').textContent).toContain('wider than the allowed share');
    expect(need('referral-reason-outside-training-range').textContent).toContain('Damage caused, MRP = 900');
    expect(need('synthetic-notice')).not.toBeNull();
    // Withheld means not shown: no value, no range bar, no explanation of a value the model does not give.
    expect(byTestId('predicted-value')).toBeNull();
    expect(byTestId('range-bar')).toBeNull();
    expect(byTestId('waterfall')).toBeNull();
  });

  it('fills facts from a read document only when ticked and accepted, and names the document as their source', async () => {
    const evidenceId = '55555555-5555-4555-8555-555555555555';
    const textSha256 = 'ef'.repeat(32);
    const proposed = (field: string, value: unknown, quote: string) => ({ field, value, confidence: 0.9, page: 1, span: { start: 10, end: 10 + quote.length }, quote, before: 'Иванов обвиняется по ', after: ' УК РК', boxes: [] });
    const fake = fakeApi('judge', {
      'decision.predict': { ok: true, value: classificationConsultation() },
      'documents.list': { ok: true, value: [{ evidenceId, fileName: 'indictment.png', textSha256, pages: 2, createdAt: '2026-11-20T10:00:00.000Z' }] },
      'documents.facts': { ok: true, value: { evidenceId, textSha256, facts: [proposed('article', '188', 'ст. 188'), proposed('part', 2, 'ч. 2'), proposed('notAField', 1, 'x')] } },
    });
    await render(fake.api);
    await openCase();
    expect((need('document-fill-choice') as HTMLSelectElement).options[0]!.textContent).toBe('indictment.png (2 pages)');
    await click('document-fill-read');
    expect(fake.callsTo('documents.facts')).toEqual([{ evidenceId, caseType: 'kz-criminal' }]);
    // Only the form's own fields are offered, each with the words it came from marked in their sentence.
    expect(all('[data-testid^="document-fact-tick-"]')).toHaveLength(2);
    expect(need('document-fact-part').textContent).toContain('Page 1');
    expect(all('[data-testid="document-fact-source"]').map((m) => m.textContent)).toEqual(['ст. 188', 'ч. 2']);
    expect((need('fact-article') as HTMLInputElement).value).toBe('');
    await click('document-fact-tick-article');
    await click('document-fact-tick-part');
    await click('document-fill-accept');
    expect((need('fact-article') as HTMLInputElement).value).toBe('188');
    expect((need('fact-part') as HTMLInputElement).value).toBe('2');
    // The judge corrects the part by hand: it is then typed, not from the document.
    await type('fact-part', '1');
    await type('fact-offenceCategory', 'medium');
    await click('consult-button');
    const source = { kind: 'document', evidenceId, textSha256 };
    expect(fake.callsTo('decision.predict')).toEqual([{ modelSha256: modelSha, caseId, facts: { article: '188', part: 1, offenceCategory: 'medium', mitigating: [], aggravating: [] }, factSources: { article: source } }]);
  });

  it('ticks every checklist item a document names beside those already ticked, instead of keeping only the last', async () => {
    const evidenceId = '55555555-5555-4555-8555-555555555555';
    const textSha256 = 'ef'.repeat(32);
    const proposed = (value: string, quote: string) => ({ field: 'mitigating', value, confidence: 0.8, page: 1, span: { start: 0, end: quote.length }, quote, before: '', after: '', boxes: [] });
    const fake = fakeApi('judge', {
      'documents.list': { ok: true, value: [{ evidenceId, fileName: 'indictment.pdf', textSha256, pages: 1, createdAt: '2026-11-20T10:00:00.000Z' }] },
      'documents.facts': { ok: true, value: { evidenceId, textSha256, facts: [proposed('53.1.4', 'малолетнего ребенка'), proposed('53.1.9', 'явка с повинной')] } },
    });
    await render(fake.api);
    await openCase();
    await click('fact-mitigating-53.1.11');
    await click('document-fill-read');
    const ticks = all('[data-testid="document-fact-tick-mitigating"] input');
    expect(ticks).toHaveLength(2);
    for (const tick of ticks) await act(async () => tick.click());
    await click('document-fill-accept');
    const ticked = all('[data-testid^="fact-mitigating-53.1."]').filter((box) => (box as HTMLInputElement).checked).map((box) => box.dataset.testid);
    expect(ticked.sort()).toEqual(['fact-mitigating-53.1.11', 'fact-mitigating-53.1.4', 'fact-mitigating-53.1.9']);
  });

  it('highlights a proposed fact on its page image, the words it came from boxed, and moves to the fact chosen', async () => {
    const evidenceId = '55555555-5555-4555-8555-555555555555';
    const textSha256 = 'ef'.repeat(32);
    const box = (left: number) => ({ left, top: 300, width: 120, height: 40 });
    const proposed = (field: string, value: unknown, quote: string, page: number, boxes: ReturnType<typeof box>[]) => ({ field, value, confidence: 0.9, page, span: { start: 10, end: 10 + quote.length }, quote, before: '', after: '', boxes });
    Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => `blob:test/${blob.size}`), revokeObjectURL: vi.fn() });
    const fake = fakeApi('judge', {
      'documents.list': { ok: true, value: [{ evidenceId, fileName: 'indictment.pdf', textSha256, pages: 2, createdAt: '2026-11-20T10:00:00.000Z' }] },
      'documents.facts': { ok: true, value: { evidenceId, textSha256, facts: [proposed('article', '188', 'ст. 188', 1, [box(100), box(230)]), proposed('part', 2, 'ч. 2', 2, [box(500)])] } },
      'documents.pageImage': (request: { page: number }) => ({ ok: true, value: { evidenceId, textSha256, page: request.page, width: 2480, height: 3508, png: new Uint8Array(request.page * 10) } }),
    });
    await render(fake.api);
    await openCase();
    await click('document-fill-read');
    // Pages asked for, in order (React's strict mode may load twice).
    const pagesAsked = () => [...new Set(fake.callsTo('documents.pageImage').map((c) => JSON.stringify(c)))].map((c) => JSON.parse(c) as unknown);
    // The first fact is shown on its page at once: its two words boxed over the page image, in the page's pixels.
    expect(pagesAsked()).toEqual([{ evidenceId, page: 1 }]);
    expect(need('document-fill-page').textContent).toContain('page 1');
    expect(all('[data-testid="document-page-box-fact"]').map((r) => r.getAttribute('x'))).toEqual(['96', '226']);
    expect(need('document-page-image').querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 2480 3508');
    expect(need('document-page-image').querySelector('img')!.getAttribute('src')).toBe('blob:test/10');
    await click('document-fact-show-part');
    expect(pagesAsked()).toEqual([{ evidenceId, page: 1 }, { evidenceId, page: 2 }]);
    expect(need('document-fill-page').textContent).toContain('page 2');
    expect(all('[data-testid="document-page-box-fact"]').map((r) => r.getAttribute('x'))).toEqual(['496']);
    expect((need('document-fact-show-part') as HTMLButtonElement).disabled).toBe(true);
    // Highlighting is only showing: nothing entered the form.
    expect((need('fact-article') as HTMLInputElement).value).toBe('');
  });

  it('says when no document of the case has been read', async () => {
    await render(fakeApi('judge', {}).api, 'kk');
    await openCase();
    expect(need('document-fill-none').textContent).toContain('әлі оқылмаған');
  });

  it('opens the model card with data hash, period, validation against the baseline and the disparity report', async () => {
    await render(fakeApi('judge', {}).api);
    await openCase();
    await click('model-card-button');
    expect(need('model-card-data-hash').textContent).toBe('cd'.repeat(32));
    expect(need('model-card-period').textContent).toContain('2019-01-01');
    expect(need('model-card-validation').textContent).toContain('majority class');
    expect(need('model-card-calibration').textContent).toContain('0.031');
    // The group in the reader's words (English here), not the schema's Russian label.
    expect(need('model-card-disparity-defendantSex').textContent).toContain('female');
    expect(need('model-card-disparity-defendantSex').textContent).not.toContain('женщина');
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
      enteredAt: '2026-11-20T10:00:00.000Z',
      modelSha256: modelSha,
      discrepancy: { kind: 'different-class', predicted: { value: null, interval: null, class: 'suspended' } },
      amends: null,
      amendmentReason: null,
      supersededBy: null,
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

  it('lets the clerk enter a verdict without consulting where the court allows it', async () => {
    const status = { 'audit.status': { ok: true as const, value: { origin: 'o', size: 1, keyUnlocked: false, keySealer: null, key: null, latestCheckpoint: null } } };
    const fake = fakeApi('clerk', { ...status, 'settings.get': { ok: true, value: { workstationName: 'Court 2', technicalReviewRequired: true, clerksMayRecordVerdicts: true, researchCaseTypes: false } } });
    await render(fake.api);
    await openCase();
    expect(byTestId('consult-button')).toBeNull();
    expect(need('verdict-form').textContent).toContain('No consultation');
    expect(need('advisory-banner')).not.toBeNull();
  });

  it('Roles: a clerk does not record verdicts unless the court\'s setting allows it (the form is not offered)', async () => {
    const fake = fakeApi('clerk', { 'audit.status': { ok: true, value: { origin: 'o', size: 1, keyUnlocked: false, keySealer: null, key: null, latestCheckpoint: null } } });
    await render(fake.api);
    await openCase();
    expect(need('decision-panel')).not.toBeNull();
    expect(byTestId('verdict-form')).toBeNull();
  });

  it('Verdicts: reopening the case shows past verdicts and consultations; a correction is an amendment with a reason', async () => {
    const final: Verdict = {
      id: '44444444-4444-4444-8444-444444444444', caseId, consultationSeq: 41, modelSha256: modelSha, caseType: 'kz-criminal', article: '188',
      outcome: { value: 36, class: 'imprisonment' }, decidedAt: '2026-11-20T00:00:00.000Z', enteredBy: 'judge1', enteredAt: '2026-11-20T10:00:00.000Z',
      discrepancy: null, amends: null, amendmentReason: null, supersededBy: null, auditSeq: 43,
    };
    const past = { auditSeq: 41, at: '2026-11-19T09:00:00.000Z', consultedBy: 'judge1', modelSha256: modelSha, caseType: 'kz-criminal', outcome: 'punishment', value: null, interval80: null, predictedClass: 'imprisonment', referred: false };
    const amended: Verdict = { ...final, id: '66666666-6666-4666-8666-666666666666', outcome: { value: 30, class: 'imprisonment' }, amends: final.id, amendmentReason: 'typing error', auditSeq: 50 };
    let list: Verdict[] = [final];
    const fake = fakeApi('judge', {
      'verdicts.list': () => ({ ok: true, value: list }),
      'decision.consultations': { ok: true, value: [past] },
      'verdicts.amend': () => {
        list = [amended, { ...final, supersededBy: amended.id }];
        return { ok: true, value: amended };
      },
    });
    await render(fake.api);
    await openCase();
    expect(all('[data-testid="past-consultation"]')).toHaveLength(1);
    expect(need('past-consultations').textContent).toContain('imprisonment');
    expect(need('past-verdict-final').textContent).toContain('36 months');
    expect(need('verdict-mode').dataset.amending).toBe('true');
    await type('verdict-class', 'imprisonment');
    await type('verdict-value', '30');
    await type('verdict-date', '2026-11-20');
    expect((need('verdict-submit') as HTMLButtonElement).disabled).toBe(true);
    await type('verdict-reason', 'typing error');
    await click('verdict-submit');
    expect(fake.callsTo('verdicts.amend')).toEqual([{ verdictId: final.id, reason: 'typing error', article: '188', outcome: { class: 'imprisonment', value: 30 }, decidedAt: '2026-11-20T00:00:00.000Z' }]);
    expect(fake.callsTo('verdicts.record')).toEqual([]);
    expect(need('past-verdict-amended').textContent).toContain('36');
    expect(need('past-verdict-reason').textContent).toContain('typing error');
  });

  it('Models that contradict each other: the punishment and the term are shown together, the term stated as conditional on a custodial punishment', async () => {
    const termSha = 'ef'.repeat(32);
    const termModel: DecisionModel = { ...model, sha256: termSha, outcome: 'term-months', card: { ...card, modelSha256: termSha } };
    const punishment = classificationConsultation();
    const term: Consultation = { ...termConsultation(), model: { ...punishment.model, sha256: termSha }, auditSeq: 42, abstention: { refer: false, reasons: [] } };
    const fake = fakeApi('judge', {
      'decision.models': { ok: true, value: [model, termModel] },
      'decision.predict': (payload: { modelSha256: string }) => ({ ok: true, value: payload.modelSha256 === termSha ? term : punishment }),
    });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect((fake.callsTo('decision.predict') as Array<{ modelSha256: string }>).map((c) => c.modelSha256)).toEqual([modelSha, termSha]);
    expect(need('consultation-punishment')).not.toBeNull();
    const note = need('conditional-estimate').textContent ?? '';
    expect(note).toContain('conditional on a custodial punishment');
    expect(note).toContain('imprisonment');
    const custodial = punishment.probabilities!.filter((p) => ['restriction-of-freedom', 'imprisonment', 'suspended'].includes(p.value)).reduce((a, p) => a + p.probability, 0);
    expect(note).toContain(`${(custodial * 100).toFixed(1)}%`);
    expect(need('consultation-term-months').contains(need('conditional-estimate'))).toBe(true);
  });

  it('An answered term says how often its interval held on the held-out cases the model answered, and warns where that fell clearly short (en, ru, kk)', async () => {
    const termSha = 'ef'.repeat(32);
    const regressionCard = (coverage80: number): ModelCard => {
      const { classification: _dropped, ...validation } = card.validation;
      return {
        ...card,
        modelSha256: termSha,
        outcome: { name: 'term-months', kind: 'regression', unit: 'months' },
        validation: {
          ...validation,
          regression: {
            meanAbsoluteError: 8.7,
            rootMeanSquaredError: 12,
            baselines: [{ name: 'training median', meanAbsoluteError: 18.8 }],
            intervals: { halfWidth80: 14.4, halfWidth95: 23.4, coverage80: 0.783, coverage95: 0.947 },
            answered: { share: 0.272, meanAbsoluteError: 12.9, medianError: 32, coverage80 },
          },
        },
      };
    };
    const term: Consultation = { ...termConsultation(), model: { ...termConsultation().model, sha256: termSha }, abstention: { refer: false, reasons: [] } };
    for (const [language, words, short] of [
      ['en', ['27.2%', '52.8%'], 'clearly less often than 80%'],
      ['ru', ['27,2', '52,8', 'отложенных делах'], 'заметно реже'],
      ['kk', ['27,2', '52,8', 'Кейінге қалдырылған'], 'айтарлықтай сирек'],
    ] as const) {
      // Held within a few points of 80 %: the line states it, without the warning (once is enough).
      for (const coverage80 of language === 'en' ? [0.528, 0.81] : [0.528]) {
        const termModel: DecisionModel = { ...model, sha256: termSha, outcome: 'term-months', card: regressionCard(coverage80) };
        const fake = fakeApi('judge', { 'decision.models': { ok: true, value: [termModel] }, 'decision.predict': { ok: true, value: term } });
        await render(fake.api, language);
        await openCase();
        await fillCriminalFacts();
        await click('consult-button');
        const line = need('held-out-coverage');
        expect(line.dataset.short).toBe(String(coverage80 < 0.75));
        if (coverage80 < 0.75) {
          for (const word of words) expect(line.textContent).toContain(word);
          expect(line.textContent).toContain(short);
        } else expect(line.textContent).not.toContain(short);
        expect(line.textContent).not.toMatch(/decision\.card|\{\{/);
        unmountRoot();
      }
    }
    // A referred term shows no estimate, so no such line.
    const referred = fakeApi('judge', { 'decision.models': { ok: true, value: [{ ...model, sha256: termSha, outcome: 'term-months', card: regressionCard(0.5) }] }, 'decision.predict': { ok: true, value: { ...term, abstention: termConsultation().abstention } } });
    await render(referred.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(byTestId('held-out-coverage')).toBeNull();
  });

  it('A classifier\'s answer says how often its most probable outcome was right on the held-out cases it answered, and warns where that was no clear gain over the most common outcome (en, ru, kk)', async () => {
    const withAnswered = (answered: { share: number; accuracy: number; majority: number }): DecisionModel => ({
      ...model,
      card: { ...card, validation: { ...card.validation, classification: { ...card.validation.classification!, answered } } },
    });
    for (const [language, words, short] of [
      ['en', ['54.3%', '70.9%'], 'no clear gain'],
      ['ru', ['54,3', '70,9', 'самый частый исход'], 'явного выигрыша'],
      ['kk', ['54,3', '70,9', 'ең жиі нәтижені'], 'айқын артық емес'],
    ] as const) {
      const fake = fakeApi('judge', { 'decision.models': { ok: true, value: [withAnswered({ share: 0.5427, accuracy: 0.7087, majority: 0.7087 })] }, 'decision.predict': { ok: true, value: classificationConsultation() } });
      await render(fake.api, language);
      await openCase();
      await fillCriminalFacts();
      await click('consult-button');
      const line = need('held-out-accuracy');
      expect(line.dataset.short).toBe('true');
      for (const word of words) expect(line.textContent).toContain(word);
      expect(line.textContent).toContain(short);
      expect(line.textContent).not.toMatch(/decision\.card|\{\{/);
      unmountRoot();
    }
    // A clear gain: the figures without the warning.
    const fake = fakeApi('judge', { 'decision.models': { ok: true, value: [withAnswered({ share: 0.473, accuracy: 0.749, majority: 0.379 })] }, 'decision.predict': { ok: true, value: classificationConsultation() } });
    await render(fake.api);
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(need('held-out-accuracy').dataset.short).toBe('false');
    expect(need('held-out-accuracy').textContent).toContain('74.9%');
    expect(need('held-out-accuracy').textContent).not.toContain('no clear gain');
  });

  it('The model picker opens on the case\'s own case type', async () => {
    const civil = caseTypeView(findCaseType(loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types')), 'kz-civil-contract'));
    const civilSha = 'cd'.repeat(32);
    const civilModel: DecisionModel = { ...model, sha256: civilSha, caseType: 'kz-civil-contract', caseTypeVersion: civil.version, outcome: 'satisfaction', card: { ...card, modelSha256: civilSha } };
    const fake = fakeApi('judge', { 'decision.models': { ok: true, value: [civilModel, model] }, 'decision.caseTypes': { ok: true, value: [civil, criminal] } });
    await render(fake.api);
    await openCase();
    expect((need('model-picker') as HTMLSelectElement).value).toBe(modelSha);
    expect(byTestId('fact-article')).not.toBeNull();
  });

  it('Kazakh: articles cited in Kazakh, the bounds and the procedural advice in the interface language', async () => {
    // The service offers the articles the statutes hold (an unknown article is refused at entry).
    const known = { ...criminal, fields: criminal.fields.map((f) => (f.name === 'article' ? { ...f, options: ['188', '190', '191', '192', '293', '296', '345'] } : f)) };
    const fake = fakeApi('judge', { 'decision.predict': { ok: true, value: classificationConsultation() }, 'decision.caseTypes': { ok: true, value: [known] } });
    await render(fake.api, 'kk');
    await openCase();
    await fillCriminalFacts();
    await click('consult-button');
    expect(need('bounds-panel').textContent).toContain('ҚР ҚК 188-бабының 1-бөлігі');
    expect(need('bounds-cap-part-2').textContent).toContain('ҚР ҚК 55-бабы 2-бөлігінің 1-тармағы');
    expect(need('advice-criminal-appeal-deadline').textContent).toContain('он бес тәулік');
    expect(need('advice-criminal-appeal-deadline').textContent).toContain('ҚР ҚПК 418-бабының 1-бөлігі');
    expect([...(need('fact-article') as HTMLSelectElement).options].map((o) => o.textContent)).toContain('188 — Ұрлық');
  });

  it('Judge sees the forensic work: nothing before the laboratory signs, saying so; a case without findings says it has none', async () => {
    const inReview = { caseId, state: 'draft', technicalReviewRequired: true, findingsTotal: 2, findingsDecided: 1, signatures: [], updatedAt: '2026-01-02T10:00:00.000Z' };
    await render(fakeApi('judge', { 'review.get': { ok: true, value: inReview } }).api);
    await openCase();
    expect(need('forensic-work').dataset.signed).toBe('false');
    expect(need('forensic-unsigned').textContent).toContain('has not signed');
    expect(byTestId('forensic-none')).toBeNull();
    expect(byTestId('findings-panel')).toBeNull();
    unmountRoot();
    await render(fakeApi('judge', {}).api, 'ru');
    await openCase();
    expect(need('forensic-none').textContent).toBe('По этому делу нет выводов экспертизы.');
    expect(byTestId('forensic-unsigned')).toBeNull();
  });

  it('Judge sees the forensic work: the signed findings, the summary and the report, read-only, only what was signed', async () => {
    const signedOne: Finding = { ...cmcFinding, caseId, createdAt: '2026-11-09T10:00:00.000Z' };
    const afterSignature: Finding = { ...cmcFinding, caseId, id: '99999999-9999-4999-8999-999999999999', createdAt: '2026-11-11T10:00:00.000Z' };
    const fake = fakeApi('judge', {
      'review.get': { ok: true, value: { caseId, state: 'signed', technicalReviewRequired: true, findingsTotal: 1, findingsDecided: 1, signatures: [{ userId: '77777777-7777-4777-8777-777777777777', username: 'expert1', displayName: 'Aigerim S.', meaning: 'approved', at: '2026-11-10T10:00:00.000Z', auditSeq: 30, current: true }], updatedAt: '2026-11-10T10:00:00.000Z' } },
      'findings.list': { ok: true, value: [signedOne, afterSignature] },
      'summary.get': { ok: true, value: { paragraphs: [{ heading: 'Cartridge cases', parts: [{ text: '12 congruent cells.' }] }, { heading: 'Conclusion', parts: [{ text: 'Identification.' }] }], conclusion: 'Identification.' } },
    });
    await render(fake.api);
    await openCase();
    expect(need('forensic-work').dataset.signed).toBe('true');
    expect(need('forensic-signature').textContent).toContain('Aigerim S.');
    expect(byTestId(`finding-row-${signedOne.id}`)).not.toBeNull();
    expect(byTestId(`finding-row-${afterSignature.id}`)).toBeNull();
    expect(need('summary-conclusion').textContent).toBe('Identification.');
    expect(byTestId('forensic-report')).not.toBeNull();
    expect(document.querySelector('[data-testid="findings-panel"] button')).toBeNull();
  });
});

describe('model monitoring (administrator)', () => {
  it('Discrepancy notices monitor the model, not judges: the administrator\'s view lists them by model, article and month', async () => {
    const row = (article: string, month: string, verdicts: number, discrepancies: number) => ({ modelSha256: modelSha, caseType: 'kz-criminal', outcome: 'punishment', article, month, verdicts, discrepancies });
    const fake = fakeApi('administrator', {
      'verdicts.dashboard': { ok: true, value: [row('188', '2026-10', 4, 1), row('190', '2026-10', 2, 0), row('188', '2026-11', 3, 2)] },
      'users.list': { ok: true, value: [] },
    });
    await render(fake.api);
    await click('nav-models');
    expect(all('[data-testid="dashboard-row"]')).toHaveLength(3);
    expect(need('dashboard-table').textContent).toContain(modelSha.slice(0, 12));
    expect(need(`discrepancy-bar-${modelSha.slice(0, 12)}`).textContent).toContain('3/9');
    await click('dashboard-by-month');
    expect(need('discrepancy-bar-2026-10').textContent).toContain('1/6');
    await click('dashboard-by-article');
    expect(need('discrepancy-bar-188').textContent).toContain('3/7');
  });

  it('judges get no notices and no monitoring view', async () => {
    const fake = fakeApi('judge', {});
    await render(fake.api);
    expect(byTestId('discrepancy-dashboard')).toBeNull();
    expect(byTestId('nav-models')).toBeNull();
    expect(fake.callsTo('verdicts.dashboard')).toEqual([]);
  });
});
