/**
 * Where the handwriting pipeline finds the comparison model: ./comparison/ (a score model run through ONNX, score →
 * SLR with the reference set's ELUB bounds), under the set installed for the declared script — a lab's own sets in
 * `labSetsDir` first, then the shipped ones. Without a set for the script the model abstains and says why.
 */
import { compareWriterProfiles } from './comparison/index.ts';
import type { WriterComparator } from './writer-comparison.ts';

/** The installed comparison model's entry point, reading lab sets from `labSetsDir` when given. */
export function installedComparator(labSetsDir: string | null = null): WriterComparator {
  return (known, questioned, script) => compareWriterProfiles(known, questioned, script, { labSetsDir });
}
