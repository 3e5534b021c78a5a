import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWriterProfiles, listHandwritingSets, readHandwritingSet, scoreProfilePairs, shippedHandwritingSetsDir } from '../../main/services/forensics/handwriting/comparison/index.ts';
import { sha256OfBytes } from '../../core/canonical-json.ts';
import { syntheticProfiles } from '../helpers/handwriting-profiles.ts';

const latinDir = join(shippedHandwritingSetsDir(), 'latin');
const latin = readHandwritingSet(latinDir);
const profiles = syntheticProfiles(4, 3, 2 * latin.reference.minGraphs, 21);

describe('installed handwriting sets', () => {
  it('lists the shipped Latin set with the hashes of its files', () => {
    const sets = listHandwritingSets();
    const entry = sets.find((s) => s.script === 'latin')!;
    expect(entry.shipped).toBe(true);
    expect(entry.modelSha256).toBe(sha256OfBytes(new Uint8Array(readFileSync(join(latinDir, 'model.onnx')))));
    expect(entry.referenceSha256).toBe(sha256OfBytes(new Uint8Array(readFileSync(join(latinDir, 'reference.json')))));
    expect(sets.some((s) => s.script === 'cyrillic')).toBe(false);
  });

  it('agrees with the SHA256SUMS file shipped beside the sets', () => {
    const sums = readFileSync(join(shippedHandwritingSetsDir(), 'SHA256SUMS'), 'utf8');
    for (const name of ['model.onnx', 'model.json', 'reference.json', 'card.json']) {
      expect(sums).toContain(`${sha256OfBytes(new Uint8Array(readFileSync(join(latinDir, name))))}  latin/${name}`);
    }
  });

  it('refuses a set whose reference was built for another model', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dalel-hw-set-')), 'broken');
    cpSync(latinDir, dir, { recursive: true });
    const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as { modelSha256: string };
    reference.modelSha256 = 'f'.repeat(64);
    writeFileSync(join(dir, 'reference.json'), JSON.stringify(reference));
    expect(() => readHandwritingSet(dir)).toThrow(/reference.json was built for model ffffffffffff/);
  });

  it('prefers a lab set for its script', () => {
    const root = mkdtempSync(join(tmpdir(), 'dalel-hw-lab-'));
    cpSync(latinDir, join(root, 'our-latin'), { recursive: true });
    const sets = listHandwritingSets(root);
    expect(sets[0]).toMatchObject({ script: 'latin', shipped: false, dir: join(root, 'our-latin') });
  });
});

describe('compareWriterProfiles', () => {
  it('gives a score, a bounded SLR on the verbal scale and the provenance', async () => {
    const result = await compareWriterProfiles([profiles[0]!, profiles[1]!], profiles[2]!, 'latin');
    expect(result.abstention).toBeNull();
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
    expect(result.log10Slr).toBeGreaterThanOrEqual(latin.reference.curve.lowerLog10);
    expect(result.log10Slr).toBeLessThanOrEqual(latin.reference.curve.upperLog10);
    expect(result.slr).toBeCloseTo(10 ** result.log10Slr!, 9);
    expect(result.verbal).toMatch(/support/);
    expect(result.graphs.known).toBe(profiles[0]!.counts.reduce((a, b) => a + b, 0) + profiles[1]!.counts.reduce((a, b) => a + b, 0));
    expect(result.model).toEqual({ hash: latin.modelSha256, referenceHash: latin.referenceSha256, algorithm: `${latin.model.algorithm}+kde-elub`, version: '1.0.0' });
    expect(result.clusters).toHaveLength(40);
  });

  it('matches the batch scorer pair by pair', async () => {
    const single = await compareWriterProfiles([profiles[0]!], profiles[5]!, 'latin');
    const [batch] = await scoreProfilePairs(latin, profiles, [{ i: 0, j: 5 }]);
    expect(batch!.score).toBeCloseTo(single.score!, 12);
    expect(batch!.log10Slr).toBeCloseTo(single.log10Slr!, 12);
  });

  it('abstains below the measured graph floor, naming the counts', async () => {
    const short = { counts: profiles[2]!.counts.map((c) => Math.floor(c / 20)) };
    const result = await compareWriterProfiles([profiles[0]!], short, 'latin');
    expect(result.slr).toBeNull();
    expect(result.verbal).toBeNull();
    expect(result.abstention?.reason).toBe('too-few-graphs');
    expect(result.abstention?.message).toContain(`from ${latin.reference.minGraphs} graphs`);
    expect(result.score).not.toBeNull();
  });

  it('refuses an SLR for a script without a reference set, saying why', async () => {
    const result = await compareWriterProfiles([profiles[0]!], profiles[2]!, 'cyrillic');
    expect(result).toMatchObject({ slr: null, log10Slr: null, verbal: null, model: null, abstention: { reason: 'script-not-installed' } });
    expect(result.abstention!.message).toMatch(/no reference set is installed for cyrillic writing \(installed: latin\)/);
    expect(result.clusters[0]!.knownRate).toBeGreaterThan(0);
  });

  it('rejects malformed profiles', async () => {
    await expect(compareWriterProfiles([], profiles[0]!, 'latin')).rejects.toThrow(/no known profile/);
    await expect(compareWriterProfiles([{ counts: [1, 2, 3] }], profiles[0]!, 'latin')).rejects.toThrow(/known #1 profile has 3 cluster counts/);
  });
});

describe('which clusters drive the score', () => {
  it('puts the cluster where the questioned page departs most from the known writer first', async () => {
    const known = profiles[0]!;
    const questioned = { counts: [...profiles[1]!.counts] };
    questioned.counts[7] = questioned.counts[7]! + 60; // one cluster grossly over-filled
    const result = await compareWriterProfiles([known], questioned, 'latin');
    const top = [...result.clusters].sort((a, b) => b.effect - a.effect)[0]!;
    expect(top.cluster).toBe(8);
    expect(top.effect).toBeGreaterThan(0);
  });
});
