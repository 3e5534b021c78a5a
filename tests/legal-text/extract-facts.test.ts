import { describe, expect, it } from 'vitest';
import { extractFacts, guessCaseType } from '../../main/services/legal-text/extract-facts.ts';
import type { ExtractedFact } from '../../main/services/legal-text/extracted-fact.ts';
import { labelledTexts } from './labelled-texts.ts';

/** The fields the labelled set states, per case type. */
const scored: Readonly<Record<string, readonly string[]>> = {
  'kz-criminal': ['article', 'part', 'paragraph', 'damageKzt', 'priorConvictions', 'guiltyPlea', 'damageCompensated', 'reconciliation', 'proceduralAgreement', 'recidivism', 'punishment', 'termMonths', 'fineMrp'],
  'kz-civil-contract': ['claimAmountKzt', 'penaltyClaimedKzt', 'contractDate', 'breachDate', 'monthsSinceBreach', 'limitationInvoked', 'simplifiedProcedure', 'documents'],
};

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function measure(): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const today = new Date('2026-06-01T00:00:00Z');
  for (const item of labelledTexts()) {
    const facts = extractFacts(item.text, item.caseType, { today });
    for (const field of scored[item.caseType]!) {
      const tally = tallies.get(field) ?? { tp: 0, fp: 0, fn: 0 };
      tallies.set(field, tally);
      const expected = new Set((item.expected[field] ?? []).map((v) => JSON.stringify(v)));
      const got = new Set(facts.filter((f) => f.field === field).map((f) => JSON.stringify(f.value)));
      for (const v of got) {
        if (expected.has(v)) tally.tp += 1;
        else tally.fp += 1;
      }
      for (const v of expected) if (!got.has(v)) tally.fn += 1;
      if ([...got].some((v) => !expected.has(v)) || [...expected].some((v) => !got.has(v))) {
        console.log(`${item.template} ${field}: expected ${[...expected].join(',')} got ${[...got].join(',')}\n${item.text}\n`);
      }
    }
  }
  return tallies;
}

describe('extractFacts on the labelled set (50 texts, 8 templates, ru/kk/en)', () => {
  it('reaches ≥ 95 % precision and recall for every field', () => {
    const tallies = measure();
    const rows = [...tallies].map(([field, t]) => ({
      field,
      precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
      recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
      support: t.tp + t.fn,
    }));
    console.table(rows.map((r) => ({ ...r, precision: (r.precision * 100).toFixed(1), recall: (r.recall * 100).toFixed(1) })));
    for (const row of rows) {
      expect(row.support, row.field).toBeGreaterThan(0);
      expect(row.precision, `${row.field} precision`).toBeGreaterThanOrEqual(0.95);
      expect(row.recall, `${row.field} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('gives each value the span of text it came from', () => {
    for (const item of labelledTexts(7, 16)) {
      for (const f of extractFacts(item.text, item.caseType)) {
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeGreaterThan(f.span.start);
        expect(f.span.end).toBeLessThanOrEqual(item.text.length);
        expect(f.confidence).toBeGreaterThan(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('guesses the case type of every labelled text', () => {
    for (const item of labelledTexts()) expect(guessCaseType(item.text)?.caseType, item.template).toBe(item.caseType);
  });
});

const pick = (facts: readonly ExtractedFact[], field: string) => facts.filter((f) => f.field === field);

describe('extractors on single phrases', () => {
  it('reads citations in the forms the issue names', () => {
    const cases: Array<[string, { article: string; part: number | null; paragraph: string | null; code: string | null }]> = [
      ['по п. 2 ч. 2 ст. 188 УК РК', { code: 'criminal', article: '188', part: 2, paragraph: '2' }],
      ['по ч.2 ст.188', { code: null, article: '188', part: 2, paragraph: null }],
      ['ҚК-нің 188-баптың 2-бөлігі', { code: 'criminal', article: '188', part: 2, paragraph: null }],
      ['under Article 188(2) of the Criminal Code', { code: 'criminal', article: '188', part: 2, paragraph: null }],
      ['частью второй статьи 190 УК', { code: 'criminal', article: '190', part: 2, paragraph: null }],
      ['ст. 188 ч. 3 п. 1 УК', { code: 'criminal', article: '188', part: 3, paragraph: '1' }],
      ['ст. 272 ГК РК', { code: 'civil', article: '272', part: null, paragraph: null }],
      ['ст. 68 УПК', { code: 'criminal-procedure', article: '68', part: null, paragraph: null }],
    ];
    for (const [text, expected] of cases) {
      const found = pick(extractFacts(text), 'citation');
      expect(found.map((f) => f.value), text).toEqual([expected]);
    }
  });

  it('applies a code named after a list to the whole list', () => {
    const text = 'по ч. 2 ст. 188, ч. 1 ст. 190 УК РК';
    const found = pick(extractFacts(text), 'citation').map((f) => f.value);
    expect(found).toEqual([
      { code: 'criminal', article: '188', part: 2, paragraph: null },
      { code: 'criminal', article: '190', part: 1, paragraph: null },
    ]);
  });

  it('reads terms in words and digits, Russian and Kazakh', () => {
    const term = (text: string) => pick(extractFacts(text, 'kz-criminal'), 'termMonths').map((f) => f.value);
    expect(term('назначить наказание в виде лишения свободы сроком на три года шесть месяцев')).toEqual([42]);
    expect(term('назначить наказание в виде лишения свободы сроком на полтора года')).toEqual([18]);
    expect(term('Сот оған екі жыл мерзімге бас бостандығынан айыру жазасын тағайындады.')).toEqual([24]);
    expect(term('He was sentenced to five years of imprisonment.')).toEqual([60]);
  });

  it('reads sums in tenge and MRP, digits agreeing with words raising confidence', () => {
    const amounts = pick(extractFacts('ущерб 1 500 000 (один миллион пятьсот тысяч) тенге и штраф 100 МРП, итого екі жүз елу мың теңге'), 'amount');
    expect(amounts.map((f) => f.value)).toEqual([
      { value: 1_500_000, unit: 'KZT' },
      { value: 100, unit: 'MRP' },
      { value: 250_000, unit: 'KZT' },
    ]);
    const wrong = pick(extractFacts('ущерб 1 500 000 (один миллион) тенге'), 'amount')[0]!;
    expect(wrong.confidence).toBeLessThan(amounts[0]!.confidence);
  });

  it('does not read birth dates or article numbers as events or sums', () => {
    const facts = extractFacts('Иванов, 12.05.1990 года рождения, обвиняется по ч. 1 ст. 188 УК РК', 'kz-criminal');
    expect(pick(facts, 'date')).toEqual([]);
    expect(pick(facts, 'amount')).toEqual([]);
  });

  it('does not take a sanction quoted from the code for a punishment imposed', () => {
    const facts = extractFacts('Часть 1 статьи 188 УК наказывается лишением свободы на срок до трех лет.', 'kz-criminal');
    expect(pick(facts, 'punishment')).toEqual([]);
    expect(pick(facts, 'termMonths')).toEqual([]);
  });
});
