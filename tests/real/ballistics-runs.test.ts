import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisProgressEvent } from '../../main/services/analysis/analysis-service.ts';
import type { Workstation } from '../../main/services/workstation.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';
import { BulletComparisonResultSchema, CartridgeComparisonResultSchema } from '../../main/contract/index.ts';

announceSkipIfMissing('real ballistics analysis runs');

const scan = (name: string) => new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'ballistics', name)));

// Through the channels, a child process per run, and the real findings store: what the app does.
describe.skipIf(!sharedDataDir)('analysis runs on the real scans (channels, child process, findings store)', () => {
  let ws: Workstation;
  let dispose: () => void;
  let expert: string;
  let caseId: string;
  const events: AnalysisProgressEvent[] = [];

  beforeAll(async () => {
    ({ ws, dispose } = testWorkstation({ onAnalysisProgress: (_client, event) => events.push(event) }));
    expert = (await seedUsers(ws)).expert;
    caseId = (await call(ws, expert, 'cases.create', { number: 'F-1', venue: 'Lab', caseType: 'criminal', parties: '' })).id;
  });
  afterAll(() => dispose());

  const add = async (name: string) => (await call(ws, expert, 'evidence.add', { caseId, fileName: name, bytes: scan(name) })).evidence.id;

  it('cartridge cases: fadul1.1 vs 1.2 processed → identification finding with overlays; surfaces drawn', async () => {
    const ids = [await add('fadul1.1_processed.x3p'), await add('fadul1.2_processed.x3p')];
    const started = await call(ws, expert, 'analysis.start', { caseId, module: 'ballistics.cartridge-case', evidenceIds: ids });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    expect(run.state).toBe('done');
    expect(events.filter((e) => e.runId === run.id).at(-1)).toMatchObject({ state: 'done', progress: 1 });
    const result = CartridgeComparisonResultSchema.parse(await call(ws, expert, 'analysis.result', { runId: run.id }));
    expect(result.aToB.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.bToA.cmcCount).toBeGreaterThanOrEqual(6);
    const findings = ws.findings.list(caseId);
    const finding = findings.find((f) => f.id === run.findingIds[0])!;
    expect(finding).toMatchObject({ module: 'ballistics.cartridge-case', kind: 'cmc-comparison', conclusion: 'identification', origin: 'model', runId: run.id });
    expect(finding.overlays).toHaveLength(2);
    const image = await call(ws, expert, 'analysis.surface', { runId: run.id, surface: 1, style: 'false-colour' });
    expect([...image.png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(image.pixelUm).toBeCloseTo(6.25, 2);
    const raw = await call(ws, expert, 'evidence.surface', { evidenceId: ids[0]!, style: 'relief' });
    expect(raw.width).toBeGreaterThan(100);
  });

  it('bullets: B1 lands 2–3 vs B2 lands 4–5 → a bullet-pair finding and one land-pair finding per rotation pair', async () => {
    const names = ['Hamby252_Barrel1_Bullet1_Land2.x3p', 'Hamby252_Barrel1_Bullet1_Land3.x3p', 'Hamby252_Barrel1_Bullet2_Land4.x3p', 'Hamby252_Barrel1_Bullet2_Land5.x3p'];
    const ids = [];
    for (const n of names) ids.push(await add(n));
    const started = await call(ws, expert, 'analysis.start', { caseId, module: 'ballistics.bullet', evidenceIds: ids, bulletASize: 2 });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    const result = BulletComparisonResultSchema.parse(await call(ws, expert, 'analysis.result', { runId: run.id }));
    console.log(`bullet run: score ${result.bulletScore.toFixed(3)}, rotation ${JSON.stringify(result.rotation.pairs)}`);
    const findings = ws.findings.list(caseId).filter((f) => run.findingIds.includes(f.id));
    expect(findings.map((f) => f.kind).sort()).toEqual(['bullet-pair', 'land-pair', 'land-pair']);
    expect(findings.find((f) => f.kind === 'bullet-pair')!.measurements.map((m) => m.key)).toContain('bullet.score');
  });
});
