/**
 * Facts of a civil contract claim: the whole sum claimed, the penalty, the contract and breach dates, months
 * since the breach, the limitation period, the simplified procedure, the documents attached, a demand to reduce the
 * penalty and what the defendant paid after the claim was filed. Russian, Kazakh and English phrasing.
 */
import type { FoundAmount } from './amounts.ts';
import { clauseAfter, clauseBefore, firstCue, type Cue } from './cues.ts';
import type { FoundDate } from './dates.ts';
import { fact, type ExtractedFact, type FactFieldValues } from './extracted-fact.ts';
import { numberPattern, parseNumber } from './numerals.ts';

const penaltyContext = /неустойк\p{L}*|пен[иья]\p{L}*|тұрақсыздық\s+айыб\p{L}*|өсімпұл\p{L}*|penalt\p{L}*|late[-\s]payment\s+interest/iu;
const costContext = /госпошлин\p{L}*|государственн\p{L}*\s+пошлин\p{L}*|мемлекеттік\s+баж\p{L}*|state\s+(?:fee|duty)|представител\p{L}*|юридическ\p{L}*\s+услуг|өкіл\p{L}*|legal\s+(?:costs|fees)|судебн\p{L}*\s+расход\p{L}*|сот\s+шығын\p{L}*/iu;
/** Words that state the whole claim at once: "всего", "цена иска", "барлығы", "in total". */
const totalContext = /(?<!\p{L})(?:всего|итого|цен\p{L}*\s+иска|сумм\p{L}*\s+иска|барлығы|жалпы\s+сома\p{L}*|талап\s+қою\s+(?:сомасы|бағасы)|in\s+total|total\s+(?:claim\p{L}*|(?:sum|amount)\s+claimed)(?:\s+(?:of|is))?)(?:\s*(?:в\s+размере|составляет|составила|:))?\s*$/iu;
/** A penalty said to be part of the sum before it ("в том числе неустойка"), so not added to it. */
const includedContext = /(?:в\s+том\s+числе|включая|из\s+них|оның\s+ішінде|соның\s+ішінде|including|of\s+which)[^.;]{0,40}$/iu;
const claimContexts: ReadonlyArray<[RegExp, number]> = [
  [/основн\p{L}*\s+(?:сумм\p{L}*\s+)?долг\p{L}*|негізгі\s+(?:қарыз|борыш)\p{L}*|principal(?:\s+debt)?/iu, 3],
  [/задолженност\p{L}*|(?<!\p{L})долг\p{L}*|қарыз\p{L}*|берешек\p{L}*|борыш\p{L}*|(?<!\p{L})debt|unpaid|arrears/iu, 2],
  [/взыска\p{L}*|өндір\p{L}*|recover\p{L}*|claim\p{L}*/iu, 1],
];
/** A payment made after the claim was filed ("после подачи иска оплатил", "талап қойылғаннан кейін төледі"). */
const afterFiling = String.raw`(?:после\s+(?:подачи|предъявления|принятия|поступления)\s+(?:иска|искового\s+заявления)|в\s+ходе\s+(?:рассмотрения|судебного\s+разбирательства)|талап\s+(?:қойылғаннан|арыз\s+берілгеннен)\s+кейін|after\s+the\s+claim\s+was\s+(?:filed|lodged)|after\s+filing|since\s+the\s+claim\s+was\s+filed)`;
const paidVerb = String.raw`(?:оплатил\p{L}*|уплатил\p{L}*|погасил\p{L}*|перечислил\p{L}*|возвратил\p{L}*|вернул\p{L}*|төлед\p{L}*|төлеген|өтеді|өтеген|paid|repaid|settled)`;
const paidBefore = new RegExp(`${afterFiling}[^.;]{0,60}?${paidVerb}[^.;]{0,30}$|${paidVerb}[^.;]{0,60}?${afterFiling}[^.;]{0,30}$`, 'iu');
const filedBefore = new RegExp(`${afterFiling}[^.;]{0,60}$`, 'iu');
const paidAfter = new RegExp(`^[^.;]{0,20}?${paidVerb}`, 'iu');
const verbBefore = new RegExp(`${paidVerb}[^.;]{0,30}$`, 'iu');
const filedAfter = new RegExp(`^[^.;]{0,40}?${afterFiling}`, 'iu');

