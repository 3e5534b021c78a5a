/**
 * The codes of Kazakhstan the legal-acts store knows: a short id used on the command line and in the API, the
 * abbreviations the app's assets and decision texts cite them by, and the shared official text's file name.
 */

/** One code: its id, titles, the abbreviations it is cited by (Russian and Kazakh) and its shared Russian text. */
export interface LegalCode {
  readonly id: string;
  readonly title: { readonly ru: string; readonly kk: string };
  readonly abbreviations: readonly string[];
  readonly sharedFile: string;
}

/** Every code with a shared official text (../shared/data/legal). */
export const legalCodes: readonly LegalCode[] = [
  {
    id: 'criminal',
    title: { ru: 'Уголовный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Қылмыстық кодексі' },
    abbreviations: ['УК РК', 'УК', 'ҚК', 'ҚР ҚК'],
    sharedFile: 'kz_criminal_code.ru.txt',
  },
  {
    id: 'criminal-procedure',
    title: { ru: 'Уголовно-процессуальный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Қылмыстық-процестік кодексі' },
    abbreviations: ['УПК РК', 'УПК', 'ҚПК', 'ҚР ҚПК'],
    sharedFile: 'kz_criminal_procedure_code.ru.txt',
  },
  {
    id: 'civil',
    title: { ru: 'Гражданский кодекс Республики Казахстан (Общая часть)', kk: 'Қазақстан Республикасының Азаматтық кодексі (Жалпы бөлім)' },
    abbreviations: ['ГК РК', 'ГК', 'АК', 'ҚР АК'],
    sharedFile: 'kz_civil_code.ru.txt',
  },
  {
    id: 'civil-procedure',
    title: { ru: 'Гражданский процессуальный кодекс Республики Казахстан', kk: 'Қазақстан Республикасының Азаматтық процестік кодексі' },
    abbreviations: ['ГПК РК', 'ГПК', 'АПК', 'ҚР АПК'],
    sharedFile: 'kz_civil_procedure_code.ru.txt',
  },
  {
    id: 'administrative-offenses',
    title: { ru: 'Кодекс Республики Казахстан об административных правонарушениях', kk: 'Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының кодексі' },
    abbreviations: ['КоАП РК', 'КоАП', 'ӘҚБтК'],
    sharedFile: 'kz_code_of_administrative_offenses.ru.txt',
  },
  {
    id: 'constitution',
    title: { ru: 'Конституция Республики Казахстан', kk: 'Қазақстан Республикасының Конституциясы' },
    abbreviations: ['Конституция РК', 'Конституция', 'ҚР Конституциясы'],
    sharedFile: 'kz_constitution.ru.txt',
  },
];

/** The code with this id, or undefined. */
export function findLegalCode(id: string): LegalCode | undefined {
  return legalCodes.find((c) => c.id === id);
}

/** The code an abbreviation ("УК РК", "ГПК РК") names, or undefined. */
export function codeByAbbreviation(abbreviation: string): LegalCode | undefined {
  const wanted = abbreviation.replace(/\s+/g, ' ').trim().toLowerCase();
  return legalCodes.find((c) => c.abbreviations.some((a) => a.toLowerCase() === wanted));
}
