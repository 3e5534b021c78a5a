import { useMemo } from 'react';
import { useFormatters } from '../common/format.ts';

/** Formats a decimal with up to `digits` fraction digits in the interface's locale. */
export type NumberText = (value: number, digits?: number) => string;

/** A decimal formatter following the interface language (probabilities, terms, contributions): the common `rounded`. */
export function useNumberText(): NumberText {
  const { rounded } = useFormatters();
  return useMemo(() => (value: number, digits = 1) => rounded(value, Math.min(6, Math.max(0, Math.round(digits)))), [rounded]);
}

/** Parses a number typed with either a point or a comma as the decimal mark (and spaces as grouping). */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '' || !/^-?\d*\.?\d+$|^-?\d+\.$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