/** Whether a sum, by the words around it, is a payment made after the claim was filed (in any word order). */
function paidAfterFiling(before: string, after: string): boolean {
  return paidBefore.test(before) || (filedBefore.test(before) && paidAfter.test(after)) || (verbBefore.test(before) && filedAfter.test(after));
}
/** How far apart a debt and its penalty may be written and still be quoted together as one claim. */
const pairedQuoteLimit = 240;

/**
 * The whole sum claimed (the schema's `claimAmountKzt`: the claim with its penalty part) and the penalty. A stated
 * total ("всего 3 000 000 тенге") is the claim; otherwise the debt plus the penalty, unless the text says the penalty
 * is part of the debt's sum ("в том числе неустойка"); otherwise the debt alone.
 */
function claimSums(text: string, amounts: readonly FoundAmount[]): ExtractedFact[] {
  let total: FoundAmount | null = null;
  let debt: { amount: FoundAmount; score: number } | null = null;
  let penalty: { amount: FoundAmount; included: boolean } | null = null;
  let paid: FoundAmount | null = null;
  for (const amount of amounts) {
    if (amount.unit !== 'KZT') continue;
    const near = clauseBefore(text, amount.start, 90);
    const after = clauseAfter(text, amount.end, 60);
    if (costContext.test(near.slice(-70))) continue;
    if (paidAfterFiling(near, after)) {
      paid ??= amount;
      continue;
    }
    if (totalContext.test(near.slice(-40))) {
      total ??= amount;
      continue;
    }
    if (penaltyContext.test(near.slice(-70)) || /^\s*(?:\([^)]*\)\s*)?(?:неустойк|пен[иья]|тұрақсыздық|penalt)/iu.test(after)) {
      penalty ??= { amount, included: includedContext.test(near.slice(-70)) };
      continue;
    }
    const score = Math.max(0, ...claimContexts.map(([re, s]) => (re.test(near) ? s : 0)));
    if (score > 0 && (!debt || score > debt.score)) debt = { amount, score };
  }
  const out: ExtractedFact[] = [];
  const sure = (amount: FoundAmount, base: number) => base + (amount.agrees === true ? 0.1 : 0);
  if (total) out.push(fact('claimAmountKzt', total.value, total, sure(total, 0.85)));
  else if (debt && penalty && !penalty.included) {
    const [first, last] = debt.amount.start < penalty.amount.start ? [debt.amount, penalty.amount] : [penalty.amount, debt.amount];
    const quote = last.end - first.start <= pairedQuoteLimit ? { start: first.start, end: last.end } : debt.amount;
    out.push(fact('claimAmountKzt', debt.amount.value + penalty.amount.value, quote, debt.score >= 2 ? 0.8 : 0.65));
  } else if (debt) out.push(fact('claimAmountKzt', debt.amount.value, debt.amount, sure(debt.amount, debt.score >= 2 ? 0.85 : 0.7)));
  if (penalty) out.push(fact('penaltyClaimedKzt', penalty.amount.value, penalty.amount, 0.85));
  if (paid) out.push(fact('paidAfterClaimKzt', paid.value, paid, 0.75));
  return out;
}

const contractBefore = /(?:договор\p{L}*|контракт\p{L}*|contract|agreement)(?:No\.|[^.;]){0,60}?(?:от|dated|of|signed\s+on)\s*$/iu;
const contractAfter = /^\s*(?:№\s*\S+\s*)?(?:[\p{L}-]+\s+){0,3}(?:шарт\p{L}*|келісімшарт\p{L}*)/iu;
const breachBefore = /(?:срок\p{L}*\s+(?:оплаты|исполнения|возврата|поставки|погашения)[^.;]{0,50}?|не\s+позднее|(?:обязан|обязался|обязалась|должен|должна)[^.;]{0,80}?\sдо|due\s+(?:by|on)|no\s+later\s+than|deadline\s+(?:of|was)|payable\s+by)\s*$/iu;
const breachAfter = /^\s*(?:дейін|кешіктірмей)/iu;

