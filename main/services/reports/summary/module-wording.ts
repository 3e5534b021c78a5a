/**
 * A module's summary wording lives in a JSON file next to its code, where translators can edit it; the code adds
 * the words for coded values and the conclusion scale that shared tables supply.
 */
import { summaryLanguages, type ModulePhrases, type SummaryLanguage } from './summary-types.ts';

/** A module's phrases in one language as its JSON file holds them. */
export type ModuleWording = Omit<ModulePhrases, 'values' | 'conclusion'>;

/** The parts of a module's phrases that come from shared tables rather than its wording file. */
export type SharedWords = Pick<ModulePhrases, 'values' | 'conclusion'>;

/** A module's phrases in every language: its wording joined with the shared words for that language. */
export function modulePhrases(
  wording: Readonly<Record<SummaryLanguage, ModuleWording>>,
  shared: (language: SummaryLanguage) => SharedWords = () => ({}),
): Readonly<Record<SummaryLanguage, ModulePhrases>> {
  return Object.fromEntries(summaryLanguages.map((language) => [language, { ...wording[language], ...shared(language) }])) as Record<SummaryLanguage, ModulePhrases>;
}
