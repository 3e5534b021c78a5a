/** The interface languages: Kazakh (the default), Russian and English. */
export const languages = ['kk', 'ru', 'en'] as const;
/** An interface language. */
export type Language = (typeof languages)[number];

/** Each language's name in itself, as language pickers conventionally show them. */
export const languageNames: Readonly<Record<Language, string>> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The localStorage key of the user's choice. */
export const languageStorageKey = 'dalel.language';

/** True when a string names an interface language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function baseOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The first-run language from the browser's preferred locales, in order: the first Russian, English or Kazakh entry
 * decides; with none of them (or no list at all) the interface starts in Kazakh.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = baseOf(tag);
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
    if (base === 'kk') return 'kk';
  }
  return 'kk';
}

/** The saved choice if there is a valid one, otherwise the pick from the browser's locales. */
export function initialLanguage(saved: string | null, preferred: readonly string[]): Language {
  return isLanguage(saved) ? saved : pickLanguage(preferred);
}

const defaultRegions: Readonly<Record<Language, string>> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * The locale for dates and numbers: the browser's own tag when it is in the interface language (so an en-US browser
 * gets US dates), otherwise the language's usual tag.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => baseOf(tag) === language) ?? defaultRegions[language];
}

/**
 * A locale with the same numeric conventions, for runtimes whose ICU lacks the language's data (Chromium, and so
 * Electron, ship without Kazakh date and number patterns): Kazakhstan writes 27.11.2026 and 1 234 567,5 as ru-KZ does.
 */
export const numericFallbackLocales: Readonly<Record<Language, string>> = { kk: 'ru-KZ', ru: 'ru-RU', en: 'en-GB' };
