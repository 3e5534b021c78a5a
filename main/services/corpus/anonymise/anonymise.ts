/**
 * Anonymises a court text before anything of it is stored: every identifier and personal name is replaced by a
 * pseudonym that is stable within the document and says what it stands for ("[ПОДСУДИМЫЙ-1]", "[IIN-1]"), so that
 * the text still reads as a decision. Judges' names are kept where asked (a case type that needs the court).
 */
import { findIdentifiers, type Detection, type PiiCategory } from './identifiers.ts';
import { findNames } from './names.ts';

/** One replaced span, in the original text's offsets. */
export interface Replacement {
  readonly category: PiiCategory;
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** The anonymised text and what was replaced. */
export interface Anonymised {
  readonly text: string;
  readonly spans: Replacement[];
}

/** Options: keep the names of judges (default yes: the court and its judge are public in a decision). */
export interface AnonymiseOptions {
  readonly keepJudges?: boolean;
}

const labels: Record<Exclude<PiiCategory, 'PERSON'>, string> = {
  IIN: 'IIN',
  PHONE: 'ТЕЛЕФОН',
  EMAIL: 'EMAIL',
  IBAN: 'IBAN',
  PLATE: 'ГРНЗ',
  DOCUMENT: 'ДОКУМЕНТ',
  ADDRESS: 'АДРЕС',
  BIRTHDATE: 'ДАТА-РОЖДЕНИЯ',
};

// Where two detections overlap, the more specific wins: a checksum-valid IIN over a phone, a name over an address word.
const priority: Record<PiiCategory, number> = { EMAIL: 9, IBAN: 8, IIN: 7, DOCUMENT: 6, PHONE: 5, BIRTHDATE: 4, PLATE: 3, PERSON: 2, ADDRESS: 1 };

/** Every detection of a text, overlaps resolved (higher priority, then longer, first). */
export function detect(text: string, options: AnonymiseOptions = {}): Detection[] {
  const keepJudges = options.keepJudges ?? true;
  const candidates = [...findIdentifiers(text), ...findNames(text).filter((d) => !(keepJudges && d.role === 'СУДЬЯ'))];
  candidates.sort((a, b) => priority[b.category] - priority[a.category] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Detection[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces the personal data of a text by pseudonyms numbered per category (per role for persons) in order of appearance. */
export function anonymise(text: string, options: AnonymiseOptions = {}): Anonymised {
  const detections = detect(text, options);
  const numbers = new Map<string, number>();
  const assigned = new Map<string, string>();
  const spans: Replacement[] = [];
  for (const d of detections) {
    const label = d.category === 'PERSON' ? (d.role ?? 'ЛИЦО') : labels[d.category];
    // The same value (or the same person) gets the same pseudonym throughout the document.
    const identity = d.category === 'PERSON' ? `PERSON:${d.key}` : `${d.category}:${text.slice(d.start, d.end).replace(/\W/gu, '').toUpperCase()}`;
    let replacement = assigned.get(identity);
    if (!replacement) {
      const n = (numbers.get(label) ?? 0) + 1;
      numbers.set(label, n);
      replacement = `[${label}-${n}]`;
      assigned.set(identity, replacement);
    }
    spans.push({ category: d.category, start: d.start, end: d.end, replacement });
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return { text: out + text.slice(at), spans };
}
