import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database.ts';
import { shippedCitingAssets } from '../../main/services/laws/citing-assets.ts';
import { diffLaws } from '../../main/services/laws/law-diff.ts';
import { LawStore } from '../../main/services/laws/law-store.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real laws');

const file = join(sharedDataDir ?? '', 'legal', 'kz_criminal_code.ru.txt');

describe.skipIf(!sharedDataDir)('the shared Criminal Code in the legal-acts store', () => {
  let text: string;
  let store: LawStore;
  beforeAll(() => {
    text = readFileSync(file, 'utf8');
    store = new LawStore(openDatabase(':memory:'));
    store.importCode({ code: 'criminal', version: '2025-01-01', text, sourceName: 'kz_criminal_code.ru.txt' });
  }, 60_000);

  it('finds every article of the text by its number, with its heading', () => {
    // The article headers as the file has them, found independently of the parser.
    const headers = [...text.matchAll(/^\s*Статья (\d+(?:-\d+)*)\. (.+?)\s*$/gm)].map((m) => ({ article: m[1]!, heading: m[2]! }));
    expect(headers.length).toBeGreaterThan(450);
    for (const { article, heading } of headers) {
      expect(store.getArticle('criminal', article)?.heading, `art. ${article}`).toBe(heading);
      expect(store.searchLaws(`ст. ${article}`, { code: 'criminal' })[0]?.article, `search ст. ${article}`).toBe(article);
    }
  });

  it('finds the inflected forms of a word from its stem', () => {
    // Every form of "хищение" the code uses as a word (хищение, хищения) is found from either.
    const inText = new Set(text.toLowerCase().match(/(?<![а-яё])хищени[а-яё]*/g));
    expect(inText.size).toBeGreaterThanOrEqual(2);
    for (const query of inText) {
      const hits = store.searchLaws(query, { code: 'criminal', limit: 200 });
      const forms = new Set(hits.flatMap((h) => `${h.heading} ${h.text}`.toLowerCase().match(/(?<![а-яё])хищени[а-яё]*/g) ?? []));
      expect(forms, query).toEqual(inText);
    }
    // "лишения" finds the parts that say лишением, лишение, лишению, лишении too.
    const deprivation = store.searchLaws('лишения', { code: 'criminal', limit: 500 });
    const forms = new Set(deprivation.flatMap((h) => h.text.toLowerCase().match(/(?<![а-яё])лишени[а-яё]*/g) ?? []));
    expect([...forms]).toEqual(expect.arrayContaining(['лишением', 'лишения', 'лишение', 'лишению']));
    expect(store.searchLaws('кражу', { code: 'criminal' })[0]!.article).toBe('188');
    expect(store.searchLaws('мошенничеством', { code: 'criminal', limit: 100 }).map((h) => h.article)).toContain('190');
  });

  it('diffs an edited copy: exactly the changed articles, and flags what cites them', () => {
    const edited = text
      // A sanction changed in art. 188 part 1 (cited by the statutory bounds)
      .replace('наказывается штрафом в размере до одной тысячи месячных расчетных показателей либо исправительными работами в том же размере, либо привлечением к общественным работам на срок до восьмисот часов', 'наказывается штрафом в размере до двух тысяч месячных расчетных показателей либо исправительными работами в том же размере, либо привлечением к общественным работам на срок до восьмисот часов')
      // A heading changed in art. 53 (its points are the mitigating checklist)
      .replace('Статья 53. Обстоятельства, смягчающие уголовную ответственность и наказание', 'Статья 53. Обстоятельства, смягчающие наказание')
      // A word changed in art. 1
      .replace('Уголовное законодательство Республики Казахстан состоит из настоящего', 'Уголовное законодательство Республики Казахстан основывается на настоящем');
    expect(edited).not.toBe(text);
    store.importCode({ code: 'criminal', version: '2026-01-01', text: edited, sourceName: 'edited.txt' });
    const diff = diffLaws(store, 'criminal', shippedCitingAssets());
    expect(diff.changed.map((c) => c.article)).toEqual(['1', '53', '188']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.find((c) => c.article === '188')!.parts).toEqual(['1']);
    expect(diff.changed.find((c) => c.article === '53')!.headingChanged).toBe(true);
    const flagged = diff.flags.map((f) => `${f.kind} ${f.subject}`);
    expect(flagged).toContain('statutory-bounds kz-criminal-code: art. 188');
    expect(flagged).toContain('statute-text kz-criminal-code: art. 188 part 1');
    expect(flagged).toContain('case-type-checklist kz-criminal.mitigating');
    expect(diff.flags.every((f) => ['1', '53', '188'].includes(f.article))).toBe(true);
  }, 60_000);
});
