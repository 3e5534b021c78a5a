/**
 * Citations of legal acts in Russian, Kazakh and English: "п. 2 ч. 2 ст. 188 УК РК", "ч.2 ст.188", "части второй
 * статьи 190", "ст. 188 ч. 2", "ҚР ҚК-нің 188-бабының 2-бөлігі", "Article 188(2)(2) of the Criminal Code",
 * "part 2 of Article 190". A code named once after a list ("ч. 2 ст. 188, ч. 1 ст. 190 УК РК") applies to the
 * whole list.
 */

/** The legal acts a citation can name; ids match the legal-acts store. */
export const legalCodes = ['criminal', 'criminal-procedure', 'civil', 'civil-procedure', 'administrative-offenses', 'constitution'] as const;
/** A legal act's id. */
export type LegalCode = (typeof legalCodes)[number];

/** A cited article, its part and its paragraph (пункт/тармақ), and the code when the text names it. */
export interface Citation {
  readonly code: LegalCode | null;
  readonly article: string;
  readonly part: number | null;
  readonly paragraph: string | null;
}

/** A citation with the span it came from. */
export interface FoundCitation extends Citation {
  readonly start: number;
  readonly end: number;
}

/** How each code is named; the longer, more specific names come first so that "УПК" is not read as "УК". */
const codeNames: ReadonlyArray<[LegalCode, RegExp]> = [
  ['criminal-procedure', /(?<!\p{L})(?:УПК|Уголовно-процессуальн\p{L}* кодекс\p{L}*|ҚПК|Қылмыстық-процестік кодекс\p{L}*|Criminal Procedure Code|Code of Criminal Procedure)(?!\p{L})/u],
  ['civil-procedure', /(?<!\p{L})(?:ГПК|Гражданск\p{L}* процессуальн\p{L}* кодекс\p{L}*|АПК|Азаматтық процестік кодекс\p{L}*|Civil Procedure Code|Code of Civil Procedure)(?!\p{L})/u],
  ['administrative-offenses', /(?<!\p{L})(?:КоАП|Кодекс\p{L}* (?:Республики Казахстан )?об административных правонарушениях|ӘҚБтК|Әкімшілік құқық бұзушылық туралы кодекс\p{L}*|Code of Administrative Offences)(?!\p{L})/u],
  ['criminal', /(?<!\p{L})(?:УК|Уголовн\p{L}* кодекс\p{L}*|ҚК|Қылмыстық кодекс\p{L}*|Criminal Code|CC)(?!\p{L})/u],
  ['civil', /(?<!\p{L})(?:ГК|Гражданск\p{L}* кодекс\p{L}*|АК|Азаматтық кодекс\p{L}*|Civil Code)(?!\p{L})/u],
  ['constitution', /(?<!\p{L})(?:Конституци\p{L}*|Constitution)(?!\p{L})/u],
];

const ordinals: Readonly<Record<string, number>> = {
  перв: 1, втор: 2, трет: 3, четверт: 4, четвёрт: 4, пят: 5, шест: 6, седьм: 7, восьм: 8,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6,
};
const ordinal = String.raw`(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм)\p{L}*|first|second|third|fourth|fifth|sixth`;

function partNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  const stem = Object.keys(ordinals).find((s) => lower.startsWith(s));
  return stem ? ordinals[stem]! : null;
}

// An abbreviation is followed by a dot or directly by the number ("ст.188", "ч 2"), never by other letters.
const ruArticle = String.raw`ст(?:ать\p{L}*\s*|\.\s*|\s*(?=\d))`;
const ruPart = String.raw`ч(?:аст\p{L}*\s*|\.\s*|\s*(?=\d))`;
const ruPoint = String.raw`п(?:ункт\p{L}*\s*|\.\s*|\s*(?=\d))`;
const art = String.raw`(\d+(?:-\d+)?)`;
const num = String.raw`(\d+|${ordinal})`;

interface Shape {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => { article: string; part?: string; paragraph?: string };
}

const shapes: readonly Shape[] = [
  // п. 2 ч. 2 ст. 188 / пунктом 2 части 2 статьи 188 / ч.2 ст.188 / части второй статьи 190
  {
    re: new RegExp(`(?<!\\p{L})(?:${ruPoint}(\\d+|«[а-я]»|"[а-я]")\\s*,?\\s*)?(?:${ruPart}${num}\\s*,?\\s*)?${ruArticle}${art}(?![\\d-])`, 'giu'),
    read: (m) => ({ paragraph: m[1], part: m[2], article: m[3]! }),
  },
  // ст. 188 ч. 2 п. 2 (the order some courts use)
  {
    re: new RegExp(`(?<!\\p{L})${ruArticle}${art}\\s*,?\\s*${ruPart}(\\d+)(?:\\s*,?\\s*${ruPoint}(\\d+))?(?!\\s*,?\\s*(?:${ruPoint}\\d+\\s*,?\\s*)?ст(?:ать|\\.|\\s*\\d))`, 'giu'),
    read: (m) => ({ article: m[1]!, part: m[2], paragraph: m[3] }),
  },
  // 188-бабының 2-бөлігінің 2-тармағы / 188-баптың 2-бөлігі / 2-бөлігінің 4) тармағы (the code's own way of numbering items)
  {
    re: /(?<!\d)(\d+(?:-\d+)?)\s?-?\s?ба[пб]\p{L}*(?:\s+(\d+)\s?-?\s?бөлі\p{L}*)?(?:\s+(\d+)\)?\s?-?\s?тарма[қғ]\p{L}*)?/giu,
    read: (m) => ({ article: m[1]!, part: m[2], paragraph: m[3] }),
  },
  // paragraph 2 of part 2 of Article 188 / Article 188(2)(2) / Article 188, part 2, paragraph 2
  {
    re: new RegExp(
      `(?<!\\p{L})(?:(?:paragraph|para\\.?|item|clause)\\s*(\\d+)\\s+of\\s+)?(?:part\\s*(\\d+|${ordinal})\\s+of\\s+)?Art(?:icle|\\.)\\s*${art}(?:\\((\\d+)\\))?(?:\\((\\d+)\\))?(?:,?\\s*part\\s*(\\d+))?(?:,?\\s*(?:paragraph|para\\.?|item)\\s*(\\d+))?`,
      'giu',
    ),
    read: (m) => ({ paragraph: m[1] ?? m[5] ?? m[7], part: m[2] ?? m[4] ?? m[6], article: m[3]! }),
  },
];

