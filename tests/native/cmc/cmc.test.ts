import { describe, expect, it } from 'vitest';
import { cmcDirection } from '../../../native/cmc/cmc-compare.ts';
import { defaultCmcParameters, type CmcParameters } from '../../../native/cmc/cmc-params.ts';
import { matchTemplateCcoeffNormed } from '../../../native/opencv/opencv-adapter.ts';
import { mirrorX, rotate, type HeightGrid } from '../../../native/surface/height-grid.ts';

/** A rough random surface (seeded) with a missing disc in the middle, like a firing-pin hole. */
function surface(size: number, seed: number, shift = 0): HeightGrid {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const noise = Array.from({ length: (size + 40) * (size + 40) }, rand);
  const z = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size / 2);
      const i = (y + 10) * (size + 40) + x + 10 + shift;
      z[y * size + x] = d < size / 8 ? NaN : noise[i]! + noise[i + 1]! + noise[i + size + 40]!;
    }
  }
  return { width: size, height: size, step: 1e-6, z };
}

const quick: CmcParameters = { ...defaultCmcParameters, thetas: [-6, -3, 0, 3, 6] };

describe('CMC (synthetic surfaces)', () => {
  it('finds a shifted copy congruent in almost every cell, with the shift as consensus', () => {
    const a = surface(96, 7);
    const b = surface(96, 7, 4); // b(x) = a(x + 4)
    const result = cmcDirection(a, b, quick, matchTemplateCcoeffNormed);
    expect(result.cmcCount).toBeGreaterThanOrEqual(result.cellsCompared - 4);
    expect(result.consensus).toEqual({ theta: 0, dx: -4, dy: 0 });
    const ccfs = result.cells.filter((c) => c.congruent).map((c) => c.ccf).sort((x, y) => x - y);
    expect(ccfs[ccfs.length >> 1]).toBeGreaterThan(0.95); // cells clear of the hole and edges match exactly
  });

  it('finds fewer than 6 CMCs between unrelated surfaces and against a mirror image', () => {
    const a = surface(96, 7);
    expect(cmcDirection(a, surface(96, 99), quick, matchTemplateCcoeffNormed).cmcCount).toBeLessThan(6);
    expect(cmcDirection(a, mirrorX(a), quick, matchTemplateCcoeffNormed).cmcCount).toBeLessThan(6);
  });

  it('drops cells with more than 85 % missing points', () => {
    const a = surface(64, 3);
    const holes = new Float32Array(a.z);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if ((x + y) % 8) holes[y * 64 + x] = NaN; // cell (0,0): 7/8 missing
    const result = cmcDirection({ ...a, z: holes }, a, quick, matchTemplateCcoeffNormed);
    expect(result.cells.some((c) => c.row === 0 && c.col === 0)).toBe(false);
  });
});

describe('height grid', () => {
  it('rotation by 0 is the identity, a mirror twice is the identity, rotation marks new corners missing', () => {
    const a = surface(32, 5);
    expect(rotate(a, 0)).toBe(a);
    expect(Array.from(mirrorX(mirrorX(a)).z)).toEqual(Array.from(a.z));
    const r = rotate(a, 30);
    expect(Number.isNaN(r.z[0]!)).toBe(true);
  });
});
