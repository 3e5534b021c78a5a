import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessRunner } from '../../../../main/services/analysis/analysis-runner.ts';
import type { Workstation } from '../../../../main/services/workstation.ts';
import { mirrorX, rotate } from '../../../../native/surface/height-grid.ts';
import { syntheticSurface, x3pOf } from '../../../helpers/surfaces.ts';
import { call, makePng, seedUsers, testWorkstation } from '../../../helpers/workstation.ts';

const meta = { firearmMake: 'Ruger', firearmModel: 'P95', calibre: '9mm Luger', caseNumber: 'REF-1', notes: '' };

function storedFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

describe('reference library', () => {
  let ws: Workstation;
  let dispose: () => void;
  let expert: string;

  beforeEach(async () => {
    ({ ws, dispose } = testWorkstation({ analysisRunner: inProcessRunner }));
    expert = (await seedUsers(ws)).expert;
  });
  afterEach(() => dispose());

  it('ranks the true mate first among unrelated scans and a mirror image, with prefilter and CMC scores', async () => {
    const questioned = syntheticSurface(128, 5);
    const mate = rotate(syntheticSurface(128, 5, { shift: 3, noise: 0.4 }), 6);
    const references = [
      { name: 'other-1.x3p', grid: syntheticSurface(128, 21) },
      { name: 'mirror.x3p', grid: mirrorX(syntheticSurface(128, 5, { noise: 0.4 })) },
      { name: 'mate.x3p', grid: mate },
      { name: 'other-2.x3p', grid: syntheticSurface(128, 22) },
      { name: 'other-3.x3p', grid: syntheticSurface(128, 23) },
    ];
    for (const r of references) await call(ws, expert, 'library.add', { fileName: r.name, bytes: x3pOf(r.grid), ...meta, caseNumber: r.name });
    expect((await call(ws, expert, 'library.list', {})).map((r) => r.name).sort()).toEqual(references.map((r) => r.name).sort());
    expect((await call(ws, expert, 'library.list', { query: 'mirror' })).map((r) => r.name)).toEqual(['mirror.x3p']);

    const caseId = (await call(ws, expert, 'cases.create', { number: 'Q-1', venue: 'Lab', caseType: 'criminal', parties: '' })).id;
    const evidenceId = (await call(ws, expert, 'evidence.add', { caseId, fileName: 'questioned.x3p', bytes: x3pOf(questioned) })).evidence.id;
    const answer = await call(ws, expert, 'library.search', { evidenceId, top: 3 });
    expect(answer.searched).toBe(5);
    expect(answer.hits.map((h) => h.rank)).toEqual([1, 2, 3]);
    const [first, ...others] = answer.hits;
    expect(first!.reference.name).toBe('mate.x3p');
    expect(first!.cmcCount).toBeGreaterThanOrEqual(6);
    for (const hit of others) expect(hit.cmcCount).toBeLessThan(6);
    const mirror = answer.hits.find((h) => h.reference.name === 'mirror.x3p');
    if (mirror) expect(mirror.prefilterScore).toBeLessThan(first!.prefilterScore);
    expect(answer.timing.totalMs).toBeGreaterThan(0);
    expect(ws.audit.list({ caseId }).map((r) => r.action)).toContain('library.searched');
  });

  it('refuses a non-X3P file and a truncated X3P, naming the file, and stores nothing', async () => {
    const store = join(ws.dataDir, 'evidence', 'sha256');
    const before = storedFiles(store);
    const bad = async (fileName: string, bytes: Uint8Array) => ws.dispatcher.invoke(expert, 'library.add', { fileName, bytes, ...meta });
    const png = await bad('photo.png', makePng(20, 20));
    expect(png).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^photo\.png: the reference library holds X3P/) } });
    const full = x3pOf(syntheticSurface(64, 1));
    const truncated = await bad('cut.x3p', full.subarray(0, full.length - 200));
    expect(truncated).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^cut\.x3p: /) } });
    expect(await call(ws, expert, 'library.list', {})).toEqual([]);
    expect(storedFiles(store)).toBe(before);
    await call(ws, expert, 'library.add', { fileName: 'ok.x3p', bytes: full, ...meta });
    expect(await bad('again.x3p', full)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('searches only with an item declared a cartridge case', async () => {
    const caseId = (await call(ws, expert, 'cases.create', { number: 'Q-2', venue: 'Lab', caseType: 'criminal', parties: '' })).id;
    const land = (await call(ws, expert, 'evidence.add', { caseId, fileName: 'land.x3p', bytes: x3pOf(syntheticSurface(64, 8)), category: 'ballistics.bullet-land' })).evidence;
    const answer = await ws.dispatcher.invoke(expert, 'library.search', { evidenceId: land.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'land.x3p', reasonCode: 'wrong-evidence-kind' } } });
  });
});
