/**
 * Stable JSON for hashing decision inputs and outputs: sorted keys, no whitespace, numbers in ECMAScript's shortest
 * round-trip form (RFC 8785's rule), so that the same facts always hash alike. Unlike the audit log's canonical JSON
 * it admits fractions, which facts and predictions are full of.
 */
import { createHash } from 'node:crypto';

/** The stable text of a JSON value; throws on non-finite numbers and non-JSON values. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`stable JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(object[k])}`).join(',')}}`;
  }
  throw new Error(`stable JSON has no form for a ${typeof value}`);
}

/** SHA-256 (hex) of bytes. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 (hex) of a value's stable JSON text. */
export function sha256OfJson(value: unknown): string {
  return createHash('sha256').update(stableJson(value), 'utf8').digest('hex');
}
