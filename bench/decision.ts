/**
 * Decision-support benchmarks on ../shared/data/legal (issue 5 targets in brackets), each figure next to a peer or
 * baseline measured in the same run:
 * 1. USSC FY2024 sentences, random 20% held out: MAE against the guideline minimum and scikit-learn's
 *    HistGradientBoostingRegressor on the same split, with its default squared loss and with the absolute loss
 *    [below the baseline; within 1% of the absolute-loss peer, issue 14]; 80% interval coverage [78–82%].
 * 2. SCDB 1946–2004, trained on terms ≤ 1994, tested on 1995–2004: accuracy against the majority class and
 *    HistGradientBoostingClassifier [above the majority; within 2 points of scikit-learn].
 * 3. Training on 50 000 cases [≤ 60 s] (the 45 265 USSC cases with a sentence, topped up with cases drawn again from
 *    them), on one thread and with the bags spread over the cores (checked to give the same model), and the ratios
 *    to scikit-learn's fit time on the same cases: squared loss with one thread and with every core, and absolute
 *    loss with one thread [≤ 10×, issue 14].
 * 4. Prediction with contributions and precedents (exact k-nearest search) over a 100 000-case corpus: per-case
 *    latency of the TypeScript path alone (baseline), the same with the precedent search, the ONNX path, and a
 *    judge's full consultation through the dispatcher (bounds, precedents, advice, audit entry) [p95 ≤ 20 ms].
 * Options: --skip-peer, --train N (50000), --corpus N (100000), --queries N (10000), --consultations N (2000),
 * --latency-only (train the USSC model without peers, then only item 4), --training-only (only item 3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCaseType, loadCaseTypes, type CaseType } from '../models/cases/case-type.ts';
import { explainCase } from '../main/services/decision/explain.ts';
import { validateFacts } from '../models/cases/facts.ts';
import { categoryCodes, encodeFacts } from '../models/gam/features.ts';
import { scoreCase } from '../models/gam/gam-model.ts';
import { writeModelFolder } from '../main/services/decision/model-store.ts';
import { PrecedentIndex, precedentCorpus } from '../main/services/decision/precedents.ts';
import { openOnnxModel } from '../main/services/decision/onnx-runner.ts';
import { openWorkstation } from '../main/services/workstation.ts';
import { accuracy, meanAbsoluteError } from '../models/ebm/metrics.ts';
import { seededRandom } from '../models/ebm/random.ts';
import { trainCaseType, type CaseTypeTraining } from '../models/ebm/train-case-type.ts';
import { caseRows, type CaseData } from '../models/cases/case-rows.ts';
import { parseCsvBytes, readInputFile } from '../models/cases/csv.ts';
import { targetValues, trainGam } from '../models/ebm/train.ts';
import { peerOnCases, runSklearnPeer, sklearnAvailability } from '../models/peers/sklearn-peer.ts';
import { numberOption } from './options.ts';
import { seconds } from './measure.ts';

const legal = new URL('../../shared/data/legal/', import.meta.url).pathname;
const ussc = join(legal, 'ussc_fy2024_sentencing.csv');
const scdb = join(legal, 'scdb_justice_docket_1946_2004.csv.gz');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function latencyLine(label: string, millis: number[]): string {
  const sorted = [...millis].sort((a, b) => a - b);
  return `  ${label}: p50 ${percentile(sorted, 0.5).toFixed(3)} ms, p95 ${percentile(sorted, 0.95).toFixed(3)} ms, p99 ${percentile(sorted, 0.99).toFixed(3)} ms (${sorted.length} cases)`;
}

function heldOut(caseType: CaseType, file: string, peer: boolean): CaseTypeTraining {
  const trained = trainCaseType({ caseType, file });
  const card = trained.card;
  console.log(`${caseType.id}: ${card.data.cases} cases; ${card.validation.split}; ${trained.train.length} training (of which ${card.validation.calibrationCases} calibration), ${trained.test.length} test`);
  console.log(`  glass-box model trained in ${trained.report.seconds.toFixed(2)} s (${trained.report.bags.length} bags; rounds ${trained.report.bags.map((b) => `${b.mainRounds}+${b.pairRounds}`).join(', ')})`);
  const availability = sklearnAvailability();
  // One thread: the figures compared here are accuracies, and OpenMP on a busy machine only adds noise.
  const peerResult = peer && availability.available ? peerOnCases(trained.model, trained.train, trained.test, 1) : null;
  // Regression: also the absolute loss, the issue's baseline (it fits the median, which the MAE rewards).
  const absolutePeer = peer && availability.available && trained.model.outcome.kind === 'regression' ? peerOnCases(trained.model, trained.train, trained.test, 1, 'absolute_error') : null;
  if (peer && !availability.available) console.log(`  scikit-learn peer skipped: ${availability.reason}`);
  const r = card.validation.regression;
  if (r) {
    console.log(`  MAE ${r.meanAbsoluteError.toFixed(3)} months   [below the guideline-minimum baseline; within 1% of scikit-learn's absolute-loss peer]`);
    for (const b of r.baselines) console.log(`  baseline ${b.name}: MAE ${b.meanAbsoluteError.toFixed(3)}`);
    for (const [loss, result] of [['squared', peerResult], ['absolute', absolutePeer]] as const) {
      if (!result) continue;
      const peerMae = meanAbsoluteError(result.predictions.map((p) => Math.max(0, p[0]!)), targetValues(trained.model.outcome, trained.test.map((t) => t.target)));
      console.log(`  peer scikit-learn ${result.sklearn} HistGradientBoostingRegressor, ${loss} loss (fit ${result.fitSeconds.toFixed(2)} s, ${result.iterations} iterations): MAE ${peerMae.toFixed(3)}; ratio ours/peer ${(r.meanAbsoluteError / peerMae).toFixed(4)}`);
    }
    console.log(`  conformal intervals: 80% ±${r.intervals.halfWidth80.toFixed(1)} covers ${(r.intervals.coverage80 * 100).toFixed(2)}% [78–82%]; 95% ±${r.intervals.halfWidth95.toFixed(1)} covers ${(r.intervals.coverage95 * 100).toFixed(2)}%`);
  }
  const c = card.validation.classification;
  if (c) {
    console.log(`  accuracy ${(c.accuracy * 100).toFixed(2)}%, log loss ${c.logLoss.toFixed(4)}, expected calibration error ${c.expectedCalibrationError.toFixed(4)}   [above the majority class; within 2 points of scikit-learn]`);
    for (const b of c.baselines) console.log(`  baseline ${b.name}: ${(b.accuracy * 100).toFixed(2)}%`);
    if (peerResult) {
      const peerAccuracy = accuracy(peerResult.predictions, targetValues(trained.model.outcome, trained.test.map((t) => t.target)));
      console.log(`  peer scikit-learn ${peerResult.sklearn} HistGradientBoostingClassifier (fit ${peerResult.fitSeconds.toFixed(2)} s): ${(peerAccuracy * 100).toFixed(2)}%; difference ${((c.accuracy - peerAccuracy) * 100).toFixed(2)} points`);
    }
  }
  for (const group of card.disparity) {
    const parts = group.groups.map((g) =>
      g.meanAbsoluteError !== undefined
        ? `${g.label} n=${g.cases} MAE ${g.meanAbsoluteError.toFixed(1)} signed ${g.meanSignedError?.toFixed(1)} cover80 ${((g.coverage80 ?? 0) * 100).toFixed(0)}%`
        : `${g.label} n=${g.cases} acc ${((g.accuracy ?? 0) * 100).toFixed(1)}%`,
    );
    console.log(`  disparity by ${group.attribute} (never an input): ${parts.join('; ')}`);
  }
  return trained;
}

function trainingTime(caseType: CaseType, data: CaseData, n: number, peer: boolean): void {
  const rows = data.rows;
  const random = seededRandom(50_000);
  // Every distinct case once, then repeats: a repeat in both a bag's fit and validation parts flatters the
  // validation loss and delays early stopping, so repeats are kept to the few needed to reach n.
  const drawn = n <= rows.length ? rows.slice(0, n) : [...rows, ...Array.from({ length: n - rows.length }, () => rows[Math.floor(random() * rows.length)]!)];
  const facts = drawn.map((r) => r.facts);
  const targets = drawn.map((r) => r.target);
  // The same model twice: on this thread alone, then with the bags spread over the cores (the default).
  const oneStarted = process.hrtime.bigint();
  const { model, report } = trainGam({ caseType, outcome: data.outcome, facts, targets, threads: 1 });
  const oneThread = seconds(oneStarted);
  const spreadStarted = process.hrtime.bigint();
  const spread = trainGam({ caseType, outcome: data.outcome, facts, targets });
  const spreadSeconds = seconds(spreadStarted);
  const loss = report.options.huberDelta > 0 ? `Huber loss (threshold ${report.options.huberDelta})` : 'squared loss';
  console.log(`training ${caseType.id} ${caseType.version} on ${n} cases (${Math.min(n, rows.length)} distinct USSC cases), ${loss}, ${report.bags.length} bags (rounds ${report.bags.map((b) => `${b.mainRounds}+${b.pairRounds}`).join(', ')}), ${report.pairs.length} pairs`);
  console.log(`  glass-box model, one thread: ${oneThread.toFixed(2)} s   [target ≤ 60 s]`);
  const same = JSON.stringify(spread.model) === JSON.stringify(model) ? 'the same model' : 'A DIFFERENT MODEL';
  const fallback = spread.report.threadFallback ? ` (${spread.report.threadFallback})` : '';
  console.log(`  glass-box model, bags on ${spread.report.threads} threads of ${cpus().length} cores${fallback}: ${spreadSeconds.toFixed(2)} s, ${same}; ${(oneThread / spreadSeconds).toFixed(2)} times as fast`);
  const ours = [
    ['one thread', oneThread],
    [`${spread.report.threads} threads`, spreadSeconds],
  ] as const;
  const availability = sklearnAvailability();
  if (!peer || !availability.available) {
    if (peer && !availability.available) console.log(`  scikit-learn peer skipped: ${availability.reason}`);
    return;
  }
  const x = drawn.map((r) => encodeFacts(model.features, r.facts));
  const y = targetValues(model.outcome, drawn.map((r) => r.target));
  // The squared loss is scikit-learn's default; the absolute loss is the issue's accuracy baseline, and the one
  // that matches a case type trained with the Huber loss (both fit towards the median).
  for (const [loss, threads] of [['squared_error', 1], ['squared_error', undefined], ['absolute_error', 1]] as const) {
    const result = runSklearnPeer({ task: 'regression', features: model.features, train: { x, y }, test: x.slice(0, 10), loss, ...(threads ? { threads } : {}) });
    const label = threads ? '1 thread' : `all ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`;
    const ratios = ours.map(([name, time]) => `${(time / result.fitSeconds).toFixed(1)} (ours on ${name})`).join(', ');
    console.log(`  peer scikit-learn HistGradientBoostingRegressor, ${loss.replace('_error', '')} loss (${label}): fit ${result.fitSeconds.toFixed(2)} s; ratio ours/peer ${ratios}`);
  }
}

async function latency(usscTraining: CaseTypeTraining, corpusSize: number, queries: number, consultations: number): Promise<void> {
  const { model, onnx } = usscTraining;
  const rows = usscTraining.data.rows;
  const random = seededRandom(100_000);
  const corpus = Array.from({ length: corpusSize }, () => rows[Math.floor(random() * rows.length)]!);
  const inputs = new Set(usscTraining.model.features.map((f) => f.field));
  const asked = Array.from({ length: queries }, () => {
    const facts = corpus[Math.floor(random() * corpus.length)]!.facts;
    return Object.fromEntries(Object.entries(facts).filter(([k]) => inputs.has(k)));
  });
  const caseType = findCaseType(loadCaseTypes(), model.caseType.id, model.caseType.version);
  const codes = categoryCodes(model.features);
  const time = async (work: (facts: Record<string, unknown>) => unknown): Promise<number[]> => {
    const millis: number[] = [];
    for (const facts of asked) {
      const started = process.hrtime.bigint();
      await work(facts);
      millis.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return millis;
  };
  const corpusData = precedentCorpus(caseType, { ...usscTraining.data, rows: corpus });
  const indexStarted = process.hrtime.bigint();
  const index = new PrecedentIndex(model.features, corpusData.cases, codes);
  console.log(`prediction with contributions and abstention, ${queries} cases drawn from a ${corpusSize}-case corpus (precedent index built in ${seconds(indexStarted).toFixed(2)} s)`);
  const encodeOnly = await time((facts) => encodeFacts(model.features, validateFacts(caseType, facts), codes));
  const reference = await time((facts) => {
    const valid = validateFacts(caseType, facts);
    const x = encodeFacts(model.features, valid, codes);
    return explainCase(model, valid, x, scoreCase(model, x));
  });
  const withPrecedents = await time((facts) => {
    const valid = validateFacts(caseType, facts);
    const x = encodeFacts(model.features, valid, codes);
    return [explainCase(model, valid, x, scoreCase(model, x)), index.nearest(x, valid, 5, (f) => f)];
  });
  const session = await openOnnxModel(onnx, model.features.length);
  const viaOnnx = await time(async (facts) => {
    const valid = validateFacts(caseType, facts);
    const x = encodeFacts(model.features, valid, codes);
    const out = await session.run(x, 1);
    return explainCase(model, valid, x, out);
  });
  await session.close();
  console.log(latencyLine('baseline: validate + encode only ', encodeOnly));
  console.log(latencyLine('TypeScript reference path        ', reference));
  console.log(latencyLine('TypeScript path + 5 precedents   ', withPrecedents) + `   [target p95 ≤ 20 ms over ${corpusSize} cases]`);
  console.log(latencyLine('ONNX path                        ', viaOnnx));

  // A judge's consultation end to end: dispatcher, access check, schema validation, ONNX, reference check,
  // explanation and the durable audit entry (SQLite WAL, synchronous=FULL).
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-decision-'));
  try {
    // Baseline: the same consultations with no corpus in the model folder; then with the 100 000-case corpus.
    const withoutCorpus = await consult(dir, 'ussc-plain', usscTraining, null, asked.slice(0, consultations));
    console.log(latencyLine('baseline: consultation without precedents + audit entry', withoutCorpus));
    const withCorpus = await consult(dir, 'ussc-corpus', usscTraining, corpusData, asked.slice(0, consultations));
    console.log(latencyLine('judge consultation with precedents + audit entry       ', withCorpus) + '   [target p95 ≤ 20 ms]');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A judge's consultations end to end: dispatcher, access check, schema validation, ONNX, reference check,
 * explanation, bounds, precedents, advice and the durable audit entry (SQLite WAL, synchronous=FULL).
 */
