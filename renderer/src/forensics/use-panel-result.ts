/** The opening every module result panel shares: its words, its number formats and its result in the module's shape. */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFormatters, type Formatters } from '../common/format.ts';
import type { ModuleResult } from '../../../main/contract/index.ts';

/** What a result panel draws with. */
export interface PanelResult<T> {
  readonly t: TFunction;
  readonly format: Formatters;
  /** The result parsed with the module's schema; null when it has another shape (the panel then draws nothing). */
  readonly result: T | null;
}

/** Parses a run's result with the panel's schema (once per result) and gives the panel its translations and formats. */
export function usePanelResult<S extends z.ZodType>(schema: S, raw: ModuleResult): PanelResult<z.output<S>> {
  const { t } = useTranslation();
  const format = useFormatters();
  const result = useMemo(() => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }, [schema, raw]);
  return { t, format, result };
}
