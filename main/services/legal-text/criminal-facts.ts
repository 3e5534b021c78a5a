/**
 * Facts of a criminal case from an indictment, a sentence or a question: the article charged, damage, priors,
 * recidivism, plea, procedural agreement, reconciliation, compensation, mitigating and aggravating circumstances
 * stated in set words, and (in sentences) the punishment, its term, fine and hours. Russian, Kazakh and English.
 */
import { findAmounts, mrpOfYear, type FoundAmount } from './amounts.ts';
import { isSpecialPartArticle, type FoundCitation } from './citations.ts';
import { clauseAfter, clauseBefore, firstCue, type Cue } from './cues.ts';
import type { FoundDate } from './dates.ts';
import { findDurations, findHours } from './durations.ts';
import { fact, type ExtractedFact } from './extracted-fact.ts';
import { numberPattern, parseNumber } from './numerals.ts';

const guiltyPleaCues: Cue<'guiltyPlea'>[] = [
  { pattern: /вин[уы]\s+(?:в\s+[^.;]{0,80}?)?не\s+призна\p{L}*|не\s+призна\p{L}*\s+(?:себя\s+)?вин\p{L}*|отрица\p{L}*\s+(?:свою\s+)?вин\p{L}*|кінәсін\s+(?:[^.;]{0,60}?)?мойында(?:мады|маған|мады|май)\p{L}*|pleaded\s+not\s+guilty|den(?:ied|ies)\s+(?:his\s+|her\s+|the\s+)?guilt/iu, value: false, confidence: 0.9 },
  { pattern: /вин[уы]\s+(?:в\s+[^.;]{0,80}?)?(?:признал\p{L}*|признаёт|признает)(?:\s+(?:полностью|в\s+полном\s+объ[её]ме))?|(?:полностью\s+)?призна\p{L}*\s+(?:себя\s+)?(?:свою\s+)?вин\p{L}*|кінәсін\s+(?:[^.;]{0,60}?)?(?:толық\s+)?мойында(?:ды|йды|ған)\p{L}*|pleaded\s+guilty|admit(?:ted|s)\s+(?:his\s+|her\s+)?guilt|confessed/iu, value: true, confidence: 0.9 },
];

const agreementCues: Cue<'proceduralAgreement'>[] = [
  { pattern: /процессуальн\p{L}*\s+соглашени\p{L}*\s+не\s+заключ\p{L}*|без\s+процессуальн\p{L}*\s+соглашени|процестік\s+келісім\s+жасалмаған|no\s+plea\s+agreement/iu, value: false, confidence: 0.85 },
  { pattern: /процессуальн\p{L}*\s+соглашени\p{L}*|процестік\s+келісім\p{L}*|plea\s+(?:agreement|bargain)|procedural\s+agreement/iu, value: true, confidence: 0.85 },
];

const reconciliationCues: Cue<'reconciliation'>[] = [
  { pattern: /не\s+примирил\p{L}*|примирени\p{L}*\s+(?:сторон\s+)?не\s+достигнут\p{L}*|от\s+примирения\s+отказ\p{L}*|татуласпады|татуласпаған|татуласу\s+болмады|did\s+not\s+reconcile|no\s+reconciliation/iu, value: false, confidence: 0.85 },
  { pattern: /примирени\p{L}*\s+с\s+потерпевш\p{L}*|примирил\p{L}*\s+с\s+потерпевш\p{L}*|с\s+потерпевш\p{L}*\s+примирил\p{L}*|примирени\p{L}*\s+с\s+(?:подсудим|обвиняем)\p{L}*|стороны\s+примирились|примирением\s+сторон|жәбірленушімен\s+татуласу\p{L}*|жәбірленушімен\s+татуласты|татуласты|татуласуына|reconcil\p{L}*\s+with\s+the\s+victim|victim\s+(?:and\s+the\s+defendant\s+)?reconciled/iu, value: true, confidence: 0.85 },
];

