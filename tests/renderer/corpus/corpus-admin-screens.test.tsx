// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxFileRecordView, LawDiffView } from '../../../main/contract/index.ts';
import { reasonCodes } from '../../../main/services/corpus/reasons.ts';
import { CorpusPanel } from '../../../renderer/src/corpus/corpus-panel.tsx';
import { InboxPanel } from '../../../renderer/src/corpus/inbox-panel.tsx';
import { reasonText } from '../../../renderer/src/corpus/reason-text.ts';
import { createI18n } from '../../../renderer/src/i18n/i18n.ts';
import { flagReason, flagSubject } from '../../../renderer/src/laws/flag-text.ts';
import { LawsPanel } from '../../../renderer/src/laws/laws-panel.tsx';
import { StoredTextButton } from '../../../renderer/src/laws/stored-text-button.tsx';
import { cleanup, click, fakeApi, need, ok, render, settle, submit, type } from '../expert-harness.tsx';
import { registeredModel, sha } from './model-fixtures.ts';

afterEach(() => cleanup());

const caseTypes = ok([{ id: 'kz-criminal', title: 'Criminal' }] as never);

async function choose(testId: string, value: string) {
  const select = need(testId) as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function drop(testId: string, files: File[]) {
  const input = need(testId) as HTMLInputElement;
  await act(async () => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

// jsdom's File has no arrayBuffer(); browsers do.
const file = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return Object.assign(new File([bytes], name), { arrayBuffer: async () => bytes.slice().buffer });
};

describe('reasons on screen', () => {
  it('every refusal and gate reason code, and every law-update flag, reads as words in kk, ru and en', () => {
    const flagCodes: LawDiffView['flags'][number]['code'][] = ['sanctions', 'general-part', 'general-limits', 'leniency', 'procedure-cites', 'checklist-items', 'asset-part-missing', 'asset-text-differs'];
    for (const language of ['kk', 'ru', 'en'] as const) {
      const t = createI18n(language).t;
      for (const code of reasonCodes.filter((c) => c !== 'text')) {
        const shown = reasonText(t, { code, params: { field: 'damageMrp', expected: 'number', limit: 3, fields: 4, confidence: '0.5', floor: 0.8, coverage: '60.0', low: '75.0', high: '85.0', cases: 40, attribute: 'region', group: 'north', missing: 'period', candidate: '3.1', active: '2.5', tolerance: 5 } }, 'kz-criminal');
        expect(shown, `${language}:${code}`).not.toMatch(/corpus\.reasons|\{\{/);
        expect(shown, `${language}:${code}`).not.toContain(code);
      }
      for (const code of flagCodes) {
        const flag = { kind: 'statutory-bounds' as const, subject: 'x', article: '188', reason: 'x', code, params: { article: '188', part: '2', version: '2026-01-01', citation: 'ст. 188 УК РК', punishment: 'fine', rule: 'r', caseType: 'kz-criminal', field: 'mitigating' } };
        const shown = `${flagSubject(t, flag)} ${flagReason(t, flag)}`;
        expect(shown, `${language}:${code}`).not.toMatch(/laws\.flags|\{\{/);
        expect(shown, `${language}:${code}`).toContain('188');
      }
    }
    expect(reasonText(createI18n('kk').t, { code: 'low-confidence', params: { field: 'court', confidence: '0.50', floor: 0.8 } }, 'kz-criminal')).toBe('«Сот» 50 % сенімділікпен оқылды, бұл 80 % шегінен төмен');
    expect(reasonText(createI18n('ru').t, { code: 'gate-mae-worse', params: { candidate: '3.10', active: '2.50', tolerance: 5 } })).toContain('хуже, чем у действующей модели (2.50)');
  });
});

describe('the corpus panel: gate reasons and decision texts', () => {
  const failed = registeredModel({
    sha256: sha('b'),
    outcome: 'term-months',
    gate: {
      passed: false,
      reasons: ['mean absolute error 3.10 on the latest period is worse than the active model’s 2.50 by more than 5%'],
      details: [{ code: 'gate-mae-worse', params: { candidate: '3.10', active: '2.50', tolerance: 5 } }],
      comparedWith: sha('a'),
      candidate: {},
      active: {},
    },
  });
  const panel = (extra: Parameters<typeof fakeApi>[0] = {}) =>
    fakeApi({ 'corpus.status': ok([]), 'corpus.imports': ok([]), 'corpus.reviewQueue': ok([]), 'models.list': ok([failed]), 'models.schedule': ok({}), 'decision.caseTypes': caseTypes, ...extra });

  it('shows why a candidate was not promoted in words', async () => {
    await render(panel().api, <CorpusPanel />);
    const shown = need(`model-gate-reasons-${sha('b')}`).textContent;
    expect(shown).toContain('worse than the active model’s 2.50 by more than 5%');
    expect(shown).not.toContain('gate-mae-worse');
  });

  it('retrains a case type now and sets its schedule, saying how many candidates passed the gate', async () => {
    const status = ok([{ caseType: 'kz-criminal', records: 2500, imports: 1, quarantined: 0, lastImportAt: '2026-12-01T00:00:00.000Z', period: null }]);
    const fake = panel({ 'corpus.status': status, 'models.schedule': ok({ 'kz-criminal': 7 }), 'models.retrain': ok([failed]), 'models.setSchedule': ok({ 'kz-criminal': 30 }) });
    await render(fake.api, <CorpusPanel />);
    expect((need('retrain-days-kz-criminal') as HTMLInputElement).value).toBe('7');
    await click('retrain-now-kz-criminal');
    await settle();
    expect(fake.callsTo('models.retrain')).toEqual([{ caseType: 'kz-criminal' }]);
    expect(need('corpus-retrained').textContent).toContain('Candidates trained: 1; passed the promotion gate: 0');
    await type('retrain-days-kz-criminal', '30');
    await click('retrain-schedule-kz-criminal');
    await settle();
    expect(fake.callsTo('models.setSchedule')).toEqual([{ caseType: 'kz-criminal', everyDays: 30 }]);
  });

  it('imports decision texts and says which joined the corpus, which wait for review and why, and which were refused and why', async () => {
    const answers: Record<string, unknown> = {
      'a.txt': { ok: true, value: { importId: 'i1', fileName: 'a.txt', fileSha256: sha('1'), outcome: 'accepted', reviewId: null, reasons: [], details: [], facts: {} } },
      'b.pdf': {
        ok: true,
        value: { importId: 'i2', fileName: 'b.pdf', fileSha256: sha('2'), outcome: 'review', reviewId: 'r2', reasons: ['no court found'], details: [{ code: 'no-court', params: {} }], facts: {} },
      },
      'c.docx': { ok: false, error: { code: 'BAD_INPUT', message: 'c.docx: not a Word document', params: { file: 'c.docx', reasonCode: 'not-docx' } } },
    };
    const fake = panel({ 'corpus.importText': ((payload: { fileName: string }) => answers[payload.fileName]) as never });
    await render(fake.api, <CorpusPanel />);
    await click('corpus-texts-open');
    await choose('corpus-texts-case-type', 'kz-criminal');
    await drop('corpus-texts-input', [file('a.txt', 'Приговор'), file('b.pdf', '%PDF'), file('c.docx', 'PK')]);
    await click('corpus-texts-submit');
    await settle();
    expect((fake.callsTo('corpus.importText') as { fileName: string; caseType: string }[]).map((c) => [c.fileName, c.caseType])).toEqual([
      ['a.txt', 'kz-criminal'],
      ['b.pdf', 'kz-criminal'],
      ['c.docx', 'kz-criminal'],
    ]);
    expect(need('corpus-text-result-a.txt').textContent).toBe('“a.txt”: accepted into the corpus');
    expect(need('corpus-text-result-b.pdf').textContent).toBe('“b.pdf”: waits for a clerk’s review (no court was found in the text)');
    expect(need('corpus-text-result-c.docx').textContent).toBe('“c.docx” is not a readable Word document.');
  });
});

/** An inbox file refused, with the parameters its refusal was stored with. */
function refusedFile(fileName: string, hash: string, errorCode: string, error: string, params: Record<string, string | number>): InboxFileRecordView {
  const none = { importId: null, format: null, rows: 0, accepted: 0, quarantined: 0, duplicates: 0, inReview: 0 };
  return { fileName, sha256: sha(hash), scannedAt: '2026-12-01T06:00:00.000Z', ...none, errorCode, error, errorParams: { file: fileName, reasonCode: errorCode, ...params } };
}

describe('the daily import (watched inbox)', () => {
  const files: InboxFileRecordView[] = [
    { fileName: 'cases.csv', sha256: sha('1'), scannedAt: '2026-12-01T06:00:00.000Z', importId: 'i1', format: 'csv', rows: 300, accepted: 297, quarantined: 3, duplicates: 0, inReview: 0, errorCode: null, error: null, errorParams: null },
    { fileName: 'p.txt', sha256: sha('2'), scannedAt: '2026-12-01T06:00:00.000Z', importId: 'i2', format: 'text', rows: 1, accepted: 0, quarantined: 0, duplicates: 0, inReview: 1, errorCode: null, error: null, errorParams: null },
    { fileName: 'scan.pdf', sha256: sha('3'), scannedAt: '2026-12-01T06:00:00.000Z', importId: null, format: null, rows: 0, accepted: 0, quarantined: 0, duplicates: 0, inReview: 0, errorCode: 'no-text-layer', error: 'scan.pdf: the PDF has no text layer', errorParams: null },
    refusedFile('export.csv', '4', 'missing-columns', 'export.csv: the header has no column court, caseNumber', { columns: 'court, caseNumber' }),
    refusedFile('all.csv.gz', '5', 'unpacks-too-large', 'all.csv.gz: unpacks to more than 268435456 bytes', { limit: 268435456 }),
  ];

  it('shows the folder, schedule and each file read with its report, saves the settings and reads now', async () => {
    const fake = fakeApi({
      'corpus.inbox': ok({ dir: '/srv/inbox', caseType: 'kz-criminal', everyMinutes: 1440 }),
      'corpus.inboxFiles': ok(files),
      'decision.caseTypes': caseTypes,
      'corpus.configureInbox': ok({ dir: '/srv/daily', caseType: 'kz-criminal', everyMinutes: 60 }),
      'corpus.scanInbox': ok([]),
    });
    const i18n = await render(fake.api, <InboxPanel />);
    expect((need('inbox-dir') as HTMLInputElement).value).toBe('/srv/inbox');
    // When each file was read, in the reader's words, not as a stored timestamp.
    expect(need('inbox-file-cases.csv').textContent).not.toContain('2026-12-01T06:00');
    expect(need('inbox-file-cases.csv').textContent).toContain('2026');
    expect((need('inbox-every') as HTMLInputElement).value).toBe('1440');
    expect(need('inbox-file-cases.csv').textContent).toContain('300 rows — 297 accepted, 3 set aside, 0 already in the corpus');
    expect(need('inbox-file-p.txt').textContent).toContain('waits for a clerk’s review');
    expect(need('inbox-file-scan.pdf').textContent).toContain('“scan.pdf” has no text layer');
    // A refusal keeps its figures: the columns it lacks, the limit it passed (as a size), never a bare placeholder.
    expect(need('inbox-file-export.csv').textContent).toContain('has no column court, caseNumber');
    expect(need('inbox-file-all.csv.gz').textContent).toMatch(/unpacks to more than 256(\.0)?\sMB/);
    expect(need('inbox-panel').textContent).not.toContain('{{');
    await type('inbox-dir', '/srv/daily');
    await type('inbox-every', 'soon');
    await click('inbox-save');
    expect(fake.callsTo('corpus.configureInbox')).toEqual([]);
    expect(need('inbox-panel').textContent).toContain('A whole number of minutes');
    await type('inbox-every', '60');
    await click('inbox-save');
    await settle();
    expect(fake.callsTo('corpus.configureInbox')).toEqual([{ dir: '/srv/daily', caseType: 'kz-criminal', everyMinutes: 60 }]);
    await click('inbox-scan');
    await settle();
    expect(fake.callsTo('corpus.scanInbox')).toHaveLength(1);
    expect(need('inbox-notice').textContent).toBe('New files read: 0');
    // The notice is worded in the language shown now, not the one it was given in.
    await act(async () => {
      await i18n.changeLanguage('ru');
    });
    expect(need('inbox-notice').textContent).not.toBe('New files read: 0');
    expect(need('inbox-notice').textContent).toMatch(/[а-я]/);
    expect(fake.callsTo('corpus.inboxFiles').length).toBeGreaterThan(1);
  });
});

describe('citations open the stored law text', () => {
  const article = {
    code: 'criminal',
    version: '2026-01-01',
    language: 'ru' as const,
    article: '188',
    heading: 'Кража',
    section: '',
    chapter: '',
    parts: [
      { part: '1', text: '1. Кража, то есть тайное хищение чужого имущества, –' },
      { part: '2', text: '2. Кража, совершенная группой лиц по предварительному сговору, –' },
    ],
    text: '',
  };

  it('opens the cited article with the cited part marked, and says when the code is not stored', async () => {
    const fake = fakeApi({ 'laws.article': ok(article) });
    await render(fake.api, <StoredTextButton code="criminal" article="188" part="2" testId="cite" />);
    await click('cite');
    expect(fake.callsTo('laws.article')).toEqual([{ code: 'criminal', article: '188' }]);
    expect(need('law-article-dialog').textContent).toContain('Criminal Code, art. 188');
    expect(need('law-article-heading').textContent).toBe('Кража');
    expect(need('law-article-part-2').dataset.cited).toBe('true');
    expect(need('law-article-part-1').dataset.cited).toBeUndefined();
    cleanup();
    await render(fakeApi({ 'laws.article': { ok: false, error: { code: 'NOT_FOUND', message: 'criminal: no article 188 is stored' } } }).api, <StoredTextButton code="criminal" article="188" testId="cite" />);
    await click('cite');
    expect(need('law-article-missing').textContent).toContain('not in the legal-acts store');
  });

  it('lists in the administrator’s view what a law update flags, in words, and opens a changed article', async () => {
    const diff: LawDiffView = {
      code: 'criminal',
      from: '2025-01-01',
      to: '2026-01-01',
      added: [],
      removed: [],
      changed: [{ article: '188', heading: 'Кража', headingChanged: false, parts: ['2'] }],
      unchanged: 400,
      flags: [
        { kind: 'statutory-bounds', subject: 'kz-criminal-code: art. 188', article: '188', reason: 'the sanctions of art. 188 were written from its text', code: 'sanctions', params: { article: '188' } },
        { kind: 'case-type-checklist', subject: 'kz-criminal.mitigating', article: '53', reason: 'its items are the points of art. 53', code: 'checklist-items', params: { article: '53', caseType: 'kz-criminal', field: 'mitigating' } },
      ],
    };
    const versions = ['2025-01-01', '2026-01-01'].map((version, id) => ({ id, code: 'criminal', version, language: 'ru' as const, sourceName: 'kz.txt', sourceSha256: sha('e'), articles: 480, importedAt: '2026-12-01T00:00:00.000Z' }));
    const fake = fakeApi({ 'laws.versions': ok(versions), 'laws.diff': ok(diff), 'laws.article': ok(article), 'laws.search': ok([]) });
    await render(fake.api, <LawsPanel />);
    expect(fake.callsTo('laws.diff')).toEqual([{ code: 'criminal' }]);
    const flags = need('laws-flags-criminal').textContent;
    expect(flags).toContain('Statutory bounds');
    expect(flags).toContain('the sanctions of art. 188 were written from its text');
    expect(flags).toContain('its items are the points of art. 53');
    expect(flags).not.toContain('checklist-items');
    await type('laws-search-query', 'кражи');
    await click('laws-search-submit');
    expect(fake.callsTo('laws.search')).toEqual([{ query: 'кражи', limit: 20 }]);
  });
});

describe('importing a version of a code (administrator)', () => {
  const stored = { id: 3, code: 'criminal', version: '2026-01-01', language: 'ru' as const, sourceName: 'uk-2026.txt', sourceSha256: sha('f'), articles: 480, importedAt: '2026-12-01T00:00:00.000Z' };
  const textFile = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    // jsdom's File has no arrayBuffer(); browsers do.
    return Object.assign(new File([bytes], 'uk-2026.txt', { type: 'text/plain' }), { arrayBuffer: async () => bytes.slice().buffer });
  };

  it('asks for the code, the version date and the file before sending anything, then sends them and says what was stored', async () => {
    const fake = fakeApi({ 'laws.versions': ok([]), 'laws.import': ok({ version: stored, parts: 1210, alreadyImported: false }) });
    await render(fake.api, <LawsPanel />, 'ru');
    expect(need('laws-panel').textContent).toContain('кнопкой «Импорт кодекса»');
    expect(need('laws-panel').textContent).not.toContain('dalel laws import');
    await click('law-import-open');
    await submit('law-import-form');
    const dialog = need('law-import-dialog').textContent;
    for (const asked of ['Выберите кодекс.', 'Укажите дату редакции.', 'Выберите файл.']) expect(dialog).toContain(asked);
    expect(fake.callsTo('laws.import')).toEqual([]);
    await choose('law-import-code', 'criminal');
    await type('law-import-version', '2026-01-01');
    await drop('law-import-input', [textFile('Статья 1. Уголовное законодательство\n')]);
    await submit('law-import-form');
    await settle();
    const [sent] = fake.callsTo('laws.import') as { code: string; version: string; language: string; fileName: string; body: Uint8Array }[];
    expect({ ...sent, body: new TextDecoder().decode(sent?.body) }).toEqual({ code: 'criminal', version: '2026-01-01', language: 'ru', fileName: 'uk-2026.txt', body: 'Статья 1. Уголовное законодательство\n' });
    expect(need('law-import-done').textContent).toContain('Уголовный кодекс, редакция от 2026-01-01: сохранено статей — 480');
    // The list of stored versions is read again.
    expect(fake.callsTo('laws.versions').length).toBeGreaterThan(1);
  });

  it('says in words why the store refused a text: another text under a stored version, no articles, not UTF-8', async () => {
    const refusals = [
      [{ code: 'CONFLICT', message: 'x', params: { reasonCode: 'law-version-exists', code: 'criminal', version: '2026-01-01', stored: 'uk-old.txt' } }, 'The version of 2026-01-01 of the Criminal Code is already stored from another text (uk-old.txt)'],
      [{ code: 'BAD_INPUT', message: 'x', params: { file: 'uk-2026.txt', reasonCode: 'no-articles' } }, 'No articles were found in “uk-2026.txt”'],
      [{ code: 'BAD_INPUT', message: 'x', params: { file: 'uk-2026.txt', reasonCode: 'text-not-utf8' } }, '“uk-2026.txt” is not UTF-8 text'],
    ] as const;
    for (const [error, words] of refusals) {
      const fake = fakeApi({ 'laws.versions': ok([]), 'laws.import': { ok: false, error: { ...error, params: { ...error.params } } } });
      await render(fake.api, <LawsPanel />);
      await click('law-import-open');
      await choose('law-import-code', 'criminal');
      await type('law-import-version', '2026-01-01');
      await drop('law-import-input', [textFile('text')]);
      await submit('law-import-form');
      await settle();
      expect(need('law-import-error').textContent).toContain(words);
      expect(need('law-import-error').textContent).not.toContain(error.params.reasonCode);
      cleanup();
    }
  });
});
