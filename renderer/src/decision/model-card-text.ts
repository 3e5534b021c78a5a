/**
 * The model card's sentences in the reader's language. The trainer (models/ebm/train-case-type.ts, case-split.ts)
 * writes the intended use, the validation split and its limitations into model-card.json in English from a few
 * templates; the card format and the shipped cards stay as they are, so the renderer recognises each template
 * exactly and says it again from the structured facts. Text that matches no template came from a case type's author
 * and is shown as written. tests/renderer/model-card-trainer-text.test.ts builds every sentence with the trainer's own
 * code and fails when one of them is no longer recognised here.
 */
import type { TFunction } from 'i18next';
import type { CaseTypeView, ModelCard } from '../../../main/contract/index.ts';
import { hasLocaleData } from '../common/format.ts';
import { fieldLabel, optionLabel } from './decision-text.ts';

/** What the card's sentences need besides the card: the translations, the locale and whether a key is translated. */
export interface CardTextContext {
  readonly t: TFunction;
  readonly locale: string;
  readonly exists: (key: string) => boolean;
  readonly caseTypeId: string;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const fieldName = '[A-Za-z_][A-Za-z0-9_]*';
// As case-split.ts writes them: a temporal cut by a time field at a date or a number (a term), or a seeded random split.
const temporalSplit = new RegExp(`^trained before (${fieldName}) (\\d{4}-\\d{2}-\\d{2}|\\d+), tested from \\2$`);
const randomSplit = /^random (\d{1,3})% held out \(seed (-?\d+)\)$/;
const advisoryLimit = 'Advisory only: the model estimates what courts decided in similar past cases; it does not say what the decision should be, and the judge decides.';
const reviewLimit = 'Cases with inputs outside what training saw, too wide an interval or too uncertain a class are referred to human review.';
const syntheticLimit = 'Trained on synthetic (generated) cases: predictions illustrate the method and say nothing about real courts.';
const ebmKind = 'explainable boosting machine (cyclic boosting of per-input trees on binned inputs, with pairwise interactions)';
const laterLimit = /^Validated on later cases than it was trained on \((.*)\)\.$/;
const randomLimit = /^Validated on cases held out at random from the same data \((.*)\); on later cases accuracy may be lower\.$/;
const protectedLimit = new RegExp(`^(${fieldName}(?:, ${fieldName})*) (are|is) never an input, but inputs may correlate with protected attributes; see the disparity report\\.$`);

function fieldKey(ctx: CardTextContext, name: string): string {
  return `decisionSchema.${ctx.caseTypeId.replace(/[.:]/g, '_')}.fields.${name}`;
}

/** A field the case type view leaves out (time, protected) named by its shipped translation, or null when none is shipped. */
function translatedField(ctx: CardTextContext, name: string): string | null {
  return ctx.exists(fieldKey(ctx, name)) ? fieldLabel(ctx.t, ctx.caseTypeId, { name, title: name }) : null;
}

/** A calendar date ("2024-01-01") in the reader's locale; without the locale's ICU data, day.month.year. */
export function calendarDate(locale: string, iso: string): string {
  const match = isoDate.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  if (!hasLocaleData(locale)) return `${match[3]}.${match[2]}.${match[1]}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The intended use in words when it is the trainer's sentence for this card's outcome and case type; else as written. */
export function intendedUseText(ctx: CardTextContext, card: Pick<ModelCard, 'intendedUse' | 'outcome' | 'caseType'>): string {
  const trainers = `Decision support for judges, advisory only: an estimate of ${card.outcome.name} for ${card.caseType.id} cases like those in the training data, with its exact explanation.`;
  if (card.intendedUse !== trainers) return card.intendedUse;
  return ctx.t('decision.modelCard.text.intendedUse', {
    outcome: ctx.t(`decision.outcomes.${card.outcome.name}`, { defaultValue: card.outcome.name }),
    caseType: ctx.t(`decisionSchema.${card.caseType.id}.title`, { defaultValue: card.caseType.title }),
  });
}

/** The model's kind in words when it is the trainer's description of its explainable boosting machine; else as written. */
export function modelKindText(ctx: CardTextContext, kind: string): string {
  return kind === ebmKind ? ctx.t('decision.modelCard.text.modelKind') : kind;
}

/** A validation split in words when it is one the trainer writes (a cut in time, or a seeded random split); else as written. */
export function splitText(ctx: CardTextContext, split: string): string {
  const temporal = temporalSplit.exec(split);
  if (temporal) {
    const field = translatedField(ctx, temporal[1]!) ?? ctx.t('decision.modelCard.text.timeField');
    return ctx.t('decision.modelCard.text.splitTemporal', { field, cut: calendarDate(ctx.locale, temporal[2]!) });
  }
  const random = randomSplit.exec(split);
  if (random) return ctx.t('decision.modelCard.text.splitRandom', { percent: random[1], seed: random[2] });
  return split;
}

/** True when a split is one splitText can say in words. */
function knownSplit(split: string): boolean {
  return temporalSplit.test(split) || randomSplit.test(split);
}

/**
 * A limitation in words when it is one of the trainer's templates; protected attributes are named by their labels
 * in the reader's language, or by a general phrase when one of them has no shipped translation.
 */
export function limitationText(ctx: CardTextContext, text: string): string {
  if (text === advisoryLimit) return ctx.t('decision.modelCard.text.limitAdvisory');
  if (text === reviewLimit) return ctx.t('decision.modelCard.text.limitReview');
  if (text === syntheticLimit) return ctx.t('decision.modelCard.text.limitSynthetic');
  const later = laterLimit.exec(text);
  if (later && knownSplit(later[1]!)) return ctx.t('decision.modelCard.text.limitLater', { split: splitText(ctx, later[1]!) });
  const random = randomLimit.exec(text);
  if (random && knownSplit(random[1]!)) return ctx.t('decision.modelCard.text.limitRandom', { split: splitText(ctx, random[1]!) });
  const protectedFields = protectedLimit.exec(text);
  if (protectedFields) {
    const names = protectedFields[1]!.split(', ');
    // The trainer says "is" for one attribute and "are" for several; anything else is not its sentence.
    if ((names.length > 1) === (protectedFields[2] === 'are')) {
      const labels = names.map((n) => translatedField(ctx, n));
      const fields = labels.every((l): l is string => l !== null) ? labels.join(', ') : ctx.t('decision.modelCard.text.protectedGeneric');
      return ctx.t('decision.modelCard.text.limitProtected', { fields });
    }
  }
  return text;
}

/**
 * A class label that the trainer wrote into a baseline's name ("majority class (<label>)"), in the case type's
 * schema language, said as the interface names that class; a label the case type does not list stays as written.
 */
export function classLabelText(t: TFunction, caseType: CaseTypeView | null | undefined, outcomeName: string, label: string): string {
  const outcome = caseType?.outcomes.find((o) => o.name === outcomeName);
  const found = outcome?.classes.find((c) => c.label === label || c.value === label);
  return caseType && outcome && found ? optionLabel(t, caseType.id, outcome.field, found.value, found.label) : label;
}
