import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runHandwritingCli } from '../helpers/handwriting-cli.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

announceSkipIfMissing('real handwriting CLI');

const page = (name: string) => join(sharedDataDir ?? '', 'handwriting', name);

describe.skipIf(!sharedDataDir)('dalel handwriting profile / compare on CSAFE pages', () => {
  const temp = useTempDir('all');

  it('profile --json: per page the graph count, fill counts and rates, time per stage, provenance and an audit entry', async () => {
    const run = await runHandwritingCli(temp.dir, ['profile', page('w0238_s01_pWOZ_r02.png'), page('w0030_s01_pWOZ_r01.png'), '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { pages: { name: string; graphCount: number; counts: number[]; rates: number[]; timingsMs: Record<string, number> }[]; provenance: { algorithm: string; inputs: unknown[] }; auditSeq: number };
    expect(out.pages.map((p) => p.name)).toEqual(['w0238_s01_pWOZ_r02.png', 'w0030_s01_pWOZ_r01.png']);
    // The 612-px page is scaled to the CSAFE scan width first; R counts 315 graphs on the scan (reference data).
    expect(Math.abs(out.pages[0]!.graphCount - 315) / 315).toBeLessThanOrEqual(0.12);
    for (const p of out.pages) {
      expect(p.counts).toHaveLength(40);
      expect(p.counts.reduce((s, v) => s + v, 0)).toBe(p.graphCount);
      expect(p.rates.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
      expect(Object.keys(p.timingsMs)).toEqual(expect.arrayContaining(['decode', 'binarise', 'thin', 'decompose', 'cluster']));
    }
    expect(out.provenance).toMatchObject({ algorithm: 'dalel-handwriting-profile' });
    expect(out.provenance.inputs).toHaveLength(2);
    expect(out.auditSeq).toBeGreaterThanOrEqual(0);
  });

  it('compare --json: score, SLR or abstention with its reason, model hash, the clusters that drive the score', async () => {
    const known = [page('w0030_s01_pWOZ_r01.png'), page('w0030_s01_pWOZ_r02.png')].join(',');
    const run = await runHandwritingCli(temp.dir, ['compare', '--known', known, '--questioned', page('w0030_s01_pWOZ_r03.png'), '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { known: unknown[]; score: number; slr: number | null; abstention: { code: string; reason: string } | null; model: { hash: string }; drivers: unknown[]; conclusion: string };
    console.log(`[handwriting CLI] w0030 r01+r02 vs r03: score ${out.score}, slr ${out.slr}, ${out.abstention?.reason ?? out.conclusion}`);
    expect(out.known).toHaveLength(2);
    expect(out.score).toBeGreaterThan(0.5);
    expect(out.model.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.drivers.length).toBeGreaterThan(0);
    // Either an SLR supporting the same writer, or the reason it is withheld.
    if (out.abstention) expect(out.abstention.reason).toMatch(/graphs/);
    else expect(out.slr).toBeGreaterThan(1);
  });

  it('refuses a file that is not an image and a blank page, naming the file', async () => {
    const notImage = join(temp.dir, 'notes.png');
    writeFileSync(notImage, 'docname,writer\n');
    const refused = await runHandwritingCli(temp.dir, ['profile', notImage]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('notes.png');
    const blank = new PNG({ width: 200, height: 120 });
    blank.data.fill(255);
    const blankFile = join(temp.dir, 'blank.png');
    writeFileSync(blankFile, PNG.sync.write(blank));
    const empty = await runHandwritingCli(temp.dir, ['profile', blankFile]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/blank\.png: the page has no ink/);
  });
});
