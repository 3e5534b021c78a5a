import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeJpeg, encodePng } from '../../native/drugs/image/rgba-image.ts';
import { parseColourTable } from '../../native/drugs/spot/colour-table.ts';
import { runDalel } from '../helpers/cli.ts';
import { renderScene } from '../helpers/drugs/synthetic-photo.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-drugs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const table = parseColourTable(readFileSync(new URL('../../assets/drugs/colour-tests.csv', import.meta.url), 'utf8'), 'colour-tests.csv');
const row = (reagent: string, substance: string) => table.rows.find((r) => r.reagentId === reagent && r.substance.startsWith(substance))!;

describe('dalel drugs', () => {
  it('match ranks the substance whose listed colour it is first', async () => {
    const run = await runDalel(join(dir, 'data-match'), ['--json', 'drugs', 'match', '--reagent', 'Marquis', '--lab', row('marquis', 'Diacetylmorphine').lab.join(',')]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { candidates: Array<{ substance: string; deltaE: number }> };
    expect(out.candidates[0]!.deltaE).toBe(0);
    expect(out.candidates.slice(0, 2).map((c) => c.substance)).toContain('Diacetylmorphine HCl');
  });

  it('match names the file, row and column of a bad colour table', async () => {
    const bad = join(dir, 'bad-table.csv');
    const lines = readFileSync(new URL('../../assets/drugs/colour-tests.csv', import.meta.url), 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,(-?\d+\.\d+),(-?\d+\.\d+),(-?\d+\.\d+),/, ',$1,purple,$3,');
    writeFileSync(bad, lines.join('\n'));
    const run = await runDalel(join(dir, 'data-bad'), ['drugs', 'match', '--reagent', 'Marquis', '--lab', '30,50,-8', '--table', bad]);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('bad-table.csv: row 4, column lab_a: "purple"');
  });

  it('spot reads a plate photo into consistent-with candidates and audit-logs the run', async () => {
    const wells = [
      { label: 'A1', lab: row('marquis', 'Diacetylmorphine').lab },
      { label: 'A2', lab: row('mecke', 'Diacetylmorphine').lab },
      { label: 'A3', lab: null },
      { label: 'A4', lab: null },
    ];
    const { image } = renderScene({ seed: 21, illuminant: 'tungsten', wells, plateCols: 4, width: 900, height: 600, exposure: 0.8 });
    const photo = join(dir, 'plate.jpg');
    writeFileSync(photo, encodeJpeg(image, 95));
    const run = await runDalel(join(dir, 'data-spot'), ['--json', 'drugs', 'spot', photo, '--reagents', 'A1=Marquis,A2=Mecke,A4=Marquis:blank']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { outcome: string; candidates: Array<{ substance: string }>; auditSeq: number; wells: unknown[] };
    expect(out.outcome).toBe('consistent-with');
    expect(out.candidates[0]!.substance).toBe('Diacetylmorphine HCl');
    expect(out.wells).toHaveLength(4);
    expect(Number.isInteger(out.auditSeq)).toBe(true);
  });

  it('spot refuses a photo without a target, naming the file', async () => {
    const { image } = renderScene({ seed: 22, withoutTarget: true, wells: [{ label: 'A1', lab: [40, 30, 10] }], width: 600, height: 400 });
    const photo = join(dir, 'no-target.png');
    writeFileSync(photo, encodePng(image));
    const run = await runDalel(join(dir, 'data-none'), ['drugs', 'spot', photo, '--reagents', 'A1=Marquis']);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('no-target.png');
    expect(run.err).toMatch(/ColorChecker/);
  });

  it('strip reads a cassette with its panel file', async () => {
    const windows = [{ control: 0.6, test: 0.5, controlAt: 0.3, testAt: 0.65 }, { control: 0.6, test: 0, controlAt: 0.3, testAt: 0.65 }, { control: 0, test: 0.5, controlAt: 0.3, testAt: 0.65 }];
    const { image } = renderScene({ seed: 23, windows, width: 900, height: 600 });
    const photo = join(dir, 'cassette.png');
    writeFileSync(photo, encodePng(image));
    const panel = join(dir, 'panel.json');
    writeFileSync(panel, JSON.stringify({ name: 'Three-panel', panels: ['THC', 'COC', 'MOP'].map((drug) => ({ drug, cutoffNgMl: 50, controlAt: 0.3, testAt: 0.65 })) }));
    const run = await runDalel(join(dir, 'data-strip'), ['--json', 'drugs', 'strip', photo, '--panel', panel]);
    expect(run.err).toBe('');
    const out = JSON.parse(run.out) as { strips: Array<{ drug: string; result: string }> };
    expect(out.strips.map((s) => `${s.drug}:${s.result}`)).toEqual(['THC:negative', 'COC:positive', 'MOP:invalid']);
  });
});
