/**
 * A regression card's "when it answered" figures are what judges get: each held-out case of a shipped demo model is
 * consulted through the workstation (lawful range, clipping, abstention as a judge sees them), and the share
 * answered, the error and the interval coverage on those cases must be the card's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelCardSchema } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseRows } from '../../models/cases/case-rows.ts';
import { parseCsvBytes } from '../../models/cases/csv.ts';
import { splitCases } from '../../models/ebm/case-split.ts';
import { demoCsv, demoModelSpecs } from '../../scripts/synthetic/demo-models.ts';
import { seedUsers, testWorkstation, call } from '../helpers/workstation.ts';

describe('a regression card gives the figures of the cases it answers at consultation', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  beforeAll(async () => {
    env = testWorkstation({ demoModels: true });
    clients = await seedUsers(env.ws);
  });
  afterAll(() => env.dispose());

  it.each(['kz-criminal-term-demo', 'kz-civil-contract-award-demo'])('%s', async (folder) => {
    const spec = demoModelSpecs.find((s) => s.folder === folder)!;
    const caseType = findCaseType(loadCaseTypes(), spec.caseType, spec.caseTypeVersion);
    const data = caseRows(caseType, parseCsvBytes(new TextEncoder().encode(demoCsv(spec).csv), `${folder}.csv`), `${folder}.csv`, spec.outcome);
    const test = Array.from(splitCases(caseType.meta.split, data.rows).test, (i) => data.rows[i]!);
    const models = await call(env.ws, clients.judge, 'decision.models', {});
    const model = models.find((m) => m.caseType === spec.caseType && m.outcome === spec.outcome)!;
    const card = ModelCardSchema.parse(model.card);
    const expected = card.validation.regression?.answered;
    if (!expected) throw new Error(`${folder}: the shipped card has no answered figures`);

    const inputs = new Set(caseType.fields.filter((f) => f.role.role === 'feature').map((f) => f.name));
    const cases = test.map((row) => Object.fromEntries(Object.entries(row.facts).filter(([name, value]) => inputs.has(name) && value !== null)));
    const { results } = await call(env.ws, clients.judge, 'decision.predictBatch', { modelSha256: model.sha256, cases });
    let answered = 0;
    let error = 0;
    let covered = 0;
    results.forEach((result, i) => {
      if (!result.ok) throw new Error(`${folder}: held-out case ${i} was refused: ${result.message}`);
      const output = result.output;
      if (output.kind !== 'regression' || output.abstention.refer) return;
      const actual = test[i]!.target as number;
      answered += 1;
      error += Math.abs(output.value! - actual);
      if (actual >= output.interval80![0] && actual <= output.interval80![1]) covered += 1;
    });
    expect(answered).toBeGreaterThan(0);
    expect(answered / test.length).toBeCloseTo(expected.share, 12);
    expect(error / answered).toBeCloseTo(expected.meanAbsoluteError, 9);
    expect(covered / answered).toBeCloseTo(expected.coverage80, 12);
  });
});
