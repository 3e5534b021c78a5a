/**
 * Decision models on the onnxruntime adapter (onnx-session.ts): opens a model's ONNX bytes and runs
 * encoded cases through it, returning the prediction, the score and every term's contribution in double precision.
 */
import onnxProto from 'onnx-proto';
import { modelMetadataKey } from '../../../models/gam/onnx-metadata.ts';
import { FeatureSession } from '../onnx-session.ts';

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

/** An opened ONNX decision model: it runs n encoded cases (row-major n × featureCount; NaN = missing). */
export type OnnxModel = FeatureSession<keyof OnnxOutputs>;

/** Opens ONNX bytes for a decision model with `featureCount` inputs. */
export function openOnnxModel(bytes: Uint8Array, featureCount: number): Promise<OnnxModel> {
  return FeatureSession.open(bytes, featureCount, 'the ONNX model', ['prediction', 'score', 'terms']);
}
