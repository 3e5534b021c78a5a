/**
 * Numbers as court documents write them: digits with space, dot or comma grouping ("1 500 000,50", "1.500.000"),
 * and numerals in words in Russian (every case form), Kazakh and English ("двух лет", "екі жүз елу мың",
 * "two hundred and fifty thousand"), alone or together ("1,5 млн", "400 тысяч").
 */

const units: Readonly<Record<string, number>> = {};
const scales: Readonly<Record<string, number>> = {};

function add(target: Record<string, number>, value: number, forms: string): void {
  for (const form of forms.split(' ')) target[form] = value;
}

/** Russian stems whose case forms end in -ь/-и/-ью (пять, пяти, пятью). */
const softStems: ReadonlyArray<[number, string]> = [
  [5, 'пят'], [6, 'шест'], [7, 'сем'], [8, 'восем'], [9, 'девят'], [10, 'десят'],
  [11, 'одиннадцат'], [12, 'двенадцат'], [13, 'тринадцат'], [14, 'четырнадцат'], [15, 'пятнадцат'], [16, 'шестнадцат'],
  [17, 'семнадцат'], [18, 'восемнадцат'], [19, 'девятнадцат'], [20, 'двадцат'], [30, 'тридцат'],
];

const wordTable = units as Record<string, number>;
const scaleTable = scales as Record<string, number>;
add(wordTable, 0, 'ноль нуля нөл zero');
add(wordTable, 1, 'один одна одно одного одной одну одним одном');
add(wordTable, 2, 'два две двух двум двумя');
add(wordTable, 3, 'три трех трёх трем трём тремя');
add(wordTable, 4, 'четыре четырех четырёх четырем четырём четырьмя');
for (const [value, stem] of softStems) add(wordTable, value, `${stem}ь ${stem}и ${stem}ью`);
add(wordTable, 8, 'восьми восьмью');
add(wordTable, 40, 'сорок сорока');
add(wordTable, 50, 'пятьдесят пятидесяти пятьюдесятью');
add(wordTable, 60, 'шестьдесят шестидесяти');
add(wordTable, 70, 'семьдесят семидесяти');
add(wordTable, 80, 'восемьдесят восьмидесяти');
add(wordTable, 90, 'девяносто девяноста');
add(wordTable, 100, 'сто ста');
add(wordTable, 200, 'двести двухсот двумстам');
add(wordTable, 300, 'триста трехсот трёхсот');
add(wordTable, 400, 'четыреста четырехсот четырёхсот');
add(wordTable, 500, 'пятьсот пятисот');
add(wordTable, 600, 'шестьсот шестисот');
add(wordTable, 700, 'семьсот семисот');
add(wordTable, 800, 'восемьсот восьмисот');
add(wordTable, 900, 'девятьсот девятисот');
add(wordTable, 1.5, 'полтора полторы полутора');
// Kazakh: bases only; the noun after the numeral takes the case ending ("екі жылға").
add(wordTable, 1, 'бір');
add(wordTable, 2, 'екі');
add(wordTable, 3, 'үш');
add(wordTable, 4, 'төрт');
add(wordTable, 5, 'бес');
add(wordTable, 6, 'алты');
add(wordTable, 7, 'жеті');
add(wordTable, 8, 'сегіз');
add(wordTable, 9, 'тоғыз');
add(wordTable, 10, 'он');
add(wordTable, 20, 'жиырма');
add(wordTable, 30, 'отыз');
add(wordTable, 40, 'қырық');
add(wordTable, 50, 'елу');
add(wordTable, 60, 'алпыс');
add(wordTable, 70, 'жетпіс');
add(wordTable, 80, 'сексен');
add(wordTable, 90, 'тоқсан');
add(wordTable, 0.5, 'жарым');
// English.
add(wordTable, 1, 'one');
add(wordTable, 2, 'two');
add(wordTable, 3, 'three');
add(wordTable, 4, 'four');
add(wordTable, 5, 'five');
add(wordTable, 6, 'six');
add(wordTable, 7, 'seven');
add(wordTable, 8, 'eight');
add(wordTable, 9, 'nine');
add(wordTable, 10, 'ten');
add(wordTable, 11, 'eleven');
add(wordTable, 12, 'twelve');
add(wordTable, 13, 'thirteen');
add(wordTable, 14, 'fourteen');
add(wordTable, 15, 'fifteen');
add(wordTable, 16, 'sixteen');
add(wordTable, 17, 'seventeen');
add(wordTable, 18, 'eighteen');
add(wordTable, 19, 'nineteen');
add(wordTable, 20, 'twenty');
add(wordTable, 30, 'thirty');
add(wordTable, 40, 'forty');
add(wordTable, 50, 'fifty');
add(wordTable, 60, 'sixty');
add(wordTable, 70, 'seventy');
add(wordTable, 80, 'eighty');
add(wordTable, 90, 'ninety');

