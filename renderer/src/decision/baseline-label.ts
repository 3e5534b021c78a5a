import type { TFunction } from 'i18next';
import { keyPart } from './decision-text.ts';

/** What a baseline's name is said with: the interface's words for class labels, and the case type it belongs to. */
export interface BaselineText {
  readonly classText?: (label: string) => string;
  readonly caseTypeId?: string;
}

/**
 * A baseline's name in the reader's words: the trainer writes its own baselines in English ("training median",
 * "majority class (<class label>)"), the class label in the case type's schema language, which classText says in the
 * interface's; a case type's own baseline (e.g. the guideline minimum) is said as the case type's translations say it,
 * else by the name it gives.
 */
export function baselineLabel(t: TFunction, name: string, { classText = (label) => label, caseTypeId }: BaselineText = {}): string {
  if (name === 'training median') return t('decision.modelCard.baselineNames.trainingMedian');
  const majority = /^majority class \((.*)\)$/.exec(name);
  if (majority) return t('decision.modelCard.baselineNames.majority', { label: classText(majority[1]!) });
  return caseTypeId ? t(`decisionSchema.${keyPart(caseTypeId)}.baselines.${keyPart(name)}`, { defaultValue: name }) : name;
}
