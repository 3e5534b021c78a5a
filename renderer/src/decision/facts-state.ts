import type { CaseTypeField, CaseTypeView } from '../../../main/contract/index.ts';
import type { FactValue } from './decision-text.ts';
import { parseDecimal } from './number-format.ts';

/** What the form holds per field: text for numbers and free strings, a choice ('' = not stated), or ticked items. */
export type FormValue = string | string[];
/** The facts form's state. */
export type FormValues = Readonly<Record<string, FormValue>>;

/** Why a field cannot be sent as typed. */
export type FieldProblem = 'required' | 'number' | 'integer' | 'below' | 'above' | 'pattern';

/** Whether the judge fills a field in: every field but those computed from earlier cases when the model is consulted. */
export function isEntered(field: CaseTypeField | undefined): field is CaseTypeField {
  return field !== undefined && !field.derived;
}

/** The fields the judge fills in. */
export function enteredFields(caseType: CaseTypeView): CaseTypeField[] {
  return caseType.fields.filter(isEntered);
}

/** The empty form of a case type: nothing stated, nothing ticked. */
export function emptyValues(caseType: CaseTypeView): FormValues {
  return Object.fromEntries(enteredFields(caseType).map((f) => [f.name, f.kind === 'checklist' ? [] : '']));
}

/**
 * A field's value once a fact read from a question or a document is accepted into it: a checklist item is ticked
 * beside those already ticked (a claim names its documents one fact at a time); any other value replaces the field's.
 */
export function acceptedValue(field: CaseTypeField | undefined, current: FormValue | undefined, incoming: FormValue): FormValue {
  if (field?.kind !== 'checklist') return incoming;
  const ticked = Array.isArray(current) ? current : [];
  const added = Array.isArray(incoming) ? incoming : [incoming];
  return [...ticked, ...added.filter((item) => !ticked.includes(item))];
}

/** The value of a field for the service, or the problem with what was typed. */
export function readField(field: CaseTypeField, raw: FormValue | undefined): { value: FactValue } | { problem: FieldProblem } {
  if (field.kind === 'checklist') return { value: Array.isArray(raw) ? [...raw] : [] };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return field.required || !field.nullable ? { problem: 'required' } : { value: null };
  if (field.type === 'boolean') return { value: text === 'true' };
  if (field.type === 'number' || field.type === 'integer') {
    const value = parseDecimal(text);
    if (value === null) return { problem: 'number' };
    if (field.type === 'integer' && !Number.isInteger(value)) return { problem: 'integer' };
    if (field.minimum !== null && value < field.minimum) return { problem: 'below' };
    if (field.maximum !== null && value > field.maximum) return { problem: 'above' };
    return { value };
  }
  if (field.pattern !== null && !new RegExp(field.pattern, 'u').test(text)) return { problem: 'pattern' };
  return { value: text };
}

/** The facts to send, or the problem of each field that cannot be sent. */
export function readFacts(caseType: CaseTypeView, values: FormValues): { facts: Record<string, FactValue>; problems: Record<string, FieldProblem> } {
  const facts: Record<string, FactValue> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of enteredFields(caseType)) {
    const read = readField(field, values[field.name]);
    if ('problem' in read) problems[field.name] = read.problem;
    // Unstated optional facts are left out, not sent as null: the model's own missing-value handling applies.
    else if (read.value !== null) facts[field.name] = read.value;
  }
  return { facts, problems };
}