/** Whole months from one ISO day to another (a month counts once its day is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** A delay stated in months ("просрочка составляет 8 месяцев", "үш ай бойы төлемей", "8 months overdue"). */
const statedDelay = new RegExp(
  [
    String.raw`просрочк\p{L}*(?:\s+(?:оплаты|платежа|исполнения))?\s+(?:составляет|составила|составил|—|-|на|в)?\s*(${numberPattern})\s+месяц\p{L}*`,
    String.raw`(${numberPattern})\s+ай(?:\s+бойы)?\s+(?:кешіктір\p{L}*|төлемей|төленбе\p{L}*)`,
    String.raw`(${numberPattern})\s+months?\s+(?:overdue|late|in\s+arrears)|overdue\s+(?:for|by)\s+(${numberPattern})\s+months?`,
  ].join('|'),
  'iu',
);

/** Months from the breach as the text states them, when it gives no breach date to count from. */
function statedMonths(text: string): ExtractedFact | null {
  const match = statedDelay.exec(text);
  const number = match?.slice(1).find((g) => g !== undefined);
  const months = number === undefined ? null : parseNumber(number);
  if (!match || !months || !Number.isInteger(months.value)) return null;
  return fact('monthsSinceBreach', months.value, { start: match.index, end: match.index + match[0].length }, 0.7);
}

/** Contract date, breach date and months from the breach to the claim (its latest date, or today, or as stated). */
function claimDates(text: string, dates: readonly FoundDate[], today: Date): ExtractedFact[] {
  const out: ExtractedFact[] = [];
  const contract = dates.find((d) => contractBefore.test(clauseBefore(text, d.start, 120)) || contractAfter.test(text.slice(d.end, d.end + 60)));
  if (contract) out.push(fact('contractDate', contract.iso, contract, 0.85));
  const breach = dates.find((d) => d !== contract && (breachBefore.test(clauseBefore(text, d.start, 140)) || breachAfter.test(text.slice(d.end, d.end + 20))));
  if (breach) {
    out.push(fact('breachDate', breach.iso, breach, 0.8));
    const later = dates.filter((d) => !d.birth && d.iso > breach.iso).map((d) => d.iso).sort();
    const filed = later[later.length - 1] ?? today.toISOString().slice(0, 10);
    const months = monthsBetween(breach.iso, filed);
    if (months >= 0) out.push(fact('monthsSinceBreach', months, breach, later.length > 0 ? 0.75 : 0.6));
  }
  const stated = out.some((f) => f.field === 'monthsSinceBreach') ? null : statedMonths(text);
  if (stated) out.push(stated);
  return out;
}

const limitationCues: Cue<'limitationInvoked'>[] = [
  { pattern: /срок\p{L}*\s+исковой\s+давности\s+(?:не\s+(?:пропущен|истек|истёк)\p{L}*)|не\s+пропущен\p{L}*\s+срок\p{L}*\s+исковой\s+давности|талап\s+қоюдың\s+ескіру\s+мерзімі\s+(?:өткен\s+жоқ|өтпеген)|limitation\s+period\s+has\s+not\s+(?:expired|lapsed)|not\s+time[-\s]barred/iu, value: false, confidence: 0.7 },
  { pattern: /(?:применить|применении|пропуск\p{L}*|истечени\p{L}*|заявил\p{L}*\s+о)\s+(?:[^.;]{0,30}?)срок\p{L}*\s+исковой\s+давности|срок\p{L}*\s+исковой\s+давности\s+(?:пропущен|истек|истёк)\p{L}*|талап\s+қоюдың\s+ескіру\s+мерзім\p{L}*\s+(?:өткен|қолдан\p{L}*|өтіп\s+кеткен)|ескіру\s+мерзімін\s+қолдан\p{L}*|time[-\s]barred|limitation\s+period\s+(?:has\s+)?(?:expired|lapsed)|invok\p{L}*\s+the\s+limitation\s+period/iu, value: true, confidence: 0.85 },
];

const simplifiedCues: Cue<'simplifiedProcedure'>[] = [
  { pattern: /не\s+подлежит\s+рассмотрени\p{L}*\s+в\s+упрощенн\p{L}*|жеңілдетілген\s+(?:\p{L}+\s+){0,3}қаралмайды|not\s+eligible\s+for\s+the\s+simplified/iu, value: false, confidence: 0.8 },
  { pattern: /упрощенн\p{L}*\s+(?:\(письменн\p{L}*\)\s+)?(?:письменн\p{L}*\s+)?(?:производств\p{L}*|порядк\p{L}*)|жеңілдетілген\s+(?:\(жазбаша\)\s+)?(?:жазбаша\s+)?(?:іс\s+жүргізу\p{L}*|тәртіп\p{L}*)|simplified\s+(?:\(written\)\s+)?(?:written\s+)?procedure/iu, value: true, confidence: 0.85 },
];

