/**
 * Sums of money in tenge and in monthly calculation indices (MRP/АЕК/MCI), with digits, words or both:
 * "400 000 (четыреста тысяч) тенге", "1,5 млн тг", "екі жүз мың теңге", "100 МРП", "50 айлық есептік көрсеткіш".
 */
import { numberPattern, parseNumber } from './numerals.ts';

/** The unit of a sum: tenge or monthly calculation indices. */
export type MoneyUnit = 'KZT' | 'MRP';

/** A sum found in a text: value, unit, span, and whether digits and words (when both given) agree. */
export interface FoundAmount {
  readonly value: number;
  readonly unit: MoneyUnit;
  readonly start: number;
  readonly end: number;
  readonly agrees: boolean | null;
}

const tenge = String.raw`(?:тенге|теңге|тңг|тг\.?|₸|KZT|tenge)`;
const mrp = String.raw`(?:МРП|АЕК|MCI|MRP|месячн\p{L}*\s+расчетн\p{L}*\s+показател\p{L}*|айлық\s+есептік\s+көрсеткіш\p{L}*|monthly\s+calculation\s+ind(?:ex|ices))`;
const amountRe = new RegExp(`(?:(KZT|₸)\\s*)?(${numberPattern})\\s*(?:(${tenge})|(${mrp}))?(?![\\p{L}])`, 'giu');

/** Every sum of money in a text, in order; bare numbers (no unit) are not sums. */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(amountRe)) {
    const prefix = m[1];
    const unitTenge = m[3];
    const unitMrp = m[4];
    if (!prefix && !unitTenge && !unitMrp) continue;
    // "450,000" is a decimal only in a numeral's general reading: tenge have two decimals (tiyn), never three, so in
    // a sum of tenge a comma before three digits groups thousands, as English writes them.
    const grouped = !unitMrp && /^\d{1,3},\d{3}$/.test(m[2]!.trim());
    const parsed = grouped ? { value: Number(m[2]!.trim().replace(',', '')), agrees: null } : parseNumber(m[2]!);
    if (!parsed || parsed.value <= 0) continue;
    out.push({ value: parsed.value, unit: unitMrp ? 'MRP' : 'KZT', start: m.index, end: m.index + m[0].length, agrees: parsed.agrees });
  }
  return out;
}

/**
 * The MRP in tenge by year, as the annual republican budget laws set it (2022: from 1 June 3 180; the figure for
 * the first months is used for the whole year, because a judge's conversion follows the date of the offence and a
 * few tenge do not change the category).
 */
const mrpByYear: Readonly<Record<number, number>> = {
  2015: 1982, 2016: 2121, 2017: 2269, 2018: 2405, 2019: 2525, 2020: 2778, 2021: 2917, 2022: 3063, 2023: 3450, 2024: 3692,
  2025: 3932, 2026: 4325,
};

/** The MRP for a year; years outside the table take the nearest known year's value. */
export function mrpOfYear(year: number): number {
  const years = Object.keys(mrpByYear).map(Number);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return mrpByYear[Math.min(last, Math.max(first, year))]!;
}
