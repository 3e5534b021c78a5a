/**
 * Splits the consolidated text of a code (as published by the Institute of Legislation) into articles and their
 * numbered parts, with each article's heading and the section and chapter it stands in. The publisher's apparatus
 * (footnotes, amendment notes) is left out as the statute assets leave it out (decision/statute-text.ts).
 */
import { cleanLines } from '../decision/statute-text.ts';

/** The language of a code's text. */
export type LawLanguage = 'ru' | 'kk';

/** One numbered part of an article ("1", "2-1"), or the whole body as part "" when the article has no numbered parts. */
export interface ParsedPart {
  readonly part: string;
  readonly text: string;
}

/** One article: its number ("188", "120-1"), heading, where it stands, its parts and its whole cleaned text. */
export interface ParsedArticle {
  readonly article: string;
  readonly heading: string;
  readonly section: string;
  readonly chapter: string;
  readonly parts: readonly ParsedPart[];
  readonly text: string;
}

interface Headers {
  readonly article: RegExp;
  readonly chapter: RegExp;
  readonly section: RegExp;
}

// Russian: "Статья 188. Кража" (the Constitution: "Статья 1" alone); Kazakh: "188-бап. Ұрлық".
const headers: Record<LawLanguage, Headers> = {
  ru: {
    article: /^\s*Статья (\d+(?:-\d+)*)(?:\.\s*(.*?))?\s*$/,
    chapter: /^\s*(Глава|ГЛАВА) \d+(-\d+)?\.?/,
    section: /^\s*((Раздел|РАЗДЕЛ) [\dIVXLC]+(-\d+)?\.?|(ОБЩАЯ|ОСОБЕННАЯ) ЧАСТЬ\s*$)/,
  },
  kk: {
    article: /^\s*(\d+(?:-\d+)*)-бап\.?\s*(.*?)\s*$/,
    chapter: /^\s*\d+(-\d+)?-тарау\.?/,
    section: /^\s*(\d+(-\d+)?-(бөлім|БӨЛІМ)\.?|(ЖАЛПЫ|ЕРЕКШЕ) БӨЛІМ\s*$)/,
  },
};

const partStart = /^(\d+(?:-\d+)?)\. /;

/** Splits a code's text into its articles, in the order they appear. */
export function parseCode(source: string, language: LawLanguage = 'ru'): ParsedArticle[] {
  const h = headers[language];
  const lines = source.split(/\r?\n/);
  const articles: ParsedArticle[] = [];
  let section = '';
  let chapter = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (h.section.test(line)) section = headingLine(lines, i);
    else if (h.chapter.test(line)) chapter = headingLine(lines, i);
    const match = h.article.exec(line);
    if (!match) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !h.article.test(lines[end]!) && !h.chapter.test(lines[end]!) && !h.section.test(lines[end]!)) end += 1;
    articles.push(buildArticle(match[1]!, (match[2] ?? '').trim(), section, chapter, lines.slice(i + 1, end)));
    i = end;
  }
  return articles;
}

/** A section or chapter heading, with the title on the next line where the header line holds only the number. */
function headingLine(lines: readonly string[], at: number): string {
  const line = lines[at]!.replace(/\s+/g, ' ').trim();
  const next = lines[at + 1]?.replace(/\s+/g, ' ').trim() ?? '';
  const glue = line.split(' ').length <= 2 && !/ЧАСТЬ$|БӨЛІМ$/.test(line) && next && !/^(Статья |Глава |ГЛАВА |\d+-(бап|тарау))/.test(next);
  return glue ? `${line} ${next}` : line;
}

function buildArticle(article: string, heading: string, section: string, chapter: string, body: readonly string[]): ParsedArticle {
  const cleaned = cleanLines(body);
  const parts: { part: string; text: string }[] = [];
  const preamble: string[] = [];
  for (const line of cleaned) {
    // The notes after the parts are numbered too; they are not parts.
    if (parts.length > 0 && /^Примечани|^Ескертпе/.test(line)) break;
    const start = partStart.exec(line);
    if (start && !parts.some((p) => p.part === start[1])) parts.push({ part: start[1]!, text: line });
    else if (parts.length > 0) parts[parts.length - 1]!.text += `\n${line}`;
    else preamble.push(line);
  }
  if (parts.length === 0) parts.push({ part: '', text: preamble.join('\n') });
  return { article, heading, section, chapter, parts, text: cleaned.join('\n') };
}

/** A sort key for article numbers: "120-1" after "120", before "121". */
export function articleOrder(article: string): number {
  const [main = '0', sub = '0', subsub = '0'] = article.split('-');
  return Number(main) * 1_000_000 + Number(sub) * 1_000 + Number(subsub);
}
