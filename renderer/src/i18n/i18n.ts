import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, savePreference } from '../common/storage.ts';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import { initialLanguage, languageStorageKey, type Language } from './languages.ts';

/** The translation resources, one namespace per language. */
export const resources = { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } } as const;

/** The browser's preferred locales, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** Creates the i18next instance in the saved language or, on first run, the one the browser's locales suggest. */
export function createI18n(language: Language = initialLanguage(readPreference(languageStorageKey), browserLanguages())): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['kk', 'ru', 'en'],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Switches the interface language and remembers the choice. */
export async function chooseLanguage(instance: i18n, language: Language): Promise<void> {
  savePreference(languageStorageKey, language);
  await instance.changeLanguage(language);
}