interface CodeMention {
  readonly code: LegalCode;
  readonly start: number;
  readonly end: number;
}

function findCodes(text: string): CodeMention[] {
  const mentions: CodeMention[] = [];
  for (const [code, pattern] of codeNames) {
    const re = new RegExp(pattern.source, 'gu');
    for (const m of text.matchAll(re)) {
      if (mentions.some((x) => m.index < x.end && m.index + m[0].length > x.start)) continue;
      mentions.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** What may stand between two citations of one list, or between a list and the code named after it. */
const listGap = /^[\s,;]*(?:и|and|а также|,)?[\s,;]*$/iu;
const codeAfterGap = /^[\s,]*(?:(?:настоящего|данного)\s*)?$/iu;
const codeBeforeGap = /^(?:\s*(?:Республики Казахстан|РК|of the Republic of Kazakhstan)?\s*(?:-?нің|-?ның|-?тің|-?тың|-?дің|-?дың)?\s*,?\s*|\s*,\s*)$/iu;

/** Every citation in a text, in order, with the code each names (directly, or through its list). */
export function findCitations(text: string): FoundCitation[] {
  const raw: { article: string; part: number | null; paragraph: string | null; start: number; end: number }[] = [];
  for (const { re, read } of shapes) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (raw.some((r) => start < r.end && end > r.start && r.end - r.start >= end - start)) continue;
      for (let i = raw.length - 1; i >= 0; i -= 1) if (start < raw[i]!.end && end > raw[i]!.start) raw.splice(i, 1);
      const parts = read(m as RegExpExecArray);
      raw.push({ article: parts.article, part: partNumber(parts.part), paragraph: parts.paragraph ?? null, start, end });
    }
  }
  raw.sort((a, b) => a.start - b.start);
  const codes = findCodes(text);
  const result: FoundCitation[] = raw.map((r) => ({ ...r, code: null }));
  // Code named after a citation (Russian order), applied back to the list it closes.
  for (let i = 0; i < result.length; i += 1) {
    const citation = result[i]!;
    const after = codes.find((c) => c.start >= citation.end && c.start - citation.end <= 30 && codeAfterGap.test(text.slice(citation.end, c.start).replace(/(?:Республики Казахстан|РК)\s*$/u, '')));
    if (!after) continue;
    let j = i;
    result[j] = { ...result[j]!, code: after.code, end: Math.max(result[j]!.end, endOfCodeName(text, after)) };
    while (j > 0 && result[j - 1]!.code === null && listGap.test(text.slice(result[j - 1]!.end, result[j]!.start))) {
      j -= 1;
      result[j] = { ...result[j]!, code: after.code };
    }
  }
  // Code named before (Kazakh and English order): "ҚР ҚК-нің 188-бабы", "Criminal Code, Article 188".
  for (let i = 0; i < result.length; i += 1) {
    const citation = result[i]!;
    if (citation.code !== null) continue;
    const before = [...codes].reverse().find((c) => c.end <= citation.start && citation.start - c.end <= 40 && codeBeforeGap.test(text.slice(c.end, citation.start)));
    const ofAfter = codes.find((c) => c.start >= citation.end && /^\s*of\s+the\s*$/iu.test(text.slice(citation.end, c.start)));
    const code = before?.code ?? ofAfter?.code ?? (i > 0 && result[i - 1]!.code !== null && listGap.test(text.slice(result[i - 1]!.end, citation.start)) ? result[i - 1]!.code : null);
    if (code) result[i] = { ...citation, code, end: ofAfter ? ofAfter.end : citation.end };
  }
  return result;
}

/** Where a code's name ends, with "РК" / "Республики Казахстан" that follows it. */
function endOfCodeName(text: string, mention: CodeMention): number {
  const tail = /^\s*(?:Республики Казахстан|РК)(?!\p{L})/u.exec(text.slice(mention.end));
  return mention.end + (tail ? tail[0].length : 0);
}

/** The Criminal Code's Special Part starts at article 99: articles below it are general rules, not offences. */
export function isSpecialPartArticle(citation: Citation): boolean {
  return citation.code === 'criminal' || citation.code === null ? Number.parseInt(citation.article, 10) >= 99 : false;
}
