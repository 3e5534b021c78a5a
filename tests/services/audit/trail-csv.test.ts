import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, type CanonicalValue } from '../../../core/canonical-json.ts';
import { CsvRowBytes, CsvRows, csvHeader, MemberSpans } from '../../../main/services/audit/trail-csv.ts';
import { parseLines } from '../../../main/services/audit/bundle-verify.ts';
import { sha256 } from '../../../main/services/audit/merkle.ts';
import type { ParsedEntry } from '../../../main/services/audit/trail-summary.ts';

/** The CSV row as it was built before the scan: JSON.parse of the entry, JSON.stringify of its objects. */
function referenceRow(bytes: string, entryHash: string): string {
  const e = JSON.parse(bytes) as ParsedEntry;
  const cell = (value: string | number | null | undefined): string => {
    if (typeof value === 'number') return String(value);
    let s = value ?? '';
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    e.seq,
    e.at,
    e.actor ? `${e.actor.username} (${e.actor.role})` : 'workstation',
    e.actor?.role ?? '',
    e.action,
    e.subjects?.caseId ?? '',
    JSON.stringify(e.subjects ?? {}),
    JSON.stringify(e.inputs ?? {}),
    JSON.stringify(e.outputs ?? {}),
    e.meaning ?? '',
    e.supersedes ?? '',
    entryHash,
  ]
    .map(cell)
    .join(',');
}

/** Text that trips CSV and JSON: quotes, commas, newlines, backslashes, formula starts, Cyrillic and Kazakh letters. */
const awkward = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('=SUM(A1)', '+7 701', '-1', '@x', 'a,b', 'say "hi"', 'line\nbreak', 'back\\slash', 'Әсел Қайратқызы', 'tab\tstart', '"seq":5}', ''),
);
/** Keys without digits first: JSON.stringify puts integer-like keys first, canonical JSON sorts them as text. */
const key = fc.oneof(fc.constantFrom('caseId', 'evidenceId', 'seq', 'userId', 'a"b', 'ключ'), fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/));

const entry = fc.record(
  {
    v: fc.constant(1),
    seq: fc.nat({ max: 10_000_000 }),
    at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    workstation: awkward,
    action: awkward,
    actor: fc.option(fc.record({ userId: fc.uuid(), username: awkward, role: fc.constantFrom('clerk', 'expert', 'admin') }), { nil: null }),
    subjects: fc.dictionary(key, awkward, { maxKeys: 4 }),
    inputs: fc.dictionary(key, fc.stringMatching(/^[0-9a-f]{64}$/), { maxKeys: 3 }),
    outputs: fc.dictionary(key, awkward, { maxKeys: 3 }),
    meaning: awkward,
    supersedes: fc.nat(),
    details: fc.dictionary(key, fc.oneof(fc.integer(), awkward, fc.constant(null)), { maxKeys: 4 }),
  },
  { requiredKeys: ['v', 'seq', 'at', 'workstation', 'action', 'actor'] },
);