const compensationCues: Cue<'damageCompensated'>[] = [
  { pattern: /ущерб\s+не\s+причин\p{L}*|ущерба\s+не\s+причинено|залал\s+келтірілмеген|no\s+damage\s+was\s+caused/iu, value: 'no-damage', confidence: 0.85 },
  { pattern: /ущерб\p{L}*\s+не\s+возмещ\p{L}*|не\s+возмест\p{L}*|не\s+возмещ[её]н|залал\p{L}*\s+өтелмеген|залал\p{L}*\s+өтемеген|өтелген\s+жоқ|not\s+(?:been\s+)?(?:compensated|repaid|reimbursed)|has\s+not\s+compensated/iu, value: 'none', confidence: 0.85 },
  { pattern: /частично\s+возмест\p{L}*|возмещ[её]н\p{L}*\s+частично|частичн\p{L}*\s+возмещени\p{L}*|ішінара\s+өте\p{L}*|жартылай\s+өте\p{L}*|partially\s+(?:compensated|repaid)|partial\s+(?:compensation|repayment)/iu, value: 'partial', confidence: 0.85 },
  { pattern: /(?:полностью|в\s+полном\s+объ[её]ме)\s+возмест\p{L}*|возмест\p{L}*(?:\s+(?:причин[её]нный\s+)?(?:ущерб|вред)\p{L}*)?\s+(?:полностью|в\s+полном\s+объ[её]ме)|возмещ[её]н\p{L}*\s+(?:полностью|в\s+полном\s+объ[её]ме)|полн\p{L}*\s+возмещени\p{L}*|добровольно\s+возмест\p{L}*|толық\s+өте\p{L}*|толығымен\s+өте\p{L}*|(?:fully|in\s+full)\s+(?:compensated|repaid)|compensated\s+(?:the\s+)?(?:damage\s+)?in\s+full|full\s+compensation/iu, value: 'full', confidence: 0.85 },
];

const recidivismCues: Cue<'recidivism'>[] = [
  { pattern: /рецидив\p{L}*\s+(?:преступлений\s+)?(?:не\s+имеется|отсутству\p{L}*|нет)|рецидив\s+жоқ|no\s+recidivism/iu, value: 'none', confidence: 0.85 },
  { pattern: /особо\s+опасн\p{L}*\s+рецидив\p{L}*|аса\s+қауіпті\s+рецидив\p{L}*|especially\s+dangerous\s+recidivism/iu, value: 'especially-dangerous', confidence: 0.9 },
  { pattern: /опасн\p{L}*\s+рецидив\p{L}*|қауіпті\s+рецидив\p{L}*|dangerous\s+recidivism/iu, value: 'dangerous', confidence: 0.9 },
  { pattern: /рецидив\p{L}*|recidivism/iu, value: 'recidivism', confidence: 0.8 },
];

const minorCues: Cue<'defendantMinor'>[] = [
  { pattern: /несовершеннолетн\p{L}*\s+(?:подсудим|обвиняем|подозреваем|виновн)\p{L}*|(?:подсудим|обвиняем|подозреваем)\p{L}*\s+несовершеннолетн\p{L}*|кәмелетке\s+толмаған\s+(?:сотталушы|айыпталушы|күдікті)|(?:defendant|accused)\s+(?:was\s+)?a\s+minor|juvenile\s+(?:defendant|offender)/iu, value: true, confidence: 0.8 },
];

const categoryCues: Cue<'offenceCategory'>[] = [
  { pattern: /особо\s+тяжк\p{L}*\s+преступлени\p{L}*|аса\s+ауыр\s+қылмыс\p{L}*|especially\s+grave\s+(?:crime|offence)/iu, value: 'especially-grave', confidence: 0.85 },
  { pattern: /(?<!особо\s)тяжк\p{L}*\s+преступлени\p{L}*|(?<!аса\s)ауыр\s+қылмыс\p{L}*|(?<!especially\s)grave\s+(?:crime|offence)/iu, value: 'grave', confidence: 0.85 },
  { pattern: /преступлени\p{L}*\s+средней\s+тяжести|орташа\s+ауырлықтағы\s+қылмыс\p{L}*|(?:crime|offence)\s+of\s+medium\s+gravity|medium[-\s]gravity/iu, value: 'medium', confidence: 0.85 },
  { pattern: /преступлени\p{L}*\s+небольшой\s+тяжести|онша\s+ауыр\s+емес\s+қылмыс\p{L}*|minor\s+(?:crime|offence)|(?:crime|offence)\s+of\s+minor\s+gravity/iu, value: 'minor', confidence: 0.85 },
  { pattern: /уголовн\p{L}*\s+проступ\p{L}*|қылмыстық\s+теріс\s+қылық\p{L}*|criminal\s+misdemeanou?r/iu, value: 'criminal-misdemeanour', confidence: 0.85 },
];

