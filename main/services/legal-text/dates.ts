/**
 * Calendar dates as Kazakh court documents write them, in Russian, Kazakh and English: "12.03.2024", "2024-03-12",
 * "«12» марта 2024 года", "2024 жылғы 12 наурызда", "12 наурыз 2024 ж.", "12 March 2024", "March 12, 2024".
 * Each found date is an ISO day with the span it came from; impossible days (31 April) are not dates.
 */

/** A date found in a text: the ISO day and where it stands. */
export interface FoundDate {
  readonly iso: string;
  readonly start: number;
  readonly end: number;
  /** The date is someone's birth date ("1990 года рождения", "г.р.", "туған"): never an event of the case. */
  readonly birth: boolean;
}

const ruMonths = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const kkMonths = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const enMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const ruMonth = String.raw`(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)`;
const kkMonth = `(?:${kkMonths.join('|')})\\p{L}*`;
const enMonth = `(?:${enMonths.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const day = String.raw`(?:«\s*)?(\d{1,2})(?:\s*»)?`;
const year = String.raw`(\d{4})`;

const patterns: ReadonlyArray<{ re: RegExp; order: 'dmy' | 'ymd' | 'mdy'; monthName: boolean }> = [
  { re: /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/gu, order: 'dmy', monthName: false },
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu, order: 'ymd', monthName: false },
  { re: new RegExp(`${day}\\s+(${ruMonth})\\s+${year}(?:\\s*(?:года|г\\.|год))?`, 'giu'), order: 'dmy', monthName: true },
  { re: new RegExp(`${year}\\s*(?:жылғы|жылы|ж\\.)\\s*${day}\\s+(${kkMonth})`, 'giu'), order: 'ymd', monthName: true },
  { re: new RegExp(`${day}\\s+(${kkMonth})\\s+${year}(?:\\s*(?:жылғы|жылы|ж\\.))?`, 'giu'), order: 'dmy', monthName: true },
  { re: new RegExp(`(?<!\\p{L})${day}\\s+(${enMonth})\\s+${year}`, 'giu'), order: 'dmy', monthName: true },
  { re: new RegExp(`(?<!\\p{L})(${enMonth})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${year}`, 'giu'), order: 'mdy', monthName: true },
];

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const en = enMonths.findIndex((m) => m.startsWith(lower) || lower.startsWith(m));
  if (/^[a-z]/.test(lower)) return en + 1;
  const kk = kkMonths.findIndex((m) => lower.startsWith(m));
  if (kk >= 0) return kk + 1;
  // "мая" is the only month whose stem is two letters: test it last so "март" wins.
  const ru = ruMonths.findIndex((m, i) => i !== 4 && lower.startsWith(m));
  if (ru >= 0) return ru + 1;
  return lower === 'мая' ? 5 : 0;
}

/** The ISO day for a year, month and day, or null when no such day exists. */
export function isoDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const birthAfter = /^\s*(?:года\s+рождения|г\.\s*р\.|г\.р\.|года\s+рожд|ж\.\s*т\.|жылы\s+туған|туған|born)/iu;
const birthBefore = /(?:рождения|родивш\p{L}*|туған|born(?:\s+on)?|дата рождения:?)\s*$/iu;

/** Every date in a text, in order of position, each once (the longest reading where patterns overlap). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, order, monthName } of patterns) {
    for (const match of text.matchAll(re)) {
      const [a, b, c] = [match[1]!, match[2]!, match[3]!];
      let y: number;
      let m: number;
      let d: number;
      if (order === 'dmy') [d, m, y] = [Number(a), monthName ? monthNumber(b) : Number(b), Number(c)];
      else if (order === 'ymd') [y, m, d] = monthName ? [Number(a), monthNumber(c), Number(b)] : [Number(a), Number(b), Number(c)];
      else [m, d, y] = [monthNumber(a), Number(b), Number(c)];
      const iso = isoDay(y, m, d);
      if (!iso) continue;
      const start = match.index;
      const end = start + match[0].length;
      const birth = birthAfter.test(text.slice(end, end + 24)) || birthBefore.test(text.slice(Math.max(0, start - 30), start));
      found.push({ iso, start, end, birth });
    }
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: FoundDate[] = [];
  for (const date of found) {
    const last = kept[kept.length - 1];
    if (last && date.start < last.end) continue;
    kept.push(date);
  }
  return kept;
}
