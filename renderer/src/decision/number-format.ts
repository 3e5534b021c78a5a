import { useMemo } from 'react';
import { hasLocaleData, useFormatters } from '../common/format.ts';

/** Formats a decimal with up to `digits` fraction digits in the interface's locale. */
export type NumberText = (value: number, digits?: number) => string;

/** A decimal formatter following the interface language (probabilities, terms, contributions). */
export function useNumberText(): NumberText {
  const { locale } = useFormatters();
  return useMemo(() => {
    const tag = hasLocaleData(locale) ? locale : 'ru-RU';
    const formats = Array.from({ length: 7 }, (_, digits) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits }));
    return (value: number, digits = 1) => (formats[Math.min(6, Math.max(0, Math.round(digits)))] ?? formats[1]!).format(value);
  }, [locale]);
}

/** Parses a number typed with either a point or a comma as the decimal mark (and spaces as grouping). */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '' || !/^-?\d*\.?\d+$|^-?\d+\.$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
