/**
 * Canonical JSON (the RFC 8785 subset that audit entries use: objects with sorted keys, strings, safe integers,
 * booleans, null, arrays; no floats, no whitespace), so that the same entry always has the same bytes.
 */

/** A value canonical JSON can hold. */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

/** The canonical UTF-8 bytes of a value; throws on floats, non-finite numbers and other types. */
export function canonicalBytes(value: CanonicalValue): Uint8Array {
  return new TextEncoder().encode(canonicalText(value));
}

/** The canonical text of a value. */
export function canonicalText(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`audit entries hold integers only, not ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalText(v)).join(',')}]`;
  const object = value as { readonly [key: string]: CanonicalValue | undefined };
  // Sort by UTF-16 code units, as RFC 8785 specifies.
  const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText(object[k] as CanonicalValue)}`).join(',')}}`;
}
