/**
 * Identifiers with a fixed shape: Kazakhstan IIN/BIN (checksum-validated, so that a 12-digit case or account number
 * is not taken for one), phone numbers, e-mail, IBAN (KZ), vehicle plates, identity-document numbers and dates of
 * birth (a date is personal only where the text says it is one of birth).
 */

/** A category of personal data the anonymiser replaces. */
export type PiiCategory = 'IIN' | 'PHONE' | 'EMAIL' | 'IBAN' | 'PLATE' | 'DOCUMENT' | 'ADDRESS' | 'BIRTHDATE' | 'PERSON';

/** A span of text found to be personal data. */
export interface Detection {
  readonly category: PiiCategory;
  readonly start: number;
  readonly end: number;
  /** For persons: the role the text gives them ("ПОДСУДИМЫЙ", "ПОТЕРПЕВШИЙ", …), and a key that is the same for every mention. */
  readonly role?: string;
  readonly key?: string;
}

const weights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const weights2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Whether 12 digits are a valid IIN or BIN: the control digit by the two-pass weighted sum modulo 11. */
export function validIinBin(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  let control = weights1.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  if (control === 10) control = weights2.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11;
  return control !== 10 && control === d[11];
}

interface Pattern {
  readonly category: PiiCategory;
  readonly re: RegExp;
  /** The capture group that is the personal data (default: the whole match). */
  readonly group?: number;
  readonly accept?: (value: string) => boolean;
}

// Letters as the Kazakh and Russian alphabets have them, for word boundaries that \b (ASCII-only) does not give.
const L = 'А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіA-Za-z';
const notWord = `(?<![${L}\\d])`;
const notWordAfter = `(?![${L}\\d])`;
const months = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан';
const date = `(?:\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}|\\d{1,2}\\s+(?:${months})\\s+(?:19|20)\\d{2})(?:\\s*(?:г\\.|года|ж\\.|жылы))?`;

const patterns: readonly Pattern[] = [
  { category: 'EMAIL', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { category: 'IBAN', re: new RegExp(`${notWord}KZ\\d{2}(?:\\s?[A-Z0-9]{4}){4}${notWordAfter}`, 'g') },
  { category: 'IIN', re: new RegExp(`${notWord}(\\d{12})${notWordAfter}`, 'g'), group: 1, accept: validIinBin },
  // +7 700 123 45 67, 8 (701) 123-45-67, 87011234567, +77011234567; city numbers 8 (7172) 12-34-56
  {
    category: 'PHONE',
    re: new RegExp(`(?<![\\d+])(?:\\+7|8)[\\s-]?(?:\\(\\d{3,4}\\)|\\d{3,4})[\\s-]?\\d{2,3}[\\s-]?\\d{2}[\\s-]?\\d{2}${notWordAfter}`, 'g'),
    accept: (v) => v.replace(/\D/g, '').length === 11,
  },
  // Kazakhstan plates: 123 ABC 01, 123ABC02, 01 123 ABC (older regional format), with Latin or look-alike Cyrillic letters.
  { category: 'PLATE', re: new RegExp(`${notWord}(?:\\d{3}\\s?[A-ZАВЕКМНОРСТУХ]{2,3}\\s?\\d{2}|\\d{2}\\s?\\d{3}\\s?[A-ZАВЕКМНОРСТУХ]{2,3}|[A-ZАВЕКМНОРСТУХ]\\s?\\d{3}\\s?[A-ZАВЕКМНОРСТУХ]{2,3})${notWordAfter}`, 'g') },
  // Identity documents: "удостоверение личности № 012345678", "паспорт N12345678", "жеке куәлік № 012345678".
  {
    category: 'DOCUMENT',
    re: /((?:удостоверени[а-я]+ личности|паспорт[а-я]*|вод[а-я]+ удостоверени[а-я]+|жеке куәлі[а-яәғқңөұүһі]*|свидетельств[а-я]* о рождении|техническ[а-я]+ паспорт[а-я]*)\s*(?:серии\s*[A-ZА-Я]{1,2}\s*)?(?:№|N|No\.?|нөмірі)?\s*)([A-ZА-Я]{0,2}\s?\d{6,9})/giu,
    group: 2,
  },
  {
    category: 'BIRTHDATE',
    re: new RegExp(`((?:родивш[а-я]+ся|родился|родилась|дата рождения|г\\.\\s?р\\.|года рождения|туған күні|туған)[:,]?\\s*)(${date})`, 'giu'),
    group: 2,
  },
  {
    category: 'BIRTHDATE',
    re: new RegExp(`(${date})(\\s*(?:года рождения|г\\.\\s?р\\.|жылы туған|ж\\.\\s?т\\.))`, 'giu'),
    group: 1,
  },
  // Street, house and flat: "ул. Абая, д. 12, кв. 34", "проспект Республики 24-17", "мкр. Самал-2, дом 5", "Абай көшесі, 12-үй, 34-пәтер".
  {
    category: 'ADDRESS',
    re: new RegExp(
      `${notWord}(?:(?:ул\\.|улиц[аеыу]|пр\\.|просп\\.|проспект[аеу]?|пер\\.|переул[а-я]+|мкр\\.|микрорайон[аеу]?|бульвар[аеу]?|б-р|шоссе|трасс[аеы])\\s*[${L}0-9-]+(?:\\s+[${L}][${L}-]*){0,2}(?:,?\\s*(?:д\\.|дом[аеу]?|уч\\.)?\\s*\\d+[А-Яа-я]?(?:[/-]\\d+)?)(?:,?\\s*(?:кв\\.|квартир[аеуы])\\s*\\d+)?|[${L}]+(?:\\s+[${L}]+)?\\s+(?:көшесі|даңғылы|шағын ауданы)[${L}]*,?\\s*\\d+[${L}]?(?:-үй)?(?:,?\\s*\\d+-пәтер)?)`,
      'gu',
    ),
  },
];

/** Finds the identifiers of a text (every category but addresses and persons). */
export function findIdentifiers(text: string): Detection[] {
  const found: Detection[] = [];
  for (const p of patterns) {
    for (const m of text.matchAll(new RegExp(p.re.source, `${p.re.flags}d`))) {
      const value = p.group ? m[p.group] : m[0];
      if (value === undefined || (p.accept && !p.accept(value))) continue;
      const start = p.group ? m.indices![p.group]![0] : m.index;
      found.push({ category: p.category, start, end: start + value.length });
    }
  }
  return found;
}
