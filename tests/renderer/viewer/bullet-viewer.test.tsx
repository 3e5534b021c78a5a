// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BulletComparisonResultSchema } from '../../../main/contract/index.ts';
import { ComparisonViewer } from '../../../renderer/src/viewer/comparison-viewer.tsx';
import { signaturePath } from '../../../renderer/src/forensics/ballistics/signature-plot.tsx';
import { caseId, runId, surfaceImage } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, render, settle, stubCanvas } from '../expert-harness.tsx';

const land = (i: number, side: string) => ({ evidenceId: null, name: `${side}-land${i + 1}`, sha256: String(i).repeat(64), width: 120, height: 40, pixelUm: 1.5625 });
const result = BulletComparisonResultSchema.parse({
  kind: 'bullet',
  a: [0, 1].map((i) => land(i, 'A')),
  b: [0, 1].map((i) => land(i, 'B')),
  landPairs: [
    { a: 0, b: 1, ccf: 0.81, cms: 11, d: 0.9, overlap: 0.95, lagUm: 12.5, score: 0.86 },
    { a: 1, b: 0, ccf: 0.77, cms: 9, d: 1.1, overlap: 0.93, lagUm: -3, score: 0.8 },
    { a: 0, b: 0, ccf: 0.1, cms: 1, d: 3.2, overlap: 0.9, lagUm: 40, score: 0.12 },
  ],
  rotation: { offset: 1, pairs: [[0, 1], [1, 0]] },
  bulletScore: 0.83,
  landThreshold: 0.5,
  conclusion: 'identification',
  signatures: [
    { a: 0, b: 1, stepUm: 1.5625, sigA: [0.1, 0.3, null, -0.2], sigB: [0.2, 0.25, 0.1, -0.1] },
    { a: 1, b: 0, stepUm: 1.5625, sigA: [0, 1, 0, -1], sigB: [0.1, 0.9, 0.1, -0.9] },
  ],
  provenance: { algorithm: 'bullet', version: '1', modelSha256: null, parameters: {}, inputs: [], software: {} },
  timing: {},
});

beforeEach(() => stubCanvas());
afterEach(() => cleanup());

describe('the bullet comparison view', () => {
  it('plots the aligned signatures of the chosen land pair and lists the pairs of the best rotation', async () => {
    const fake = fakeApi({ 'analysis.result': ok(result), 'analysis.surface': ok(surfaceImage) });
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: [] }} onFindingAdded={() => undefined} />);
    await click('land-pair-0-1');
    await settle();
    expect(byTestId('land-pair-0-0')).toBeNull();
    expect(need('land-pair-0-1').textContent).toContain('A1 ↔ B2');
    // Land 1 of A is surface 0; land 2 of B comes after A's two lands.
    expect(fake.callsTo('analysis.surface').at(-1)).toEqual({ runId, surface: 3, style: 'relief' });
    const a = need('signature-a').getAttribute('d')!;
    expect(a.match(/M/g)).toHaveLength(2);
    expect(need('signature-b').getAttribute('d')!.match(/M/g)).toHaveLength(1);
    await click('land-pair-1-0');
    expect(fake.callsTo('analysis.surface').at(-1)).toEqual({ runId, surface: 2, style: 'relief' });
  });

  it('opens on the best land pair of the best rotation, its signatures plotted, with a legend that wraps instead of overlapping', async () => {
    // Pair A2 ↔ B1 scores 0.8 and A1 ↔ B2 0.86: the view opens on A1 ↔ B2 (surfaces 0 and 3), not on A1 ↔ B1.
    const fake = fakeApi({ 'analysis.result': ok(result), 'analysis.surface': ok(surfaceImage) });
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: [] }} onFindingAdded={() => undefined} />);
    expect(fake.callsTo('analysis.surface')).toEqual([
      { runId, surface: 0, style: 'relief' },
      { runId, surface: 3, style: 'relief' },
    ]);
    expect(byTestId('signature-plot')).not.toBeNull();
    expect(need('land-pair-0-1').classList.contains('Mui-selected')).toBe(true);
    expect(need('viewer-pane-a-label').textContent).toBe('A-land1');
    expect(need('viewer-pane-b-label').textContent).toBe('B-land2');
    // The legend is laid out by the page (it wraps), not drawn at fixed positions inside the SVG.
    expect(need('signature-legend-a').textContent).toBe('A-land1');
    expect(need('signature-legend-b').textContent).toBe('B-land2');
    expect(need('signature-plot').querySelectorAll('svg text')).toHaveLength(3);
  });

  it('lifts the pen over missing points', () => {
    expect(signaturePath([1, null, 2, 3], (i) => i, (v) => v)).toBe('M0.0,1.0M2.0,2.0L3.0,3.0');
  });
});
