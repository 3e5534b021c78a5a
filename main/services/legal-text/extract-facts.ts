/**
 * The legal-text fact extractor shared by case documents (indictments, claims), plain-language questions and the
 * verdict corpus: `extractFacts(text, caseTypeId?)` returns every value it can read, each with the span it came
 * from and a confidence, so that a person can check it against the highlighted text before it is used.
 */
import { findAmounts } from './amounts.ts';
import { findCitations } from './citations.ts';
import { civilFacts } from './civil-facts.ts';
import { criminalFacts } from './criminal-facts.ts';
import { findDates } from './dates.ts';
import { fact, type ExtractedFact, type FactFieldValues } from './extracted-fact.ts';

/** The case types the extractors know the facts of; any other id gets the common facts only. */
export const extractorCaseTypes = ['kz-criminal', 'kz-civil-contract'] as const;
/** A case type with its own extractors. */
export type ExtractorCaseType = (typeof extractorCaseTypes)[number];

/** Options for extraction. */
export interface ExtractOptions {
  /** "Today", for converting tenge to MRP and counting months when the text gives no year or filing date. */
  readonly today?: Date;
  /**
   * The category of an article's part by the statutes (Criminal Code art. 11), when the caller has them: a criminal
   * text that cites the article and part but does not name the category then gets it, quoted from the citation.
   */
  readonly categoryOf?: (article: string, part: number) => string | null;
}

const categories: ReadonlyArray<FactFieldValues['offenceCategory']> = ['criminal-misdemeanour', 'minor', 'medium', 'grave', 'especially-grave'];

/** The offence category that follows from the charged article and part, when the text does not state one. */
function categoryByStatute(facts: readonly ExtractedFact[], categoryOf: ExtractOptions['categoryOf']): ExtractedFact | null {
  if (!categoryOf || facts.some((f) => f.field === 'offenceCategory')) return null;
  const article = facts.find((f) => f.field === 'article');
  const part = facts.find((f) => f.field === 'part');
  if (article?.field !== 'article' || part?.field !== 'part') return null;
  const stated = categoryOf(article.value, part.value);
  const category = categories.find((c) => c === stated);
  return category ? fact('offenceCategory', category, part.span, Math.min(article.confidence, part.confidence)) : null;
}

const criminalCues = /уголовн\p{L}*|обвиня\p{L}*|обвинительн\p{L}*|подсудим\p{L}*|потерпевш\p{L}*|преступлени\p{L}*|краж\p{L}*|мошенничеств\p{L}*|грабеж\p{L}*|грабёж\p{L}*|разбо\p{L}*|похити\p{L}*|украл\p{L}*|укра\p{L}*|вор(?!\p{L})|вора|лишени\p{L}*\s+свободы|(?<!\p{L})УК(?!\p{L})|қылмыс\p{L}*|айыпта\p{L}*|сотталушы\p{L}*|жәбірленуші\p{L}*|ұрла\p{L}*|ұры\p{L}*|алаяқ\p{L}*|тонау\p{L}*|(?<!\p{L})ҚК(?!\p{L})|criminal|indictment|accused|defendant\s+is\s+charged|theft|stole\p{L}*|fraud|robbery|victim|prison|burglar\p{L}*/giu;
const civilCues = /исков\p{L}*|истец\p{L}*|истца|ответчик\p{L}*|договор\p{L}*|задолженност\p{L}*|неустойк\p{L}*|взыска\p{L}*|аренд\p{L}*|поставк\p{L}*|займ\p{L}*|долг\p{L}*|(?<!\p{L})ГК(?!\p{L})|талап\s+қоюшы\p{L}*|жауапкер\p{L}*|шарт\p{L}*|қарыз\p{L}*|берешек\p{L}*|жалға\p{L}*|жалдау\p{L}*|өндіріп\p{L}*|claimant|plaintiff|respondent|contract\p{L}*|lease|rent\p{L}*|tenant|landlord|debt|invoice|unpaid|owe[sd]?|supplier|loan/giu;

/** Which case type a text is about, from how many criminal and civil cues it holds; null when it has none. */
export function guessCaseType(text: string): { caseType: ExtractorCaseType; confidence: number } | null {
  const criminal = text.match(criminalCues)?.length ?? 0;
  const civil = text.match(civilCues)?.length ?? 0;
  if (criminal === 0 && civil === 0) return null;
  const caseType: ExtractorCaseType = criminal >= civil ? 'kz-criminal' : 'kz-civil-contract';
  const confidence = Math.max(criminal, civil) / (criminal + civil);
  return { caseType, confidence: Math.round(confidence * 100) / 100 };
}

const courtRe =
  /(?:(?:Специализированн|Межрайонн|Районн|Городск|Областн|Верховн|Апелляционн)\p{L}*\s+)(?:[\p{L}-]+\s+){0,6}?суд\p{L}*(?:\s+(?:города|г\.|района|области|по)\s+(?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)?)?|(?:[\p{Lu}][\p{L}-]+\s+){1,4}(?:аудандық|қалалық|облыстық|мамандандырылған|ауданаралық)\s+(?:[\p{L}-]+\s+){0,3}?сот\p{L}*|(?:[\p{Lu}][\p{L}-]+\s+){1,3}(?:District|City|Regional|Inter-district)\s+Court(?:\s+of\s+[\p{Lu}][\p{L}-]+)?/u;

/** The court named in the text, first mention. */
function court(text: string): ExtractedFact | null {
  const m = courtRe.exec(text);
  return m ? fact('court', m[0].trim(), { start: m.index, end: m.index + m[0].trim().length }, 0.7) : null;
}

/**
 * Every fact the text states: citations, sums and dates always; the facts of a criminal case or a civil contract
 * claim for that case type (guessed from the text when no case type is given).
 */
export function extractFacts(text: string, caseTypeId?: string, options: ExtractOptions = {}): ExtractedFact[] {
  const today = options.today ?? new Date();
  const citations = findCitations(text);
  const amounts = findAmounts(text);
  const dates = findDates(text);
  const common: ExtractedFact[] = [
    ...citations.map((c) => fact('citation', { code: c.code, article: c.article, part: c.part, paragraph: c.paragraph }, c, c.code ? 0.95 : 0.8)),
    ...amounts.map((a) => fact('amount', { value: a.value, unit: a.unit }, a, a.agrees === false ? 0.5 : 0.9)),
    ...dates.filter((d) => !d.birth).map((d) => fact('date', d.iso, d, 0.95)),
  ];
  const courtFact = court(text);
  if (courtFact) common.push(courtFact);
  const kind = caseTypeId ?? guessCaseType(text)?.caseType;
  if (kind === 'kz-criminal') {
    const criminal = criminalFacts(text, citations, amounts, dates, today);
    const category = categoryByStatute(criminal, options.categoryOf);
    return [...common, ...criminal, ...(category ? [category] : [])];
  }
  if (kind === 'kz-civil-contract') return [...common, ...civilFacts(text, amounts, dates, today)];
  return common;
}
