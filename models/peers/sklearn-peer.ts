/**
 * Runs scikit-learn's HistGradientBoosting (models/peers/sklearn-hgb.py, Debian's python3-sklearn) on exactly the
 * cases and encoded features the glass-box model uses, so that accuracy and training time can be compared on the
 * same split. A peer for benchmarks and real-data tests only, never a runtime dependency.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseRow } from '../cases/case-rows.ts';
import { encodeFacts, type FeatureSpec } from '../gam/features.ts';
import type { GamModel } from '../gam/gam-model.ts';
import { targetValues } from '../ebm/train.ts';

const script = fileURLToPath(new URL('./sklearn-hgb.py', import.meta.url));

/**
 * The first Python with scikit-learn: $DALEL_PYTHON, then `python3` on the PATH, then Debian's /usr/bin/python3
 * (where python3-sklearn installs, and which a pyenv or virtualenv `python3` on the PATH may hide).
 */
export function sklearnAvailability(): { available: true; python: string; version: string } | { available: false; reason: string } {
  const candidates = [process.env.DALEL_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => Boolean(p));
  const reasons: string[] = [];
  for (const python of [...new Set(candidates)]) {
    const probe = spawnSync(python, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
    if (probe.status === 0) return { available: true, python, version: probe.stdout.trim() };
    reasons.push(`${python}: ${probe.error ? probe.error.message : probe.stderr.trim().split('\n').pop()}`);
  }
  return { available: false, reason: `no Python with scikit-learn (apt-get install python3-sklearn, or set DALEL_PYTHON): ${reasons.join('; ')}` };
}

/** The peer's answer: predictions for the test cases and its own timings. */
export interface PeerResult {
  /** One value per test case (regression) or the class probabilities. */
  readonly predictions: number[][];
  readonly fitSeconds: number;
  readonly wallSeconds: number;
  readonly iterations: number;
  readonly sklearn: string;
  readonly threads: string;
}

/** What the peer trains and predicts on: encoded cases (see features.ts) and targets (values or class indexes). */
export interface PeerInput {
  readonly task: 'regression' | 'classification';
  readonly features: readonly FeatureSpec[];
  readonly train: { readonly x: readonly ArrayLike<number>[]; readonly y: ArrayLike<number> };
  readonly test: readonly ArrayLike<number>[];
  readonly seed?: number;
  /** OMP_NUM_THREADS for the peer (default: all cores). */
  readonly threads?: number;
  /** Regression loss (default: scikit-learn's squared error; absolute error fits the median, as MAE rewards). */
  readonly loss?: 'squared_error' | 'absolute_error';
  /**
   * Which inputs a tree may combine (default: any): 'pairwise' allows no path through more than two inputs (the
   * model is then a GA²M, as ours), 'none' one input per tree (a GAM). For diagnosing where a gap lies.
   */
  readonly interactions?: PeerInteractions;
}

/** How far the peer's trees may combine inputs: freely, in pairs, or one at a time. */
export type PeerInteractions = 'all' | 'pairwise' | 'none';

/**
 * The encoded value as the peer reads it: NaN stays missing; a categorical "other" (-1) becomes a category of its
 * own after the listed ones, because scikit-learn treats negative categories as missing.
 */
function peerValue(feature: FeatureSpec, v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (feature.kind === 'categorical' && v < 0) return String(feature.categories?.length ?? 0);
  return String(v);
}

/** Trains the peer on the training cases and predicts the test cases. */
export function runSklearnPeer(input: PeerInput): PeerResult {
  const availability = sklearnAvailability();
  if (!availability.available) throw new Error(availability.reason);
  const dir = mkdtempSync(join(tmpdir(), 'dalel-peer-'));
  try {
    const data = join(dir, 'cases.csv');
    const predictions = join(dir, 'predictions.txt');
    const header = [...input.features.map((_, j) => `f${j}`), 'target', 'split'].join(',');
    const line = (x: ArrayLike<number>, y: number, split: string) => [...input.features.map((f, j) => peerValue(f, x[j]!)), String(y), split].join(',');
    const lines = [header, ...input.train.x.map((x, i) => line(x, input.train.y[i]!, 'train')), ...input.test.map((x) => line(x, 0, 'test'))];
    writeFileSync(data, `${lines.join('\n')}\n`);
    const categorical = input.features.flatMap((f, j) => (f.kind === 'categorical' ? [String(j)] : [])).join(',');
    const started = process.hrtime.bigint();
    const stdout = execFileSync(
      availability.python,
      [script, '--data', data, '--task', input.task, '--categorical', categorical, '--predictions', predictions, '--seed', String(input.seed ?? 0), '--loss', input.loss ?? 'squared_error', '--interactions', input.interactions ?? 'all'],
      { encoding: 'utf8', env: { ...process.env, ...(input.threads ? { OMP_NUM_THREADS: String(input.threads) } : {}) }, maxBuffer: 1 << 24 },
    );
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { fitSeconds: number; iterations: number; sklearn: string; threads: string };
    const values = readFileSync(predictions, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ').map(Number));
    return { predictions: values, fitSeconds: report.fitSeconds, wallSeconds, iterations: report.iterations, sklearn: report.sklearn, threads: report.threads };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the peer on the same training and test cases as a model, with the model's encoding of the inputs. */
export function peerOnCases(model: GamModel, train: readonly CaseRow[], test: readonly CaseRow[], threads?: number, loss?: PeerInput['loss'], interactions?: PeerInteractions): PeerResult {
  return runSklearnPeer({
    task: model.outcome.kind,
    features: model.features,
    train: { x: train.map((r) => encodeFacts(model.features, r.facts)), y: targetValues(model.outcome, train.map((r) => r.target)) },
    test: test.map((r) => encodeFacts(model.features, r.facts)),
    ...(threads ? { threads } : {}),
    ...(loss ? { loss } : {}),
    ...(interactions ? { interactions } : {}),
  });
}
