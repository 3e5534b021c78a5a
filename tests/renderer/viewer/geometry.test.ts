import { describe, expect, it } from 'vitest';
import { cellOutline } from '../../../native/cmc/cmc-cell-outline.ts';
import { insidePolygon } from '../../../renderer/src/viewer/plane-geometry.ts';
import { angleDeg, distanceUm, measure } from '../../../renderer/src/viewer/measure.ts';
import { scaleBar } from '../../../renderer/src/viewer/scale-bar.ts';
import { fitTransform, panBy, toImage, zoomAbout } from '../../../renderer/src/viewer/view-transform.ts';

describe('the shared view transform', () => {
  it('fits an image whole and centred', () => {
    const view = fitTransform(545, 545, 476, 480);
    expect(view.scale).toBeCloseTo(476 / 545);
    expect(view.tx).toBeCloseTo(0);
    expect(view.ty).toBeCloseTo((480 - 545 * view.scale) / 2);
  });

  it('zooms about the cursor: the image point under it stays put', () => {
    const view = { scale: 0.8, tx: 12, ty: -30 };
    const before = toImage(view, 200, 150);
    const zoomed = zoomAbout(view, 1.7, 200, 150);
    expect(zoomed.scale).toBeCloseTo(1.36);
    const after = toImage(zoomed, 200, 150);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the zoom and pans in screen pixels', () => {
    expect(zoomAbout({ scale: 60, tx: 0, ty: 0 }, 10, 0, 0).scale).toBe(64);
    expect(zoomAbout({ scale: 0.03, tx: 0, ty: 0 }, 0.1, 0, 0).scale).toBe(0.02);
    expect(panBy({ scale: 2, tx: 1, ty: 2 }, 10, -5)).toEqual({ scale: 2, tx: 11, ty: -3 });
  });
});

describe('the scale bar', () => {
  it('picks the longest 1-2-5 length that fits, and scales with the zoom', () => {
    // 3.125 µm pixels (fadul) at zoom 1: 160 px = 500 µm exactly.
    expect(scaleBar(3.125, 1)).toEqual({ um: 500, px: 160 });
    const zoomed = scaleBar(3.125, 4)!;
    expect(zoomed.um).toBe(100);
    expect(zoomed.px).toBeCloseTo(128);
    expect(scaleBar(0.645, 0.5, 100)!.um).toBe(100);
    expect(scaleBar(0, 1)).toBeNull();
  });
});

describe('polygon hit-testing', () => {
  it('finds points inside a rotated cell outline as the service sends it', () => {
    const square = cellOutline({ x: 0, y: 0, width: 10, height: 10, theta: 45, dx: 0, dy: 0 }, 11, 11).target;
    expect(insidePolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(insidePolygon({ x: 0.2, y: 0.2 }, square)).toBe(false);
  });
});

describe('measurement tools', () => {
  it('measure distances in µm and angles in degrees', () => {
    expect(distanceUm({ x: 0, y: 0 }, { x: 3, y: 4 }, 3.125)).toBeCloseTo(15.625);
    expect(angleDeg({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 10 })).toBeCloseTo(90);
    expect(angleDeg({ x: 10, y: 0 }, { x: 0, y: 0 }, { x: -10, y: -0.0001 })).toBeCloseTo(180, 2);
    expect(measure('angle', [{ x: 1, y: 0 }, { x: 0, y: 0 }], 1)).toBeNull();
    expect(measure('distance', [{ x: 0, y: 0 }, { x: 0, y: 2 }], 0.5)).toEqual({ value: 1, unit: 'µm' });
  });
});
