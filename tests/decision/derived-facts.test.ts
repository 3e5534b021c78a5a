import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseRows } from '../../models/cases/case-rows.ts';
import { parseCaseType } from '../../models/cases/case-type.ts';
import { parseCsv } from '../../models/cases/csv.ts';
import { trainCaseType } from '../../models/ebm/train-case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { withDerivedFacts, withDerivedFactsAll } from '../../main/services/decision/derived-facts.ts';
import { writeModelFolder } from '../../main/services/decision/model-store.ts';
import { precedentCorpus } from '../../main/services/decision/precedents.ts';
import { itWithModel } from '../helpers/model-workstation.ts';
import { call } from '../helpers/workstation.ts';
import { toyCases, toyCsv, toyDocument } from './fixtures.ts';

/** The toy granted/refused cases with a derived input: the share granted by the same court in the previous 2 years. */
function derivedCaseType() {
  const document = toyDocument('binary') as { properties: Record<string, unknown> };
  document.properties.priorYes = {
    type: ['number', 'null'],
    title: 'Share granted in the previous 2 years, same court',
    'x-dalel': { role: 'feature', kind: 'numeric', derived: { priorShare: { field: 'y', equals: 'yes', terms: 2, by: 'court' } } },
  };
  return parseCaseType(document, 'toy-derived.json');
}

describe('derived inputs when a judge consults a model', () => {
  const caseType = derivedCaseType();
  const test = itWithModel((dataDir) => {
    const file = join(dataDir, 'toy-derived.csv');
    writeFileSync(file, toyCsv('binary', 800, 5));
    const trained = trainCaseType({ caseType, file, options: { bags: 1, interactions: 0 }, now: new Date('2026-12-04T10:00:00Z') });
    writeModelFolder(join(dataDir, 'models', 'derived'), trained.model, trained.onnx, trained.card, precedentCorpus(caseType, trained.data));
    return trained.sha256;
  });

  test('computes them from the training cases for the year after the latest, as training did, and says so in the audit entry', async ({ model: { env, clients, sha256 } }) => {
    // Independently of the service: the toy cases of the same court in 2018–2019 (the years run 2000–2019).
    const window = toyCases('binary', 800, 5).filter((c) => c.facts.court === 'city' && (c.facts.year as number) >= 2018);
    const expected = window.filter((c) => c.target === 'yes').length / window.length;
    const answer = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: sha256, facts: { x1: 6, court: 'city' } });
    const input = answer.contributions.flatMap((c) => c.inputs).find((i) => i.feature === 'priorYes');
    expect(input?.value).toBeCloseTo(expected, 12);
    const entry = JSON.parse(new TextDecoder().decode(env.ws.audit.entryBytes(answer.auditSeq))) as { details: { factSources: Record<string, unknown> } };
    expect(entry.details.factSources.priorYes).toEqual({ kind: 'derived', asOf: 2020 });
    expect(entry.details.factSources.x1).toEqual({ kind: 'typed' });
  });

  test('refuses a derived input sent with the facts, naming it', async ({ model: { env, clients, sha256 } }) => {
    const refused = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: sha256, facts: { x1: 6, court: 'city', priorYes: 0.9 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', params: { field: 'priorYes' } } });
  });

  it('are marked in the form the interface draws', () => {
    const fields = caseTypeView(caseType).fields;
    expect(fields.find((f) => f.name === 'priorYes')?.derived).toBe(true);
    expect(fields.filter((f) => f.derived).map((f) => f.name)).toEqual(['priorYes']);
  });

  it('stay empty without training cases to compute them from', () => {
    const outcome = caseType.meta.outcomes[0]!;
    expect(withDerivedFacts(caseType, outcome, null, { x1: 6, court: 'city' })).toEqual({ facts: { x1: 6, court: 'city', priorYes: null }, asOf: null });
  });
});

describe('precedents of a file with its own case identifiers', () => {
  it('are named by them instead of by line', () => {
    const document = toyDocument('binary') as { properties: Record<string, unknown>; 'x-dalel': Record<string, unknown> };
    document.properties.docket = { type: 'string', title: 'Docket', 'x-dalel': { role: 'group' } };
    document['x-dalel'].rows = { groupBy: 'docket' };
    const caseType = parseCaseType(document, 'toy-docket.json');
    const csv = 'docket,x1,x2,court,flags,year,sex,y\nD-1,1,,city,,2000,f,yes\nD-1,1,,city,,2000,m,yes\nD-2,2,,city,,2001,f,no\n';
    const corpus = precedentCorpus(caseType, caseRows(caseType, parseCsv(csv), 'docket.csv'));
    expect(corpus.cases.map((c) => c.caseRef)).toEqual(['D-1', 'D-2']);
    expect(JSON.stringify(corpus)).not.toContain('"sex"');
  });
});

describe('derived inputs over a regression outcome that applies to some cases', () => {
  it('count the outcome values, and the class of its condition, as the training file had them', () => {
    const document = toyDocument('regression') as { properties: Record<string, unknown>; 'x-dalel': { outcomes: Array<Record<string, unknown>> } };
    document.properties.kind = { type: ['string', 'null'], title: 'Kind of sentence', enum: ['prison', 'fine', null], 'x-dalel': { role: 'outcome' } };
    document.properties.priorTwelve = {
      type: ['number', 'null'],
      title: 'Share of 12-month terms the year before',
      'x-dalel': { role: 'feature', kind: 'numeric', derived: { priorShare: { field: 'y', equals: '12', terms: 1 } } },
    };
    document['x-dalel'].outcomes[0] = { ...document['x-dalel'].outcomes[0], when: { field: 'kind', in: ['prison'] } };
    const caseType = parseCaseType(document, 'toy-when.json');
    const outcome = caseType.meta.outcomes[0]!;
    const past = (value: number) => ({ caseRef: `c${value}`, decidedAt: '2000', outcome: { value, class: 'prison', label: `prison, ${value} months` }, facts: { x1: 1 } });
    const corpus = { format: 'dalel-precedents/1' as const, caseType: caseType.id, cases: [past(12), past(12), past(5)] };
    const derived = withDerivedFacts(caseType, outcome, corpus, { x1: 2 });
    expect(derived.asOf).toBe(2001);
    expect(derived.facts.priorTwelve).toBeCloseTo(2 / 3, 12);
    // A batch derives in one pass what each case alone gets: cases of the same term never count one another.
    const batch = withDerivedFactsAll(caseType, outcome, corpus, [{ x1: 2 }, { x1: 3 }]);
    expect(batch.facts.map((f) => f.priorTwelve)).toEqual([derived.facts.priorTwelve, derived.facts.priorTwelve]);
    // The corpus is read once per model: a later consultation reuses it, and another model's corpus is its own.
    expect(withDerivedFacts(caseType, outcome, corpus, { x1: 9 }).facts.priorTwelve).toBeCloseTo(2 / 3, 12);
    const other = { ...corpus, cases: [past(12), past(5), past(5), past(5)] };
    expect(withDerivedFacts(caseType, outcome, other, { x1: 2 }).facts.priorTwelve).toBeCloseTo(1 / 4, 12);
  });
});
