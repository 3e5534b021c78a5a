import { useCallback } from 'react';
import { useCatalog } from '../forensics/use-catalog.ts';

/** The fraction digits of a finding's measurement, its module's as the summary uses them; undefined until known. */
export type MeasurementDigits = (module: string, key: string) => number | undefined;

/**
 * Reads the modules' measurement digits from the catalog once, so that a finding card shows a likelihood ratio with
 * the digits the summary and the report give it, not a generic four.
 */
export function useMeasurementDigits(): MeasurementDigits {
  const digits = useCatalog().value?.measurementDigits;
  return useCallback((module, key) => (digits ? (digits.byModule[module]?.[key] ?? digits.default) : undefined), [digits]);
}
