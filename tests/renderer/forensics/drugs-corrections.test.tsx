// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleRunView } from '../../../renderer/src/forensics/registry.ts';
import { addWell, correctedSpotOptions, correctionsReady, deleteWell, initialCorrections, missingAssignedWells, renameWell, toPhoto } from '../../../renderer/src/forensics/drugs/corrections.ts';
import { runSpot } from '../../../main/services/forensics/drugs/pipelines.ts';
import { encodePng } from '../../../native/drugs/image/rgba-image.ts';
import { renderScene } from '../../helpers/drugs/synthetic-photo.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, pointer, render, settle, type } from '../expert-harness.tsx';

afterEach(cleanup);

const text = readFileSync(join(process.cwd(), 'assets/drugs/colour-tests.csv'), 'utf8');
const caseId = '11111111-1111-4111-8111-111111111111';
const evidenceId = '44444444-4444-4444-8444-44444444444d';
const runId = '55555555-5555-4555-8555-555555555555';

const table = { file: 'colour-tests.csv', text, sha256: 'b'.repeat(64) };
const { image } = renderScene({ seed: 43, wells: [{ label: 'A1', lab: [40, 50, 0] }, { label: 'A2', lab: null }], plateCols: 2, width: 720, height: 480, exposure: 0.8 });
const photo = { name: 'plate.png', sha256: 'a'.repeat(64), evidenceId: null, bytes: encodePng(image) };
const plateRun = async () => runSpot({ photo, reagents: 'A1=Marquis,A2=Mecke', table }, () => undefined).result;