const frequency: Readonly<Record<string, number>> = { однажды: 1, дважды: 2, трижды: 3, четырежды: 4, пятикратно: 5, once: 1, twice: 2, thrice: 3 };

/** Number of prior convictions: zero for "ранее не судим", else counted from words, digits or a numbered list. */
function priorConvictions(text: string): ExtractedFact | null {
  const zero = /ранее\s+не\s+суд[иі]м\p{L}*|не\s+(?:имеет|имеющ\p{L}*)\s+(?:непогашенн\p{L}*\s+)?судимост\p{L}*|судимост\p{L}*\s+не\s+имеет|бұрын\s+сотталмаған|сотталғандығы\s+жоқ|соттылығы\s+жоқ|no\s+(?:previous|prior)\s+convictions?|not\s+previously\s+convicted|no\s+criminal\s+record/iu.exec(text);
  if (zero) return fact('priorConvictions', 0, { start: zero.index, end: zero.index + zero[0].length }, 0.9);
  const n = numberPattern;
  const counted = new RegExp(
    `ранее\\s+(однажды|дважды|трижды|четырежды|(${n})\\s+раз\\p{L}*)\\s+суд[иі]м\\p{L}*|ранее\\s+суд[иі]м\\p{L}*\\s+(${n})\\s+раз\\p{L}*|имеющ\\p{L}*\\s+(${n})\\s+(?:непогашенн\\p{L}*\\s+)?судимост\\p{L}*|бұрын\\s+(${n})\\s+рет\\s+сотталған|(${n})\\s+(?:previous|prior)\\s+convictions?|previously\\s+convicted\\s+(once|twice|thrice|(${n})\\s+times)`,
    'iu',
  ).exec(text);
  if (counted) {
    const word = counted[1] ?? counted[7];
    const digits = counted[2] ?? counted[3] ?? counted[4] ?? counted[5] ?? counted[6] ?? counted[8];
    const value = word && frequency[word.toLowerCase()] !== undefined ? frequency[word.toLowerCase()]! : digits ? parseNumber(digits)?.value : undefined;
    if (value !== undefined && Number.isInteger(value)) return fact('priorConvictions', value, { start: counted.index, end: counted.index + counted[0].length }, 0.85);
  }
  const some = /ранее\s+суд[иі]м\p{L}*|бұрын\s+сотталған|previously\s+convicted|has\s+(?:a\s+)?prior\s+conviction/iu.exec(text);
  if (!some) return null;
  // "ранее судимый: 1) приговором …; 2) приговором …": count the numbered entries.
  const list = text.slice(some.index + some[0].length, some.index + some[0].length + 800);
  if (/^\s*:/.test(list)) {
    const stop = list.search(/обвиня\p{L}*|айыпта\p{L}*|charged/iu);
    const entries = (stop >= 0 ? list.slice(0, stop) : list).match(/(?:^|[\s:;])\d\)/gu) ?? [];
    if (entries.length > 0) return fact('priorConvictions', entries.length, { start: some.index, end: some.index + some[0].length }, 0.8);
  }
  return fact('priorConvictions', 1, { start: some.index, end: some.index + some[0].length }, 0.6);
}