const reductionCues: Cue<'penaltyReductionRequested'>[] = [
  { pattern: /(?:не\s+(?:заявлял\p{L}*|просил\p{L}*|ходатайствовал\p{L}*)\s+(?:об?\s+)?(?:уменьшени\p{L}*|снижени\p{L}*)\s+(?:размера\s+)?неустойк\p{L}*)|тұрақсыздық\s+айыбын\s+азайтуды\s+(?:сұрамады|өтінбеді)|did\s+not\s+(?:ask|apply|move)\s+for\s+(?:a\s+)?reduc\p{L}*\s+of\s+the\s+penalty/iu, value: false, confidence: 0.8 },
  { pattern: /(?:заявил\p{L}*|ходатайств\p{L}*|просил\p{L}*|просит|требует|потребовал\p{L}*)[^.;]{0,40}?(?:об?\s+)?(?:уменьш\p{L}*|сниз\p{L}*|снижени\p{L}*)\s+(?:размер\p{L}*\s+)?(?:неустойк\p{L}*|пен[иья]\p{L}*)|(?:уменьшени\p{L}*|снижени\p{L}*)\s+(?:размера\s+)?неустойки\s+(?:по|в\s+порядке)\s+ст(?:\.|ать\p{L}*)\s*297|тұрақсыздық\s+айыбын\s+азайт\p{L}*|(?:asked|applied|moved|requested|demanded)[^.;]{0,40}?reduc\p{L}*\s+(?:of\s+)?the\s+penalty/iu, value: true, confidence: 0.8 },
];

const documentCues: ReadonlyArray<[FactFieldValues['documents'], RegExp]> = [
  ['contract', /(?<!\p{L})(?:договор\p{L}*|шарт(?:ы|қа|тың|пен|ты)?(?!\p{L})|келісімшарт\p{L}*|contract|agreement)/iu],
  ['invoice', /сч[её]т\p{L}*[-\s]фактур\p{L}*|шот[-\s]фактура\p{L}*|invoice/iu],
  ['acceptance-act', /акт\p{L}*\s+(?:при[её]ма[-\s]передачи|выполненных\s+работ|оказанных\s+услуг)|қабылдау[-\s]тапсыру\s+акті\p{L}*|орындалған\s+жұмыстар\s+акті\p{L}*|acceptance\s+(?:certificate|act)|delivery\s+note/iu],
  ['payment-order', /платежн\p{L}*\s+поручени\p{L}*|төлем\s+тапсырма\p{L}*|payment\s+order/iu],
  ['reconciliation-act', /акт\p{L}*\s+сверки|салыстыру\s+акті\p{L}*|reconciliation\s+(?:statement|act)/iu],
  ['claim-letter', /претензи\p{L}*|талап[-\s]хат\p{L}*|наразылық\s+хат\p{L}*|demand\s+letter|letter\s+of\s+claim|pre-action\s+(?:claim|letter)/iu],
  ['correspondence', /переписк\p{L}*|хат\s+алмасу\p{L}*|хат-хабар\p{L}*|correspondence/iu],
];

/** Each supporting document the claim names, once, at its first mention. */
function documents(text: string): ExtractedFact[] {
  const out: ExtractedFact[] = [];
  for (const [item, re] of documentCues) {
    const m = re.exec(text);
    if (m) out.push(fact('documents', item, { start: m.index, end: m.index + m[0].length }, 0.8));
  }
  return out;
}

/** Everything a civil contract claim's facts form takes that the text states. */
export function civilFacts(text: string, amounts: readonly FoundAmount[], dates: readonly FoundDate[], today: Date): ExtractedFact[] {
  return [
    ...claimSums(text, amounts),
    ...claimDates(text, dates, today),
    firstCue(text, 'limitationInvoked', limitationCues),
    firstCue(text, 'simplifiedProcedure', simplifiedCues),
    firstCue(text, 'penaltyReductionRequested', reductionCues),
    ...documents(text),
  ].filter((f): f is ExtractedFact => f !== null);
}
