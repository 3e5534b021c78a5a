/**
 * PAD cards (paper analytical devices, Notre Dame design) for the drugs module: classify a card's 12 × 10 region
 * colours, or read them from a photo first. The answers are presumptive: an ingredient the colours are consistent
 * with, for confirmatory analysis.
 */
import { padRunner, checkPadFeatures, type PadClassification } from './pad-runner.ts';

export { defaultPadModelDir, padRunner, PadRunner, checkPadFeatures, type PadClassification } from './pad-runner.ts';
export { readPadCardPhoto, type PadCardPhotoReading } from './pad-photo.ts';

export interface PadOptions {
  /** A model folder (`dalel drugs pad-train --out DIR`); default: the shipped model, assets/drugs/pad/. */
  readonly modelDir?: string;
}

/** Classifies one card from its 360 region means (CSV layout A1-R, A1-G, A1-B, … L10-B; 0–255). */
export async function classifyPadFeatures(features: readonly number[], options: PadOptions = {}): Promise<PadClassification> {
  const values = checkPadFeatures(features);
  const runner = await padRunner(options.modelDir);
  return (await runner.classify(values, 1))[0]!;
}

/** Classifies n cards at once (row-major n × 360). */
export async function classifyPadBatch(features: Float64Array, n: number, options: PadOptions = {}): Promise<PadClassification[]> {
  const runner = await padRunner(options.modelDir);
  return runner.classify(features, n);
}
