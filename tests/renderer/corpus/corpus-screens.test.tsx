// @vitest-environment jsdom
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DalelApi, RegisteredModelView } from '../../../main/contract/index.ts';
import { caseTypeView } from '../../../main/services/decision/case-type-view.ts';
import { findCaseType, loadCaseTypes } from '../../../models/cases/case-type.ts';
import { CorpusPanel } from '../../../renderer/src/corpus/corpus-panel.tsx';
import { ReviewQueue } from '../../../renderer/src/corpus/review-queue.tsx';
import type { ReviewItem } from '../../../renderer/src/corpus/review-item-editor.tsx';
import { byTestId, cleanup, click, fakeApi, need, ok, render, settle, submit, type } from '../expert-harness.tsx';
import { registeredModel, sha } from './model-fixtures.ts';

const text = 'Суд № 2 г. Астаны. [ПОДСУДИМЫЙ-1] признан виновным по п. 2 ч. 2 ст. 188 УК РК и осуждён к 2 годам 6 месяцам лишения свободы.';
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

const item: ReviewItem = {
  id: 'review-1',
  caseType: 'kz-criminal',
  fileName: 'decision-17.txt',
  text,
  proposed: {
    article: { value: '188', ...at('ст. 188'), confidence: 0.95 },
    part: { value: 2, ...at('ч. 2'), confidence: 0.55 },
    guiltyPlea: { value: false, start: 0, end: 0, confidence: 0.4 },
  },
  court: 'Суд № 2 г. Астаны',
  reasons: ['part: confidence 0.55 below 0.8'],
  details: [{ code: 'low-confidence', params: { field: 'part', confidence: '0.55', floor: 0.8 } }],
  createdAt: '2026-12-01T10:00:00.000Z',
};

afterEach(() => cleanup());

/** Renders the corpus panel, opens the import dialog and chooses the case type. */
async function openImportFor(api: DalelApi, caseType: string): Promise<void> {
  await render(api, <CorpusPanel />);
  await click('corpus-import-open');
  await type('corpus-import-case-type', caseType);
}

