/**
 * Why a corpus row, a decision text or a candidate model was refused, as a code with its figures: the screens
 * translate the code (kk/ru/en), the CLI and the audit log read the English sentence made from the same code.
 * Stored as JSON in the text columns that once held the sentence; a plain sentence stored earlier reads back as
 * code 'text'.
 */

/** The codes a reason may carry. */
export const reasonCodes = [
  'csv-unreadable',
  'field-count',
  'not-json',
  'not-object',
  'court-missing',
  'case-number-missing',
  'facts-invalid-type',
  'facts-too-small',
  'facts-too-big',
  'facts-invalid-value',
  'facts-unknown-field',
  'facts-invalid',
  'no-court',
  'no-case-number',
  'low-confidence',
  'gate-coverage',
  'gate-group-coverage',
  'gate-card-incomplete',
  'gate-mae-worse',
  'gate-accuracy-worse',
  'text',
] as const;

/** A reason code. */
export type ReasonCode = (typeof reasonCodes)[number];

/** A reason: its code and the figures and names its sentence needs. */
export interface Reason {
  readonly code: ReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Makes a reason. */
export const reason = (code: ReasonCode, params: Record<string, string | number> = {}): Reason => ({ code, params });

type Params = Reason['params'];
const s = (p: Params, k: string) => String(p[k] ?? '');

const english: Readonly<Record<ReasonCode, (p: Params) => string>> = {
  'csv-unreadable': (p) => `unreadable CSV: ${s(p, 'detail')}`,
  'field-count': (p) => `${s(p, 'fields')} fields where the header has ${s(p, 'expected')}`,
  'not-json': (p) => `not JSON (${s(p, 'detail')})`,
  'not-object': () => 'not a JSON object',
  'court-missing': () => 'the court is missing',
  'case-number-missing': () => 'the case number is missing',
  'facts-invalid-type': (p) => `${s(p, 'field')}: expected ${s(p, 'expected')}`,
  'facts-too-small': (p) => `${s(p, 'field')}: below the minimum ${s(p, 'limit')}`,
  'facts-too-big': (p) => `${s(p, 'field')}: above the maximum ${s(p, 'limit')}`,
  'facts-invalid-value': (p) => `${s(p, 'field')}: not one of the case type's values`,
  'facts-unknown-field': (p) => `${s(p, 'field')}: not a field of the case type`,
  'facts-invalid': (p) => `${s(p, 'field')}: ${s(p, 'detail')}`,
  'no-court': () => 'no court found',
  'no-case-number': () => 'no case number found',
  'low-confidence': (p) => `${s(p, 'field')}: confidence ${s(p, 'confidence')} below ${s(p, 'floor')}`,
  'gate-coverage': (p) => `80% interval coverage ${s(p, 'coverage')}% is outside ${s(p, 'low')}–${s(p, 'high')}% (${s(p, 'cases')} cases)`,
  'gate-group-coverage': (p) =>
    `80% interval coverage for ${s(p, 'attribute')} = ${s(p, 'group')} ${s(p, 'coverage')}% is outside ${s(p, 'low')}–${s(p, 'high')}% (${s(p, 'cases')} cases)`,
  'gate-card-incomplete': (p) => `the card lacks ${s(p, 'missing')}`,
  'gate-mae-worse': (p) =>
    `mean absolute error ${s(p, 'candidate')} on the latest period is worse than the active model's ${s(p, 'active')} by more than ${s(p, 'tolerance')}%`,
  'gate-accuracy-worse': (p) =>
    `accuracy ${s(p, 'candidate')}% on the latest period is below the active model's ${s(p, 'active')}% by more than ${s(p, 'tolerance')} points`,
  text: (p) => s(p, 'text'),
};

/** The English sentence of a reason (CLI, audit details). */
export function reasonText(r: Reason): string {
  return english[r.code](r.params);
}

/** A reason as stored in a text column. */
export function storedReason(r: Reason): string {
  return JSON.stringify({ code: r.code, params: r.params });
}

const known = new Set<string>(reasonCodes);

/** A reason read back from storage: a stored code, or an older plain sentence as code 'text'. */
export function readReason(value: unknown): Reason {
  let parsed = value;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = value;
    }
  }
  if (typeof parsed === 'object' && parsed !== null && 'code' in parsed && known.has(String(parsed.code))) {
    const params = 'params' in parsed && typeof parsed.params === 'object' && parsed.params !== null ? (parsed.params as Record<string, string | number>) : {};
    return { code: parsed.code as ReasonCode, params };
  }
  return reason('text', { text: String(value) });
}

/** The reason for a facts object the case type refused. */
export function factsReason(problem: { readonly field: string; readonly message: string; readonly kind: string; readonly limit: string | null }): Reason {
  const field = problem.field;
  switch (problem.kind) {
    case 'invalid_type':
      return reason('facts-invalid-type', { field, expected: problem.limit ?? '' });
    case 'too_small':
      return reason('facts-too-small', { field, limit: problem.limit ?? '' });
    case 'too_big':
      return reason('facts-too-big', { field, limit: problem.limit ?? '' });
    case 'invalid_value':
    case 'invalid_union':
      return reason('facts-invalid-value', { field });
    case 'unrecognized_keys':
      return reason('facts-unknown-field', { field });
    default:
      return reason('facts-invalid', { field, detail: problem.message });
  }
}
