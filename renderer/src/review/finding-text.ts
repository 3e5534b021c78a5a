import type { TFunction } from 'i18next';
import type { Measurement } from '../../../main/contract/index.ts';
import type { Formatters } from '../common/format.ts';

/** A measurement key's translated label, or the key itself where the interface does not know it. */
export function measurementLabel(t: TFunction, key: string): string {
  // Keys nest by dots ('cmc.count' beside 'cmc.count.aToB'), which i18next would read as paths: the JSON keys use '_'.
  return t(`measurements.${key.replace(/\./g, '_')}`, { defaultValue: key });
}

/** The formatters a measurement's text needs. */
export type MeasurementFormat = Pick<Formatters, 'measured' | 'rounded'>;

// Units as modules record them (the report's summary reads the same codes), by the word each language uses.
const unitKeys: Readonly<Record<string, string>> = { 'µm': 'micrometre', um: 'micrometre', mm: 'millimetre', px: 'pixel', deg: 'degree', '°': 'degree', '%': 'percent', 'ng/mL': 'nanogramsPerMillilitre' };

/** A recorded unit as the interface language writes it ('µm' is 'мкм' in Russian); units it does not know as recorded. */
export function unitText(t: TFunction, unit: string): string {
  const key = unitKeys[unit];
  return key ? t(`units.measurement.${key}`) : unit;
}

/** Image points recorded as '[[x,y],…]' (the viewer's measurements) as "(x; y), (x; y)"; other text as it is. */
function pointsText(value: string, format: Pick<Formatters, 'measured'>): string {
  if (!value.startsWith('[[')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed) || !parsed.every((p) => Array.isArray(p) && p.length === 2 && p.every((c) => typeof c === 'number'))) return value;
    return (parsed as Array<[number, number]>).map(([x, y]) => `(${format.measured(x)}; ${format.measured(y)})`).join(', ');
  } catch {
    return value;
  }
}

/** An algorithm's name as the interface says it (provenance records a stable identifier). */
export function algorithmName(t: TFunction, algorithm: string): string {
  return t(`findings.algorithms.${algorithm.replace(/\./g, '_')}`, { defaultValue: algorithm });
}

/**
 * A measurement's value in words: yes/no for booleans, a module's word for a coded text value (e.g. a strip result
 * 'positive') where the interface has one under measurementValues.KEY, other text as recorded.
 */
export function measurementValueText(t: TFunction, m: Measurement, format: MeasurementFormat, digits?: number): string {
  if (typeof m.value === 'number') return digits === undefined ? format.measured(m.value) : format.rounded(m.value, digits);
  if (typeof m.value === 'boolean') return t(`measurementValues.boolean.${String(m.value)}`);
  const word = recordedValueWord(t, m.key, m.value);
  return word === m.value ? pointsText(m.value, format) : word;
}

/**
 * The word the interface has for a text value a module records under a measurement key (a strip result 'positive', a
 * substance 'Cocaine HCl'), or the value as recorded. The table is read whole: a substance name may hold i18next's
 * key separators.
 */
export function recordedValueWord(t: TFunction, key: string, value: string): string {
  const table: unknown = t(`measurementValues.${key.replace(/\./g, '_')}`, { returnObjects: true, defaultValue: {} });
  const word = table !== null && typeof table === 'object' ? (table as Record<string, unknown>)[value] : undefined;
  return typeof word === 'string' ? word : value;
}

/**
 * A measurement as "label: value unit", the label translated where the interface knows the key; numbers with the
 * module's `digits` where known (as the summary writes them), else up to four decimals.
 */
export function measurementText(t: TFunction, m: Measurement, format: MeasurementFormat, digits?: number): string {
  const value = measurementValueText(t, m, format, digits);
  if (!m.unit) return `${measurementLabel(t, m.key)}: ${value}`;
  const unit = unitText(t, m.unit);
  // Degrees and percent attach to the number, as the report's summary writes them.
  return `${measurementLabel(t, m.key)}: ${value}${unit === '°' || unit === '%' ? '' : ' '}${unit}`;
}

/** A conclusion on the field's scale, translated where known. */
export function conclusionText(t: TFunction, conclusion: string | null): string {
  return conclusion === null ? t('findings.noConclusion') : t(`conclusions.${conclusion}`, { defaultValue: conclusion });
}
