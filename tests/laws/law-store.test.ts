import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/database.ts';
import { LawStore } from '../../main/services/laws/law-store.ts';
import { legalCodes } from '../../main/services/laws/codes.ts';
import { legalCodeIds } from '../../main/contract/index.ts';
import { diffLaws } from '../../main/services/laws/law-diff.ts';
import { parseCode } from '../../main/services/laws/parse-code.ts';
import { stemKazakh, stemRussian } from '../../main/services/laws/stemmer.ts';

/** A small code in the publisher's layout: sections, chapters, articles with parts, footnotes between them. */
const code = [
  'ОСОБЕННАЯ ЧАСТЬ',
  'Глава 6. УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ СОБСТВЕННОСТИ',
  ' Статья 188. Кража',
  '',
  '      1. Кража, то есть тайное хищение чужого имущества, –',
  '',
  '      наказывается штрафом либо лишением свободы на срок до трех лет.',
  '',
  '      2. Кража, совершенная группой лиц, –',
  '      Сноска. Часть 2 с изменением, внесенным Законом РК от 21.01.2019 ',
  '№ 217-VI',
  '      наказывается лишением свободы на срок до пяти лет.',
  ' Статья 190. Мошенничество',
  '',
  '      1. Мошенничество, то есть хищение чужого имущества путем обмана, –',
  '      наказывается штрафом.',
  ' Статья 190-1. Исключена Законом РК от 01.01.2020',
  ' Статья 191. Присвоение или растрата вверенного чужого имущества',
  '      Присвоение или растрата имущества, вверенного виновному, – наказывается штрафом.',
].join('\n');

describe('parsing a code', () => {
  it('splits articles into numbered parts with headings, chapters and without footnotes', () => {
    const articles = parseCode(code);
    expect(articles.map((a) => a.article)).toEqual(['188', '190', '190-1', '191']);
    const theft = articles[0]!;
    expect(theft).toMatchObject({ heading: 'Кража', section: 'ОСОБЕННАЯ ЧАСТЬ', chapter: 'Глава 6. УГОЛОВНЫЕ ПРАВОНАРУШЕНИЯ ПРОТИВ СОБСТВЕННОСТИ' });
    expect(theft.parts.map((p) => p.part)).toEqual(['1', '2']);
    expect(theft.parts[1]!.text).toBe('2. Кража, совершенная группой лиц, –\nнаказывается лишением свободы на срок до пяти лет.');
    expect(articles[3]!.parts).toEqual([{ part: '', text: 'Присвоение или растрата имущества, вверенного виновному, – наказывается штрафом.' }]);
  });

  it('reads Kazakh article headers', () => {
    const articles = parseCode('188-бап. Ұрлық\n1. Ұрлық, яғни бөтеннің мүлкін жасырын ұрлау –\nайыппұл салуға жазаланады.\n2. Адамдар тобы жасаған ұрлық –\nжазаланады.', 'kk');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ article: '188', heading: 'Ұрлық' });
    expect(articles[0]!.parts.map((p) => p.part)).toEqual(['1', '2']);
  });
});

describe('stemmers', () => {
  it('give inflected Russian forms one stem (Snowball)', () => {
    expect(new Set(['кража', 'кражи', 'кражу', 'кражей', 'краже'].map(stemRussian)).size).toBe(1);
    expect(stemRussian('лишением')).toBe(stemRussian('лишения'));
  });

  it('strip Kazakh case, possessive and plural endings and restore the final consonant', () => {
    expect(new Set(['бап', 'баптың', 'бабы', 'баптар', 'баптарының', 'бапта'].map(stemKazakh))).toEqual(new Set(['бап']));
    expect(new Set(['бөлік', 'бөлігі', 'бөлігінде', 'бөліктері'].map(stemKazakh))).toEqual(new Set(['бөлік']));
    expect(new Set(['ұрлық', 'ұрлығы', 'ұрлықты', 'ұрлықтың'].map(stemKazakh))).toEqual(new Set(['ұрлық']));
    // Too short to strip: never reduced below three letters.
    expect(stemKazakh('сот')).toBe('сот');
  });
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the codes the store knows', () => {
  it('are the codes the contract offers the administrator’s import', () => {
    expect(legalCodes.map((c) => c.id)).toEqual([...legalCodeIds]);
  });
});

