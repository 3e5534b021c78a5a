import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BagThreads, type BagThreadOptions } from '../../../models/ebm/bag-threads.ts';
import { defaultThreads, parallelFromCases, trainGam } from '../../../models/ebm/train.ts';
import { toyCases, toyCaseType, type ToyTask } from '../../decision/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dalel-bag-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function train(task: ToyTask, threads: number, options: Record<string, number> = {}) {
  const caseType = toyCaseType(task);
  const cases = toyCases(task, 3000, 5);
  return trainGam({ caseType, outcome: caseType.meta.outcomes[0]!, facts: cases.map((c) => c.facts), targets: cases.map((c) => c.target), options: { bags: 3, interactions: 4, ...options }, threads });
}

describe('bags trained on worker threads', () => {
  it.each(['regression', 'binary', 'multiclass'] as const)('give the same %s model, to the last bit, as one thread', (task) => {
    const one = train(task, 1);
    const three = train(task, 3);
    expect(one.report.threads).toBe(1);
    expect(three.report.threads).toBe(3);
    expect(three.report.threadFallback).toBeNull();
    expect(one.model.terms.length).toBeGreaterThan(one.model.features.length);
    expect(three.model).toStrictEqual(one.model);
    expect(three.report.bags).toEqual(one.report.bags);
    expect(three.report.pairs).toEqual(one.report.pairs);
  });

  it('give the same model without pairs, with more threads than bags asked for', () => {
    const one = train('regression', 1, { interactions: 0, bags: 2 });
    const many = train('regression', 8, { interactions: 0, bags: 2 });
    expect(many.report.threads).toBe(2);
    expect(many.report.pairs).toEqual([]);
    expect(many.model).toStrictEqual(one.model);
  });

  it('are trained on this thread, with the reason, when the worker code cannot load', () => {
    const broken = join(scratch, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('not a worker');\n");
    const missing = join(scratch, 'missing-worker.mjs');
    const data = {
      y: Float64Array.from({ length: 200 }, (_, i) => i % 7),
      mainBins: [Uint16Array.from({ length: 200 }, (_, i) => 2 + (i % 5))],
      inputs: [{ cells: 7, categorical: false }],
      pairBinOf: [Uint16Array.from({ length: 7 }, (_, b) => b)],
      pairCells: [7],
      loss: { kind: 'regression' as const, classes: 1, huberDelta: 0 },
      settings: { learningRate: 0.3, maxRounds: 50, patience: 5, tolerance: 1e-5, maxLeaves: 3, minLeafCount: 2, lambda: 0, categorySmoothing: 10, maxDeltaStep: Infinity },
      maxPairRounds: 10,
      validationFraction: 0.2,
      seed: 3,
      rankPairs: false,
    };
    const run = (threads: number, options: BagThreadOptions = {}) => {
      const pool = new BagThreads(threads, options);
      try {
        return pool.train(data, 2, () => []);
      } finally {
        pool.close();
      }
    };
    const serial = run(1);
    expect(serial.threads).toBe(1);
    for (const [workerFile, reason] of [[missing, /missing/], [broken, /did not start within 3 s/]] as const) {
      const fallen = run(2, { workerFile, readyMillis: 3000 });
      expect(fallen.threads).toBe(1);
      expect(fallen.fallback).toMatch(reason);
      expect(fallen.mains.map((m) => Array.from(m.mains[0]!))).toEqual(serial.mains.map((m) => Array.from(m.mains[0]!)));
    }
  });

  it('are used by default only from enough cases to pay for starting a thread', () => {
    expect(defaultThreads(parallelFromCases - 1, 3)).toBe(1);
    expect(defaultThreads(parallelFromCases, 1)).toBe(1);
    expect(defaultThreads(parallelFromCases, 3)).toBe(Math.min(3, availableParallelism()));
  });
});
