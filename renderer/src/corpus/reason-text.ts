import type { TFunction } from 'i18next';
import type { ReasonView } from '../../../main/contract/index.ts';

/**
 * A refusal's reason in the interface language: the code's sentence with its figures, a case-type field named by
 * its label. An older stored reason without a code (code 'text') is shown as it was written.
 */
export function reasonText(t: TFunction, reason: ReasonView, caseTypeId?: string): string {
  if (reason.code === 'text') return String(reason.params.text ?? '');
  const params: Record<string, string | number> = { ...reason.params };
  const field = typeof params.field === 'string' ? params.field : undefined;
  if (field !== undefined && caseTypeId) params.field = t(`decisionSchema.${caseTypeId}.fields.${field}`, { defaultValue: field });
  if (typeof params.expected === 'string') params.expected = t(`corpus.reasons.types.${params.expected}`, { defaultValue: params.expected });
  return t(`corpus.reasons.${reason.code}`, { ...params, defaultValue: t('corpus.reasons.unknown') });
}
