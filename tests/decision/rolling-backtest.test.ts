import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelCardSchema, type BacktestFold } from '../../main/contract/index.ts';
import { parseCaseType } from '../../models/cases/case-type.ts';
import { rollingCuts } from '../../models/ebm/rolling-backtest.ts';
import { trainCaseType } from '../../models/ebm/train-case-type.ts';
import { toyCsv, toyDocument } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The toy regression cases (years 2000–2019, about 80 a year), split by year: trained before 2016, tested from it (folds of 4 years). */
function temporalToy(csv: string, name: string) {
  const document = toyDocument('regression');
  const meta = document['x-dalel'] as Record<string, unknown>;
  const caseType = parseCaseType({ ...document, 'x-dalel': { ...meta, split: { kind: 'temporal', field: 'year', testFrom: 2016 } } }, 'toy-temporal.json');
  const file = join(dir, name);
  writeFileSync(file, csv);
  return trainCaseType({ caseType, file, options: { bags: 2, interactions: 0 }, backtestFolds: 3, now: new Date('2026-12-03T08:00:00Z') });
}

const folds = (trained: ReturnType<typeof temporalToy>): BacktestFold[] => {
  const backtest = trained.card.validation.backtest;
  if (backtest?.kind !== 'rolling-origin') throw new Error('expected a rolling-origin backtest');
  return backtest.folds;
};

describe('rolling-origin cuts', () => {
  it('are calendar years before the held-out cut for dates, oldest first', () => {
    expect(rollingCuts('2024-01-01', [], 3)).toEqual([
      { trainedBefore: '2021-01-01', testBefore: '2022-01-01' },
      { trainedBefore: '2022-01-01', testBefore: '2023-01-01' },
      { trainedBefore: '2023-01-01', testBefore: '2024-01-01' },
    ]);
  });

  it('widen for terms until each test period holds enough cases', () => {
    const terms = Array.from({ length: 50 * 60 }, (_, i) => 1946 + Math.floor(i / 60)); // 60 cases a term, 1946–1995
    // 300 cases a period at 60 a term: five terms each.
    expect(rollingCuts(1995, terms, 3)).toEqual([
      { trainedBefore: 1980, testBefore: 1985 },
      { trainedBefore: 1985, testBefore: 1990 },
      { trainedBefore: 1990, testBefore: 1995 },
    ]);
  });

  it('refuse a date that is not an ISO date, naming it', () => {
    expect(() => rollingCuts('01.01.2024', [], 3)).toThrow(/01\.01\.2024 is not an ISO date/);
  });
});

describe('a rolling-origin backtest on the card', () => {
  const csv = toyCsv('regression', 1600, 3);
  const trained = temporalToy(csv, 'toy.csv');
  const rows = trained.data.rows;

  it('reports every fold in time order, the held-out test of the shipped model last', () => {
    const all = folds(trained);
    expect(all.map((f) => [f.trainedBefore, f.heldOut])).toEqual([
      ['2004', false],
      ['2008', false],
      ['2012', false],
      ['2016', true],
    ]);
    expect(ModelCardSchema.parse(trained.card).validation.backtest).toEqual(trained.card.validation.backtest);
    const last = all[all.length - 1]!;
    expect(last.regression!.meanAbsoluteError).toBe(trained.card.validation.regression!.meanAbsoluteError);
    expect(last.testCases).toBe(trained.card.validation.testCases);
  });

  it('never tests a case before its training cut, and trains on every case before it', () => {
    const all = folds(trained);
    all.forEach((fold, i) => {
      const cut = Number(fold.trainedBefore);
      expect(Number(fold.testFrom)).toBeGreaterThanOrEqual(cut);
      if (i + 1 < all.length) expect(Number(fold.testTo)).toBeLessThan(Number(all[i + 1]!.trainedBefore));
      expect(fold.trainingCases).toBe(rows.filter((r) => (r.time as number) < cut).length);
      expect(fold.testCases).toBe(rows.filter((r) => (r.time as number) >= cut && (i + 1 === all.length || (r.time as number) < Number(all[i + 1]!.trainedBefore))).length);
      // The same baseline as the card's held-out table, beside the model on the same fold.
      expect(fold.regression!.baselines.map((b) => b.name)).toEqual(trained.card.validation.regression!.baselines.map((b) => b.name));
      expect(fold.regression!.meanAbsoluteError).toBeLessThan(fold.regression!.baselines[0]!.meanAbsoluteError);
    });
  });

  it('gives the same first fold when only outcomes after its test period change (no later case leaks into it)', () => {
    const lines = csv.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const year = header.indexOf('year');
    const y = header.indexOf('y');
    const shifted = lines.slice(1).map((line) => {
      const cells = line.split(',');
      if (Number(cells[year]) >= 2008) cells[y] = String(Number(cells[y]) + 25);
      return cells.join(',');
    });
    const other = folds(temporalToy(`${[lines[0], ...shifted].join('\n')}\n`, 'toy-changed.csv'));
    const original = folds(trained);
    // Fold 1 (trained before 2004, tested on 2004–07) reads no case from 2008 on: identical to the last digit.
    expect(other[0]).toEqual(original[0]);
    // Fold 2 trains on the same cases but is tested on shifted outcomes: the change did reach the backtest.
    expect(other[1]!.trainingCases).toBe(original[1]!.trainingCases);
    expect(other[1]!.regression!.meanAbsoluteError).toBeGreaterThan(original[1]!.regression!.meanAbsoluteError + 10);
  });

  it('states that randomly split cases have no order instead of inventing one', () => {
    const file = join(dir, 'toy-random.csv');
    writeFileSync(file, toyCsv('regression', 600, 4));
    const random = trainCaseType({ caseType: parseCaseType(toyDocument('regression'), 'toy-regression.json'), file, options: { bags: 2, interactions: 0 }, backtestFolds: 3 });
    expect(random.card.validation.backtest).toEqual({ kind: 'unordered', split: 'random 25% held out (seed 7)' });
  });
});
