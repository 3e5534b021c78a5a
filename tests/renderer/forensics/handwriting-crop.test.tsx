// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSchema, type Evidence, type ResponseOf } from '../../../main/contract/index.ts';
import { CompareDialog } from '../../../renderer/src/analysis/compare-dialog.tsx';
import { caseId, catalog, evidenceA } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, pointer, render, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

const pageItem = (id: string, originalName: string, width: number | null, height: number | null): Evidence =>
  EvidenceSchema.parse({ ...evidenceA, id, sha256: id.slice(-1).repeat(64), originalName, kind: 'png', mediaType: 'image/png', category: 'handwriting.page', width, height, hasThumbnail: true });
const known = pageItem('44444444-4444-4444-8444-44444444444a', 'known.png', 600, 800);
const questioned = pageItem('44444444-4444-4444-8444-44444444444b', 'questioned.png', 600, 800);

const handwritingCatalog: ResponseOf<'forensics.catalog'> = {
  kinds: [...catalog.kinds, { id: 'handwriting.page', module: 'handwriting', formats: ['png', 'jpeg', 'tiff'], imagesNeedPixelSize: false }],
  methods: [{ id: 'handwriting.writer-comparison', module: 'handwriting', acceptedKinds: ['handwriting.page'], arity: { min: 2, max: 32 } }],
  measurementDigits: catalog.measurementDigits,
};

async function open(items: readonly Evidence[]) {
  const fake = fakeApi({
    'forensics.catalog': ok(handwritingCatalog),
    'evidence.thumbnail': ok({ png: new Uint8Array([137, 80, 78, 71]) }),
    'analysis.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }),
  });
  await render(fake.api, <CompareDialog caseId={caseId} items={items} onClose={() => undefined} onStarted={() => undefined} />);
  return fake;
}

/** Drags from one point to another on a page's thumbnail (CSS pixels; jsdom puts the box at 0, 0). */
async function drag(item: Evidence, from: readonly [number, number], to: readonly [number, number]): Promise<void> {
  const area = need(`hw-crop-area-${item.id}`);
  await pointer(area, 'pointerdown', ...from);
  await pointer(area, 'pointermove', ...to);
  await pointer(area, 'pointerup', ...to);
}

describe('the handwriting crop in the Compare dialog', () => {
  it('a rectangle dragged on the questioned page’s thumbnail is sent in page pixels with the script', async () => {
    const fake = await open([known, questioned]);
    expect(fake.callsTo('evidence.thumbnail')).toHaveLength(2);
    // The thumbnail is shown 180 px wide for a 600 px page: one CSS pixel is 10/3 page pixels.
    await drag(questioned, [18, 18], [90, 72]);
    expect(need(`hw-crop-rect-${questioned.id}`)).toBeTruthy();
    expect(need(`hw-crop-${questioned.id}`).textContent).toContain('Crop: 60, 60 — 240 × 180 px');
    expect(need(`hw-crop-${known.id}`).textContent).toContain('Whole page');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([
      {
        caseId,
        module: 'handwriting.writer-comparison',
        evidenceIds: [known.id, questioned.id],
        script: 'latin',
        methodOptions: { crops: { [questioned.id]: { x: 60, y: 60, width: 240, height: 180 } } },
      },
    ]);
  });

  it('a removed crop, or a click without a drag, sends no crop; a page of unknown size cannot be cropped', async () => {
    const unsized = pageItem('44444444-4444-4444-8444-44444444444c', 'scan.png', null, null);
    const fake = await open([known, unsized]);
    expect(byTestId(`hw-crop-area-${unsized.id}`)).toBeNull();
    expect(need('compare-dialog').textContent).toContain('“scan.png”: its size in pixels is unknown');
    await drag(known, [0, 0], [30, 30]);
    await click(`hw-crop-clear-${known.id}`);
    await drag(known, [40, 40], [40, 40]);
    expect(byTestId(`hw-crop-rect-${known.id}`)).toBeNull();
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([{ caseId, module: 'handwriting.writer-comparison', evidenceIds: [known.id, unsized.id], script: 'latin' }]);
  });

  it('names the questioned page (the last picked unless the expert chooses another) and sends it last, with the script', async () => {
    const second = pageItem('44444444-4444-4444-8444-44444444444d', 'known-2.png', 600, 800);
    const fake = await open([questioned, known, second]);
    const choice = need('compare-handwriting-questioned') as HTMLSelectElement;
    expect(choice.value).toBe(second.id);
    expect([...choice.options].map((o) => o.textContent)).toEqual(['questioned.png', 'known.png', 'known-2.png']);
    await type('compare-handwriting-questioned', questioned.id);
    await type('compare-handwriting-script', 'cyrillic');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([{ caseId, module: 'handwriting.writer-comparison', evidenceIds: [known.id, second.id, questioned.id], script: 'cyrillic' }]);
  });

  it('a rectangle too small to profile stops the start and names the page', async () => {
    const fake = await open([known, questioned]);
    await drag(known, [10, 10], [11, 40]);
    await submit('compare-form');
    expect(need('hw-crop-problem').textContent).toBe('The crop rectangle on “known.png” must lie inside the page and be at least 8 × 8 pixels.');
    expect(fake.callsTo('analysis.start')).toEqual([]);
  });
});
