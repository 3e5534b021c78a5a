/**
 * Word stems for full-text search of legal texts in Russian and Kazakh. Russian uses the Snowball Russian stemmer
 * (@orama/stemmers, a maintained port of the Snowball algorithms). Snowball has no Kazakh stemmer, so Kazakh uses a
 * light suffix-stripping stemmer: case endings, then possessive endings, then the plural, each stripped at most once
 * from the end while at least three letters remain, and the voiced final consonant that a vowel ending leaves
 * (бөлігі → бөліг) put back to its dictionary form (бөлік). The suffix lists follow the standard grammar of Kazakh
 * nominal inflection (plural -лар/-лер/-дар/-дер/-тар/-тер; possessive -ым/-ім/-ың/-ің/-ы/-і/-сы/-сі/-мыз/-міз;
 * the seven cases with their vowel-harmony and assimilation variants).
 */
import { stemmer as snowballRussian } from '@orama/stemmers/russian';

const kazakhLetters = /[әғқңөұүһі]/;

// Longest first within each group, so that "-ның" is tried before "-ң".
const byLength = (suffixes: readonly string[]) => [...suffixes].sort((a, b) => b.length - a.length);
const kazakhCase = byLength([
  // genitive
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  // dative
  'ға', 'ге', 'қа', 'ке', 'на', 'не',
  // accusative
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті',
  // locative
  'нда', 'нде', 'да', 'де', 'та', 'те',
  // ablative
  'нан', 'нен', 'дан', 'ден', 'тан', 'тен',
  // instrumental
  'мен', 'бен', 'пен', 'менен', 'бенен', 'пенен',
]);
const kazakhPossessive = byLength(['ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз', 'сы', 'сі', 'ым', 'ім', 'ың', 'ің', 'ы', 'і']);
const kazakhPlural = byLength(['лар', 'лер', 'дар', 'дер', 'тар', 'тер']);
const kazakhVerbal = byLength(['ылады', 'іледі', 'лады', 'леді', 'ады', 'еді', 'йды', 'йді', 'ған', 'ген', 'қан', 'кен']);
const minStem = 3;

function stripOnce(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The stem of one lower-case Kazakh word. */
export function stemKazakh(word: string): string {
  let stem = stripOnce(word, kazakhVerbal);
  if (stem === word) stem = stripOnce(stripOnce(stripOnce(word, kazakhCase), kazakhPossessive), kazakhPlural);
  // A vowel ending voices a final к/қ/п (бөлік → бөлігі); put the dictionary form back.
  return stem.replace(/г$/, 'к').replace(/ғ$/, 'қ').replace(/б$/, 'п');
}

/** The stem of one lower-case Russian word (Snowball). */
export function stemRussian(word: string): string {
  return snowballRussian(word.replace(/ё/g, 'е'));
}

/** The words of a text, lower-cased: letters (Cyrillic with the Kazakh letters, Latin) and numbers like "120-1". */
export function words(text: string): string[] {
  return text.toLowerCase().match(/\d+(?:-\d+)*|[\p{L}]+/gu) ?? [];
}

/** A word's stem in a text of the given language; words with Kazakh letters take the Kazakh stemmer either way. */
export function stemWord(word: string, language: 'ru' | 'kk'): string {
  if (/^\d/.test(word)) return word;
  return language === 'kk' || kazakhLetters.test(word) ? stemKazakh(word) : stemRussian(word);
}

/** The stems a query word may have been indexed under: the Russian and the Kazakh stem (one when they agree). */
export function queryStems(word: string): string[] {
  if (/^\d/.test(word)) return [word];
  return [...new Set(kazakhLetters.test(word) ? [stemKazakh(word)] : [stemRussian(word), stemKazakh(word)])];
}

/** A text as the space-separated stems that the full-text index holds. */
export function stemText(text: string, language: 'ru' | 'kk'): string {
  return words(text)
    .map((w) => stemWord(w, language))
    .join(' ');
}
