import type { TFunction } from 'i18next';
import type { LawDiffView } from '../../../main/contract/index.ts';

type Flag = LawDiffView['flags'][number];

/** What a flagged entry is, in the interface language: a rule by its title, a checklist by its field's label. */
export function flagSubject(t: TFunction, flag: Flag): string {
  const { rule, caseType, field } = flag.params;
  if (flag.code === 'procedure-cites' && rule) return t(`decision.adviceRules.${rule}.title`, { defaultValue: rule });
  if (flag.code === 'checklist-items' && caseType && field) {
    return t('laws.flags.checklist', { caseType: t(`decisionSchema.${caseType}.title`, { defaultValue: caseType }), field: t(`decisionSchema.${caseType}.fields.${field}`, { defaultValue: field }) });
  }
  return t(`laws.flags.kinds.${flag.kind}`);
}

/** Why it is flagged, in the interface language. */
export function flagReason(t: TFunction, flag: Flag): string {
  const params: Record<string, string> = { ...flag.params };
  if (params.punishment) params.punishment = t(`decisionSchema.kz-criminal.options.punishment.${params.punishment}`, { defaultValue: params.punishment });
  return t(`laws.flags.reasons.${flag.code}`, params);
}
