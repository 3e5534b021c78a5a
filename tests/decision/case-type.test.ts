import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseRows } from '../../models/cases/case-rows.ts';
import { findCaseType, loadCaseTypes, outcomeOf, parseCaseType, protectedNamePattern } from '../../models/cases/case-type.ts';
import { parseCsv } from '../../models/cases/csv.ts';
import { checkFacts, factsFromRecord, refuseNonInputs, validateFacts } from '../../models/cases/facts.ts';
import { featureFields } from '../../models/gam/features.ts';
import { tempDir } from '../helpers/workstation.ts';
import { toyCaseType, toyDocument } from './fixtures.ts';

describe('shipped case types', () => {
  const all = loadCaseTypes();

  it('loads every schema under assets/decision/case-types, including the four of issue 5', () => {
    expect(all.map((c) => c.id).sort()).toEqual(expect.arrayContaining(['kz-civil-contract', 'kz-criminal', 'scdb-outcome', 'ussc-sentencing']));
    for (const caseType of all) expect(caseType.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never lists a protected attribute as a model input', () => {
    for (const caseType of all) {
      const features = featureFields(caseType);
      const protectedFields = caseType.fields.filter((f) => f.role.role === 'protected').map((f) => f.name);
      for (const feature of features) {
        expect(protectedNamePattern.test(feature.field), `${caseType.id}: ${feature.field}`).toBe(false);
        expect(protectedFields, `${caseType.id}: ${feature.field}`).not.toContain(feature.field);
      }
    }
  });

  it('keeps race, sex and citizenship out of the USSC inputs and lists them for the disparity report', () => {
    const ussc = findCaseType(all, 'ussc-sentencing');
    expect(featureFields(ussc).map((f) => f.field).sort()).toEqual(['AGE', 'CRIMHIST', 'CRIMPTS', 'DSPLEA', 'OFFGUIDE', 'PRESENT', 'WEAPON', 'XMAXSOR', 'XMINSOR']);
    expect(ussc.fields.filter((f) => f.role.role === 'protected').map((f) => f.name).sort()).toEqual(['CITIZEN', 'MONSEX', 'NEWRACE']);
  });

  it('uses no justice identity or vote in the SCDB case type', () => {
    const scdb = findCaseType(all, 'scdb-outcome');
    const fields = featureFields(scdb).map((f) => f.field);
    for (const forbidden of ['justice', 'justiceName', 'vote', 'majority', 'naturalCourt', 'chief', 'majOpinWriter', 'majVotes']) expect(fields).not.toContain(forbidden);
    expect(scdb.meta.rows?.groupBy).toBe('docketId');
  });

  it('describes the Kazakh case types with their statutory checklists and outcomes', () => {
    const criminal = findCaseType(all, 'kz-criminal');
    expect(criminal.meta.outcomes.map((o) => o.name)).toEqual(expect.arrayContaining(['punishment', 'term-months', 'fine-mrp']));
    expect(criminal.fields.find((f) => f.name === 'mitigating')?.items.length).toBe(11);
    expect(criminal.fields.find((f) => f.name === 'aggravating')?.items.length).toBe(16);
    const civil = findCaseType(all, 'kz-civil-contract');
    expect(outcomeOf(civil)).toMatchObject({ kind: 'classification', classes: [{ value: 'full' }, { value: 'partial' }, { value: 'refused' }] });
    expect(outcomeOf(civil, 'award-fraction')).toMatchObject({ kind: 'regression', min: 0, max: 1 });
  });
});

describe('case-type loader', () => {
  it('refuses a protected attribute declared as a feature', () => {
    const document = toyDocument('regression') as { properties: Record<string, unknown> };
    document.properties.defendant_race = { type: 'string', title: 'Race', 'x-dalel': { role: 'feature', kind: 'categorical' } };
    expect(() => parseCaseType(document, 'bad.json')).toThrow(/defendant_race looks like a protected attribute/);
  });

  it('refuses properties without a role, outcomes that are not outcome properties, and a wrong file name', () => {
    const noRole = toyDocument('regression') as { properties: Record<string, Record<string, unknown>> };
    delete noRole.properties.x1!['x-dalel'];
    expect(() => parseCaseType(noRole, 'bad.json')).toThrow(/properties\.x1\.x-dalel/);
    const badOutcome = toyDocument('regression') as { 'x-dalel': { outcomes: Array<{ field: string }> } };
    badOutcome['x-dalel'].outcomes[0]!.field = 'x1';
    expect(() => parseCaseType(badOutcome, 'bad.json')).toThrow(/field x1 must be a property with role "outcome"/);
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'types'));
      writeFileSync(join(dir, 'types', 'toy.json'), JSON.stringify(toyDocument('binary')));
      expect(() => loadCaseTypes(join(dir, 'types'))).toThrow(/name the file toy-binary\.v1\.0\.0\.json/);
    } finally {
      cleanup();
    }
  });

  it('picks the newest version unless one is named', () => {
    const older = parseCaseType(toyDocument('binary'), 'a');
    const newerDoc = toyDocument('binary') as { 'x-dalel': { version: string } };
    newerDoc['x-dalel'].version = '1.10.0';
    const newer = parseCaseType(newerDoc, 'b');
    expect(findCaseType([older, newer], 'toy-binary').version).toBe('1.10.0');
    expect(findCaseType([older, newer], 'toy-binary', '1.0.0').version).toBe('1.0.0');
    expect(() => findCaseType([older], 'nope')).toThrow(/Unknown case type nope/);
  });
});

