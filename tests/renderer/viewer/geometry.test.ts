import { describe, expect, it } from 'vitest';
import { rotate } from '../../../native/surface/height-grid.ts';
import { alignMatrix, cellCorners, insidePolygon, registeredCorners } from '../../../renderer/src/viewer/cmc-geometry.ts';
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

describe('CMC cell geometry', () => {
  it('maps a cell to where the comparison found it, using the same rotation as native/surface rotate()', () => {
    // A target with one marked point; rotate it as the comparison does, and check that the registered position of a
    // 1×1 cell at the rotated point's location lands on the marked point of the unrotated target.
    const width = 41;
    const height = 31;
    const z = new Float32Array(width * height);
    const mark = { x: 28, y: 9 };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = -Math.hypot(x - mark.x, y - mark.y);
    const theta = 12;
    const rotated = rotate({ width, height, step: 1e-6, z }, theta);
    let best = { x: 0, y: 0, v: -Infinity };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (rotated.z[y * width + x]! > best.v) best = { x, y, v: rotated.z[y * width + x]! };
    const dx = 3;
    const dy = -2;
    const cell = { x: best.x - dx, y: best.y - dy, width: 0, height: 0, theta, dx, dy };
    const [corner] = registeredCorners(cell, width, height);
    expect(Math.hypot(corner!.x - mark.x, corner!.y - mark.y)).toBeLessThan(1);
  });

  it('aligns the target onto the reference with the inverse of the registration', () => {
    const reg = { theta: -9, dx: 14, dy: -6 };
    const cell = { x: 100, y: 60, width: 40, height: 30, ...reg };
    const [a, b, c, d, e, f] = alignMatrix(reg, 545, 520);
    const back = registeredCorners(cell, 545, 520).map((q) => ({ x: a * q.x + c * q.y + e, y: b * q.x + d * q.y + f }));
    cellCorners(cell).forEach((p, i) => {
      expect(back[i]!.x).toBeCloseTo(p.x, 6);
      expect(back[i]!.y).toBeCloseTo(p.y, 6);
    });
  });

  it('hit-tests rotated cells', () => {
    const square = registeredCorners({ x: 0, y: 0, width: 10, height: 10, theta: 45, dx: 0, dy: 0 }, 11, 11);
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
