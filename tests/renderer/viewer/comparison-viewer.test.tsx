// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comparisonModes } from '../../../renderer/src/viewer/comparison-mode.ts';
import { ComparisonViewer } from '../../../renderer/src/viewer/comparison-viewer.tsx';
import { caseId, cartridgeResult, doneRun, evidenceA, evidenceB, runId, surfaceImage } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, drawn, fakeApi, need, ok, pointer, press, render, settle, stubCanvas } from '../expert-harness.tsx';

function viewerApi() {
  return fakeApi({
    'analysis.result': ok(cartridgeResult),
    'analysis.surface': ok(surfaceImage),
    'findings.addManual': (payload: { kind: string }) => ok({ id: 'x', kind: payload.kind }),
  });
}

const transformOf = (id: string) => {
  const element = need(id);
  return { scale: Number(element.dataset.scale), tx: Number(element.dataset.tx), ty: Number(element.dataset.ty) };
};

async function wheel(element: Element, deltaY: number, clientX: number, clientY: number) {
  await act(async () => {
    element.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX, clientY, bubbles: true, cancelable: true }));
  });
}

beforeEach(() => stubCanvas());
afterEach(() => cleanup());

describe('the comparison viewer', () => {
  it('loads the run result and both surfaces, and draws them with the CMC cells', async () => {
    const fake = viewerApi();
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    expect(fake.callsTo('analysis.result')).toEqual([{ runId }]);
    expect(fake.callsTo('analysis.surface')).toEqual([
      { runId, surface: 0, style: 'relief' },
      { runId, surface: 1, style: 'relief' },
    ]);
    expect(drawn.decoded).toBe(2);
    expect(drawn.drawImage).toBeGreaterThanOrEqual(2);
    // Two cells on each pane.
    expect(drawn.strokes).toBeGreaterThanOrEqual(4);
    expect(need('viewer-cmc-count').textContent).toContain('CMC 1 of 2 cells');
    expect(need('viewer-scale-bar').dataset.um).toBeDefined();
    expect(window.__dalelViewerPerf?.firstRenderMs).not.toBeNull();
  });

  it('switches between the four modes by button and by key, one component each', async () => {
    await render(viewerApi().api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    expect(byTestId('viewer-mode-side-by-side')).not.toBeNull();
    for (const mode of comparisonModes) {
      await click(`viewer-mode-button-${mode}`);
      expect(need('comparison-viewer').dataset.mode).toBe(mode);
      expect(byTestId(`viewer-mode-${mode}`)).not.toBeNull();
      for (const other of comparisonModes.filter((m) => m !== mode)) expect(byTestId(`viewer-mode-${other}`)).toBeNull();
    }
    expect(byTestId('viewer-swipe-divider')).toBeNull();
    await press('3');
    expect(need('comparison-viewer').dataset.mode).toBe('swipe');
    expect(byTestId('viewer-swipe-divider')).not.toBeNull();
    await press('2');
    expect(byTestId('viewer-opacity')).not.toBeNull();
    await press('1');
    expect(byTestId('viewer-pane-b')).not.toBeNull();
  });

  it('keeps both panes on one transform when either is zoomed or panned, without decoding again', async () => {
    await render(viewerApi().api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    const start = transformOf('viewer-pane-a');
    expect(transformOf('viewer-pane-b')).toEqual(start);

    await wheel(need('viewer-pane-a'), -100, 120, 90);
    const zoomed = transformOf('viewer-pane-a');
    expect(zoomed.scale).toBeCloseTo(start.scale * 1.25);
    expect(transformOf('viewer-pane-b')).toEqual(zoomed);
    // Zoom about the cursor: the image point under (120, 90) did not move.
    expect((120 - zoomed.tx) / zoomed.scale).toBeCloseTo((120 - start.tx) / start.scale);

    const paneB = need('viewer-pane-b');
    await pointer(paneB, 'pointerdown', 50, 50);
    await pointer(paneB, 'pointermove', 80, 40);
    await pointer(paneB, 'pointerup', 80, 40);
    await settle();
    const panned = transformOf('viewer-pane-b');
    expect(panned.tx).toBeCloseTo(zoomed.tx + 30);
    expect(panned.ty).toBeCloseTo(zoomed.ty - 10);
    expect(transformOf('viewer-pane-a')).toEqual(panned);

    await press('-');
    expect(transformOf('viewer-pane-a').scale).toBeCloseTo(zoomed.scale / 1.25);
    expect(transformOf('viewer-pane-b')).toEqual(transformOf('viewer-pane-a'));
    await press('0');
    expect(transformOf('viewer-pane-a')).toEqual(start);
    expect(drawn.decoded).toBe(2);
    expect(window.__dalelViewerPerf!.frameMs.length).toBeGreaterThanOrEqual(3);
    expect(window.__dalelViewerPerf!.p95()).not.toBeNull();
  });

  it('reloads the surfaces in false colour when the style is switched', async () => {
    const fake = viewerApi();
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    await click('viewer-style-false-colour');
    await settle();
    expect(fake.callsTo('analysis.surface').slice(2)).toEqual([
      { runId, surface: 0, style: 'false-colour' },
      { runId, surface: 1, style: 'false-colour' },
    ]);
  });

  it('shows a cell’s CCF and registration on hover', async () => {
    await render(viewerApi().api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    const view = transformOf('viewer-pane-a');
    // The middle of cell (0,0) in image pixels, to the screen.
    await pointer(need('viewer-pane-a'), 'pointermove', view.tx + 25 * view.scale, view.ty + 20 * view.scale);
    await settle();
    expect(need('viewer-cell-info').textContent).toBe('Cell 1,1: CCF 0.710, θ -3°, dx 4, dy -2 px · congruent');
  });

  it('measures a distance in µm and records it as a manual finding', async () => {
    const fake = viewerApi();
    let added = 0;
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => void added++} />);
    await click('viewer-tool-distance');
    const view = transformOf('viewer-pane-a');
    const at = (x: number, y: number) => [view.tx + x * view.scale, view.ty + y * view.scale] as const;
    const pane = need('viewer-pane-a');
    for (const [x, y] of [at(10, 10), at(40, 50)]) {
      await pointer(pane, 'pointerdown', x, y);
      await pointer(pane, 'pointerup', x, y);
    }
    await settle();
    // 50 px at 3.125 µm per pixel.
    expect(need('viewer-measure-result').textContent).toBe('Distance: 156.25 µm');
    await click('viewer-measure-save');
    const [payload] = fake.callsTo('findings.addManual') as { caseId: string; kind: string; evidenceIds: string[]; measurements: { key: string; value: unknown; unit: string }[] }[];
    expect(payload!.caseId).toBe(caseId);
    expect(payload!.kind).toBe('distance');
    expect(payload!.evidenceIds).toEqual([evidenceA.id]);
    expect(payload!.measurements[0]).toEqual({ key: 'manual.distance', value: 156.25, unit: 'µm', threshold: null });
    expect(added).toBe(1);
  });
});

describe('the viewer on evidence items as received', () => {
  const photo = { ...surfaceImage, pixelUm: null, zMinUm: null, zMaxUm: null };
  const items = [{ id: evidenceA.id, name: 'page-1.png' }, { id: evidenceB.id, name: 'page-2.png' }] as const;

  it('draws two 2D images side by side, each pane labelled with its item’s name, without a µm scale it does not know', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(photo) });
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'evidence', items }} onFindingAdded={() => undefined} />);
    expect(fake.callsTo('evidence.surface')).toEqual([
      { evidenceId: evidenceA.id, style: 'relief' },
      { evidenceId: evidenceB.id, style: 'relief' },
    ]);
    expect(drawn.decoded).toBe(2);
    expect(need('viewer-pane-a-label').textContent).toBe('page-1.png');
    expect(need('viewer-pane-b-label').textContent).toBe('page-2.png');
    expect(need('viewer-pane-a').getAttribute('aria-label')).toBe('page-1.png');
    expect(byTestId('viewer-scale-bar')).toBeNull();
    expect(byTestId('viewer-height-range')).toBeNull();
    expect(byTestId('viewer-tool-distance')).toBeNull();
    expect(need('viewer-no-scale').textContent).toContain('Pixel size not known');
    await click('viewer-mode-button-overlay');
    expect(need('viewer-pane-a-label').textContent).toBe('page-2.png over page-1.png');
  });

  it('opens one item on its own, full width, with pan, zoom and no comparison modes', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(surfaceImage) });
    await render(fake.api, <ComparisonViewer caseId={caseId} source={{ kind: 'evidence', items: [items[0]] }} onFindingAdded={() => undefined} width={900} />);
    expect(fake.callsTo('evidence.surface')).toEqual([{ evidenceId: evidenceA.id, style: 'relief' }]);
    expect(need('comparison-viewer').dataset.mode).toBe('single');
    expect(byTestId('viewer-mode-button-overlay')).toBeNull();
    expect(byTestId('viewer-pane-b')).toBeNull();
    expect(need('viewer-pane-a').style.width).toBe('900px');
    expect(need('viewer-pane-a-label').textContent).toBe('page-1.png');
    // Its pixel size is known here: the scale bar shows, and zooming changes it.
    const before = need('viewer-scale-bar').dataset.um;
    await click('viewer-zoom-in');
    await click('viewer-zoom-in');
    await click('viewer-zoom-in');
    expect(Number(need('viewer-pane-a').dataset.scale)).toBeGreaterThan(1);
    expect(need('viewer-scale-bar').dataset.um).not.toBe(before);
  });
});

describe('aligning B to A', () => {
  it('is offered only where it changes the picture: overlay, swipe and difference, not side by side', async () => {
    await render(viewerApi().api, <ComparisonViewer caseId={caseId} source={{ kind: 'run', runId, evidenceIds: doneRun.evidenceIds }} onFindingAdded={() => undefined} />);
    expect(need('comparison-viewer').dataset.mode).toBe('side-by-side');
    expect(byTestId('viewer-align')).toBeNull();
    for (const mode of ['overlay', 'swipe', 'difference'] as const) {
      await click(`viewer-mode-button-${mode}`);
      expect(byTestId('viewer-align')).not.toBeNull();
    }
  });
});

