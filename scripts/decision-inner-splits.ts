/**
 * Model selection on inner splits of a randomly split case type's training cases, never its test cases: for each seed
 * the training cases are split 80/20 again, the model is trained on the 80 % and scored on the 20 %: MAE, 80 % interval
 * coverage overall, and per group of each protected attribute (groups of at least --min-group validation cases) the
 * coverage with the share of sentences below and above the interval. The settings a case type ships with are chosen
 * on these figures; the test split is looked at once, after.
 *
 * Run: `npx tsx scripts/decision-inner-splits.ts ussc [--seeds 77,78,79] [--set name=value ...] [--intervals JSON] [--min-group 300]
 * [--peer all|pairwise|none]` (`--set` overrides a training option, `--intervals` the case type's `x-dalel.intervals`,
 * for this run only; `--peer` also fits scikit-learn's absolute-loss HistGradientBoosting on the same inner split, its
 * trees free, restricted to pairs of inputs or to one input, and prints our MAE as a ratio of its).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseRows, type CaseData, type CaseRow } from '../models/cases/case-rows.ts';
import { findCaseType, loadCaseTypes, type CaseType } from '../models/cases/case-type.ts';
import { parseCsvBytes, readInputFile } from '../models/cases/csv.ts';
import { stratumOf } from '../models/ebm/conformal.ts';
import { splitCases } from '../models/ebm/case-split.ts';
import { evaluateModel } from '../models/ebm/evaluate.ts';
import { meanAbsoluteError } from '../models/ebm/metrics.ts';
import { randomSplit, seededRandom } from '../models/ebm/random.ts';
import { peerOnCases, sklearnAvailability, type PeerInteractions } from '../models/peers/sklearn-peer.ts';
import { trainGam, type EbmOptions } from '../models/ebm/train.ts';
import { argValues, parseOptions } from './decision-args.ts';

const datasets: Readonly<Record<string, { readonly caseType: string; readonly file: string }>> = {
  ussc: { caseType: 'ussc-sentencing', file: join('legal', 'ussc_fy2024_sentencing.csv') },
};

const percent = (v: number) => (v * 100).toFixed(1);

/** One inner split: train on 80 % of the training cases, score the other 20 %, print overall and per-group figures. */
function innerSplit(caseType: CaseType, outcome: CaseData['outcome'], rows: readonly CaseRow[], seed: number, options: Partial<EbmOptions>, minGroup: number, peer: PeerInteractions | null): number {
  const [validation, fit] = randomSplit(Uint32Array.from(rows, (_, i) => i), 0.2, seededRandom(seed));
  const train = Array.from(fit, (i) => rows[i]!);
  const test = Array.from(validation, (i) => rows[i]!);
  const started = performance.now();
  const { model } = trainGam({ caseType, outcome, facts: train.map((r) => r.facts), targets: train.map((r) => r.target), synthetic: false, options });
  const seconds = (performance.now() - started) / 1000;
  const evaluation = evaluateModel(model, caseType, train, test);
  const r = evaluation.validation.regression!;
  const at80 = evaluation.intervals!.at80;
  const y = test.map((row) => row.target as number);
  const cells: string[] = [];
  let least = 1;
  for (const field of caseType.fields.filter((f) => f.role.role === 'protected')) {
    const groups = new Map<string, number[]>();
    test.forEach((row, i) => {
      const key = stratumOf(field.name, row.facts);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const [value, members] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
      if (members.length < minGroup) continue;
      const below = members.filter((i) => y[i]! < at80[i]![0]).length / members.length;
      const above = members.filter((i) => y[i]! > at80[i]![1]).length / members.length;
      least = Math.min(least, 1 - below - above);
      cells.push(`${field.name}=${value} n${members.length} ${percent(1 - below - above)} (−${percent(below)} +${percent(above)})`);
    }
  }
  const width = r.intervals.normalised?.meanWidth80 ?? 2 * r.intervals.halfWidth80;
  console.log(`seed ${seed}: MAE ${r.meanAbsoluteError.toFixed(3)}, 80% coverage ${percent(r.intervals.coverage80)}, mean width ${width.toFixed(1)}, least-covered group ${percent(least)}; trained in ${seconds.toFixed(1)} s`);
  if (peer !== null) {
    const fitted = peerOnCases(model, train, test, 1, 'absolute_error', peer);
    const peerMae = meanAbsoluteError(fitted.predictions.map((p) => Math.max(0, p[0]!)), y);
    console.log(`  scikit-learn ${fitted.sklearn} absolute loss, interactions ${peer}: MAE ${peerMae.toFixed(3)}; ours/peer ${(r.meanAbsoluteError / peerMae).toFixed(4)}`);
  }
  for (const cell of cells) console.log(`  ${cell}`);
  return least;
}

function main(): void {
  const name = process.argv[2];
  const dataset = name ? datasets[name] : undefined;
  if (!dataset) throw new Error(`usage: decision-inner-splits.ts ${Object.keys(datasets).join('|')} [--seeds 77,78,79] [--set name=value] [--intervals JSON] [--min-group N] [--peer all|pairwise|none]`);
  const file = join(fileURLToPath(new URL('../../shared/data/', import.meta.url)), dataset.file);
  const shipped = findCaseType(loadCaseTypes(), dataset.caseType, argValues('--version')[0]);
  const intervals = argValues('--intervals')[0];
  const caseType: CaseType = intervals ? { ...shipped, meta: { ...shipped.meta, intervals: JSON.parse(intervals) as CaseType['meta']['intervals'] } } : shipped;
  if (caseType.meta.split.kind !== 'random') throw new Error(`${caseType.id}: inner splits are for randomly split case types; a temporal one is backtested (decision-backtest.ts)`);
  const data = caseRows(caseType, parseCsvBytes(readInputFile(file), file), file);
  const split = splitCases(caseType.meta.split, data.rows);
  const rows = Array.from(split.train, (i) => data.rows[i]!);
  const seeds = (argValues('--seeds')[0] ?? '77,78,79').split(',').map(Number);
  const options = parseOptions(argValues('--set'));
  const minGroup = Number(argValues('--min-group')[0] ?? 300);
  const peerArg = argValues('--peer')[0];
  if (peerArg !== undefined && !['all', 'pairwise', 'none'].includes(peerArg)) throw new Error(`--peer ${peerArg}: give all, pairwise or none`);
  const peer = (peerArg ?? null) as PeerInteractions | null;
  if (peer !== null) {
    const availability = sklearnAvailability();
    if (!availability.available) throw new Error(availability.reason);
  }
  console.log(`${caseType.id} ${caseType.version}: ${rows.length} training cases (the ${split.test.length} test cases are never read); intervals ${JSON.stringify(caseType.meta.intervals)}; options ${JSON.stringify({ ...caseType.meta.training, ...options })}`);
  const least = seeds.map((seed) => innerSplit(caseType, data.outcome, rows, seed, options, minGroup, peer));
  console.log(`least-covered group of ≥ ${minGroup} validation cases, by seed: ${least.map(percent).join(' / ')}`);
}

main();