describe('the clerk’s review queue', () => {
  it('marks in the text the span the chosen field was read from', async () => {
    await render(fakeApi({ 'corpus.reviewQueue': ok([item]) }).api, <ReviewQueue />);
    expect(need('review-text-mark').textContent).toBe('ст. 188');
    await click('review-show-part');
    expect(need('review-text-mark').textContent).toBe('ч. 2');
    // The text around the mark is all still there.
    expect(need('review-text').textContent).toBe(text);
    expect(need('review-field-part').textContent).toContain('55 %');
    expect(need('review-field-part').textContent).toContain('check');
    expect(need('review-field-article').textContent).not.toContain('check');
  });

  it('sends the clerk’s corrections with the values confirmed as read', async () => {
    const fake = fakeApi({ 'corpus.reviewQueue': ok([item]), 'corpus.review': ok({ stored: true }) });
    await render(fake.api, <ReviewQueue />);
    await type('review-value-part', '3');
    await act(async () => (need('review-value-guiltyPlea') as HTMLInputElement).click());
    await type('review-case-number', ' 1-88/2026 ');
    await click('review-accept');
    expect(fake.callsTo('corpus.review')).toEqual([
      { reviewId: 'review-1', caseType: 'kz-criminal', decision: 'accepted', facts: { article: '188', part: 3, guiltyPlea: true }, court: 'Суд № 2 г. Астаны', caseNumber: '1-88/2026' },
    ]);
    expect(need('review-done').textContent).toContain('added to the corpus');
  });

  it('refuses a value that is not a number, and shows the service’s refusal in words', async () => {
    const fake = fakeApi({ 'corpus.reviewQueue': ok([item]), 'corpus.review': { ok: false, error: { code: 'CONFLICT', message: 'Review item review-1 was already accepted.' } } });
    await render(fake.api, <ReviewQueue />);
    await type('review-value-part', 'два');
    await click('review-accept');
    expect(fake.callsTo('corpus.review')).toEqual([]);
    expect(need('review-field-part').textContent).toContain('Enter a number.');
    await type('review-value-part', '2');
    await click('review-accept');
    expect(fake.callsTo('corpus.review')).toHaveLength(1);
    expect(need('review-error').textContent).not.toBe('');
    expect(need('review-error').textContent).not.toContain('CONFLICT');
  });

  it('offers a categorical value’s choices in words and sends the one chosen', async () => {
    // The shipped schema, read by the service's own loader (named by path: under jsdom, import.meta.url cannot be used).
    const criminal = caseTypeView(findCaseType(loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types')), 'kz-criminal'));
    const withCategory: ReviewItem = { ...item, proposed: { ...item.proposed, offenceCategory: { value: 'medium', ...at('п. 2 ч. 2 ст. 188'), confidence: 0.6 } } };
    const fake = fakeApi({ 'corpus.reviewQueue': ok([withCategory]), 'decision.caseTypes': ok([criminal]), 'corpus.review': ok({ stored: true }) });
    await render(fake.api, <ReviewQueue />);
    const select = need('review-value-offenceCategory') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['criminal-misdemeanour', 'minor', 'medium', 'grave', 'especially-grave']);
    // Words, never the stored codes.
    expect(select.options[3]!.textContent).not.toBe('grave');
    await act(async () => {
      select.value = 'grave';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('review-accept');
    const [sent] = fake.callsTo('corpus.review') as { facts: Record<string, unknown> }[];
    expect(sent?.facts.offenceCategory).toBe('grave');
  });

  it('shows a checklist kept as read in words, in Russian, and sends its items unchanged', async () => {
    const civil = caseTypeView(findCaseType(loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types')), 'kz-civil-contract'));
    const civilItem: ReviewItem = { ...item, caseType: 'kz-civil-contract', proposed: { court: { value: 'Суд № 2 г. Астаны', start: 0, end: 17, confidence: 0.7 }, documents: { value: ['contract', 'invoice'], start: 0, end: 4, confidence: 0.8 } }, details: [] };
    const fake = fakeApi({ 'corpus.reviewQueue': ok([civilItem]), 'decision.caseTypes': ok([civil]), 'corpus.review': ok({ stored: true }) });
    await render(fake.api, <ReviewQueue />, 'ru');
    expect(need('review-fixed-documents').textContent).toBe('договор; счёт-фактура');
    expect(need('review-field-documents').textContent).not.toContain('documents');
    // The court is not a field of the case type: it is named in words too, not by its key.
    expect(need('review-field-court').textContent).toContain('Суд');
    expect(need('review-field-court').textContent).not.toContain('court');
    await click('review-accept');
    const [sent] = fake.callsTo('corpus.review') as { facts: Record<string, unknown> }[];
    expect(sent?.facts.documents).toEqual(['contract', 'invoice']);
  });

  it('rejects a decision without its values', async () => {
    const fake = fakeApi({ 'corpus.reviewQueue': ok([item]), 'corpus.review': ok({ stored: false }) });
    await render(fake.api, <ReviewQueue />);
    await type('review-value-part', 'x');
    await click('review-reject');
    expect(fake.callsTo('corpus.review')).toEqual([{ reviewId: 'review-1', caseType: 'kz-criminal', decision: 'rejected' }]);
  });
});

const model = (status: RegisteredModelView['status'], hash: string) => registeredModel({ status, sha256: hash });

function panelApi(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'corpus.status': ok([]),
    'corpus.imports': ok([]),
    'corpus.reviewQueue': ok([]),
    'models.list': ok([model('active', sha('a')), model('candidate', sha('b'))]),
    'models.schedule': ok({}),
    ...extra,
  });
}

describe('the administrator’s corpus panel', () => {
  it('promotes a candidate only with a reason, and sends that reason', async () => {
    const fake = panelApi({ 'models.promote': ok(model('active', sha('b'))) });
    await render(fake.api, <CorpusPanel />);
    expect(byTestId(`model-promote-${sha('a')}`)).toBeNull();
    await click(`model-promote-${sha('b')}`);
    await submit('model-promote-form');
    expect(fake.callsTo('models.promote')).toEqual([]);
    expect(need('model-promote-dialog').textContent).toContain('Give the reason.');
    await type('model-promote-reason', '  Better on the 2026 cases  ');
    await submit('model-promote-form');
    expect(fake.callsTo('models.promote')).toEqual([{ sha256: sha('b'), reason: 'Better on the 2026 cases' }]);
    await settle();
    expect(byTestId('model-promote-dialog')).toBeNull();
    expect(need('model-action-done').textContent).toContain(sha('b').slice(0, 12));
    // The registry is read again after the change.
    expect(fake.callsTo('models.list').length).toBeGreaterThan(1);
  });

  it('names each model by its case type and outcome in words, and its training time and the imports’ in the reader’s locale', async () => {
    const imports = [{ id: 'import-1', caseType: 'kz-criminal', caseTypeVersion: '1', fileName: 'decided-2025.csv', fileSha256: sha('d'), format: 'csv' as const, importedAt: '2026-11-30T09:00:00.000Z', rows: 300, accepted: 297, quarantined: 3, duplicates: 0 }];
    for (const [language, caseType, year] of [['en', 'Criminal case: sentencing', '2026'], ['ru', 'Уголовное дело: назначение наказания', '2026']] as const) {
      await render(panelApi({ 'corpus.imports': ok(imports) }).api, <CorpusPanel />, language);
      const row = need(`model-rollback-${sha('a')}`).closest('tr')?.textContent ?? '';
      expect(row).toContain(caseType);
      expect(row).toContain(year);
      expect(row).not.toContain('kz-criminal');
      expect(row).not.toContain('2026-11-30T');
      expect(need('corpus-panel').textContent).toContain('decided-2025.csv');
      expect(need('corpus-panel').textContent).not.toContain('T09:00:00');
      cleanup();
    }
  });

  it('rolls back the active model with a reason', async () => {
    const fake = panelApi({ 'models.rollback': ok(model('active', sha('c'))) });
    await render(fake.api, <CorpusPanel />);
    await click(`model-rollback-${sha('a')}`);
    await type('model-rollback-reason', 'Complaints from judges');
    await submit('model-rollback-form');
    expect(fake.callsTo('models.rollback')).toEqual([{ caseType: 'kz-criminal', outcome: 'punishment', reason: 'Complaints from judges' }]);
  });

  it('imports a chosen file and shows the report with the rows set aside', async () => {
    const report = {
      id: 'imp-1',
      caseType: 'kz-criminal',
      caseTypeVersion: '1',
      fileName: 'cases.csv',
      fileSha256: sha('d'),
      format: 'csv' as const,
      rows: 3,
      accepted: 1,
      quarantined: 1,
      duplicates: 1,
      importedAt: '2026-12-01T10:00:00.000Z',
      problems: [{ line: 3, column: 'damageMrp', reason: 'damageMrp: expected number', code: 'facts-invalid-type', params: { field: 'damageMrp', expected: 'number' } }],
    };
    const fake = panelApi({ 'decision.caseTypes': ok([{ id: 'kz-criminal', title: 'Criminal' }] as never), 'corpus.import': ok(report) });
    await openImportFor(fake.api, 'kz-criminal');
    const bytes = new TextEncoder().encode('court,caseNumber\n');
    // jsdom's File has no arrayBuffer(); browsers do.
    const file = Object.assign(new File([bytes], 'cases.csv', { type: 'text/csv' }), { arrayBuffer: async () => bytes.slice().buffer });
    const input = need('corpus-import-input') as HTMLInputElement;
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit('corpus-import-form');
    await settle();
    const [sent] = fake.callsTo('corpus.import') as { caseType: string; fileName: string; body: Uint8Array }[];
    expect(sent?.caseType).toBe('kz-criminal');
    expect(sent?.fileName).toBe('cases.csv');
    expect(new TextDecoder().decode(sent?.body)).toBe('court,caseNumber\n');
    const shown = need('corpus-import-report').textContent;
    expect(shown).toContain('1 accepted, 1 set aside, 1 already in the corpus');
    expect(shown).toContain('damageMrp');
    // The reason in words of the interface language, the field by its label; never the code.
    expect(shown).toContain('“Damage caused, MRP”: expected a number');
    expect(shown).not.toContain('facts-invalid-type');
  });

  it('says a file that cannot be read was not read, and sends nothing', async () => {
    const fake = panelApi({ 'decision.caseTypes': ok([{ id: 'kz-criminal', title: 'Criminal' }] as never) });
    await openImportFor(fake.api, 'kz-criminal');
    const gone = Object.assign(new File([], 'gone.csv'), { arrayBuffer: () => Promise.reject(new DOMException('NotReadableError')) });
    const input = need('corpus-import-input') as HTMLInputElement;
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [gone], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit('corpus-import-form');
    expect(fake.callsTo('corpus.import')).toEqual([]);
    expect(need('corpus-import-unreadable').textContent).toContain('gone.csv');
  });
});
