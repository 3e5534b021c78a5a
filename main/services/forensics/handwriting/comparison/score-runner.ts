/**
 * The adapter to onnxruntime for handwriting score models: opens a set's model.onnx once per process and runs pair
 * feature rows through it, returning each pair's score and margin in double precision.
 */
import type * as Ort from 'onnxruntime-node';

/** What the ONNX model computes for n pairs. */
export interface ScoreOutputs {
  readonly score: Float64Array;
  readonly margin: Float64Array;
}

function float64(tensor: Ort.Tensor | undefined, name: string): Float64Array {
  if (!tensor || tensor.type !== 'float64') throw new Error(`the handwriting model's ${name} output is not a double tensor`);
  return tensor.data as Float64Array;
}

/** An opened ONNX score model. */
export class ScoreRunner {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly featureCount: number,
  ) {}

  /** Opens ONNX bytes for a model with `featureCount` pair features. */
  static async open(bytes: Uint8Array, featureCount: number): Promise<ScoreRunner> {
    // Loaded on first use, as the decision runner does: commands that score nothing do not pay for the native runtime.
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new ScoreRunner(ort, session, featureCount);
  }

  /** Runs n pair feature rows (row-major n × featureCount). */
  async run(features: Float64Array, n: number): Promise<ScoreOutputs> {
    if (features.length !== n * this.featureCount) throw new Error(`expected ${n} × ${this.featureCount} features, got ${features.length}`);
    const out = await this.session.run({ features: new this.ort.Tensor('float64', features, [n, this.featureCount]) });
    return { score: float64(out.score, 'score'), margin: float64(out.margin, 'margin') };
  }
}

const runners = new Map<string, Promise<ScoreRunner>>();

/** The runner of a model, opened once per process (keyed by the model's SHA-256). */
export function scoreRunnerFor(modelSha256: string, bytes: Uint8Array, featureCount: number): Promise<ScoreRunner> {
  let runner = runners.get(modelSha256);
  if (!runner) {
    runner = ScoreRunner.open(bytes, featureCount);
    runners.set(modelSha256, runner);
    runner.catch(() => runners.delete(modelSha256));
  }
  return runner;
}
