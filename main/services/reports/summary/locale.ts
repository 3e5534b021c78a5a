/** Numbers, plurals and units written the way each summary language writes them. */
import { shownFractionDigits, type Measurement } from '../../../contract/index.ts';
import type { PluralForms, SummaryLanguage } from './summary-types.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<SummaryLanguage, Intl.PluralRules>();

/**
 * A number in the language's notation (decimal comma and spaces in Russian and Kazakh), at most `digits` decimals
 * (more for a small value, to keep two significant digits, trailing zero included: 0.07049 is "0.070").
 */
export function formatNumber(value: number, language: SummaryLanguage, declaredDigits = 3): string {
  const digits = shownFractionDigits(value, declaredDigits);
  const minimum = digits > declaredDigits ? digits : 0;
  const cacheKey = `${language}:${minimum}:${digits}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: minimum, maximumFractionDigits: digits, useGrouping: true });
    numberFormats.set(cacheKey, format);
  }
  // Negative zero after rounding reads as "-0"; the measurement is zero.
  const text = format.format(value);
  return /^-0([.,]0*)?$/.test(text) ? text.slice(1) : text;
}

/** The form of a word that agrees with a number: one/few/many/other as Intl.PluralRules decides for the language. */
export function pluralForm(forms: PluralForms, value: number, language: SummaryLanguage, digits = 3): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  // Agreement follows the number as written, so round it the same way the text shows it.
  const shown = Number(value.toFixed(shownFractionDigits(value, digits)));
  return forms[rules.select(shown)] ?? forms.other;
}

const unitNames: Readonly<Record<string, Readonly<Record<SummaryLanguage, string>>>> = {
  'µm': { en: 'µm', ru: 'мкм', kk: 'мкм' },
  um: { en: 'µm', ru: 'мкм', kk: 'мкм' },
  mm: { en: 'mm', ru: 'мм', kk: 'мм' },
  px: { en: 'px', ru: 'пикс.', kk: 'пикс.' },
  deg: { en: '°', ru: '°', kk: '°' },
  '°': { en: '°', ru: '°', kk: '°' },
  '%': { en: '%', ru: '%', kk: '%' },
  'ng/mL': { en: 'ng/mL', ru: 'нг/мл', kk: 'нг/мл' },
};

/** A unit as the language writes it; units the table does not know are shown as recorded. */
export function unitName(unit: string, language: SummaryLanguage): string {
  return unitNames[unit]?.[language] ?? unit;
}

const yesNo: Readonly<Record<SummaryLanguage, readonly [string, string]>> = { en: ['yes', 'no'], ru: ['да', 'нет'], kk: ['иә', 'жоқ'] };

/** Image points recorded as '[[x,y],…]' (the viewer's measurements), as coordinate pairs; null for any other text. */
export function formatPoints(value: string, language: SummaryLanguage): string | null {
  if (!value.startsWith('[[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed) || !parsed.every((p) => Array.isArray(p) && p.length === 2 && p.every((c) => typeof c === 'number'))) return null;
    return (parsed as Array<[number, number]>).map(([x, y]) => `(${formatNumber(x, language, 2)}; ${formatNumber(y, language, 2)})`).join(', ');
  } catch {
    return null;
  }
}

/** A measurement's value with its unit, as shown in the summary. */
export function formatMeasurement(measurement: Measurement, language: SummaryLanguage, digits = 3): string {
  const { value, unit } = measurement;
  const text = typeof value === 'number' ? formatNumber(value, language, digits) : typeof value === 'boolean' ? yesNo[language][value ? 0 : 1] : (formatPoints(value, language) ?? value);
  if (!unit) return text;
  const name = unitName(unit, language);
  // Degrees and percent attach to the number; other units are separated by a no-break space.
  return name === '°' || name === '%' ? `${text}${name}` : `${text}\u00a0${name}`;
}

/** A measurement's value as `formatMeasurement` writes it, a coded text value replaced by the module's word for it. */
export function formatModuleMeasurement(measurement: Measurement, language: SummaryLanguage, digits: number, values: ModuleValueWords | undefined): string {
  const word = typeof measurement.value === 'string' ? values?.[measurement.key]?.[measurement.value] : undefined;
  return word === undefined ? formatMeasurement(measurement, language, digits) : formatMeasurement({ ...measurement, value: word }, language, digits);
}

/** Words for coded text values, by measurement key then code (ModulePhrases.values). */
export type ModuleValueWords = Readonly<Record<string, Readonly<Record<string, string>>>>;
