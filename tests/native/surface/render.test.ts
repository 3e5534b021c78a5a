import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { HeightGrid } from '../../../native/surface/height-grid.ts';
import { colourAt, colourMaps, encodePng, hillshade, renderSurface, robustRange, type ColourMapName } from '../../../native/surface/render.ts';

const gridOf = (width: number, height: number, f: (x: number, y: number) => number, step = 1e-6): HeightGrid => {
  const z = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) z[y * width + x] = f(x, y);
  return { width, height, step, z };
};

/** Relative luminance (WCAG) of an sRGB colour. */
const luminance = ([r, g, b]: readonly number[]) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};

describe('rendering a height map', () => {
  it('a tilted plane has uniform relief; facing the light it is brighter than facing away', () => {
    const plane = gridOf(20, 10, (x, y) => 0.3e-6 * x + 0.1e-6 * y);
    const shade = hillshade(plane, 315, 45);
    for (const s of shade) expect(s).toBeCloseTo(shade[0]!, 6);
    // Light from the west (270°): a surface rising to the east faces it.
    const towards = hillshade(gridOf(5, 5, (x) => 0.5e-6 * x), 270, 45)[12]!;
    const away = hillshade(gridOf(5, 5, (x) => -0.5e-6 * x), 270, 45)[12]!;
    expect(towards).toBeGreaterThan(away);
    // A flat surface under a 45° light: cos 45°.
    expect(hillshade(gridOf(3, 3, () => 1e-6), 0, 45)[4]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('both colour maps are monotone in luminance from low to high', () => {
    for (const map of Object.keys(colourMaps) as ColourMapName[]) {
      let previous = -1;
      for (let t = 0; t <= 1.0001; t += 0.01) {
        const l = luminance(colourAt(map, t));
        expect(l).toBeGreaterThan(previous);
        previous = l;
      }
    }
  });

  it('missing points are transparent; the colour range is robust to a spike; large grids are shrunk for display', () => {
    const g = gridOf(300, 200, (x, y) => (x < 10 ? NaN : x === 150 && y === 100 ? 1 : (x / 300) * 1e-6));
    const robust = robustRange(g, 1, 99);
    expect(robust.zMaxUm).toBeLessThan(1.01);
    const image = renderSurface(g, { mode: 'false-colour', maxSide: 300 });
    expect(image.rgba[3]).toBe(0);
    expect(image.rgba[4 * 20 + 3]).toBe(255);
    expect(image.zMinUm).toBeGreaterThan(0);
    const small = renderSurface(g, { maxSide: 100 });
    expect([small.width, small.height]).toEqual([100, 66]);
    const relief = renderSurface(g, { mode: 'relief', maxSide: 300 });
    expect(relief.rgba[4 * 20]).toBe(relief.rgba[4 * 20 + 1]);
  });

  it('encodes a PNG that decodes to the same pixels', () => {
    const image = renderSurface(gridOf(8, 4, (x, y) => (x + y) * 1e-7));
    const back = PNG.sync.read(Buffer.from(encodePng(image)));
    expect([back.width, back.height]).toEqual([8, 4]);
    expect(Array.from(back.data)).toEqual(Array.from(image.rgba));
  });
});
