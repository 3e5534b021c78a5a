/**
 * Where the handwriting pipeline finds the comparison model. The model (training, ONNX export, score → SLR with its
 * reference set and ELUB bounds) lives in ./comparison/; until it is installed there is none, and comparisons abstain.
 */
import type { WriterComparator } from './writer-comparison.ts';

/** The installed comparison model's entry point, or null when none is installed. */
export function installedComparator(): WriterComparator | null {
  return null;
}
