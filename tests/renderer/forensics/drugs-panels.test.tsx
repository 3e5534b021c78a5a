// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleRunView, moduleViewerPanels } from '../../../renderer/src/forensics/registry.ts';
import { runSpot, runStrip } from '../../../main/services/forensics/drugs/pipelines.ts';
import { encodePng } from '../../../native/drugs/image/rgba-image.ts';
import { parseColourTable } from '../../../native/drugs/spot/colour-table.ts';
import { renderScene } from '../../helpers/drugs/synthetic-photo.ts';
import { cleanup, fakeApi, need, ok, render, settle } from '../expert-harness.tsx';

afterEach(cleanup);

const text = readFileSync(join(process.cwd(), 'assets/drugs/colour-tests.csv'), 'utf8');
const table = parseColourTable(text, 'colour-tests.csv');
const photo = (bytes: Uint8Array, name: string) => ({ name, sha256: 'a'.repeat(64), evidenceId: null, bytes });

describe('drug-test panels below the viewer', () => {
  it('shows the outcome, candidates, well swatches with their NIJ candidates, and the target patches', async () => {
    const lab = table.rows.find((r) => r.reagentId === 'marquis' && r.substance.startsWith('Diacetylmorphine'))!.lab;
    const { image } = renderScene({ seed: 41, wells: [{ label: 'A1', lab }, { label: 'A2', lab: null }, { label: 'A3', lab: null }, { label: 'A4', lab: null }], width: 720, height: 480, exposure: 0.8 });
    const { result } = runSpot({ photo: photo(encodePng(image), 'plate.png'), reagents: 'A1=Marquis', table: { file: 'colour-tests.csv', text, sha256: 'b'.repeat(64) } }, () => undefined);
    await render(fakeApi({}).api, moduleViewerPanels({ result, selection: [0, 0], onSelect: () => undefined, labels: { a: 'A', b: 'B' } }));
    expect(need('drugs-outcome').textContent).toContain('consistent with the substances ranked below');
    expect(need('drugs-outcome').textContent).toContain('Confirm by GC-MS.');
    expect(document.querySelectorAll('[data-testid="drugs-candidate"]').length).toBeGreaterThan(1);
    expect(need('drugs-spot-panel').textContent).toContain('Diacetylmorphine HCl');
    expect(document.querySelectorAll('[data-testid="drugs-well"]')).toHaveLength(1);
    expect(need('drugs-patches').querySelectorAll('[aria-label]').length).toBe(72);
    // In Russian the NIJ substances are named as Russian chemists write them, in the candidates and the wells alike.
    cleanup();
    await render(fakeApi({}).api, moduleViewerPanels({ result, selection: [0, 0], onSelect: () => undefined, labels: { a: 'A', b: 'B' } }), 'ru');
    expect([...document.querySelectorAll('[data-testid="drugs-candidate"]')].map((row) => row.textContent).join(' ')).toContain('диацетилморфина гидрохлорид (героин)');
    expect(need('drugs-well').textContent).toContain('диацетилморфина гидрохлорид (героин)');
    expect(need('drugs-spot-panel').textContent).not.toContain('Diacetylmorphine');
  });

  it('opens a spot-plate run in its own viewer: the photo with the patches and wells drawn over it', async () => {
    const { image } = renderScene({ seed: 43, wells: [{ label: 'A1', lab: [40, 50, 0] }, { label: 'A2', lab: null }], plateCols: 2, width: 720, height: 480, exposure: 0.8 });
    const { result } = runSpot({ photo: photo(encodePng(image), 'plate.png'), reagents: 'A1=Marquis', table: { file: 'colour-tests.csv', text, sha256: 'b'.repeat(64) } }, () => undefined);
    const fake = fakeApi({ 'analysis.result': ok(result), 'evidence.thumbnail': ok({ png: null }) });
    const evidenceId = '44444444-4444-4444-8444-44444444444d';
    await render(fake.api, moduleRunView('drugs.spot', { runId: '55555555-5555-4555-8555-555555555555', evidenceIds: [evidenceId], width: 800, height: 600 }));
    await settle();
    expect(fake.callsTo('evidence.thumbnail')).toEqual([{ evidenceId }]);
    const drawn = need('drugs-photo');
    expect(drawn.querySelectorAll('rect')).toHaveLength(24);
    expect(drawn.querySelectorAll('circle')).toHaveLength(2);
    expect(need('drugs-run-viewer').textContent).toContain('A1 · Marquis');
    expect(moduleRunView('ballistics.bullet', { runId: 'x', evidenceIds: [], width: 1, height: 600 })).toBeNull();
  });

  it('plots each strip’s profile with its result', async () => {
    const windows = [{ control: 0.6, test: 0.4, controlAt: 0.3, testAt: 0.65 }, { control: 0.6, test: 0, controlAt: 0.3, testAt: 0.65 }];
    const { image } = renderScene({ seed: 42, windows, width: 720, height: 480 });
    const panel = { name: 'Two-panel', panels: [{ drug: 'THC', cutoffNgMl: 50, controlAt: 0.3, testAt: 0.65, format: 'competitive' as const }, { drug: 'COC', cutoffNgMl: 300, controlAt: 0.3, testAt: 0.65, format: 'competitive' as const }] };
    const { result } = runStrip({ photo: photo(encodePng(image), 'cassette.png'), panel }, () => undefined);
    await render(fakeApi({}).api, moduleViewerPanels({ result, selection: [0, 0], onSelect: () => undefined, labels: { a: 'A', b: 'B' } }));
    const strips = document.querySelectorAll('[data-testid="drugs-strip"]');
    expect(strips).toHaveLength(2);
    expect(strips[0]!.textContent).toContain('THC: negative (test line visible)');
    expect(strips[1]!.textContent).toContain('COC: positive (no test line)');
    expect(strips[0]!.querySelector('svg path')!.getAttribute('d')!.length).toBeGreaterThan(100);
    const control = result.kind === 'drugs-strip' ? result.strips[0]!.control.absorbance : NaN;
    cleanup();
    await render(fakeApi({}).api, moduleViewerPanels({ result, selection: [0, 0], onSelect: () => undefined, labels: { a: 'A', b: 'B' } }), 'ru');
    // The absorbances are written with the reader's decimal sign, as every other measured value.
    expect(document.querySelector('[data-testid="drugs-strip"]')!.textContent).toContain(`Контрольная линия ${control.toFixed(3).replace('.', ',')}`);
  });

  it('shows a PAD card’s answer, or why the model abstains, and the per-lane chart', async () => {
    const regions = 'ABCDEFGHIJKL'.split('').flatMap((lane, l) => Array.from({ length: 10 }, (_, r) => ({ lane, region: r + 1, corners: [[0, 0], [1, 0], [1, 1], [0, 1]] as Array<[number, number]>, rgb: [200 - 10 * l, 180, 150 + 5 * r] as [number, number, number] })));
    const base = {
      kind: 'drugs-pad', name: 'card.png', width: 800, height: 600, located: 'fiducials', cardCorners: [[0, 0], [1, 0], [1, 1], [0, 1]], regions,
      predicted: 'amoxicillin', probabilities: { amoxicillin: 0.9, ampicillin: 0.1 }, concentration: { predicted: 80, probabilities: { '80': 0.7, '100': 0.3 } },
      abstention: null, conclusion: 'consistent-with',
      provenance: { algorithm: 'drugs-pad-card', version: '1.0.0', modelSha256: 'c'.repeat(64), parameters: {}, inputs: [], software: {} },
    };
    const panel = (result: object) => moduleViewerPanels({ result: result as never, selection: [0, 0], onSelect: () => undefined, labels: { a: 'A', b: 'B' } });
    await render(fakeApi({}).api, panel(base));
    expect(need('drugs-pad-answer').textContent).toContain('amoxicillin at about 80 %');
    expect(need('drugs-pad-lanes').children).toHaveLength(12);
    cleanup();
    await render(fakeApi({}).api, panel({ ...base, abstention: { reason: 'ambiguous', detail: 'margin 0.02 < 0.1', value: 0.02, limit: 0.1 }, conclusion: 'abstains' }));
    expect(need('drugs-pad-answer').textContent).toContain('The model abstains: two ingredients are too close to tell apart.');
  });
});
