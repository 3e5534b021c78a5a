/**
 * Canonical JSON (RFC 8785's rules for the values we write): object keys sorted by UTF-16 code units, members whose
 * value is undefined left out, no whitespace, numbers in ECMAScript's shortest round-trip form. One module for the
 * audit log (whose entries hold integers only, so that their stored bytes never depend on float formatting) and for
 * the hashes of decision inputs, models and findings (which are full of fractions). Dependency-free apart from
 * node:crypto, so that the training library and the offline verifier can use it too.
 */
import { createHash } from 'node:crypto';

/** A value canonical JSON can hold. */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

/** Which numbers a caller admits: audit entries hold safe integers only, decision data any finite number. */
type NumberRule = (value: number) => void;

const integersOnly: NumberRule = (value) => {
  if (!Number.isSafeInteger(value)) throw new Error(`audit entries hold integers only, not ${value}`);
};

const finiteNumbers: NumberRule = (value) => {
  if (!Number.isFinite(value)) throw new Error(`stable JSON has no form for ${value}`);
};

function serialise(value: unknown, numbers: NumberRule): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    numbers(value);
    // For safe integers this equals String(value), the form audit entries were always written in.
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => serialise(v, numbers)).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${serialise(object[k], numbers)}`).join(',')}}`;
  }
  throw new Error(`stable JSON has no form for a ${typeof value}`);
}

/** The canonical text of an audit value; throws on fractions, non-finite numbers and other types. */
export function canonicalText(value: CanonicalValue): string {
  return serialise(value, integersOnly);
}

/** The canonical UTF-8 bytes of an audit value; throws on fractions, non-finite numbers and other types. */
export function canonicalBytes(value: CanonicalValue): Uint8Array {
  return new TextEncoder().encode(canonicalText(value));
}

/** The stable text of any JSON value (fractions allowed); throws on non-finite numbers and non-JSON values. */
export function stableJson(value: unknown): string {
  return serialise(value, finiteNumbers);
}

/** SHA-256 (hex) of bytes. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 (hex) of a value's stable JSON text. */
export function sha256OfJson(value: unknown): string {
  return createHash('sha256').update(stableJson(value), 'utf8').digest('hex');
}
