import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProfilesCsv, syntheticProfiles } from '../helpers/handwriting-profiles.ts';
import { runHandwritingCli } from '../helpers/handwriting-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-hw-cli-'));
const dataDir = join(dir, 'data');
const profiles = [...syntheticProfiles(6, 3, 700, 31), ...syntheticProfiles(1, 1, 60, 32, 's')];
const profilesFile = join(dir, 'profiles.csv');
writeProfilesCsv(profilesFile, profiles);
const pairsFile = join(dir, 'pairs.csv');
writeFileSync(pairsFile, `docname1,docname2\n${profiles[0]!.docname},${profiles[1]!.docname}\n${profiles[0]!.docname},${profiles[5]!.docname}\n${profiles[0]!.docname},${profiles[18]!.docname}\n`);

describe('dalel handwriting score', () => {
  it('prints one JSON line per pair with the score and SLR under the shipped Latin set', async () => {
    const run = await runHandwritingCli(dataDir, ['score', '--profiles', profilesFile, '--pairs', pairsFile, '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ slr: null, log10Slr: null, abstention: { reason: 'too-few-graphs' } });
    expect(typeof lines[2]!.score).toBe('number');
    expect(lines[0]).toMatchObject({ docname1: profiles[0]!.docname, docname2: profiles[1]!.docname, abstention: null });
    expect(typeof lines[0]!.score).toBe('number');
    expect(typeof lines[0]!.slr).toBe('number');
    expect(lines[0]!.model).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file, row and column of a pair whose document is not in the profiles', async () => {
    const bad = join(dir, 'bad-pairs.csv');
    writeFileSync(bad, `docname1,docname2\n${profiles[0]!.docname},nobody\n`);
    const run = await runHandwritingCli(dataDir, ['score', '--profiles', profilesFile, '--pairs', bad]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${bad}: row 2, column docname2: no profile "nobody"`);
  });

  it('refuses a script without an installed set, saying why', async () => {
    const run = await runHandwritingCli(dataDir, ['score', '--profiles', profilesFile, '--pairs', pairsFile, '--script', 'cyrillic']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/no reference set is installed for cyrillic writing/);
  });
});

describe('dalel handwriting train', () => {
  it('trains a set a lab can install, and lists it with its hashes', async () => {
    const trainFile = join(dir, 'train.csv');
    const refFile = join(dir, 'ref.csv');
    writeProfilesCsv(trainFile, syntheticProfiles(20, 4, 400, 41, 'a'));
    writeProfilesCsv(refFile, syntheticProfiles(24, 4, 400, 42, 'b'));
    const out = join(dataDir, 'handwriting-sets', 'cyrillic-lab');
    const run = await runHandwritingCli(dataDir, ['train', '--profiles', trainFile, '--reference', refFile, '--out', out, '--script', 'cyrillic']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    for (const f of ['model.onnx', 'model.json', 'reference.json', 'card.json']) expect(existsSync(join(out, f))).toBe(true);
    const card = JSON.parse(readFileSync(join(out, 'card.json'), 'utf8')) as { script: string; evaluation: { samePairs: number } };
    expect(card.script).toBe('cyrillic');
    expect(card.evaluation.samePairs).toBeGreaterThan(0);
    const sets = await runHandwritingCli(dataDir, ['sets']);
    expect(sets.out.split('\n')[0]).toMatch(/^cyrillic\tlogistic-regression\tmodel [0-9a-f]{64}\treference [0-9a-f]{64}.*\tlab\t/);
    const scored = await runHandwritingCli(dataDir, ['score', '--profiles', profilesFile, '--pairs', pairsFile, '--script', 'cyrillic']);
    expect(scored.code).toBe(0);
  }, 60_000);

  it('refuses a reference file that shares writers with the training file', async () => {
    const run = await runHandwritingCli(dataDir, ['train', '--profiles', profilesFile, '--reference', profilesFile, '--out', join(dir, 'x')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/writer w0000 is also in/);
  });
});
