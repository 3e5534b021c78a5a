import type { TFunction } from 'i18next';
import type { ReasonView } from '../../../main/contract/index.ts';

/**
 * A refusal's reason in the interface language: the code's sentence with its figures, a field named by its label.
 * An older stored reason without a code (code 'text') is shown as it was written.
 */
export function reasonText(t: TFunction, reason: ReasonView, caseTypeId?: string): string {
  if (reason.code === 'text') return String(reason.params.text ?? '');
  const params: Record<string, string | number> = { ...reason.params };
  const field = typeof params.field === 'string' ? params.field : undefined;
  // A case-type field by its label; a value the reader finds outside the schema (the court, an outcome) by its own.
  if (field !== undefined) params.field = t(`decisionSchema.${caseTypeId ?? ''}.fields.${field}`, { defaultValue: t(`corpus.fieldNames.${field}`, { defaultValue: field }) });
  // Confidences read as percentages, as the rest of the interface shows them ("0.70" would keep the English point).
  if (reason.code === 'low-confidence') for (const name of ['confidence', 'floor'] as const) if (params[name] !== undefined) params[name] = Math.round(Number(params[name]) * 100);
  if (typeof params.expected === 'string') params.expected = t(`corpus.reasons.types.${params.expected}`, { defaultValue: params.expected });
  return t(`corpus.reasons.${reason.code}`, { ...params, defaultValue: t('corpus.reasons.unknown') });
}