add(scaleTable, 100, 'жүз hundred');
add(scaleTable, 1000, 'тысяча тысячи тысяч тысячу тысячами тысячам тыс тыс. мың thousand');
add(scaleTable, 1e6, 'миллион миллиона миллионов млн млн. million mln');
add(scaleTable, 1e9, 'миллиард миллиарда миллиардов млрд млрд. миллиард billion bn');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numeralWords = [...Object.keys(units), ...Object.keys(scales)].sort((a, b) => b.length - a.length).map(escape);
const word = `(?:${numeralWords.join('|')})`;
/**
 * A digit group: "1 500 000,50", "1.500.000", "1,500,000.50" (English grouping, only with two or more groups, since
 * "2,500" is a decimal in Russian), "1500000", "2,5".
 */
export const digitPattern = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2})?(?!\d)|\d{1,3}(?:,\d{3}){2,}(?:\.\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?`;
const letterEdgeBefore = String.raw`(?<![\p{L}\d])`;
const letterEdgeAfter = String.raw`(?![\p{L}\d])`;
const token = `(?:${digitPattern}|${word}${letterEdgeAfter})`;
/**
 * A whole number expression: digits or numeral words joined by spaces, hyphens and "и"/"and", optionally followed
 * by the same number in words in brackets ("2 (два)"); used as a building block by the other extractors.
 */
export const numberPattern = `${letterEdgeBefore}${token}(?:(?:[ \\u00a0-]+|\\s+(?:and|и)\\s+)${token})*(?:\\s*\\((?:[^()\\d]{1,80})\\))?`;

function digitsValue(text: string): number {
  const compact = text.replace(/[ \u00a0\u202f]/g, '');
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(compact)) return Number(compact.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ''));
  return Number(compact.replace(',', '.'));
}

/** Sums numeral tokens the way all three languages compose them (hundreds and thousands multiply what precedes). */
function compose(values: readonly { value: number; scale: boolean }[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const { value, scale } of values) {
    seen = true;
    if (!scale) {
      current += value;
    } else if (value === 100) {
      current = (current || 1) * 100;
    } else {
      total += (current || 1) * value;
      current = 0;
    }
  }
  return seen ? total + current : null;
}

/** The tokens of a number expression without its bracketed words: each a numeral value or a scale. */
function tokensOf(text: string): { value: number; scale: boolean }[] | null {
  const out: { value: number; scale: boolean }[] = [];
  const re = new RegExp(`${digitPattern}|[\\p{L}.]+`, 'gu');
  for (const match of text.matchAll(re)) {
    const raw = match[0];
    if (/^\d/.test(raw)) {
      out.push({ value: digitsValue(raw), scale: false });
      continue;
    }
    const lower = raw.toLowerCase().replace(/\.$/, (dot) => (scales[raw.toLowerCase()] !== undefined ? dot : ''));
    if (lower === 'и' || lower === 'and') continue;
    if (units[lower] !== undefined) out.push({ value: units[lower], scale: false });
    else if (scales[lower] !== undefined) out.push({ value: scales[lower], scale: true });
    else return null;
  }
  return out;
}

/** What a number expression says; `agrees` is false when digits and bracketed words disagree, null when not both. */
export interface ParsedNumber {
  readonly value: number;
  readonly agrees: boolean | null;
}

/** Reads a number expression matched by `numberPattern`; null when it is not one (two digit groups in a row). */
export function parseNumber(text: string): ParsedNumber | null {
  const bracket = /\(([^()]*)\)\s*$/.exec(text);
  const head = bracket ? text.slice(0, bracket.index) : text;
  const tokens = tokensOf(head);
  if (!tokens || tokens.length === 0) return null;
  // Two separate digit groups in a row ("2 6") are not one numeral.
  if (/\d[ \u00a0-]+\d/.test(head.replace(new RegExp(digitPattern, 'g'), (m) => m.replace(/[ \u00a0\u202f]/g, '')))) return null;
  const value = compose(tokens);
  if (value === null || !Number.isFinite(value)) return null;
  let agrees: boolean | null = null;
  if (bracket) {
    const words = tokensOf(bracket[1]!.replace(/[,;]/g, ' '));
    const inWords = words && words.length > 0 ? compose(words) : null;
    agrees = inWords === null ? null : Math.abs(inWords - value) < 1e-9;
  }
  return { value: Math.round(value * 100) / 100, agrees };
}
