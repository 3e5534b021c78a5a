/**
 * Terms in years and months, digits or words, Russian, Kazakh and English: "2 (два) года 6 (шесть) месяцев",
 * "полтора года", "бір жыл алты айға", "5 years and 6 months". Hours ("200 часов", "200 сағат") for community
 * service.
 */
import { numberPattern, parseNumber } from './numerals.ts';

/** A term found in a text, in months, with its span. */
export interface FoundDuration {
  readonly months: number;
  readonly start: number;
  readonly end: number;
  readonly agrees: boolean | null;
}

const yearWord = String.raw`(?:год|года|году|годам|лет|жыл\p{L}*|years?)`;
const monthWord = String.raw`(?:месяц\p{L}*|ай(?:ға|дан|ы|лық)?|months?)`;
const durationRe = new RegExp(
  `(${numberPattern})\\s*(?:(${yearWord})(?!\\p{L})(?:,?\\s+(?:и\\s+|and\\s+)?(${numberPattern})\\s*${monthWord}(?!\\p{L}))?|${monthWord}(?!\\p{L}))`,
  'giu',
);

/** Every term in a text, in order. */
export function findDurations(text: string): FoundDuration[] {
  const out: FoundDuration[] = [];
  for (const m of text.matchAll(durationRe)) {
    const first = parseNumber(m[1]!);
    if (!first) continue;
    const hasYears = m[2] !== undefined;
    const second = m[3] !== undefined ? parseNumber(m[3]) : null;
    if (m[3] !== undefined && !second) continue;
    const months = hasYears ? first.value * 12 + (second?.value ?? 0) : first.value;
    // A four-digit "year" is a calendar year ("2024 года"), not a term.
    if (hasYears && first.value >= 100) continue;
    const agreements = [first.agrees, second?.agrees ?? null].filter((a): a is boolean => a !== null);
    out.push({ months: Math.round(months * 100) / 100, start: m.index, end: m.index + m[0].length, agrees: agreements.length ? agreements.every(Boolean) : null });
  }
  return out;
}

const hoursRe = new RegExp(`(${numberPattern})\\s*(?:час(?:а|ов)?|сағат\\p{L}*|hours?)(?!\\p{L})`, 'giu');

/** Every count of hours in a text, in order. */
export function findHours(text: string): { hours: number; start: number; end: number }[] {
  const out: { hours: number; start: number; end: number }[] = [];
  for (const m of text.matchAll(hoursRe)) {
    const parsed = parseNumber(m[1]!);
    if (parsed) out.push({ hours: parsed.value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
