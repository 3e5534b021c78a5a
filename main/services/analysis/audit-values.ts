/** Audit entries hold canonical JSON (integers only): analysis parameters are recorded with fractions as text. */
import type { CanonicalValue } from '../../../core/canonical-json.ts';

/** A JSON-like value with every non-integer number written as its decimal text, so the audit log can hold it. */
export function auditSafe(value: unknown): { readonly [key: string]: CanonicalValue } {
  return convert(value) as { readonly [key: string]: CanonicalValue };
}

function convert(value: unknown): CanonicalValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, convert(v)]));
  return String(value);
}
