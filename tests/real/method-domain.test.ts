import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../main/services/workstation.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';

announceSkipIfMissing('methods refuse inputs outside their domain');

const page = (name: string) => new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'handwriting', name)));
const pages = ['w0030_s01_pWOZ_r01.png', 'w0030_s01_pWOZ_r02.png'];

// Issue 10: two handwriting pages compared as cartridge cases gave "identification, CMC 41 of 53 cells".
describe.skipIf(!sharedDataDir)('a method gives no conclusion outside its domain (handwriting pages as cartridge cases)', () => {
  let ws: Workstation;
  let dispose: () => void;
  let expert: string;
  let caseId: string;

  beforeAll(async () => {
    ({ ws, dispose } = testWorkstation());
    expert = (await seedUsers(ws)).expert;
    caseId = (await call(ws, expert, 'cases.create', { number: 'HW-1', venue: 'Lab', caseType: 'criminal', parties: '' })).id;
  });
  afterAll(() => dispose());

  it('refuses the pages up front as they were taken in (not declared cartridge-case scans), recording no run', async () => {
    const ids = [];
    for (const name of pages) ids.push((await call(ws, expert, 'evidence.add', { caseId, fileName: name, bytes: page(name) })).evidence.id);
    const result = await ws.dispatcher.invoke(expert, 'analysis.start', { caseId, module: 'ballistics.cartridge-case', evidenceIds: ids, pixelUm: { [ids[0]!]: 1.6, [ids[1]!]: 1.6 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'BAD_INPUT', params: { file: pages[0], reasonCode: 'wrong-evidence-kind', category: 'other' } });
    expect(result.error.message).toMatch(/validated only on "ballistics\.cartridge-case" items/);
    expect(await call(ws, expert, 'analysis.list', { caseId })).toEqual([]);
  });

  it('declared breech faces with a pixel size, the sanity check still refuses them (mostly blank paper) and nothing is concluded', async () => {
    const ids = [];
    for (const name of pages) {
      ids.push((await call(ws, expert, 'evidence.add', { caseId, fileName: `declared-${name}`, bytes: page(name).slice(), category: 'ballistics.cartridge-case', pixelUm: 1.6 })).evidence.id);
    }
    // Same bytes as the items above: the store keeps one copy, the case one item (a duplicate keeps its first kind).
    const items = await call(ws, expert, 'evidence.list', { caseId });
    expect(items.map((i) => i.category)).toEqual(['other', 'other']);
    for (const item of items) await call(ws, expert, 'evidence.setKind', { evidenceId: item.id, category: 'ballistics.cartridge-case', pixelUm: 1.6 });
    const started = await call(ws, expert, 'analysis.start', { caseId, module: 'ballistics.cartridge-case', evidenceIds: items.map((i) => i.id) });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.state).toBe('failed');
    expect(run.error?.message).toMatch(/^w0030_s01_pWOZ_r01\.png: \d+% of it lies on one level \(a flat background such as paper/);
    expect(run.findingIds).toEqual([]);
    expect(ws.findings.list(caseId)).toEqual([]);
  });
});
