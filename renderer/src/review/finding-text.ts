import type { TFunction } from 'i18next';
import type { Measurement } from '../../../main/contract/index.ts';

/** A measurement key's translated label, or the key itself where the interface does not know it. */
export function measurementLabel(t: TFunction, key: string): string {
  // Keys nest by dots ('cmc.count' beside 'cmc.count.aToB'), which i18next would read as paths: the JSON keys use '_'.
  return t(`measurements.${key.replace(/\./g, '_')}`, { defaultValue: key });
}

/** A measurement as "label: value unit", the label translated where the interface knows the key. */
export function measurementText(t: TFunction, m: Measurement): string {
  const value = typeof m.value === 'number' ? String(Number(m.value.toFixed(4))) : String(m.value);
  return `${measurementLabel(t, m.key)}: ${value}${m.unit ? ` ${m.unit}` : ''}`;
}

/** A conclusion on the field's scale, translated where known. */
export function conclusionText(t: TFunction, conclusion: string | null): string {
  return conclusion === null ? t('findings.noConclusion') : t(`conclusions.${conclusion}`, { defaultValue: conclusion });
}
