/**
 * The one adapter to onnxruntime (DESIGN.md convention 4): opens ONNX bytes whose graph takes one `features` double
 * tensor of n rows and runs rows through it, returning the named double outputs.
 */
import type * as Ort from 'onnxruntime-node';

/** An opened ONNX graph with one n × featureCount double input named `features` and double outputs K. */
export class FeatureSession<K extends string> {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly featureCount: number,
    private readonly modelName: string,
    private readonly outputs: readonly K[],
  ) {}

  /** Opens ONNX bytes; `modelName` ("the ONNX model") names the model in the error for a missing or wrong output. */
  static async open<K extends string>(bytes: Uint8Array, featureCount: number, modelName: string, outputs: readonly K[]): Promise<FeatureSession<K>> {
    // Loaded on first use: the native runtime takes ~80 ms to load, which commands that use no model should not pay.
    const ort = await import('onnxruntime-node');
    // One thread: a consultation or a comparison is small, and the workstation's other work keeps the remaining cores.
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new FeatureSession(ort, session, featureCount, modelName, outputs);
  }

  /** Runs n feature rows (row-major n × featureCount; NaN = missing) and returns the outputs, each a double tensor. */
  async run(features: Float64Array, n: number): Promise<Record<K, Float64Array>> {
    if (features.length !== n * this.featureCount) throw new Error(`expected ${n} × ${this.featureCount} features, got ${features.length}`);
    const out = await this.session.run({ features: new this.ort.Tensor('float64', features, [n, this.featureCount]) });
    const result = {} as Record<K, Float64Array>;
    for (const name of this.outputs) {
      const tensor = out[name];
      if (!tensor || tensor.type !== 'float64') throw new Error(`${this.modelName}'s ${name} output is not a double tensor`);
      result[name] = tensor.data as Float64Array;
    }
    return result;
  }

  /** Frees the session. */
  async close(): Promise<void> {
    await this.session.release();
  }
}
