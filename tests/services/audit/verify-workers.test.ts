import { describe, expect, it } from 'vitest';
import { bundleFiles, defaultWorkers, workersFor, workerThresholdBytes } from '../../../main/services/audit/bundle-verify.ts';

const withEntriesOf = (bytes: number | null) => ({ size: (name: string) => (name === bundleFiles.entries ? bytes : null) });

describe('worker threads for a verification nobody chose them for', () => {
  it('uses every core for a bundle whose entries.jsonl reaches the threshold, none below it or without the file', () => {
    const cores = defaultWorkers();
    expect(workersFor(withEntriesOf(workerThresholdBytes))).toBe(cores > 1 ? cores : 0);
    expect(workersFor(withEntriesOf(workerThresholdBytes - 1))).toBe(0);
    expect(workersFor(withEntriesOf(200_000))).toBe(0);
    expect(workersFor(withEntriesOf(null))).toBe(0);
  });
});
