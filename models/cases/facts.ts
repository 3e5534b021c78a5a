/**
 * Case facts: the object a judge fills in (or a CSV row provides), validated against the case type's JSON Schema
 * before anything reads it.
 */
import type { z } from 'zod';
import type { FactValueSchema } from '../../main/contract/index.ts';
import { DalelError } from '../../core/errors.ts';
import type { CaseField, CaseType } from './case-type.ts';

/** One fact: a number, a category, a flag, a checklist, or null when unknown (the contract's FactValue). */
export type FactValue = z.infer<typeof FactValueSchema>;
/** The facts of one case, by field name. */
export type Facts = Readonly<Record<string, FactValue>>;

/** Why a facts object was refused: the field, the schema's message, and its kind with the limit or type it broke. */
export interface FactsProblem {
  readonly field: string;
  readonly message: string;
  /** The validator's issue code (invalid_type, too_small, too_big, invalid_value, unrecognized_keys, …). */
  readonly kind: string;
  /** The bound of a too_small/too_big issue, or the expected type of an invalid_type one. */
  readonly limit: string | null;
}

/** Validates facts against the case type; returns the problem instead of throwing (batch work reports per row). */
export function checkFacts(caseType: CaseType, facts: unknown): { ok: true; facts: Facts } | { ok: false; problem: FactsProblem } {
  const result = caseType.validator.safeParse(facts);
  if (result.success) return { ok: true, facts: result.data as Facts };
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : issue && 'keys' in issue ? String((issue.keys as string[])[0]) : 'facts';
  const bound = issue && 'minimum' in issue ? issue.minimum : issue && 'maximum' in issue ? issue.maximum : issue && 'expected' in issue ? issue.expected : null;
  return { ok: false, problem: { field, message: issue?.message ?? 'invalid facts', kind: issue?.code ?? 'custom', limit: bound === null || bound === undefined ? null : String(bound) } };
}

/** Validates facts against the case type, throwing a VALIDATION error that names the field. */
export function validateFacts(caseType: CaseType, facts: unknown, source = 'facts'): Facts {
  const checked = checkFacts(caseType, facts);
  if (!checked.ok) {
    throw new DalelError('VALIDATION', `${source}: ${checked.problem.field}: ${checked.problem.message}`, { field: checked.problem.field });
  }
  return checked.facts;
}

/** How a file writes its numbers: with a decimal comma (semicolon-separated files of Russian and Kazakh locales). */
export interface NumberNotation {
  readonly decimalComma: boolean;
}

/**
 * A number as written: grouping spaces ("2 400 000") are dropped in any file; a comma is the decimal mark only in a
 * file that writes it so, since in a comma-separated file "1,234" is a thousand and more, not one and a bit.
 */
function numberText(text: string, notation: NumberNotation): string {
  const grouped = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(text) ? text.replace(/[ \u00a0\u202f]/g, '') : text;
  return notation.decimalComma && /^-?\d+,\d+$/.test(grouped) ? grouped.replace(',', '.') : grouped;
}

function coerce(field: CaseField, text: string, notation: NumberNotation): FactValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return field.nullable ? null : undefined;
  switch (field.type) {
    case 'number':
    case 'integer': {
      const value = Number(numberText(trimmed, notation));
      // Left as text when not a number, so the schema names the field instead of a silent NaN.
      return Number.isFinite(value) ? value : trimmed;
    }
    case 'boolean':
      if (/^(true|1|yes)$/i.test(trimmed)) return true;
      if (/^(false|0|no)$/i.test(trimmed)) return false;
      return trimmed;
    case 'array':
      return trimmed.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== '');
    default:
      return trimmed;
  }
}

/**
 * Turns a CSV record into facts, typed by the schema: numbers parsed (grouping spaces dropped; a decimal comma read
 * where `notation` says the file writes one), empty cells null (or absent when the field is not nullable), checklists
 * split on ';' or '|'. Columns the case type does not name are ignored.
 */
export function factsFromRecord(caseType: CaseType, record: Readonly<Record<string, string>>, only?: ReadonlySet<string>, notation: NumberNotation = { decimalComma: false }): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const field of caseType.fields) {
    if (only && !only.has(field.name)) continue;
    const text = record[field.name];
    if (text === undefined) continue;
    const value = coerce(field, text, notation);
    if (value !== undefined) facts[field.name] = value;
  }
  return facts;
}

/** The fields a consultation may send: the model's inputs. Outcomes and protected attributes are never inputs. */
export function inputFields(caseType: CaseType): Set<string> {
  return new Set(caseType.fields.filter((f) => f.role.role === 'feature').map((f) => f.name));
}

/** Refuses facts that carry anything but inputs, so that no one believes an outcome or protected attribute is used. */
export function refuseNonInputs(caseType: CaseType, facts: Readonly<Record<string, unknown>>, source = 'facts'): void {
  const inputs = inputFields(caseType);
  const extra = Object.keys(facts).filter((k) => !inputs.has(k) && caseType.fields.some((f) => f.name === k));
  if (extra.length > 0) {
    throw new DalelError('VALIDATION', `${source}: ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} not a model input (outcomes and protected attributes are never inputs); remove ${extra.length === 1 ? 'it' : 'them'}.`, {
      field: extra[0]!,
    });
  }
}
