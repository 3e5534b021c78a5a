import type { TFunction } from 'i18next';
import { shareOfClaimUnit, type AbstentionReason, type CaseTypeField, type CaseTypeView, type FactValueSchema } from '../../../main/contract/index.ts';
import type { z } from 'zod';

/** A fact as entered or shown. */
export type FactValue = z.infer<typeof FactValueSchema>;

/** i18next separates keys at dots; option values such as "53.1.1" are stored with underscores instead. */
export function keyPart(value: string): string {
  return value.replace(/[.:]/g, '_');
}

/**
 * A field's label: the translation shipped for this case type when there is one, otherwise the schema's own title
 * (so a new case type shows its fields without any interface change).
 */
export function fieldLabel(t: TFunction, caseTypeId: string, field: Pick<CaseTypeField, 'name' | 'title'>): string {
  return t(`decisionSchema.${keyPart(caseTypeId)}.fields.${keyPart(field.name)}`, { defaultValue: field.title });
}

/** An option's label (enum value, checklist item or outcome class): translation, else the schema's label, else the value. */
export function optionLabel(t: TFunction, caseTypeId: string, fieldName: string, value: string, schemaLabel?: string): string {
  return t(`decisionSchema.${keyPart(caseTypeId)}.options.${keyPart(fieldName)}.${keyPart(value)}`, { defaultValue: schemaLabel ?? value });
}

/** A unit as the case type names it ("months", "MRP"), translated where known. */
export function unitLabel(t: TFunction, unit: string | null | undefined): string {
  if (!unit) return '';
  return t(`decision.units.${keyPart(unit)}`, { defaultValue: unit });
}

/**
 * A checklist item in words: a legal reference ("53.1.1") is shown before its label, since judges cite it; any other
 * code ("acceptance-act") is the schema's internal name, so only its label is shown.
 */
export function checklistItemLabel(t: TFunction, caseTypeId: string, fieldName: string, item: string, schemaLabel: string | undefined, separator: string): string {
  const label = optionLabel(t, caseTypeId, fieldName, item, schemaLabel);
  return /^\d/.test(item) ? `${item}${separator}${label}` : label;
}

/** How amounts in a regression unit read: the factor they are shown at, the unit's words, and the words for a change of them. */
export interface ShownUnit {
  readonly factor: number;
  readonly unit: string;
  readonly change: string;
  /** True for a share of the claim read in percent of it. */
  readonly percentOfClaim: boolean;
}

/**
 * A share of the claim reads as a percentage of it ("85 % of the claim", changes in percentage points), as on the
 * judge's card; any other unit reads as it is.
 */
export function shownUnit(t: TFunction, unit: string | null | undefined): ShownUnit {
  if (unit === shareOfClaimUnit) return { factor: 100, unit: t('decision.units.percentOfClaim'), change: t('decision.waterfall.pointsUnit'), percentOfClaim: true };
  const text = unitLabel(t, unit);
  return { factor: 1, unit: text, change: text, percentOfClaim: false };
}

/** An amount with its unit in the reader's terms ("8 months", "85 % of the claim"). */
export function amountText(t: TFunction, unit: string | null | undefined, value: number, formatNumber: (n: number) => string): string {
  const shown = shownUnit(t, unit);
  return `${formatNumber(value * shown.factor)} ${shown.unit}`.trim();
}

/** Looks fields up by name for labelling model features and terms. */
export interface FieldIndex {
  readonly caseTypeId: string;
  readonly byName: ReadonlyMap<string, CaseTypeField>;
}

/** The field index of a case type (or an empty one when the model's case type is not installed). */
export function indexFields(caseType: CaseTypeView | null, caseTypeId: string): FieldIndex {
  return { caseTypeId, byName: new Map((caseType?.fields ?? []).map((f) => [f.name, f])) };
}

/**
 * A model feature's label: a field, or one item of a checklist field ("mitigating=53.1.1"); the short form names a
 * checklist item by its code and label only, for a chart where the field's long title would crowd the item out.
 */
export function featureLabel(t: TFunction, index: FieldIndex, feature: string, short = false): string {
  const at = feature.indexOf('=');
  const name = at < 0 ? feature : feature.slice(0, at);
  const field = index.byName.get(name);
  const label = field ? fieldLabel(t, index.caseTypeId, field) : name;
  if (at < 0) return label;
  const item = feature.slice(at + 1);
  const itemLabel = checklistItemLabel(t, index.caseTypeId, name, item, field?.labels[item], ' ');
  return short ? itemLabel : `${label}: ${itemLabel}`;
}

/** A fact's value in words: yes/no, an option's label, a checklist's items, or "not stated". */
export function valueText(t: TFunction, index: FieldIndex, feature: string, value: FactValue, formatNumber: (n: number) => string): string {
  if (value === null) return t('decision.value.unknown');
  if (typeof value === 'boolean') return t(value ? 'decision.value.yes' : 'decision.value.no');
  if (typeof value === 'number') return formatNumber(value);
  const name = feature.split('=')[0] ?? feature;
  const field = index.byName.get(name);
  // Ticked items in words (art. 53 items keep their number before the words), never as bare codes.
  if (Array.isArray(value)) return value.length === 0 ? t('decision.value.none') : value.map((item) => (field?.options.includes(item) ? checklistItemLabel(t, index.caseTypeId, name, item, field.labels[item], ' — ') : item)).join('; ');
  return field && field.options.includes(value) ? optionLabel(t, index.caseTypeId, name, value, field.labels[value]) : value;
}

/** Why a prediction was referred to human review, in a sentence. */
export function abstentionText(t: TFunction, index: FieldIndex, reason: AbstentionReason, formatNumber: (n: number) => string): string {
  switch (reason.code) {
    case 'interval-too-wide':
      return t('decision.abstention.intervalTooWide', {
        width: formatNumber(reason.width),
        limit: formatNumber(reason.limit),
        min: formatNumber(reason.range[0]),
        max: formatNumber(reason.range[1]),
      });
    case 'outside-training-range':
      return t('decision.abstention.outsideTrainingRange', {
        feature: featureLabel(t, index, reason.feature),
        value: formatNumber(reason.value),
        min: formatNumber(reason.min),
        max: formatNumber(reason.max),
      });
    case 'unseen-category':
      return t('decision.abstention.unseenCategory', { feature: featureLabel(t, index, reason.feature), value: valueText(t, index, reason.feature, reason.value, formatNumber) });
    case 'unseen-missing':
      return t('decision.abstention.unseenMissing', { feature: featureLabel(t, index, reason.feature) });
    case 'low-confidence':
      return t('decision.abstention.lowConfidence', { probability: formatNumber(reason.probability * 100), threshold: formatNumber(reason.threshold * 100) });
  }
}