describe('the legal-acts store', () => {
  let db: Db;
  let store: LawStore;
  beforeEach(() => {
    db = openDatabase(':memory:');
    store = new LawStore(db);
    store.importCode({ code: 'criminal', version: '2025-01-01', text: code, sourceName: 'uk.txt' });
  });
  afterEach(() => db.close());

  it('finds an inflected form by its stem, and articles by citation', () => {
    const hits = store.searchLaws('кражей');
    expect(hits.map((h) => `${h.article}.${h.part}`)).toEqual(expect.arrayContaining(['188.1', '188.2']));
    expect(hits.every((h) => h.article === '188')).toBe(true);
    expect(store.searchLaws('лишения свободы').map((h) => h.article)).toEqual(['188', '188']);
    expect(store.searchLaws('хищении имущества').map((h) => h.article).sort()).toEqual(['188', '190']);
    expect(store.searchLaws('ст. 190')).toMatchObject([{ article: '190', part: '1', heading: 'Мошенничество' }]);
    expect(store.searchLaws('ч. 2 ст. 188 УК РК')).toMatchObject([{ article: '188', part: '2' }]);
    expect(store.searchLaws('188-баптың 2-бөлігі')).toMatchObject([{ article: '188', part: '2' }]);
    expect(store.searchLaws('ст. 999')).toEqual([]);
    expect(store.searchLaws('кража', { code: 'civil' })).toEqual([]);
  });

  it('opens an article, and re-importing the same text changes nothing while a different text needs a new date', () => {
    expect(store.getArticle('criminal', '190-1')).toMatchObject({ heading: 'Исключена Законом РК от 01.01.2020', version: '2025-01-01' });
    expect(store.getArticle('criminal', '999')).toBeNull();
    const again = store.importCode({ code: 'criminal', version: '2025-01-01', text: code, sourceName: 'uk.txt' });
    expect(again.alreadyImported).toBe(true);
    expect(store.versions('criminal')).toHaveLength(1);
    expect(() => store.importCode({ code: 'criminal', version: '2025-01-01', text: `${code}\nизменено`, sourceName: 'uk2.txt' })).toThrow(/already stored from a different text/);
    // The refusal carries what the administrator's screen words it from.
    expect(thrown(() => store.importCode({ code: 'criminal', version: '2025-01-01', text: `${code}\nизменено`, sourceName: 'uk2.txt' }))).toMatchObject({
      code: 'CONFLICT',
      params: { reasonCode: 'law-version-exists', code: 'criminal', version: '2025-01-01', stored: 'uk.txt' },
    });
    expect(() => store.importCode({ code: 'criminal', version: '2025', text: code, sourceName: 'x' })).toThrow(/not a date/);
    expect(() => store.importCode({ code: 'criminal', version: '2025-02-01', text: 'no articles here', sourceName: 'empty.txt' })).toThrow(/empty.txt: no articles found/);
  });

  it('searches only the current version, and diffs two versions article by article', () => {
    const newer = code.replace('до пяти лет', 'до шести лет').replace('Статья 191. Присвоение или растрата вверенного чужого имущества', 'Статья 191. Присвоение вверенного имущества') + '\n Статья 192. Вымогательство\n 1. Вымогательство – наказывается штрафом.';
    store.importCode({ code: 'criminal', version: '2026-01-01', text: newer, sourceName: 'uk-2026.txt' });
    expect(store.searchLaws('шести лет').map((h) => h.version)).toEqual(['2026-01-01']);
    expect(store.searchLaws('пяти лет')).toEqual([]);
    expect(store.getArticle('criminal', '188', { version: '2025-01-01' })!.parts[1]!.text).toMatch(/пяти/);
    const diff = diffLaws(store, 'criminal', { statutes: [], procedures: [], caseTypes: [] });
    expect(diff).toMatchObject({ from: '2025-01-01', to: '2026-01-01', added: ['192'], removed: [], unchanged: 2 });
    expect(diff.changed).toEqual([
      { article: '188', heading: 'Кража', headingChanged: false, parts: ['2'] },
      { article: '191', heading: 'Присвоение вверенного имущества', headingChanged: true, parts: [] },
    ]);
  });
});