describe('correcting a spot-plate reading in the run viewer', () => {
  it('sends a dragged well and four clicked target corners in photo pixels, with the original reagents, as a new run', async () => {
    const result = await plateRun();
    const [a1, a2] = result.wells;
    const fake = fakeApi({ 'analysis.result': ok(result), 'evidence.thumbnail': ok({ png: null }), 'analysis.start': ok({ id: '66666666-6666-4666-8666-666666666666' }) });
    // The viewer is 360 px wide, the photo 720: everything on screen is drawn at half scale.
    await render(fake.api, moduleRunView('drugs.spot', { runId, caseId, evidenceIds: [evidenceId], width: 360, height: 600 }));
    await settle();
    expect(need('drugs-run-again').hasAttribute('disabled')).toBe(true);

    const surface = need('drugs-corrections-surface');
    await pointer(need('drugs-edit-well-A1'), 'pointerdown', a1!.x / 2, a1!.y / 2);
    await pointer(surface, 'pointermove', 90, 70);
    await pointer(surface, 'pointerup', 100, 60);
    await pointer(surface, 'pointermove', 5, 5);
    await type('drugs-well-radius', '30');
    expect((need('drugs-well-x') as HTMLInputElement).value).toBe('180');
    await click('drugs-mode-corners');
    for (const [x, y] of [[10, 12], [350, 11], [349, 230], [11, 229]] as const) await pointer(surface, 'pointerdown', x, y);
    await settle();
    expect(need('drugs-run-again').hasAttribute('disabled')).toBe(false);
    await click('drugs-run-again');
    await settle();

    expect(fake.callsTo('analysis.start')).toEqual([{
      caseId,
      module: 'drugs.spot',
      evidenceIds: [evidenceId],
      methodOptions: {
        reagents: 'A1=Marquis,A2=Mecke',
        wells: [{ label: 'A1', x: 180, y: 140, radius: 30 }, { label: 'A2', x: a2!.x, y: a2!.y, radius: a2!.radius }],
        corners: [{ x: 20, y: 24 }, { x: 700, y: 22 }, { x: 698, y: 460 }, { x: 22, y: 458 }],
      },
    }]);
    expect(need('drugs-run-again-started').textContent).toContain('this run stays as it was');
  });

  it('sends what the module reads again: the clicked target corners and the nudged well are used as given', async () => {
    const result = await plateRun();
    const fake = fakeApi({ 'analysis.result': ok(result), 'evidence.thumbnail': ok({ png: null }), 'analysis.start': ok({ id: '66666666-6666-4666-8666-666666666666' }) });
    await render(fake.api, moduleRunView('drugs.spot', { runId, caseId, evidenceIds: [evidenceId], width: 360, height: 600 }));
    await settle();
    const surface = need('drugs-corrections-surface');
    const a1 = result.wells[0]!;
    await pointer(need('drugs-edit-well-A1'), 'pointerdown', 0, 0);
    await pointer(surface, 'pointermove', Math.round(a1.x / 2) + 1, Math.round(a1.y / 2));
    await pointer(surface, 'pointerup', 0, 0);
    await click('drugs-mode-corners');
    for (const corner of result.calibration.corners) await pointer(surface, 'pointerdown', Math.round(corner.x / 2), Math.round(corner.y / 2));
    await click('drugs-run-again');
    await settle();
    const [sent] = fake.callsTo('analysis.start') as Array<{ methodOptions: { reagents: string; wells: Array<{ label: string; x: number; y: number; radius: number }>; corners: Array<{ x: number; y: number }> } }>;
    const again = runSpot({ photo, table, ...sent!.methodOptions }, () => undefined).result;
    expect(again.calibration.cornersFrom).toBe('given');
    expect(again.wellsFrom).toBe('given');
    expect(again.wells[0]).toMatchObject({ label: 'A1', x: 2 * (Math.round(a1.x / 2) + 1), reagent: 'marquis' });
    expect(again.calibration.looMean).toBeLessThan(2);
  });

  it('will not start a run whose reagent assignment names a deleted well', async () => {
    const result = await plateRun();
    const fake = fakeApi({ 'analysis.result': ok(result), 'evidence.thumbnail': ok({ png: null }) });
    await render(fake.api, moduleRunView('drugs.spot', { runId, caseId, evidenceIds: [evidenceId], width: 360, height: 600 }));
    await settle();
    await pointer(need('drugs-edit-well-A2'), 'pointerdown', 1, 1);
    await pointer(need('drugs-corrections-surface'), 'pointerup', 1, 1);
    await click('drugs-well-delete');
    expect(byTestId('drugs-edit-well-A2')).toBeNull();
    expect(need('drugs-missing-wells').textContent).toContain('A2');
    expect(need('drugs-run-again').hasAttribute('disabled')).toBe(true);
    expect(fake.callsTo('analysis.start')).toEqual([]);
  });

  it('offers no corrections to a user who may not start analyses (no case given to the viewer)', async () => {
    const fake = fakeApi({ 'analysis.result': ok(await plateRun()), 'evidence.thumbnail': ok({ png: null }) });
    await render(fake.api, moduleRunView('drugs.spot', { runId, evidenceIds: [evidenceId], width: 360, height: 600 }));
    await settle();
    expect(need('drugs-photo').querySelectorAll('circle')).toHaveLength(2);
    expect(byTestId('drugs-corrections')).toBeNull();
  });

  it('adds a missed well under a free label, deletes a false one, and waits for all four corners', () => {
    const found = initialCorrections([{ label: 'A1', x: 100, y: 100, radius: 20 }, { label: 'A2', x: 200, y: 100, radius: 30 }, { label: 'A3', x: 300, y: 100, radius: 10 }]);
    expect(correctionsReady(found)).toBe(false);
    const added = addWell(deleteWell(found, 'A1'), toPhoto(200, 100, 0.5), 8);
    expect(added.added).toBe('A1');
    expect(correctedSpotOptions(renameWell(added, 'A1', 'B1'), 'A2=Marquis')).toEqual({
      reagents: 'A2=Marquis',
      wells: [{ label: 'A2', x: 200, y: 100, radius: 30 }, { label: 'A3', x: 300, y: 100, radius: 10 }, { label: 'B1', x: 400, y: 200, radius: 30 }],
    });
    expect(renameWell(added, 'A1', 'A2')).toBe(added);
    expect(missingAssignedWells(added, 'A2=Marquis, b1=Mecke:blank,A3=Zwikker')).toEqual(['B1']);
    const half = { ...found, corners: [{ x: 1, y: 1 }, { x: 2, y: 1 }] };
    expect(correctionsReady(half)).toBe(false);
    expect(correctionsReady(deleteWell(deleteWell(deleteWell(found, 'A1'), 'A2'), 'A3'))).toBe(false);
  });
});