const damageContext = /ущерб\p{L}*|залал\p{L}*|шығын\p{L}*|damage|loss/iu;
const valueContext = /стоимост\p{L}*|на\s+(?:общую\s+)?сумм\p{L}*|сомасына|сомада|құны|бағасы|worth|valued\s+at|total\s+(?:value|amount)|похити\p{L}*|ұрла\p{L}*|stole|вынесли|украли/iu;
/** Kazakh puts the value's words after the sum: "450 000 теңге тұратын телефонын ұрлап". */
const valueAfter = /^[^.;]{0,40}?(?:тұратын|құнындағы|бағасындағы|ұрла\p{L}*)/iu;
const totalContext = /общ\p{L}*\s+сумм|жалпы\s+сома|итого|total/iu;
const notDamage = /возмещ\p{L}*|возмест\p{L}*|өте\p{L}*|compensat\p{L}*|repa(?:id|y)|штраф\p{L}*|айыппұл\p{L}*|fine|взыска\p{L}*|госпошлин\p{L}*|баж\p{L}*/iu;

/** The damage caused, in tenge (and in MRP when stated so or when a year is known to convert it). */
function damage(text: string, amounts: readonly FoundAmount[], dates: readonly FoundDate[], today: Date): ExtractedFact[] {
  let best: { amount: FoundAmount; score: number } | null = null;
  for (const amount of amounts) {
    const before = clauseBefore(text, amount.start, 200);
    const after = clauseAfter(text, amount.end, 60);
    if (notDamage.test(before.slice(-90))) continue;
    let score = 0;
    if (damageContext.test(before) || damageContext.test(after)) score += 3;
    if (valueContext.test(before) || valueAfter.test(after)) score += 2;
    if (totalContext.test(before.slice(-60))) score += 1;
    if (score === 0) continue;
    if (!best || score > best.score) best = { amount, score };
  }
  if (!best) return [];
  const { amount } = best;
  const confidence = (best.score >= 3 ? 0.85 : 0.7) + (amount.agrees === true ? 0.1 : amount.agrees === false ? -0.3 : 0);
  if (amount.unit === 'MRP') return [fact('damageMrp', amount.value, amount, confidence)];
  const eventDate = [...dates].reverse().find((d) => !d.birth && d.start < amount.start) ?? dates.find((d) => !d.birth);
  const year = eventDate ? Number(eventDate.iso.slice(0, 4)) : today.getUTCFullYear();
  const mrp = mrpOfYear(year);
  return [
    fact('damageKzt', amount.value, amount, confidence),
    fact('damageMrp', Math.round((amount.value / mrp) * 100) / 100, amount, confidence - (eventDate ? 0.05 : 0.15)),
  ];
}

const imposed = /назнач\p{L}*|приговори\p{L}*|подвергнуть|определить\s+(?:ему|ей)?\s*наказани|наказани\p{L}*\s+в\s+виде|тағайында\p{L}*|жаза\s+(?:ретінде|тағайындалсын)|sentenced|imposed|punishment\s+of/iu;

const punishmentCues: Cue<'punishment'>[] = [
  { pattern: /условн\p{L}*|испытательн\p{L}*\s+срок\p{L}*|шартты\s+түрде|шартты\s+соттау|сынақ\s+мерзім\p{L}*|suspended|probation/iu, value: 'suspended', confidence: 0.85 },
  { pattern: /лишени\p{L}*\s+свободы|бас\s+бостандығынан\s+айыр\p{L}*|imprisonment|deprivation\s+of\s+liberty/iu, value: 'imprisonment', confidence: 0.9 },
  { pattern: /ограничени\p{L}*\s+свободы|бас\s+бостандығын\s+шектеу\p{L}*|restriction\s+of\s+(?:liberty|freedom)/iu, value: 'restriction-of-freedom', confidence: 0.9 },
  { pattern: /исправительн\p{L}*\s+работ\p{L}*|түзеу\s+жұмыс\p{L}*|correctional\s+(?:work|labou?r)/iu, value: 'correctional-work', confidence: 0.9 },
  { pattern: /общественн\p{L}*\s+работ\p{L}*|қоғамдық\s+жұмыс\p{L}*|community\s+service/iu, value: 'community-service', confidence: 0.9 },
  { pattern: /штраф\p{L}*|айыппұл\p{L}*|(?<!\p{L})fine(?!\p{L})/iu, value: 'fine', confidence: 0.85 },
];

