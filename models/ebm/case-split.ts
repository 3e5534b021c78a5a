/**
 * Held-out validation splits as a case type declares them: at random with a fixed seed (USSC: one fiscal year, no
 * time order to respect), or by time (SCDB: train on earlier terms, test on later ones), which is the honest test of
 * a model that will be used on future cases.
 */
import type { SplitSpec } from '../cases/case-type.ts';
import type { CaseRow } from '../cases/case-rows.ts';
import { randomSplit, seededRandom } from './random.ts';

/** Training and test cases, by index into the rows. */
export interface CaseSplit {
  readonly train: Uint32Array;
  readonly test: Uint32Array;
  readonly description: string;
}

/** Splits rows as the spec says; rows without a time value cannot be placed in a temporal split and are left out. */
export function splitCases(spec: SplitSpec, rows: readonly CaseRow[]): CaseSplit {
  if (spec.kind === 'random') {
    const [test, train] = randomSplit(Uint32Array.from(rows, (_, i) => i), spec.testFraction, seededRandom(spec.seed));
    return { train, test, description: `random ${Math.round(spec.testFraction * 100)}% held out (seed ${spec.seed})` };
  }
  const train: number[] = [];
  const test: number[] = [];
  rows.forEach((row, i) => {
    if (row.time === null) return;
    (row.time >= spec.testFrom ? test : train).push(i);
  });
  return { train: Uint32Array.from(train), test: Uint32Array.from(test), description: `trained before ${spec.field} ${spec.testFrom}, tested from ${spec.testFrom}` };
}
