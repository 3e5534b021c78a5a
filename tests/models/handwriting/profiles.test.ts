import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DalelError } from '../../../core/errors.ts';
import { fillRates, pooledCounts, readProfilesCsv } from '../../../models/handwriting/profiles.ts';
import { pairFeatures, featureNames } from '../../../models/handwriting/features.ts';
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
  const [a, b] = syntheticProfiles(2, 1, 300, 3).map((p) => fillRates(p.counts));
  it('are symmetric, zero for a profile against itself, and named', () => {
    expect(Array.from(pairFeatures(a!, b!))).toEqual(Array.from(pairFeatures(b!, a!)));
    expect(Array.from(pairFeatures(a!, a!)).every((v) => Math.abs(v) < 1e-12)).toBe(true);
    expect(featureNames).toHaveLength(pairFeatures(a!, b!).length);
  });
  it('compute the whole-profile distances', () => {
    const f = pairFeatures(a!, b!);
    const diffs = Array.from(a!, (x, k) => Math.abs(x - b![k]!));
    expect(f[featureNames.indexOf('manhattan')]).toBeCloseTo(diffs.reduce((s, d) => s + d, 0), 12);
    expect(f[featureNames.indexOf('euclidean')]).toBeCloseTo(Math.sqrt(diffs.reduce((s, d) => s + d * d, 0)), 12);
    expect(f[featureNames.indexOf('chebyshev')]).toBeCloseTo(Math.max(...diffs), 12);
  });
});