/** The punishment imposed, its term, fine and hours: read only from the clause that imposes it. */
function sentence(text: string): ExtractedFact[] {
  const out: ExtractedFact[] = [];
  const re = new RegExp(imposed.source, 'giu');
  for (const m of text.matchAll(re)) {
    // The whole sentence around the verb: Russian imposes first ("назначить … лишение свободы"), Kazakh last.
    const clauseStart = m.index - clauseBefore(text, m.index, 300).length;
    const clause = text.slice(clauseStart, m.index) + clauseAfter(text, m.index, 400);
    // A sanction quoted from the code ("наказывается лишением свободы") is not a punishment imposed.
    const found = firstCue(clause, 'punishment', punishmentCues);
    if (!found) continue;
    const shift = (f: ExtractedFact): ExtractedFact => ({ ...f, span: { start: f.span.start + clauseStart, end: f.span.end + clauseStart } }) as ExtractedFact;
    out.push(shift(found));
    const term = findDurations(clause)[0];
    if (term && found.value !== 'fine' && found.value !== 'community-service') {
      out.push(fact('termMonths', term.months, { start: term.start + clauseStart, end: term.end + clauseStart }, term.agrees === false ? 0.5 : 0.9));
    }
    for (const amount of findAmounts(clause)) {
      const span = { start: amount.start + clauseStart, end: amount.end + clauseStart };
      if (amount.unit === 'MRP') out.push(fact('fineMrp', amount.value, span, amount.agrees === false ? 0.5 : 0.9));
      else out.push(fact('fineKzt', amount.value, span, amount.agrees === false ? 0.5 : 0.85));
      break;
    }
    const hours = findHours(clause)[0];
    if (hours && found.value === 'community-service') out.push(fact('serviceHours', hours.hours, { start: hours.start + clauseStart, end: hours.end + clauseStart }, 0.9));
    break;
  }
  return out;
}

/**
 * Circumstances of Criminal Code art. 53 (mitigating) and 54 (aggravating) that texts state in set words, by item.
 * Only items that are never an element of the offence itself (a group, a weapon are qualifying elements of many
 * articles, and then not aggravating, art. 54 part 2), and not those with fields of their own (recidivism, a minor
 * defendant). The wording is the code's and the courts' in Russian, Kazakh and English; a negated one is not read.
 */
const circumstanceCues: ReadonlyArray<readonly ['mitigating' | 'aggravating', string, RegExp]> = [
  ['mitigating', '53.1.4', /(?:наличи\p{L}*|име\p{L}*|иждивени\p{L}*)[^.;]{0,40}?малолетн\p{L}*\s+(?:реб[её]н\p{L}*|дет\p{L}*)|жас\s+бала(?:лар)?ы(?:ның|\s+бар)|(?:has|having|with|supports?)\s+(?:a\s+|an?\s+|two\s+|three\s+)?(?:young|minor|infant)\s+child(?:ren)?/iu],
  ['mitigating', '53.1.5', /оказа\p{L}*\s+(?:первой\s+|медицинской\s+)?помощ\p{L}*\s+потерпевш\p{L}*|жәбірленушіге\s+(?:алғашқы\s+|медициналық\s+)?көмек\s+көрсет\p{L}*|(?:gave|provided|rendered)\s+(?:first\s+)?aid\s+to\s+the\s+victim/iu],
  ['mitigating', '53.1.6', /добровольн\p{L}*\s+возмещени\p{L}*|добровольно\s+возмест\p{L}*|возмест\p{L}*\s+(?:[^.;]{0,30}?)добровольно|загладил\p{L}*\s+(?:причин[её]нный\s+)?вред|залалды\s+(?:өз\s+еркімен|ерікті\s+түрде)\s+өте\p{L}*|voluntar\p{L}*\s+(?:compensat\p{L}*|repa\p{L}*|made\s+good)/iu],
  ['mitigating', '53.1.11', /чистосердечн\p{L}*\s+раскаяни\p{L}*|(?<!не\s)(?:раскаял\p{L}*|раскаивается)|явк\p{L}*\s+с\s+повинной|активн\p{L}*\s+способствова\p{L}*\s+(?:раскрытию|расследованию)|шын\s+(?:жүректен\s+)?өкін\p{L}*|кінәсін\s+мойындап\s+келу\p{L}*|(?:қылмыстың\s+)?ашылуына\s+белсенді\s+(?:жәрдемдес|ықпал)\p{L}*|sincere(?:ly)?\s+repent\p{L}*|(?<!not\s)repented|turned\s+(?:himself|herself)\s+in|actively\s+(?:assisted|helped)\s+(?:the\s+)?(?:investigation|police)/iu],
  ['aggravating', '54.1.12', /(?<!не\s+находил\p{L}*\s+)в\s+состоянии\s+(?:алкогольного\s+|наркотического\s+|токсикоманического\s+)?опьянения(?!\s+не\s+находил)|(?:алкогольдік\s+|есірткілік\s+)?мас\s+(?:күйінде|күйде)|масаң\s+күйде|while\s+(?:drunk|intoxicated)|under\s+the\s+influence\s+of\s+(?:alcohol|drugs)/iu],
];

