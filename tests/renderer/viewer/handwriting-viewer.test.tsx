// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHandwritingSkeleton, HandwritingComparisonResultSchema, handwritingClusterColour } from '../../../main/contract/index.ts';
import { HandwritingComparisonViewer } from '../../../renderer/src/forensics/handwriting/handwriting-viewer.tsx';
import { evidenceA, evidenceB, surfaceImage } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, render, stubCanvas } from '../expert-harness.tsx';

const counts = (filled: Record<number, number>) => Array.from({ length: 40 }, (_, i) => filled[i + 1] ?? 0);
const pageOf = (name: string, evidenceId: string, role: 'known' | 'questioned', filled: Record<number, number>) => {
  const c = counts(filled);
  const total = c.reduce((s, v) => s + v, 0);
  return {
    evidenceId,
    name,
    sha256: name.charCodeAt(0).toString(16).padStart(2, '0').repeat(32),
    role,
    width: 600,
    height: 700,
    graphCount: total,
    counts: c,
    rates: c.map((v) => v / total),
    graphs: Object.entries(filled).flatMap(([cluster, n]) => Array.from({ length: n }, (_, i) => ({ cluster: Number(cluster), bbox: [10 + 20 * i, 10 * Number(cluster), 12, 9] as [number, number, number, number] }))),
    timingsMs: {},
    overlaySha256: null,
  };
};
const result = (abstention: { code: string; reason: string } | null) =>
  HandwritingComparisonResultSchema.parse({
    kind: 'handwriting-comparison',
    script: 'latin',
    known: [pageOf('k.png', evidenceA.id, 'known', { 3: 4, 7: 2 })],
    questioned: pageOf('q.png', evidenceB.id, 'questioned', { 3: 1, 9: 5 }),
    pooledKnownCounts: counts({ 3: 4, 7: 2 }),
    comparison: {
      score: abstention ? null : 0.31,
      slr: abstention ? null : 0.02,
      log10Slr: abstention ? null : Math.log10(0.02),
      verbal: abstention ? null : 'moderate support for different writers',
      abstention,
      model: { hash: abstention ? null : 'c'.repeat(64), name: 'rf-k40' },
      drivers: [
        { cluster: 9, known: 0, questioned: 5 / 6 },
        { cluster: 3, known: 4 / 6, questioned: 1 / 6 },
      ],
    },
    provenance: { algorithm: 'dalel-handwriting-profile', version: '1.0.0', modelSha256: null, parameters: {}, inputs: [], software: {} },
    timing: {},
  });

beforeEach(() => stubCanvas());
afterEach(() => cleanup());

describe('the handwriting viewer', () => {
  it('shows both pages with their graphs outlined by cluster, the fill rates, the driving clusters and the likelihood ratio', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(surfaceImage) });
    await render(fake.api, <HandwritingComparisonViewer result={result(null)} width={900} height={600} />);
    expect(fake.callsTo('evidence.surface').map((c) => (c as { evidenceId: string }).evidenceId).sort()).toEqual([evidenceA.id, evidenceB.id].sort());
    const layers = document.querySelectorAll('[data-testid="handwriting-graphs"]');
    expect(layers).toHaveLength(2);
    expect(layers[0]!.querySelectorAll('rect')).toHaveLength(6);
    expect(layers[1]!.querySelectorAll('rect')).toHaveLength(6);
    expect(need('handwriting-outcome').textContent).toContain('moderate support for different writers');
    expect(need('handwriting-drivers').textContent).toContain('Cluster 9');
    expect(need('handwriting-rates').querySelectorAll('g rect').length).toBe(80);
  });

  it('writes the likelihood ratio and the score with the reader’s decimal sign', async () => {
    await render(fakeApi({ 'evidence.surface': ok(surfaceImage) }).api, <HandwritingComparisonViewer result={result(null)} width={900} height={600} />, 'ru');
    const outcome = need('handwriting-outcome').textContent ?? '';
    expect(outcome).toContain('0,02');
    expect(outcome).toContain('0,310');
    expect(outcome).not.toMatch(/\d\.\d/);
  });

  it('draws each graph’s one-pixel skeleton in its cluster’s colour when the skeleton toggle is on', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(surfaceImage) });
    const r = result(null);
    const [first, ...rest] = r.questioned.graphs;
    const skeleton = encodeHandwritingSkeleton([first!.bbox[0] + 2, first!.bbox[1] + 1, first!.bbox[0] + 3, first!.bbox[1] + 2], first!.bbox);
    const withSkeleton = { ...r, questioned: { ...r.questioned, graphs: [{ ...first!, skeleton }, ...rest] } };
    await render(fake.api, <HandwritingComparisonViewer result={withSkeleton} width={900} height={600} />);
    expect(byTestId('handwriting-skeleton')).toBeNull();
    const toggle = document.querySelector('input[aria-label="Skeleton (one-pixel strokes)"]') as HTMLInputElement;
    expect(toggle.disabled).toBe(false);
    toggle.setAttribute('data-testid', 'skeleton-toggle');
    await click('skeleton-toggle');
    const layers = document.querySelectorAll('[data-testid="handwriting-skeleton"]');
    expect(layers).toHaveLength(2);
    const paths = layers[1]!.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    const [x, y] = [first!.bbox[0], first!.bbox[1]];
    expect(paths[0]!.getAttribute('d')).toBe(`M${x + 2} ${y + 1}h1v1h-1zM${x + 3} ${y + 2}h1v1h-1z`);
    expect(paths[0]!.getAttribute('fill')).toBe(`rgb(${handwritingClusterColour(first!.cluster).join(',')})`);
    expect(layers[0]!.querySelectorAll('path')).toHaveLength(0);
  });

  it('offers no skeleton for a result stored before skeletons were kept', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(surfaceImage) });
    await render(fake.api, <HandwritingComparisonViewer result={result(null)} width={900} height={600} />);
    const toggle = document.querySelector('input[aria-label="Skeleton (one-pixel strokes)"]') as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(byTestId('handwriting-skeleton')).toBeNull();
  });

  it('hides the outlines on request, and says why there is no likelihood ratio when the comparison abstained', async () => {
    const fake = fakeApi({ 'evidence.surface': ok(surfaceImage) });
    await render(fake.api, <HandwritingComparisonViewer result={result({ code: 'no-model', reason: 'no handwriting comparison model is installed' })} width={900} height={600} />);
    expect(need('handwriting-outcome').textContent).toContain('No likelihood ratio: no comparison model is installed on this workstation');
    const toggle = document.querySelector('input[aria-label="Graphs coloured by cluster"]') as HTMLInputElement;
    toggle.setAttribute('data-testid', 'graphs-toggle');
    await click('graphs-toggle');
    expect(byTestId('handwriting-graphs')).toBeNull();
  });
});
