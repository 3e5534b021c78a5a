/**
 * The codes of Kazakhstan the legal-acts store knows: a short id used on the command line and in the API, the
 * abbreviations the app's assets and decision texts cite them by, and the shared official text's file name (the list is codes.json).
 */
import codes from './codes.json' with { type: 'json' };

/** One code: its id, titles, the abbreviations it is cited by (Russian and Kazakh) and its shared Russian text. */
export interface LegalCode {
  readonly id: string;
  readonly title: { readonly ru: string; readonly kk: string };
  readonly abbreviations: readonly string[];
  readonly sharedFile: string;
}

/** Every code with a shared official text (../shared/data/legal). */
export const legalCodes: readonly LegalCode[] = codes;

/** The code with this id, or undefined. */
export function findLegalCode(id: string): LegalCode | undefined {
  return legalCodes.find((c) => c.id === id);
}

/** The code an abbreviation ("УК РК", "ГПК РК") names, or undefined. */
export function codeByAbbreviation(abbreviation: string): LegalCode | undefined {
  const wanted = abbreviation.replace(/\s+/g, ' ').trim().toLowerCase();
  return legalCodes.find((c) => c.abbreviations.some((a) => a.toLowerCase() === wanted));
}
