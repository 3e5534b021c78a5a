import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DalelError } from '../../../core/errors.ts';
import { fillRates, pooledCounts, readProfilesCsv } from '../../../models/handwriting/profiles.ts';
import { pairFeatures, featureNames } from '../../../models/handwriting/features.ts';
import { fitTwoLevel, twoLevelScore } from '../../../models/handwriting/two-level.ts';
import { profilesCsv, syntheticProfiles } from '../../helpers/handwriting-profiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-hw-profiles-'));

function errorOf(text: string): DalelError {
  const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  try {
    readProfilesCsv(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DalelError);
    expect((error as DalelError).message).toContain(file);
    return error as DalelError;
  }
  throw new Error('no error');
}

describe('profile CSV files', () => {
  const profiles = syntheticProfiles(3, 2, 300, 7);
  const text = profilesCsv(profiles);

  it('reads counts back from rates, whatever the column order', () => {
    const file = join(dir, 'good.csv');
    writeFileSync(file, text);
    const read = readProfilesCsv(file);
    expect(read.map((p) => p.counts)).toEqual(profiles.map((p) => p.counts));
    expect(read[0]!.writer).toBe('w0000');
  });

  it('names the missing columns', () => {
    expect(errorOf(text.replace('"cluster17"', '"clusterX"')).message).toMatch(/missing column cluster17/);
  });

  it('names the row and column of a rate that is not a rate', () => {
    const lines = text.split('\n');
    const fields = lines[2]!.split(',');
    fields[6] = '1.5';
    lines[2] = fields.join(',');
    const error = errorOf(lines.join('\n'));
    expect(error.message).toMatch(/row 3, column cluster3: "1.5" is not a rate/);
    expect(error.params).toMatchObject({ line: 3, column: 'cluster3' });
  });

  it('refuses rates that do not make whole counts, and totals that do not add up', () => {
    const lines = text.split('\n');
    const fields = lines[1]!.split(',');
    fields[3] = String(Number(fields[3]) + 1);
    lines[1] = fields.join(',');
    expect(errorOf(lines.join('\n')).message).toMatch(/row 2, column cluster1: .* not a whole count|row 2, column total_graphs/);
  });

  it('refuses a document named twice', () => {
    const lines = text.trimEnd().split('\n');
    expect(errorOf([...lines, lines[1]].join('\n')).message).toMatch(/appears twice/);
  });

  it('pools a writer by summing counts and rejects malformed counts', () => {
    expect(pooledCounts(profiles.slice(0, 2))).toEqual(profiles[0]!.counts.map((c, k) => c + profiles[1]!.counts[k]!));
    expect(() => pooledCounts([{ counts: [1, 2] }])).toThrow(/2 cluster counts, not 40/);
    expect(() => pooledCounts([{ counts: new Array(40).fill(0.5) }])).toThrow(/not a whole number/);
  });
});

describe('pair features', () => {
  const docs = syntheticProfiles(12, 3, 300, 3);
  const roots = (counts: readonly number[]) => Float64Array.from(fillRates(counts), Math.sqrt);
  const byWriter = Array.from({ length: 12 }, (_, w) => docs.slice(w * 3, w * 3 + 3).map((d) => roots(d.counts)));
  const twoLevel = fitTwoLevel(byWriter, 0.5);
  const [a, b] = [docs[0]!.counts, docs[3]!.counts];

  it('are symmetric and named', () => {
    const ab = pairFeatures(a, b, twoLevel);
    const ba = pairFeatures(b, a, twoLevel);
    ab.forEach((v, k) => expect(Math.abs(v - ba[k]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v))));
    expect(featureNames).toHaveLength(pairFeatures(a, b, twoLevel).length);
    expect(Array.from(pairFeatures(a, a, twoLevel)).slice(0, 42).every((v) => v === 0)).toBe(true);
  });

  it('compute the distances on √rates and the χ² of the counts', () => {
    const f = pairFeatures(a, b, twoLevel);
    const ra = roots(a);
    const rb = roots(b);
    const diffs = Array.from(ra, (x, k) => Math.abs(x - rb[k]!));
    expect(f[featureNames.indexOf('manhattan')]).toBeCloseTo(diffs.reduce((s, d) => s + d, 0), 12);
    expect(f[featureNames.indexOf('euclidean')]).toBeCloseTo(Math.sqrt(diffs.reduce((s, d) => s + d * d, 0)), 12);
    // Two-sample χ² from the 2 × 40 table's expected counts.
    const na = a.reduce((s, v) => s + v, 0);
    const nb = b.reduce((s, v) => s + v, 0);
    let chi = 0;
    a.forEach((ca, k) => {
      const cb = b[k]!;
      if (ca + cb === 0) return;
      const ea = ((ca + cb) * na) / (na + nb);
      const eb = ((ca + cb) * nb) / (na + nb);
      chi += (ca - ea) ** 2 / ea + (cb - eb) ** 2 / eb;
    });
    expect(f[featureNames.indexOf('chiSquarePerDf')]).toBeCloseTo(chi / 39, 10);
    expect(f[featureNames.indexOf('twoLevelLogLr')]).toBeCloseTo(twoLevelScore(twoLevel, ra, rb), 9);
  });

  it('score a writer against their own page above other writers on the two-level model, on the whole', () => {
    let wins = 0;
    let trials = 0;
    for (let w = 0; w < 12; w += 1) {
      const own = twoLevelScore(twoLevel, roots(docs[w * 3]!.counts), roots(docs[w * 3 + 1]!.counts));
      const other = twoLevelScore(twoLevel, roots(docs[w * 3]!.counts), roots(docs[((w + 1) % 12) * 3 + 1]!.counts));
      wins += own > other ? 1 : 0;
      trials += 1;
    }
    expect(wins / trials).toBeGreaterThan(0.8);
  });
});
