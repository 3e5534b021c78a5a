import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Facts } from '../../models/cases/facts.ts';
import { parseCaseType, type CaseType } from '../../models/cases/case-type.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { trainCaseType, type CaseTypeTraining } from '../../models/ebm/train-case-type.ts';
import { readModelFolder, writeModelFolder } from '../../main/services/decision/model-store.ts';

/** Kinds of toy task. */
export type ToyTask = 'regression' | 'binary' | 'multiclass';

const outcomes = {
  regression: { name: 'months', kind: 'regression', field: 'y', unit: 'months', min: 0, abstention: { maxIntervalWidthFraction: 0.5, range: [0, 100] } },
  binary: { name: 'granted', kind: 'classification', field: 'y', classes: [{ value: 'no', label: 'refused' }, { value: 'yes', label: 'granted' }], abstention: { minTopProbability: 0.6 } },
  multiclass: {
    name: 'result',
    kind: 'classification',
    field: 'y',
    classes: [
      { value: 'full', label: 'fully' },
      { value: 'part', label: 'partly' },
      { value: 'none', label: 'refused' },
    ],
    abstention: { minTopProbability: 0.5 },
  },
} as const;

/** A small case-type document: numbers x1 and x2 (x2 often missing), a category, a checklist, a protected attribute. */
export function toyDocument(task: ToyTask): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://dalel.kz/schemas/case-types/toy-${task}/1.0.0`,
    title: `Toy ${task} cases`,
    description: 'Generated cases with a known additive structure, for tests.',
    type: 'object',
    additionalProperties: false,
    required: ['x1'],
    properties: {
      x1: { type: 'number', minimum: 0, maximum: 10, title: 'First measure', 'x-dalel': { role: 'feature', kind: 'numeric' } },
      x2: { type: ['number', 'null'], title: 'Second measure', 'x-dalel': { role: 'feature', kind: 'numeric' } },
      court: { type: ['string', 'null'], title: 'Kind of court', 'x-dalel': { role: 'feature', kind: 'categorical' } },
      flags: { type: ['array', 'null'], items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true, title: 'Circumstances', 'x-dalel': { role: 'feature', kind: 'checklist' } },
      year: { type: ['integer', 'null'], title: 'Year decided', 'x-dalel': { role: 'time' } },
      sex: { type: ['string', 'null'], title: 'Sex (disparity report only)', 'x-dalel': { role: 'protected', labels: { f: 'female', m: 'male' } } },
      y: { type: task === 'regression' ? ['number', 'null'] : ['string', 'null'], title: 'Outcome', 'x-dalel': { role: 'outcome' } },
    },
    'x-dalel': {
      id: `toy-${task}`,
      version: '1.0.0',
      jurisdiction: 'nowhere',
      source: 'generated for tests',
      outcomes: [outcomes[task]],
      split: { kind: 'random', testFraction: 0.25, seed: 7 },
    },
  };
}

/** The toy case type. */
export function toyCaseType(task: ToyTask): CaseType {
  return parseCaseType(toyDocument(task), `toy-${task}.json`);
}

const courts = ['district', 'city', 'regional', 'military', 'juvenile'];

/** The additive truth behind the toy cases: each input's effect (x2 missing adds nothing). */
export function toyEffects(facts: Facts): number {
  const x1 = facts.x1 as number;
  const x2 = facts.x2 as number | null;
  const court = facts.court as string | null;
  const flags = (facts.flags as string[] | null) ?? [];
  return 2 * x1 + (x2 === null ? 0 : 3 * Math.sin(x2)) + (court === null ? 0 : [0, 4, -3, 6, 1][courts.indexOf(court)]!) + (flags.includes('a') ? 5 : 0) + (x1 > 5 && flags.includes('b') ? 6 : 0);
}

/** Generated cases with their outcome (and a protected attribute unrelated to the outcome). */
export function toyCases(task: ToyTask, n: number, seed = 1): Array<{ facts: Facts; target: number | string }> {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: n }, () => {
    const flags = ['a', 'b'].filter(() => random() < 0.4);
    const facts: Record<string, Facts[string]> = {
      x1: Math.round(random() * 1000) / 100,
      x2: random() < 0.2 ? null : Math.round(random() * 600) / 100,
      court: random() < 0.1 ? null : courts[Math.floor(random() * courts.length)]!,
      flags,
      year: 2000 + Math.floor(random() * 20),
      sex: random() < 0.5 ? 'f' : 'm',
    };
    const effect = toyEffects(facts);
    if (task === 'regression') return { facts, target: Math.max(0, 10 + effect + 3 * gaussian()) };
    if (task === 'binary') return { facts, target: random() < 1 / (1 + Math.exp(-(effect - 17) / 4)) ? 'yes' : 'no' };
    const scores = [effect / 4, 3, (20 - effect) / 4].map((s) => Math.exp(s));
    const u = random() * scores.reduce((a, b) => a + b, 0);
    return { facts, target: u < scores[0]! ? 'full' : u < scores[0]! + scores[1]! ? 'part' : 'none' };
  });
}

/** The toy cases as CSV text (checklists joined with ';'). */
export function toyCsv(task: ToyTask, n: number, seed = 1): string {
  const columns = ['x1', 'x2', 'court', 'flags', 'year', 'sex', 'y'];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  const lines = toyCases(task, n, seed).map(({ facts, target }) => columns.map((c) => cell(c === 'y' ? target : facts[c])).join(','));
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

/** Trains a toy model from a generated CSV (small and fast), as `dalel train` would. */
export function trainToy(dir: string, task: ToyTask, n = 1200): CaseTypeTraining {
  const file = join(dir, `toy-${task}.csv`);
  writeFileSync(file, toyCsv(task, n));
  return trainCaseType({ caseType: toyCaseType(task), file, options: { bags: 2, interactions: 2 }, now: new Date('2026-11-27T09:00:00Z') });
}

/**
 * Trains a regression case type on 3 000 toy cases in `dir`, saves the model folder there and reads it back: what a
 * judge's consultation loads, beside the training's own held-out evaluation.
 */
export function trainSavedToyRegression(dir: string, caseType: CaseType): { trained: CaseTypeTraining } & ReturnType<typeof readModelFolder> {
  const file = join(dir, 'toy.csv');
  writeFileSync(file, toyCsv('regression', 3000, 31));
  const trained = trainCaseType({ caseType, file, options: { bags: 2 }, now: new Date('2026-12-03T10:00:00Z') });
  writeModelFolder(join(dir, 'model'), trained.model, trained.onnx, trained.card);
  return { trained, ...readModelFolder(join(dir, 'model')) };
}
