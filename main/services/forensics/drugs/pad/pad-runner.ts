/**
 * The PAD model at run time: the model folder (shipped: assets/drugs/pad/; or any folder `dalel drugs pad-train`
 * wrote) opened once in onnxruntime, and the answers built from its outputs: ingredient, `Drug %`, abstention.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Ort from 'onnxruntime-node';
import { readPadFolder, type PadFolder } from '../../../../../models/drugs/pad-folder.ts';
import { padFeatureCount } from '../../../../../models/drugs/pad-layout.ts';
import { padAbstention, padDerivedCount, padNoDrugClasses, type PadAbstention, type PadModel } from '../../../../../models/drugs/pad-model.ts';
import { badInput } from '../../../errors.ts';

/** What the model says about one card. */
export interface PadClassification {
  /** The most probable ingredient (`Contains`), reported even when the model abstains. */
  readonly predicted: string;
  readonly probabilities: Record<string, number>;
  readonly concentration: {
    /** The most probable `Drug %`; null when the most probable ingredient is no drug (blank, swiped-but-not-run). */
    readonly predicted: number | null;
    readonly probabilities: Record<string, number>;
  };
  /** Null when the model answers; otherwise why it should not be relied on. */
  readonly abstention: PadAbstention | null;
  readonly model: { readonly hash: string; readonly algorithm: string; readonly version: number };
}

/** The shipped model folder (source tree or built tree). */
export function defaultPadModelDir(): string {
  const candidates = ['../../../../../', '../../../../../../'].map((up) => fileURLToPath(new URL(`${up}assets/drugs/pad/`, import.meta.url)));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

const argmax = (p: ArrayLike<number>, offset: number, k: number) => {
  let best = 0;
  for (let j = 1; j < k; j += 1) if (p[offset + j]! > p[offset + best]!) best = j;
  return best;
};

function float64(tensor: Ort.Tensor | undefined, name: string): Float64Array {
  if (!tensor || tensor.type !== 'float64') throw new Error(`the PAD model's ${name} output is not a double tensor`);
  return tensor.data as Float64Array;
}

/** An opened PAD model. */
export class PadRunner {
  private constructor(
    readonly folder: PadFolder,
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
  ) {}

  get model(): PadModel {
    return this.folder.model;
  }

  static async open(dir: string): Promise<PadRunner> {
    const folder = readPadFolder(dir);
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(folder.onnx, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new PadRunner(folder, ort, session);
  }

  /** The raw ONNX outputs for n cards (row-major n × 360). */
  async scores(features: Float64Array, n: number): Promise<{ identity: Float64Array; concentration: Float64Array; inputs: Float64Array }> {
    if (features.length !== n * padFeatureCount) throw new Error(`expected ${n} × ${padFeatureCount} features, got ${features.length}`);
    const out = await this.session.run({ features: new this.ort.Tensor('float64', features, [n, padFeatureCount]) });
    return { identity: float64(out.identity, 'identity'), concentration: float64(out.concentration, 'concentration'), inputs: float64(out.inputs, 'inputs') };
  }

  /** Classifies n cards. */
  async classify(features: Float64Array, n: number): Promise<PadClassification[]> {
    const { identity, concentration, inputs } = await this.scores(features, n);
    const model = this.model;
    const D = model.identity.classes.length;
    const C = model.concentration.classes.length;
    const info = { hash: this.folder.sha256, algorithm: model.algorithm, version: model.version };
    return Array.from({ length: n }, (_, i) => {
      const predicted = model.identity.classes[argmax(identity, i * D, D)]!;
      const probabilities: Record<string, number> = {};
      model.identity.classes.forEach((label, d) => (probabilities[label] = identity[i * D + d]!));
      const concentrationProbabilities: Record<string, number> = {};
      model.concentration.classes.forEach((label, c) => (concentrationProbabilities[String(label)] = concentration[i * C + c]!));
      return {
        predicted,
        probabilities,
        concentration: {
          predicted: padNoDrugClasses.includes(predicted) ? null : model.concentration.classes[argmax(concentration, i * C, C)]!,
          probabilities: concentrationProbabilities,
        },
        abstention: padAbstention(model, identity, i * D, inputs, i * padDerivedCount),
        model: info,
      };
    });
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

const opened = new Map<string, Promise<PadRunner>>();

/** The PAD model in `dir` (default: the shipped one), opened once per process. */
export function padRunner(dir: string = defaultPadModelDir()): Promise<PadRunner> {
  const key = resolve(dir);
  let runner = opened.get(key);
  if (!runner) {
    runner = PadRunner.open(key);
    runner.catch(() => opened.delete(key));
    opened.set(key, runner);
  }
  return runner;
}

/** Checks one card's features: 360 finite values in 0–255. */
export function checkPadFeatures(features: readonly number[], name = 'features'): Float64Array {
  if (features.length !== padFeatureCount) throw badInput(name, 'bad-pad-features', `expected ${padFeatureCount} values (12 lanes × 10 regions × RGB), got ${features.length}`);
  features.forEach((v, k) => {
    if (!Number.isFinite(v) || v < 0 || v > 255) throw badInput(name, 'bad-pad-features', `value ${k + 1} is ${v}, not a number in 0–255`, { column: k + 1 });
  });
  return Float64Array.from(features);
}
