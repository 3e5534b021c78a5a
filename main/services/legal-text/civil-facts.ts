/**
 * Facts of a civil contract claim: the principal sum claimed, the penalty, the contract and breach dates, months
 * since the breach, the limitation period, the simplified procedure and the documents attached. Russian, Kazakh and
 * English phrasing.
 */
import type { FoundAmount } from './amounts.ts';
import { clauseAfter, clauseBefore, firstCue, type Cue } from './cues.ts';
import type { FoundDate } from './dates.ts';
import { fact, type ExtractedFact, type FactFieldValues } from './extracted-fact.ts';

const penaltyContext = /неустойк\p{L}*|пен[иья]\p{L}*|тұрақсыздық\s+айыб\p{L}*|өсімпұл\p{L}*|penalt\p{L}*|late[-\s]payment\s+interest/iu;
const costContext = /госпошлин\p{L}*|государственн\p{L}*\s+пошлин\p{L}*|мемлекеттік\s+баж\p{L}*|state\s+(?:fee|duty)|представител\p{L}*|юридическ\p{L}*\s+услуг|өкіл\p{L}*|legal\s+(?:costs|fees)|судебн\p{L}*\s+расход\p{L}*|сот\s+шығын\p{L}*/iu;
const claimContexts: ReadonlyArray<[RegExp, number]> = [
  [/основн\p{L}*\s+(?:сумм\p{L}*\s+)?долг\p{L}*|негізгі\s+(?:қарыз|борыш)\p{L}*|principal(?:\s+debt)?/iu, 3],
  [/задолженност\p{L}*|(?<!\p{L})долг\p{L}*|қарыз\p{L}*|берешек\p{L}*|борыш\p{L}*|(?<!\p{L})debt|unpaid|arrears/iu, 2],
  [/взыска\p{L}*|өндір\p{L}*|recover\p{L}*|claim\p{L}*|сумм\p{L}*\s+иска|цен\p{L}*\s+иска|талап\s+қою\s+(?:сомасы|бағасы)/iu, 1],
];

/** The principal sum claimed and the penalty, each from the amount whose clause names it. */
function claimSums(text: string, amounts: readonly FoundAmount[]): ExtractedFact[] {
  let claim: { amount: FoundAmount; score: number } | null = null;
  let penalty: FoundAmount | null = null;
  for (const amount of amounts) {
    if (amount.unit !== 'KZT') continue;
    const near = clauseBefore(text, amount.start, 90);
    const after = clauseAfter(text, amount.end, 40);
    if (costContext.test(near.slice(-70))) continue;
    if (penaltyContext.test(near.slice(-70)) || /^\s*(?:\([^)]*\)\s*)?(?:неустойк|пен[иья]|тұрақсыздық|penalt)/iu.test(after)) {
      penalty ??= amount;
      continue;
    }
    const score = Math.max(0, ...claimContexts.map(([re, s]) => (re.test(near) ? s : 0)));
    if (score > 0 && (!claim || score > claim.score)) claim = { amount, score };
  }
  const out: ExtractedFact[] = [];
  if (claim) out.push(fact('claimAmountKzt', claim.amount.value, claim.amount, (claim.score >= 2 ? 0.85 : 0.7) + (claim.amount.agrees === true ? 0.1 : 0)));
  if (penalty) out.push(fact('penaltyClaimedKzt', penalty.value, penalty, 0.85));
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

/** Contract date, breach date and months from the breach to the claim (its latest date, or today). */
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
    ...documents(text),
  ].filter((f): f is ExtractedFact => f !== null);
}
