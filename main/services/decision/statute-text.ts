/**
 * Article texts from the official consolidated Russian text of a Kazakh code (as published by the Institute of
 * Legislation, adilet.zan.kz): the article and its parts, with the publisher's footnotes (amendment notes, law
 * numbers, "in force from" remarks, hyperlink fragments) left out, so that what a judge reads is the norm itself.
 * Used by scripts/extract-statutes.ts to write the text into the statute assets, and at run time to show the text
 * from the source file when it is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Lines that belong to the publisher's apparatus, not to the norm. */
const noise = [
  /^Сноска/,
  /^Примечание (ИЗПИ|РЦПИ)/,
  /^№\s*\S+/,
  /^\(?вводится/,
  /^\(?порядок введения/,
  /^\($/,
  /^\)[.,;]?$/,
  /^ст\.\s*\d/,
  /^Действие (статьи|части|пункта)/,
  /^приостановлено/,
];

/** An article: its heading and its text split by parts ("1", "2", …); `whole` is the full cleaned text. */
export interface ArticleText {
  readonly article: string;
  readonly heading: string;
  readonly whole: string;
  readonly parts: Readonly<Record<string, string>>;
}

/** An article's lines without the publisher's apparatus, with hyperlink fragments glued back into their sentences. */
export function cleanLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '' || noise.some((re) => re.test(line))) continue;
    // Hyperlinked references are split over several lines ("статьи\n56\n настоящего"): glue short fragments back.
    const previous = kept[kept.length - 1];
    const continues = /^[,;:.)]/.test(line) || /^\d+(-\d+)?[,.]?$/.test(line) || (/^[а-яё]/.test(line) && !/^наказыва/.test(line));
    if (previous !== undefined && continues && !/[.;:–—]$/.test(previous)) {
      kept[kept.length - 1] = `${previous} ${line}`.replace(/ ([,;:.)])/g, '$1');
      continue;
    }
    kept.push(line);
  }
  return kept;
}

/** Finds one article in the code's text; null when the code has no such article. */
export function extractArticle(source: string, article: string): ArticleText | null {
  const lines = source.split(/\r?\n/);
  const header = new RegExp(`^\\s*Статья ${article.replace('-', '\\-')}\\. `);
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^\s*(Статья \d+(-\d+)?\. |Глава \d+\. |РАЗДЕЛ )/.test(lines[end]!)) end += 1;
  const cleaned = cleanLines(lines.slice(start, end));
  const heading = cleaned[0]!;
  const parts: Record<string, string> = {};
  let current: string | null = null;
  for (const line of cleaned.slice(1)) {
    // The notes after the parts are numbered too; they are not parts.
    if (/^Примечани/.test(line)) break;
    const part = /^(\d+(-\d+)?)\. /.exec(line);
    if (part) current = part[1]!;
    if (current !== null) parts[current] = parts[current] ? `${parts[current]}\n${line}` : line;
  }
  return { article, heading, whole: cleaned.join('\n'), parts };
}

/** The shared legal texts folder beside the repository (`../shared/data/legal`), or null when absent. */
export function sharedLegalDir(): string | null {
  for (const up of ['../../../../', '../../../../../']) {
    const dir = fileURLToPath(new URL(`${up}shared/data/legal/`, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return null;
}

/** A shipped asset path, from the source tree or the built tree (as the case types are found). */
export function assetPath(relative: string): string {
  const candidates = ['../../../', '../../../../'].map((up) => fileURLToPath(new URL(`${up}assets/decision/${relative}`, import.meta.url)));
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

/** Reads a code's text from a legal folder, or null when the file is not there. */
export function readCodeText(dir: string | null, file: string): string | null {
  if (!dir) return null;
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** The part of a statute asset that holds extracted texts: articles' parts and whole General Part articles. */
export interface StatuteTexts {
  source: { file: string; sha256: string };
  generalTexts: Record<string, string>;
  articles: Record<string, { parts: Record<string, { text: string }> }>;
}

/** Fills a statute asset's texts from the code's source text (what scripts/extract-statutes.ts writes). */
export function fillStatuteTexts<T extends StatuteTexts>(asset: T, source: string, sourceSha256: string): T {
  const copy = structuredClone(asset);
  copy.source.sha256 = sourceSha256;
  const article = (n: string): ArticleText => {
    const found = extractArticle(source, n);
    if (!found) throw new Error(`${asset.source.file}: no article ${n}`);
    return found;
  };
  for (const n of Object.keys(copy.generalTexts)) copy.generalTexts[n] = article(n).whole;
  for (const [n, entry] of Object.entries(copy.articles)) {
    const found = article(n);
    for (const [p, part] of Object.entries(entry.parts)) {
      const text = found.parts[p];
      if (!text) throw new Error(`${asset.source.file}: article ${n} has no part ${p}`);
      part.text = text;
    }
  }
  return copy;
}