async function consult(root: string, name: string, training: CaseTypeTraining, corpus: ReturnType<typeof precedentCorpus> | null, asked: ReadonlyArray<Record<string, unknown>>): Promise<number[]> {
  const dir = join(root, name);
  const ws = openWorkstation({ dataDir: dir, scryptParams: { N: 1024, r: 8, p: 1 }, demoModels: false });
  try {
    writeModelFolder(join(dir, 'models', 'ussc'), training.model, training.onnx, training.card, corpus ?? undefined);
    const call = async (client: string, channel: string, payload: unknown) => {
      const result = await ws.dispatcher.invoke(client, channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await call('admin', 'auth.setupAdmin', { username: 'admin', displayName: 'Admin', password: 'bench password 1' });
    // The US research case types are consulted only where an administrator has enabled them.
    await call('admin', 'settings.update', { researchCaseTypes: true });
    await call('admin', 'users.add', { username: 'judge', displayName: 'Judge', role: 'judge', password: 'bench password 1' });
    await call('judge', 'auth.login', { username: 'judge', password: 'bench password 1' });
    await call('judge', 'decision.predict', { modelSha256: training.sha256, facts: asked[0] }); // opens the model and its corpus
    const millis: number[] = [];
    for (const facts of asked) {
      const started = process.hrtime.bigint();
      await call('judge', 'decision.predict', { modelSha256: training.sha256, facts });
      millis.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return millis;
  } finally {
    ws.close();
  }
}

/** Runs the decision suite. */
export async function run(args: string[]): Promise<void> {
  const latencyOnly = args.includes('--latency-only');
  const peer = !args.includes('--skip-peer') && !latencyOnly;
  const caseTypes = loadCaseTypes();
  const usscType = findCaseType(caseTypes, 'ussc-sentencing');
  if (args.includes('--training-only')) {
    // Item 3 alone: the cases are read as training reads them, without the held-out model and its peer.
    trainingTime(usscType, caseRows(usscType, parseCsvBytes(readInputFile(ussc), ussc), ussc), numberOption(args, 'train', 50_000), !args.includes('--skip-peer'));
    return;
  }
  const usscTraining = heldOut(usscType, ussc, peer);
  if (latencyOnly) {
    await latency(usscTraining, numberOption(args, 'corpus', 100_000), numberOption(args, 'queries', 10_000), numberOption(args, 'consultations', 2000));
    return;
  }
  heldOut(findCaseType(caseTypes, 'scdb-outcome'), scdb, peer);
  trainingTime(usscType, usscTraining.data, numberOption(args, 'train', 50_000), peer);
  await latency(usscTraining, numberOption(args, 'corpus', 100_000), numberOption(args, 'queries', 10_000), numberOption(args, 'consultations', 2000));
}