describe("the clerk's CSV trail", () => {
  it('builds each row from the canonical text exactly as parsing the entry and re-stringifying its objects did', () => {
    const rows = new CsvRows();
    fc.assert(
      fc.property(entry, (value) => {
        const text = canonicalText(value as unknown as CanonicalValue);
        expect(rows.row(text, 'ab'.repeat(32))).toBe(referenceRow(text, 'ab'.repeat(32)));
        expect(rows.action).toBe(value.action);
        expect(rows.at).toBe(value.at);
      }),
      { numRuns: 400 },
    );
  });

  it('writes as bytes the rows the text scan builds, through the byte scan and, for entries with escapes, the text scan', () => {
    const text = new CsvRows();
    const bytes = new CsvRowBytes();
    // Text without escapes (the byte scan's own path) as well as the awkward kind.
    const plainText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((t) => ![...t].some((c) => c === '"' || c === '\\' || c.charCodeAt(0) < 0x20)), fc.constantFrom('=1', '-x', '+7', '@a', 'a,b', 'Әсел, Қайрат', 'null', ''));
    const plainEntry = fc.record(
      {
        v: fc.constant(1),
        seq: fc.nat({ max: 10_000_000 }),
        at: fc.oneof(fc.constantFrom('2026-12-03T10:00:00.000Z', '-2026', 'Қаңтар 2026', '', '2026,12'), plainText),
        action: plainText,
        actor: fc.option(fc.record({ userId: fc.uuid(), username: plainText, role: plainText }, { requiredKeys: [] }), { nil: null }),
        subjects: fc.option(fc.dictionary(fc.constantFrom('caseId', 'evidenceId', 'x'), fc.oneof(plainText, fc.integer())), { nil: null }),
        inputs: fc.dictionary(key, plainText, { maxKeys: 3 }),
        outputs: fc.oneof(fc.dictionary(key, plainText, { maxKeys: 3 }), fc.constant({})),
        meaning: fc.oneof(plainText, fc.constant(null)),
        supersedes: fc.oneof(fc.nat(), plainText, fc.constant(null)),
        details: fc.dictionary(key, fc.oneof(fc.integer(), plainText, fc.constant(null)), { maxKeys: 4 }),
      },
      { requiredKeys: ['v', 'seq'] },
    );
    const out = Buffer.alloc(1 << 16);
    const leaf = Buffer.from(sha256(Buffer.from('leaf')));
    fc.assert(
      fc.property(fc.oneof(plainEntry, entry), (value) => {
        const canonical = canonicalText(value as unknown as CanonicalValue);
        const entryBytes = Buffer.from(canonical, 'utf8');
        const at = 7;
        const end = bytes.write(entryBytes, leaf, out, at);
        expect(end - at).toBeLessThanOrEqual(CsvRowBytes.room(entryBytes.length));
        expect(out.toString('utf8', at, end)).toBe(`${text.row(canonical, leaf.toString('hex'))}\n`);
        expect(bytes.action).toBe(text.action);
        expect(bytes.month).toBe(text.at.slice(0, 7));
      }),
      { numRuns: 3000 },
    );
    expect(() => bytes.write(Buffer.from('[1,2]'), leaf, out, 0)).toThrow('audit entry is not a canonical JSON object: [1,2]');
  });

  it('names a stored entry that is not a JSON object instead of writing a wrong row', () => {
    expect(() => new CsvRows().row('[1,2]', '')).toThrow('audit entry is not a canonical JSON object: [1,2]');
    expect(() => new CsvRows().row('{"seq":1,"at":"x"', '')).toThrow('not a canonical JSON object');
    expect(csvHeader.split(',')).toHaveLength(12);
  });

  it('finds members as slices of the text, nested objects and escaped keys included', () => {
    const spans = new MemberSpans();
    const text = '{"a\\"b":1,"o":{"x":[1,{"y":"}"}]},"s":"q\\"}"}';
    expect(spans.scan(text, 0, text.length)).toBe(true);
    const members = Array.from({ length: spans.count }, (_, k) => [spans.keys[k], text.slice(spans.starts[k], spans.ends[k])]);
    expect(members).toEqual([
      ['a"b', '1'],
      ['o', '{"x":[1,{"y":"}"}]}'],
      ['s', '"q\\"}"'],
    ]);
  });
});

describe("the verifier's seq scan", () => {
  const lines = (texts: string[]) => {
    const data = Buffer.from(` ${texts.join('\n')}\n`);
    return parseLines(new Uint8Array(data), 1, (b) => sha256(b), new TextDecoder());
  };

  it('reads the seq JSON.parse reads, for canonical entries with seq keys nested before and after the top-level one', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (values) => {
        const texts = values.map((v) => canonicalText(v as unknown as CanonicalValue));
        const parsed = lines(texts);
        expect([...parsed.seqs]).toEqual(values.map((v) => v.seq));
        texts.forEach((t, k) => expect(Buffer.from(parsed.leaves.subarray(k * 32, k * 32 + 32))).toEqual(Buffer.from(sha256(Buffer.from(`\0${t}`)))));
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to JSON for what the scan cannot settle, and marks lines that are not JSON or have no valid seq', () => {
    const parsed = lines([
      '{"seq":3,"subjects":{"seq":"9"},"v":1}', // the last "seq": is nested: parsed
      '{"a":1, "seq":4 }', // whitespace: not canonical, parsed
      '{"seq":007}', // not JSON
      '{"seq":-1}', // no valid seq
      '{"seq":1.5}',
      'not json at all',
      '{"seq":12345678901234567}', // beyond safe integers: parsed, refused
      '{"details":{"seq":8},"seq":2}',
    ]);
    expect([...parsed.seqs]).toEqual([3, 4, -1, -2, -2, -1, -2, 2]);
  });
});
