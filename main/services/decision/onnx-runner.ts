/**
 * The one adapter to onnxruntime for decision models (DESIGN.md convention 4): opens a model's ONNX bytes and runs
 * encoded cases through it, returning the prediction, the score and every term's contribution in double precision.
 */
import onnxProto from 'onnx-proto';
import type * as Ort from 'onnxruntime-node';
import { modelMetadataKey } from '../../../models/gam/onnx-metadata.ts';

/** What the ONNX model computes for n cases (row-major: n × width). */
export interface OnnxOutputs {
  readonly prediction: Float64Array;
  readonly score: Float64Array;
  readonly terms: Float64Array;
}

/** The model JSON embedded in ONNX bytes, or null when there is none. */
export function embeddedModelText(bytes: Uint8Array): string | null {
  const proto = onnxProto.onnx.ModelProto.decode(bytes);
  return proto.metadataProps.find((p) => p.key === modelMetadataKey)?.value ?? null;
}

function float64(tensor: Ort.Tensor | undefined, name: string): Float64Array {
  if (!tensor || tensor.type !== 'float64') throw new Error(`the ONNX model's ${name} output is not a double tensor`);
  return tensor.data as Float64Array;
}

/** An opened ONNX decision model. */
export class OnnxModel {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly featureCount: number,
  ) {}

  /** Opens ONNX bytes for a model with `featureCount` inputs. */
  static async open(bytes: Uint8Array, featureCount: number): Promise<OnnxModel> {
    // Loaded on first use: the native runtime takes ~80 ms to load, which commands that use no model should not pay.
    const ort = await import('onnxruntime-node');
    // One thread: a consultation is one case, and the workstation's other work keeps the remaining cores.
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    return new OnnxModel(ort, session, featureCount);
  }

  /** Runs n encoded cases (row-major n × featureCount; NaN = missing). */
  async run(features: Float64Array, n: number): Promise<OnnxOutputs> {
    if (features.length !== n * this.featureCount) throw new Error(`expected ${n} × ${this.featureCount} features, got ${features.length}`);
    const out = await this.session.run({ features: new this.ort.Tensor('float64', features, [n, this.featureCount]) });
    return { prediction: float64(out.prediction, 'prediction'), score: float64(out.score, 'score'), terms: float64(out.terms, 'terms') };
  }

  /** Frees the session. */
  async close(): Promise<void> {
    await this.session.release();
  }
}
