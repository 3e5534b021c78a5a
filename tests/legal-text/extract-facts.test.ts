import { describe, expect, it } from 'vitest';
import { extractFacts, guessCaseType } from '../../main/services/legal-text/extract-facts.ts';
import type { ExtractedFact } from '../../main/services/legal-text/extracted-fact.ts';
import { labelledTexts } from './labelled-texts.ts';

/** The fields the labelled set states, per case type. */
const scored: Readonly<Record<string, readonly string[]>> = {
  'kz-criminal': ['article', 'part', 'paragraph', 'damageKzt', 'priorConvictions', 'guiltyPlea', 'damageCompensated', 'reconciliation', 'proceduralAgreement', 'recidivism', 'punishment', 'termMonths', 'fineMrp', 'mitigating', 'aggravating'],
  'kz-civil-contract': ['claimAmountKzt', 'penaltyClaimedKzt', 'contractDate', 'breachDate', 'monthsSinceBreach', 'limitationInvoked', 'simplifiedProcedure', 'documents', 'penaltyReductionRequested', 'paidAfterClaimKzt'],
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

describe('extractFacts on the labelled set (80 texts, 8 templates, ru/kk/en)', () => {
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
    // English grouping by commas (two groups or more; "2,5" stays a Russian decimal) and dotted grouping.
    const grouped = pick(extractFacts('damage of KZT 1,500,000.50, a fine of 2,5 MRP and 1.200.000 тенге'), 'amount');
    expect(grouped.map((f) => f.value)).toEqual([
      { value: 1_500_000.5, unit: 'KZT' },
      { value: 2.5, unit: 'MRP' },
      { value: 1_200_000, unit: 'KZT' },
    ]);
    const wrong = pick(extractFacts('ущерб 1 500 000 (один миллион) тенге'), 'amount')[0]!;
    expect(wrong.confidence).toBeLessThan(amounts[0]!.confidence);
  });

  it('does not read birth dates or article numbers as events or sums', () => {
    const facts = extractFacts('Иванов, 12.05.1990 года рождения, обвиняется по ч. 1 ст. 188 УК РК', 'kz-criminal');
    expect(pick(facts, 'date')).toEqual([]);
    expect(pick(facts, 'amount')).toEqual([]);
  });

  it('reads the same indictment in Kazakh, Russian and English alike: the item, the sum, compensation and reconciliation', () => {
    const read = (text: string) => {
      const facts = extractFacts(text, 'kz-criminal');
      const value = (field: string) => pick(facts, field).map((f) => f.value);
      return { paragraph: value('paragraph'), damageKzt: value('damageKzt'), damageCompensated: value('damageCompensated'), reconciliation: value('reconciliation') };
    };
    const expected = { paragraph: ['4'], damageKzt: [450_000], damageCompensated: ['full'], reconciliation: [true] };
    expect(read('Айыпталушы жәбірленушінің 450 000 теңге тұратын телефонын ұрлап, ҚР ҚК 188-бабы 2-бөлігінің 4) тармағында көзделген қылмыс жасады. Залалды толық өтеді. Жәбірленушімен татуласты.')).toEqual(expected);
    expect(read('Тайно похитил телефон стоимостью 450 000 тенге, то есть совершил преступление по п. 4 ч. 2 ст. 188 УК РК. Ущерб возместил в полном объеме. С потерпевшим примирился.')).toEqual(expected);
    expect(read('He stole a phone worth KZT 450,000, an offence under Article 188(2)(4) of the Criminal Code, fully compensated the damage and reconciled with the victim.')).toEqual(expected);
  });

  it('reads the mitigating and aggravating circumstances a text states, by their items of art. 53 and 54, not negated ones', () => {
    const items = (text: string) => extractFacts(text, 'kz-criminal').filter((f) => f.field === 'mitigating' || f.field === 'aggravating').map((f) => `${f.field} ${f.value}`);
    expect(items('Смягчающими наказание обстоятельствами суд признает чистосердечное раскаяние, явку с повинной и наличие малолетнего ребенка. Отягчающим обстоятельством — совершение преступления в состоянии алкогольного опьянения.')).toEqual([
      'mitigating 53.1.4',
      'mitigating 53.1.11',
      'aggravating 54.1.12',
    ]);
    expect(items('Жеңілдететін мән-жайлар ретінде шын өкінуі және жас балаларының болуы ескерілді. Сотталушы залалды өз еркімен өтеді. Қылмысты мас күйінде жасаған.')).toEqual([
      'mitigating 53.1.4',
      'mitigating 53.1.6',
      'mitigating 53.1.11',
      'aggravating 54.1.12',
    ]);
    expect(items('The defendant sincerely repented, has two young children and committed the offence while intoxicated.')).toEqual(['mitigating 53.1.4', 'mitigating 53.1.11', 'aggravating 54.1.12']);
    // Negated, or about the victim rather than the defendant: nothing.
    expect(items('Подсудимый в содеянном не раскаялся. В состоянии опьянения не находился. Преступление совершено в отношении малолетнего.')).toEqual([]);
  });

  it('gives the category the statutes assign to the charged part when the text names none, and keeps a stated one', () => {
    const categoryOf = (article: string, part: number) => (article === '188' && part === 2 ? 'medium' : null);
    const category = (text: string) => pick(extractFacts(text, 'kz-criminal', { categoryOf }), 'offenceCategory').map((f) => [f.value, text.slice(f.span.start, f.span.end)]);
    expect(category('Иванов обвиняется по ч. 2 ст. 188 УК РК.')).toEqual([['medium', 'ч. 2 ст. 188 УК РК']]);
    expect(category('Иванов обвиняется по ч. 3 ст. 188 УК РК.')).toEqual([]);
    expect(category('Иванов совершил тяжкое преступление, предусмотренное ч. 2 ст. 188 УК РК.')).toEqual([['grave', 'тяжкое преступление']]);
    expect(pick(extractFacts('Иванов обвиняется по ч. 2 ст. 188 УК РК.', 'kz-criminal'), 'offenceCategory')).toEqual([]);
  });

  it('takes the charge, not a prior conviction cited before it', () => {
    const facts = extractFacts('Ахметов, ранее судимый 15.02.2019 по ч. 1 ст. 188 УК РК к штрафу, обвиняемый по частью 2 статьи 190 УК РК.', 'kz-criminal');
    expect(pick(facts, 'article').map((f) => f.value)).toEqual(['190']);
    expect(pick(facts, 'part').map((f) => f.value)).toEqual([2]);
  });

  it('takes the whole sum claimed, penalty included, however the claim writes it', () => {
    const claim = (text: string) => pick(extractFacts(text, 'kz-civil-contract'), 'claimAmountKzt').map((f) => [f.value, text.slice(f.span.start, f.span.end)]);
    // The debt and its penalty: the claim is their sum, quoted from the debt to the penalty.
    expect(claim('Просим взыскать основной долг 2 400 000 тенге и неустойку 600 000 тенге. Госпошлина 90 000 тенге.')).toEqual([[3_000_000, '2 400 000 тенге и неустойку 600 000 тенге']]);
    // A stated total is the claim.
    expect(claim('Просим взыскать основной долг 2 400 000 тенге и неустойку 600 000 тенге, всего 3 000 000 тенге.')).toEqual([[3_000_000, '3 000 000 тенге']]);
    expect(claim('Цена иска: 3 100 000 тенге. Основной долг 2 400 000 тенге, неустойка 700 000 тенге.')).toEqual([[3_100_000, '3 100 000 тенге']]);
    expect(claim('Негізгі қарыз 2 400 000 теңге және тұрақсыздық айыбы 600 000 теңге, барлығы 3 000 000 теңге өндіріп беруді сұраймын.')).toEqual([[3_000_000, '3 000 000 теңге']]);
    // A penalty said to be part of the sum is not added again.
    expect(claim('Прошу взыскать задолженность в размере 3 000 000 тенге, в том числе неустойку 600 000 тенге.')).toEqual([[3_000_000, '3 000 000 тенге']]);
    // No penalty: the debt alone.
    expect(claim('The claimant asks the court to recover the principal debt of KZT 1,200,000.')).toEqual([[1_200_000, 'KZT 1,200,000']]);
  });

  it('reads a demand to reduce the penalty and what was paid after the claim, apart from the claim’s own sums', () => {
    const facts = extractFacts('Ответчик заявил об уменьшении неустойки, после подачи иска оплатил 400 000 тенге долга. Истец просит взыскать основной долг 2 000 000 тенге и неустойку 500 000 тенге.', 'kz-civil-contract');
    expect(pick(facts, 'penaltyReductionRequested').map((f) => f.value)).toEqual([true]);
    expect(pick(facts, 'paidAfterClaimKzt').map((f) => f.value)).toEqual([400_000]);
    expect(pick(facts, 'penaltyClaimedKzt').map((f) => f.value)).toEqual([500_000]);
    expect(pick(facts, 'claimAmountKzt').map((f) => f.value)).toEqual([2_500_000]);
    const kk = extractFacts('Жауапкер тұрақсыздық айыбын азайтуды сұрады. Талап қойылғаннан кейін жауапкер 300 000 теңге төледі.', 'kz-civil-contract');
    expect(pick(kk, 'penaltyReductionRequested').map((f) => f.value)).toEqual([true]);
    expect(pick(kk, 'paidAfterClaimKzt').map((f) => f.value)).toEqual([300_000]);
    const en = extractFacts('The respondent did not ask for a reduction of the penalty. After the claim was filed it paid KZT 250 000.', 'kz-civil-contract');
    expect(pick(en, 'penaltyReductionRequested').map((f) => f.value)).toEqual([false]);
    expect(pick(en, 'paidAfterClaimKzt').map((f) => f.value)).toEqual([250_000]);
  });

  it('takes the months of delay a claim states when it gives no date to count them from', () => {
    const months = (text: string) => pick(extractFacts(text, 'kz-civil-contract'), 'monthsSinceBreach').map((f) => f.value);
    expect(months('Ответчик оплату не произвел. Просрочка составляет 8 месяцев.')).toEqual([8]);
    expect(months('Жалға берген пәтерімнің ақысын үш ай бойы төлемей жүр.')).toEqual([3]);
    expect(months('The invoice is 5 months overdue.')).toEqual([5]);
    // A breach date counts first: the stated delay does not add a second value.
    expect(months('Ответчик обязался произвести оплату до 01.02.2025. Просрочка составляет 8 месяцев. Дата: 01.12.2025')).toEqual([10]);
  });

  it('does not take a sanction quoted from the code for a punishment imposed', () => {
    const facts = extractFacts('Часть 1 статьи 188 УК наказывается лишением свободы на срок до трех лет.', 'kz-criminal');
    expect(pick(facts, 'punishment')).toEqual([]);
    expect(pick(facts, 'termMonths')).toEqual([]);
  });
});
