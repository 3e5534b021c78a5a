import type { TFunction } from 'i18next';

/**
 * A baseline's name in the reader's words: the trainer writes its own baselines in English ("training median",
 * "majority class (<class label>)"), the class label in the case type's schema language, which classText says in the
 * interface's; a case type's own baseline (e.g. the guideline minimum) keeps the name it gives.
 */
export function baselineLabel(t: TFunction, name: string, classText: (label: string) => string = (label) => label): string {
  if (name === 'training median') return t('decision.modelCard.baselineNames.trainingMedian');
  const majority = /^majority class \((.*)\)$/.exec(name);
  if (majority) return t('decision.modelCard.baselineNames.majority', { label: classText(majority[1]!) });
  return name;
}
