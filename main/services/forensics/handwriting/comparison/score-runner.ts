/**
 * Handwriting score models on the onnxruntime adapter (main/services/onnx-session.ts): opens a set's model.onnx once per process and runs pair
 * feature rows through it, returning each pair's score and margin in double precision.
 */
import { FeatureSession } from '../../../onnx-session.ts';

/** What the ONNX model computes for n pairs. */
export interface ScoreOutputs {
  readonly score: Float64Array;
  readonly margin: Float64Array;
}

/** An opened ONNX score model: it runs n pair feature rows (row-major n × featureCount). */
export type ScoreRunner = FeatureSession<keyof ScoreOutputs>;

/** Opens ONNX bytes for a score model with `featureCount` pair features. */
export function openScoreRunner(bytes: Uint8Array, featureCount: number): Promise<ScoreRunner> {
  return FeatureSession.open(bytes, featureCount, 'the handwriting model', ['score', 'margin']);
}

const runners = new Map<string, Promise<ScoreRunner>>();

/** The runner of a model, opened once per process (keyed by the model's SHA-256). */
export function scoreRunnerFor(modelSha256: string, bytes: Uint8Array, featureCount: number): Promise<ScoreRunner> {
  let runner = runners.get(modelSha256);
  if (!runner) {
    runner = openScoreRunner(bytes, featureCount);
    runners.set(modelSha256, runner);
    runner.catch(() => runners.delete(modelSha256));
  }
  return runner;
}
