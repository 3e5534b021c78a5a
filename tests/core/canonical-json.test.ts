import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalText, sha256OfJson, stableJson } from '../../core/canonical-json.ts';

/** An independent definition: JSON.stringify over a copy whose object keys were inserted in sorted order. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().filter((k) => object[k] !== undefined).map((k) => [k, sortedCopy(object[k])]));
  }
  return value;
}

const json = (numbers: fc.Arbitrary<number>): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.string({ unit: 'binary' }),
      numbers,
      fc.array(tie('value')),
      fc.dictionary(fc.string({ unit: 'binary' }), fc.option(tie('value'), { nil: undefined })),
    ),
  })).value;

describe('canonical JSON', () => {
  // Texts the two former modules (audit/canonical-json.ts, decision/stable-json.ts) produced for these values:
  // stored audit entries and recorded model/finding hashes depend on them staying byte for byte the same.
  it('writes what the audit log and the decision hashes always wrote', () => {
    const entry = { type: 'case.create', actor: 'u-1', at: 1764662400000, detail: { number: '1-2026', ü: true, Z: null, a: [3, -0, -7] }, skip: undefined };
    expect(canonicalText(entry)).toBe('{"actor":"u-1","at":1764662400000,"detail":{"Z":null,"a":[3,0,-7],"number":"1-2026","ü":true},"type":"case.create"}');
    expect(Buffer.from(canonicalBytes({ 'é': 'ß', e: '\u2028"' })).toString('hex')).toBe('7b2265223a22e280a85c22222c22c3a9223a22c39f227d');
    const facts = { term: 0.1, score: -1.5e-7, big: 1e21, tiny: 5e-324, count: 12 };
    expect(stableJson(facts)).toBe('{"big":1e+21,"count":12,"score":-1.5e-7,"term":0.1,"tiny":5e-324}');
    expect(sha256OfJson(facts)).toBe('dbfcb1360226116ce47221ba74877d6f119b1b300ba832c5eccb9ac682694e25');
  });

  it('is JSON.stringify with sorted keys, for any JSON value', () => {
    fc.assert(fc.property(json(fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
      expect(stableJson(value)).toBe(JSON.stringify(sortedCopy(value)));
    }));
  });

  it('gives audit values the same text in both modes, and refuses fractions and non-finite numbers in audit values', () => {
    fc.assert(fc.property(json(fc.maxSafeInteger()), (value) => {
      expect(canonicalText(value as never)).toBe(stableJson(value));
    }));
    expect(() => canonicalText({ a: 0.5 })).toThrow(/integers only/);
    expect(() => canonicalText(2 ** 53)).toThrow(/integers only/);
    expect(() => stableJson(Number.NaN)).toThrow(/no form/);
    expect(() => stableJson({ f: () => 1 })).toThrow(/no form/);
  });
});
