import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consultation } from '../../main/contract/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workstation.ts';
import { toyCsv, toyDocument } from './fixtures.ts';
import { addAdministrator, runDalel } from '../helpers/cli.ts';

const adminPassword = 'admin password 1';
const judgePassword = 'judge password 1';

describe('dalel train / predict / model list', () => {
  // One data folder, model and pair of accounts for the whole file: training is the slow part.
  let dir: string;
  let cleanup: () => void;
  let sha256: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    sha256 = await setup();
  }, 60_000);
  afterAll(() => cleanup());

  const dalel = (args: string[], stdin = '') => runDalel(join(dir, 'data'), args, stdin);

  async function setup(): Promise<string> {
    mkdirSync(join(dir, 'types'));
    writeFileSync(join(dir, 'types', 'toy-regression.v1.0.0.json'), JSON.stringify(toyDocument('regression')));
    writeFileSync(join(dir, 'cases.csv'), toyCsv('regression', 1000));
    const model = join(dir, 'data', 'models', 'toy');
    const trained = await dalel(['--json', 'train', '--case-type', 'toy-regression', '--case-types', join(dir, 'types'), '--data', join(dir, 'cases.csv'), '--out', model, '--bags', '2']);
    expect(trained.err).toBe('');
    expect(trained.code).toBe(0);
    await addAdministrator(dalel, adminPassword);
    expect(await dalel(['--user', 'admin', 'users', 'add', '--username', 'judge', '--display-name', 'Judge', '--role', 'judge'], `${adminPassword}\n${judgePassword}\n`)).toMatchObject({ code: 0 });
    return (JSON.parse(trained.out) as { sha256: string }).sha256;
  }

  it('trains a model folder and lists it with its validation figures', async () => {
    const listed = await dalel(['model', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(sha256);
    expect(listed.out).toMatch(/MAE [0-9.]+ months \(training median: [0-9.]+\); 80% interval coverage/);
    const json = JSON.parse((await dalel(['--json', 'model', 'list'])).out) as Array<{ sha256: string; card: { caseType: { id: string }; synthetic: boolean } }>;
    expect(json.filter((m) => m.card.caseType.id === 'toy-regression')).toMatchObject([{ sha256 }]);
    // A fresh workstation has the kz-criminal demo models, which say they were trained on synthetic cases.
    const demo = json.filter((m) => m.card.caseType.id === 'kz-criminal');
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(demo.every((m) => m.card.synthetic)).toBe(true);
    expect(listed.out).toContain('[synthetic data]');
    // The demo cards say how the models fared on the cases they answered, as judges get them.
    expect(listed.out).toMatch(/when it answered \([0-9.]+% of cases\): MAE [0-9.]+ \(training median [0-9.]+\), 80% interval coverage [0-9.]+%/);
    expect(listed.out).toMatch(/when it answered \([0-9.]+% of cases\): accuracy [0-9.]+% \(majority class [0-9.]+%\)/);
  });

  it('consults the installed kz-criminal demo models without --model: bounds, precedents, abstention, advice', async () => {
    const facts = { article: '191', part: 1, offenceCategory: 'medium', damageMrp: 30, priorConvictions: 0, recidivism: 'none', guiltyPlea: true, proceduralAgreement: false, damageCompensated: 'partial', mitigating: ['53.1.11'], aggravating: [], defendantMinor: false };
    writeFileSync(join(dir, 'kz-facts.json'), JSON.stringify(facts));
    const both = await dalel(['--json', '--user', 'judge', 'predict', '--case-type', 'kz-criminal', '--facts', join(dir, 'kz-facts.json')], `${judgePassword}\n`);
    expect(both.err).toBe('');
    const answers = JSON.parse(both.out) as Consultation[];
    expect(answers.map((a) => a.outcome).sort()).toEqual(['punishment', 'term-months']);
    const term = answers.find((a) => a.outcome === 'term-months')!;
    expect(term).toMatchObject({ synthetic: true, bounds: { citation: 'ч. 1 ст. 191 УК РК', lawfulRange: { min: 6, max: 24, unit: 'months' }, caps: [{ citation: 'п. 1 ч. 2 ст. 55 УК РК', part: '2', fraction: 0.5 }, { citation: 'ч. 6 ст. 55 УК РК', part: '6', effect: 'below-minimum' }] } });
    expect(term.value!).toBeLessThanOrEqual(24);
    expect(term.precedents).toHaveLength(5);
    expect(term.abstention).toHaveProperty('refer');
    expect(term.advice.map((a) => a.rule)).toEqual(['criminal-appeal-deadline']);
    const only = await dalel(['--user', 'judge', 'predict', '--case-type', 'kz-criminal', '--outcome', 'term-months', '--facts', join(dir, 'kz-facts.json')], `${judgePassword}\n`);
    expect(only.out).toMatch(/^term-months: [0-9.]+ months .*\[synthetic-data model\]/);
    expect(only.out).toContain('ч. 1 ст. 191 УК РК: lawful 6–24 months; п. 1 ч. 2 ст. 55 УК РК (≤ 50% of the maximum); ч. 6 ст. 55 УК РК (may go below the lower limit)');
    expect(only.out).toMatch(/precedent SYN-\d{6} \(distance/);
  });

  it('predicts one case from a facts file and a batch from a CSV, one JSON line per row', async () => {
    writeFileSync(join(dir, 'facts.json'), JSON.stringify({ x1: 4, court: 'city', flags: ['a'] }));
    const one = await dalel(['--json', '--user', 'judge', 'predict', '--case-type', 'toy-regression', '--model', join(dir, 'data', 'models', 'toy'), '--facts', join(dir, 'facts.json')], `${judgePassword}\n`);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ outcome: 'months', kind: 'regression', model: { sha256 }, abstention: { refer: false } });
    const human = await dalel(['--user', 'judge', 'predict', '--case-type', 'toy-regression', '--model', sha256, '--facts', join(dir, 'facts.json')], `${judgePassword}\n`);
    expect(human.out).toMatch(/^months: [0-9.]+ months \(80%: /);
    expect(human.out).toMatch(/Advisory only: the judge decides\./);
    writeFileSync(join(dir, 'batch.csv'), 'x1,x2,court,flags,sex,y\n1,,city,a,f,3\n42,,,,m,\n3,2,admiralty,,,\n');
    const batch = await dalel(['--json', '--user', 'judge', 'predict', '--case-type', 'toy-regression', '--model', sha256, '--batch', join(dir, 'batch.csv')], `${judgePassword}\n`);
    expect(batch.code).toBe(0);
    const lines = batch.out.split('\n').map((l) => JSON.parse(l) as { line: number; ok: boolean; value?: number; field?: string; abstention?: { refer: boolean } });
    expect(lines.map((l) => [l.line, l.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(lines[1]?.field).toBe('x1');
    expect(lines[2]?.abstention?.refer).toBe(true);
  });

  it('refuses a model of another case type, consultations without a judge, and a bad data file', async () => {
    writeFileSync(join(dir, 'facts.json'), JSON.stringify({ x1: 4 }));
    const wrongType = await dalel(['--user', 'judge', 'predict', '--case-type', 'ussc-sentencing', '--model', sha256, '--facts', join(dir, 'facts.json')], `${judgePassword}\n`);
    expect(wrongType.err).toMatch(/The model is for toy-regression, not ussc-sentencing/);
    const admin = await dalel(['--user', 'admin', 'predict', '--case-type', 'toy-regression', '--model', sha256, '--facts', join(dir, 'facts.json')], `${adminPassword}\n`);
    expect(admin.err).toMatch(/may not use decision\.predict/);
    writeFileSync(join(dir, 'bad.csv'), 'x1,x2\n1,2\n');
    const bad = await dalel(['train', '--case-type', 'toy-regression', '--case-types', join(dir, 'types'), '--data', join(dir, 'bad.csv'), '--out', join(dir, 'm2')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.csv: missing columns court, y/);
  });

  it('prints help for the decision commands', async () => {
    for (const path of [['train'], ['predict'], ['model'], ['model', 'list']]) {
      const result = await dalel([...path, '--help']);
      expect(result.code, path.join(' ')).toBe(0);
      expect(result.out).toMatch(/Usage: dalel/);
    }
  });
});