/** Each circumstance the text states, once, at its first mention. */
function circumstances(text: string): ExtractedFact[] {
  const out: ExtractedFact[] = [];
  for (const [field, item, re] of circumstanceCues) {
    const m = re.exec(text);
    if (m) out.push(fact(field, item, { start: m.index, end: m.index + m[0].length }, 0.8));
  }
  return out;
}

const priorContext = /суд[иі]м\p{L}*|осужд\p{L}*|осужден\p{L}*|сотталған|convicted/iu;
const chargeContext = /обвиня\p{L}*|предусмотренн\p{L}*|виновн\p{L}*|квалифици\p{L}*|айыпта\p{L}*|кінәлі|charged|guilty|under/iu;

/**
 * The offence charged: the first Special Part article of the Criminal Code cited in a charging clause ("обвиняется
 * по…", "предусмотренного…"), else the first one not cited as a prior conviction ("ранее судимый по ч. 1 ст. 188").
 */
function charge(text: string, citations: readonly FoundCitation[]): ExtractedFact[] {
  const candidates = citations.filter((c) => (c.code === 'criminal' || c.code === null) && isSpecialPartArticle(c));
  const context = (c: FoundCitation) => clauseBefore(text, c.start, 120);
  const charged =
    candidates.find((c) => chargeContext.test(context(c)) && !priorContext.test(context(c).slice(-60))) ??
    candidates.find((c) => !priorContext.test(context(c))) ??
    candidates[0];
  if (!charged) return [];
  const confidence = charged.code === 'criminal' ? 0.9 : 0.7;
  const out: ExtractedFact[] = [fact('article', charged.article, charged, confidence)];
  if (charged.part !== null) out.push(fact('part', charged.part, charged, confidence));
  if (charged.paragraph !== null) out.push(fact('paragraph', charged.paragraph, charged, confidence));
  return out;
}

/** Everything a criminal case's facts form takes that the text states. */
export function criminalFacts(text: string, citations: readonly FoundCitation[], amounts: readonly FoundAmount[], dates: readonly FoundDate[], today: Date): ExtractedFact[] {
  const single = [
    priorConvictions(text),
    firstCue(text, 'recidivism', recidivismCues),
    firstCue(text, 'guiltyPlea', guiltyPleaCues),
    firstCue(text, 'proceduralAgreement', agreementCues),
    firstCue(text, 'reconciliation', reconciliationCues),
    firstCue(text, 'damageCompensated', compensationCues),
    firstCue(text, 'defendantMinor', minorCues),
    firstCue(text, 'offenceCategory', categoryCues),
  ].filter((f): f is ExtractedFact => f !== null);
  return [...charge(text, citations), ...damage(text, amounts, dates, today), ...single, ...circumstances(text), ...sentence(text)];
}
