import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromX3p, mirrorX } from '../../native/surface/height-grid.ts';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { x3pOf } from '../helpers/surfaces.ts';
import { makePng } from '../helpers/workstation.ts';
import { addAdministrator, runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

announceSkipIfMissing('real ballistics CLI');

const scan = (name: string) => join(sharedDataDir ?? '', 'ballistics', name);
const adminPassword = 'admin password 1';
const expertPassword = 'expert password 1';

describe.skipIf(!sharedDataDir)('dalel compare / library on the Fadul scans', () => {
  const temp = useTempDir('all');

  const dalel = (args: string[], stdin = '') => runDalel(temp.dir, args, stdin);

  it('compare cartridge: ≥ 6 CMCs both ways on the processed pair, with parameters, provenance, timing and an audit entry', async () => {
    const run = await dalel(['--json', 'compare', 'cartridge', scan('fadul1.1_processed.x3p'), scan('fadul1.2_processed.x3p')]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    console.log(`CLI fadul1.1 vs 1.2: ${result.aToB.cmcCount}/${result.bToA.cmcCount} CMCs in ${Math.round(result.timing.wallMs)} ms`);
    expect(result.aToB.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.bToA.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.conclusion).toBe('identification');
    expect(result.threshold).toBe(6);
    expect(result.provenance).toMatchObject({ algorithm: 'congruent-matching-cells', parameters: { cellsX: 8, ccfThreshold: 0.5 } });
    expect(result.provenance.inputs.map((i: { name: string }) => i.name)).toEqual(['fadul1.1_processed.x3p', 'fadul1.2_processed.x3p']);
    expect(result.timing.wallMs).toBeGreaterThan(0);
    expect(result.auditSeq).toBeGreaterThanOrEqual(0);
  });

  it('compare bullet: comma-separated land lists, scores and the best rotation in JSON', async () => {
    const side = (bullet: number, lands: number[]) => lands.map((l) => scan(`Hamby252_Barrel1_Bullet${bullet}_Land${l}.x3p`)).join(',');
    const run = await dalel(['--json', 'compare', 'bullet', side(1, [2, 3]), side(2, [4, 5])]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    console.log(`CLI bullet B1 L2-3 vs B2 L4-5: score ${result.bulletScore.toFixed(3)} in ${Math.round(result.timing.wallMs)} ms`);
    expect(result.kind).toBe('bullet');
    expect(result.a.map((r: { name: string }) => r.name)).toEqual(['Hamby252_Barrel1_Bullet1_Land2.x3p', 'Hamby252_Barrel1_Bullet1_Land3.x3p']);
    expect(result.landPairs).toHaveLength(4);
    expect(result.rotation.pairs).toHaveLength(2);
    expect(result.signatures).toBeUndefined();
    expect(result.provenance.algorithm).toBe('bullet-land-signatures');
  });

  it('refuses a truncated X3P and a non-X3P file by name, storing nothing', async () => {
    const bytes = readFileSync(scan('fadul1.2_processed.x3p'));
    const cut = join(temp.dir, 'cut.x3p');
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    const truncated = await dalel(['--json', 'compare', 'cartridge', scan('fadul1.1_processed.x3p'), cut]);
    expect(truncated.code).toBe(1);
    expect(JSON.parse(truncated.err).error).toMatchObject({ code: 'BAD_INPUT', params: { file: 'cut.x3p' } });
    const png = join(temp.dir, 'photo.png');
    writeFileSync(png, makePng(8, 8));
    // An image is no breech face until the expert says so (issue 10: a method refuses inputs outside its domain).
    const undeclared = await dalel(['compare', 'cartridge', scan('fadul1.1_processed.x3p'), png]);
    expect(undeclared.code).toBe(1);
    expect(undeclared.err).toMatch(/photo\.png: it is declared as "other" evidence; the cartridge-case \(CMC\) method was validated only on "ballistics\.cartridge-case" items/);
    const notX3p = await dalel(['compare', 'cartridge', '--kind', 'ballistics.cartridge-case', scan('fadul1.1_processed.x3p'), png]);
    expect(notX3p.code).toBe(1);
    expect(notX3p.err).toMatch(/photo\.png: a 2D image carries no lateral scale/);
  });

  it('library add and search: the mate ranks first, its mirror image below', async () => {
    await addAdministrator(dalel, adminPassword);
    expect((await dalel(['--user', 'admin', 'users', 'add', '--username', 'expert', '--display-name', 'Expert', '--role', 'expert'], `${adminPassword}\n${expertPassword}\n`)).code).toBe(0);
    const mirror = join(temp.dir, 'fadul1.2-mirror.x3p');
    const grid = gridFromX3p(readX3p('fadul1.2_processed.x3p', new Uint8Array(readFileSync(scan('fadul1.2_processed.x3p')))));
    writeFileSync(mirror, x3pOf(mirrorX(grid)));
    const meta = JSON.stringify({ firearmMake: 'Ruger', firearmModel: 'P95PR15', calibre: '9mm Luger', caseNumber: 'Fadul-1' });
    for (const file of [scan('fadul1.2_processed.x3p'), mirror]) {
      const added = await dalel(['--json', '--user', 'expert', 'library', 'add', file, '--meta', meta], `${expertPassword}\n`);
      expect(added.err).toBe('');
      expect(JSON.parse(added.out)).toMatchObject({ firearmMake: 'Ruger', caseNumber: 'Fadul-1' });
    }
    const badMeta = await dalel(['--user', 'expert', 'library', 'add', mirror, '--meta', '{"make": 1}'], `${expertPassword}\n`);
    expect(badMeta.err).toMatch(/unknown fields make/);
    const search = await dalel(['--json', '--user', 'expert', 'library', 'search', scan('fadul1.1_processed.x3p'), '--top', '2'], `${expertPassword}\n`);
    expect(search.err).toBe('');
    const answer = JSON.parse(search.out);
    console.log('CLI library search:', answer.hits.map((h: { reference: { name: string }; cmcCount: number; prefilterScore: number }) => `${h.reference.name} CMC ${h.cmcCount} prefilter ${h.prefilterScore.toFixed(3)}`));
    expect(answer.searched).toBe(2);
    expect(answer.hits[0]).toMatchObject({ rank: 1, reference: { name: 'fadul1.2_processed.x3p' } });
    expect(answer.hits[0].cmcCount).toBeGreaterThanOrEqual(6);
    expect(answer.hits[1].cmcCount).toBeLessThan(6);
  });
});
