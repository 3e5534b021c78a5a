import { describe, expect, it } from 'vitest';
import { caseRows, requiredColumns } from '../../models/cases/case-rows.ts';
import { findCaseType, loadCaseTypes, outcomeOf, parseCaseType } from '../../models/cases/case-type.ts';
import { parseCsv } from '../../models/cases/csv.ts';
import { priorShares, type TimedFacts } from '../../models/cases/derived.ts';
import { toyDocument } from './fixtures.ts';

const c = (time: number | null, y: string | null, court: string | null = 'a'): TimedFacts => ({ time, facts: { y, court } });

describe('prior shares (derived inputs from earlier terms)', () => {
  const cases = [c(1, 'yes'), c(1, 'no'), c(2, 'yes', 'b'), c(2, 'yes'), c(3, 'no'), c(3, 'yes', 'b'), c(5, 'yes')];

  it('counts only the cases of the previous terms, never the case itself, its own term or later ones', () => {
    const share = priorShares(cases, { priorShare: { field: 'y', equals: 'yes', terms: 2 } });
    // Term 1 has no earlier term; term 2 sees term 1 (1 of 2); term 3 sees terms 1–2 (3 of 4); term 5 sees 3–4 (1 of 2).
    expect(share).toEqual([null, null, 0.5, 0.5, 0.75, 0.75, 0.5]);
    const flipped = cases.map((x, i) => (i >= 4 ? c(x.time as number, x.facts.y === 'yes' ? 'no' : 'yes', x.facts.court as string) : x));
    expect(priorShares(flipped, { priorShare: { field: 'y', equals: 'yes', terms: 2 } }).slice(0, 6)).toEqual(share.slice(0, 6));
  });

  it('gives each group its own share, shrunk towards all cases of the window', () => {
    const byCourt = priorShares(cases, { priorShare: { field: 'y', equals: 'yes', terms: 2, by: 'court' } });
    // Term 3, court a: terms 1–2 hold yes, no, yes for court a (2 of 3); court b: yes (1 of 1).
    expect(byCourt[4]).toBeCloseTo(2 / 3);
    expect(byCourt[5]).toBe(1);
    const shrunk = priorShares(cases, { priorShare: { field: 'y', equals: 'yes', terms: 2, by: 'court', smoothing: 4 } });
    expect(shrunk[5]).toBeCloseTo((1 + 4 * 0.75) / (1 + 4));
  });

  it('has no value without a term, an outcome window or a group value', () => {
    const share = priorShares([c(1, 'yes'), c(null, 'yes'), c(2, 'no', null), c(2, 'no', 'z')], { priorShare: { field: 'y', equals: 'yes', terms: 1, by: 'court' } });
    expect(share).toEqual([null, null, null, null]);
  });
});

describe('derived inputs in a case type', () => {
  const derivedDocument = () => {
    const document = toyDocument('binary') as { properties: Record<string, unknown>; 'x-dalel': Record<string, unknown> };
    document.properties.priorYes = {
      type: ['number', 'null'],
      title: 'Share granted in the previous 2 years, same court',
      'x-dalel': { role: 'feature', kind: 'numeric', derived: { priorShare: { field: 'y', equals: 'yes', terms: 2, by: 'court' } } },
    };
    return document;
  };

  it('are computed when cases are read, and no column is required for them', () => {
    const caseType = parseCaseType(derivedDocument(), 'derived.json');
    expect(requiredColumns(caseType, outcomeOf(caseType))).not.toContain('priorYes');
    const csv = 'x1,x2,court,flags,year,sex,y\n1,,a,,2000,f,yes\n2,,a,,2000,m,no\n3,,a,,2001,f,yes\n4,,b,,2001,f,no\n';
    const rows = caseRows(caseType, parseCsv(csv), 'derived.csv').rows;
    expect(rows.map((r) => r.facts.priorYes)).toEqual([null, null, 0.5, null]);
  });

  it('are refused unless numeric and nullable, from a known field, grouped by a categorical input', () => {
    const bad = (change: (p: Record<string, unknown>) => void) => {
      const document = derivedDocument();
      change(document.properties.priorYes as Record<string, unknown>);
      return () => parseCaseType(document, 'derived.json');
    };
    expect(bad((p) => (p.type = 'number'))).toThrow(/priorYes: a derived input is a nullable numeric feature/);
    expect(bad((p) => ((p['x-dalel'] as { derived: { priorShare: { field: string } } }).derived.priorShare.field = 'nope'))).toThrow(/derived from unknown property nope/);
    expect(bad((p) => ((p['x-dalel'] as { derived: { priorShare: { by: string } } }).derived.priorShare.by = 'x1'))).toThrow(/derived.by x1 must be a categorical feature/);
  });

  it('SCDB 1.1.0 adds derived inputs to 1.0.0 and leaves 1.0.0 as it was', () => {
    const all = loadCaseTypes();
    const v1 = findCaseType(all, 'scdb-outcome', '1.0.0');
    const v11 = findCaseType(all, 'scdb-outcome', '1.1.0');
    const derived = v11.fields.filter((f) => f.role.role === 'feature' && f.role.derived).map((f) => f.name);
    expect(derived.length).toBeGreaterThan(0);
    expect(v1.fields.some((f) => f.role.role === 'feature' && f.role.derived)).toBe(false);
    for (const field of v1.fields) expect(v11.fields.map((f) => f.name)).toContain(field.name);
  });
});
