/**
 * Rolling-origin backtests of a decision case type on real data: for each fold the glass-box model is trained on
 * the cases up to a term and tested on the next terms, beside the majority class of the training fold and
 * scikit-learn's HistGradientBoosting trained on the same cases with the same encoded inputs.
 *
 * Run: `npx tsx scripts/decision-backtest.ts scdb [--version 1.1.0] [--case-types DIR] [--set name=value ...] [--no-sklearn]`
 * (`--set` overrides a training option for this run only, e.g. `--set minCategoryCount=40`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseRows } from '../models/cases/case-rows.ts';
import { findCaseType, loadCaseTypes } from '../models/cases/case-type.ts';
import { parseCsvBytes, readInputFile } from '../models/cases/csv.ts';
import { backtestFold, scdbFolds, type Fold, type FoldResult } from '../models/ebm/backtest.ts';
import { sklearnAvailability } from '../models/peers/sklearn-peer.ts';
import { argValues, parseOptions } from './decision-args.ts';

interface Backtest {
  readonly caseType: string;
  readonly file: string;
  readonly folds: readonly Fold[];
  /** Folds whose figures chose the settings (the rest were only reported). */
  readonly choiceFolds: number;
}

const backtests: Readonly<Record<string, Backtest>> = {
  scdb: {
    caseType: 'scdb-outcome',
    file: join('legal', 'scdb_justice_docket_1946_2004.csv.gz'),
    folds: scdbFolds,
    choiceFolds: 3,
  },
};

const percent = (v: number) => `${(v * 100).toFixed(2)}`;

function main(): void {
  const name = process.argv[2];
  const backtest = name ? backtests[name] : undefined;
  if (!backtest) throw new Error(`usage: decision-backtest.ts ${Object.keys(backtests).join('|')} [--version X] [--set name=value] [--no-sklearn]`);
  // The shared real-data folder beside the checkout, as the real-data tests find it.
  const file = join(fileURLToPath(new URL('../../shared/data/', import.meta.url)), backtest.file);
  const caseTypesDir = argValues('--case-types')[0];
  const caseType = findCaseType(caseTypesDir ? loadCaseTypes(caseTypesDir) : loadCaseTypes(), backtest.caseType, argValues('--version')[0]);
  const options = parseOptions(argValues('--set'));
  const sklearn = process.argv.includes('--no-sklearn') ? { available: false as const, reason: '--no-sklearn' } : sklearnAvailability();
  const data = caseRows(caseType, parseCsvBytes(readInputFile(file), file), file);
  console.log(`${caseType.id} ${caseType.version}, ${data.rows.length} cases from ${file}; options ${JSON.stringify({ ...caseType.meta.training, ...options })}; load ${readLoad()}`);
  console.log('fold                      train   test   ours  majority  sklearn  ours−maj  ours−skl  logloss  pred+%  test+%  seconds  answered%  ours  majority (on the answered cases)');
  const results: FoldResult[] = [];
  backtest.folds.forEach((fold, f) => {
    const label = `≤ ${fold.trainTo} → ${fold.testFrom}–${String(fold.testTo).slice(-2)}${f < backtest.choiceFolds ? '' : ' (held)'}`.padEnd(24);
    const result = backtestFold(caseType, data.outcome, data.rows, fold, { options, sklearn: sklearn.available });
    if (!result) {
      console.log(`${label}  ${String(data.rows.filter((r) => typeof r.time === 'number' && r.time <= fold.trainTo).length).padStart(6)}      0   (no cases in the shared file for these terms)`);
      return;
    }
    results.push(result);
    const { peer } = result;
    const cells = [
      String(result.trainCases).padStart(6),
      String(result.testCases).padStart(6),
      percent(result.accuracy).padStart(6),
      percent(result.majority).padStart(9),
      (peer === null ? '—' : percent(peer)).padStart(8),
      percent(result.accuracy - result.majority).padStart(9),
      (peer === null ? '—' : percent(result.accuracy - peer)).padStart(9),
      result.logLoss.toFixed(4).padStart(8),
      percent(result.predictedPositive).padStart(7),
      percent(result.actualPositive).padStart(7),
      result.seconds.toFixed(1).padStart(8),
      result.answered ? `${percent(result.answered.share).padStart(10)} ${percent(result.answered.accuracy).padStart(6)} ${percent(result.answered.majority).padStart(9)}` : '',
    ];
    console.log(`${label}  ${cells.join(' ')}`);
  });
  const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
  const summary = (what: string, rows: typeof results) => {
    if (rows.length === 0) return;
    const peers = rows.every((r) => r.peer !== null) ? rows.map((r) => r.peer!) : null;
    const ours = mean(rows.map((r) => r.accuracy));
    const majority = mean(rows.map((r) => r.majority));
    const margins = rows.map((r) => r.accuracy - r.majority);
    const spread = Math.max(...margins) - Math.min(...margins);
    console.log(
      `${what.padEnd(24)}  ${''.padStart(13)} ${percent(ours).padStart(6)} ${percent(majority).padStart(9)} ${(peers ? percent(mean(peers)) : '—').padStart(8)} ${percent(ours - majority).padStart(9)} ${(peers ? percent(ours - mean(peers)) : '—').padStart(9)}   (ours−maj spread ${percent(spread)} points)`,
    );
  };
  summary('mean, choice folds', results.filter((r) => backtest.folds.indexOf(r.fold) < backtest.choiceFolds));
  summary('mean, all folds', results);
  if (!sklearn.available) console.log(`scikit-learn not compared: ${sklearn.reason}`);
}

function readLoad(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

main();