describe('facts', () => {
  const caseType = toyCaseType('regression');

  it('validates facts against the JSON Schema and names the field', () => {
    expect(validateFacts(caseType, { x1: 3, court: 'city', flags: ['a'] })).toEqual({ x1: 3, court: 'city', flags: ['a'] });
    expect(checkFacts(caseType, { x1: 11 })).toMatchObject({ ok: false, problem: { field: 'x1' } });
    expect(checkFacts(caseType, { x1: 1, flags: ['c'] })).toMatchObject({ ok: false, problem: { field: 'flags' } });
    expect(checkFacts(caseType, { x1: 1, colour: 'red' })).toMatchObject({ ok: false, problem: { field: 'colour' } });
    expect(checkFacts(caseType, { x2: 1 })).toMatchObject({ ok: false, problem: { field: 'x1' } });
    expect(() => validateFacts(caseType, { x1: 'three' })).toThrow(/x1/);
  });

  it('refuses outcomes and protected attributes in a consultation', () => {
    expect(() => refuseNonInputs(caseType, { x1: 1, sex: 'f' })).toThrow(/sex is not a model input/);
    expect(() => refuseNonInputs(caseType, { x1: 1, y: 3 })).toThrow(/y is not a model input/);
    expect(() => refuseNonInputs(caseType, { x1: 1, x2: null })).not.toThrow();
  });

  it('types CSV cells by the schema: numbers, null for empty nullable cells, checklists split on ;', () => {
    const facts = factsFromRecord(caseType, { x1: '2.5', x2: '', court: 'city', flags: 'a;b', year: '2001', sex: 'f', y: '12', other: 'ignored' });
    expect(facts).toEqual({ x1: 2.5, x2: null, court: 'city', flags: ['a', 'b'], year: 2001, sex: 'f', y: 12 });
    expect(factsFromRecord(caseType, { x1: '' })).toEqual({});
    expect(factsFromRecord(caseType, { x1: 'abc' })).toEqual({ x1: 'abc' });
  });
});

describe('case rows from a CSV', () => {
  it('keeps the first row per group, drops unusable rows by reason, keeps protected values aside', () => {
    const document = toyDocument('binary') as { properties: Record<string, unknown>; 'x-dalel': Record<string, unknown> };
    document.properties.docket = { type: 'string', title: 'Docket', 'x-dalel': { role: 'group' } };
    document['x-dalel'].rows = { groupBy: 'docket' };
    const caseType = parseCaseType(document, 'grouped.json');
    const csv = ['docket,x1,x2,court,flags,year,sex,y', 'A,1,,city,,2001,f,yes', 'A,9,,city,,2001,f,no', 'B,2,1,,a,2002,m,maybe', 'C,3,1,,a,2003,,', 'D,30,1,,,2004,m,no', 'E,4,2,regional,b,2005,m,no'].join('\n');
    const data = caseRows(caseType, parseCsv(csv), 'cases.csv');
    expect(data.records).toBe(6);
    expect(data.rows.map((r) => [r.line, r.target, r.time])).toEqual([
      [2, 'yes', 2001],
      [7, 'no', 2005],
    ]);
    expect(data.rows[0]?.protectedValues).toEqual({ sex: 'f' });
    expect(data.dropped).toEqual({ 'y not a listed class': 1, 'missing y': 1, 'invalid x1': 1 });
    expect(() => caseRows(caseType, parseCsv('docket,x1\nA,1\n'), 'short.csv')).toThrow(/short\.csv: missing columns x2, court, y/);
  });
});
