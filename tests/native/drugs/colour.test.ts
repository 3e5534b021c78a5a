import { describe, expect, it } from 'vitest';
import {
  ciede2000, labToSrgb, labToHex, linearToSrgb, srgb8ToLab, srgbToLab, srgbToLinear, type Triple,
} from '../../../native/drugs/colour/index.ts';

/** Sharma, Wu & Dalal (2005), Table 1: the 34 CIEDE2000 test pairs (L*a*b* 1, L*a*b* 2, ΔE00). */
const SHARMA_PAIRS: ReadonlyArray<readonly [Triple, Triple, number]> = [
  [[50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425],
  [[50.0, 3.1571, -77.2803], [50.0, 0.0, -82.7485], 2.8615],
  [[50.0, 2.8361, -74.02], [50.0, 0.0, -82.7485], 3.4412],
  [[50.0, -1.3802, -84.2814], [50.0, 0.0, -82.7485], 1.0],
  [[50.0, -1.1848, -84.8006], [50.0, 0.0, -82.7485], 1.0],
  [[50.0, -0.9009, -85.5211], [50.0, 0.0, -82.7485], 1.0],
  [[50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669],
  [[50.0, -1.0, 2.0], [50.0, 0.0, 0.0], 2.3669],
  [[50.0, 2.49, -0.001], [50.0, -2.49, 0.0009], 7.1792],
  [[50.0, 2.49, -0.001], [50.0, -2.49, 0.001], 7.1792],
  [[50.0, 2.49, -0.001], [50.0, -2.49, 0.0011], 7.2195],
  [[50.0, 2.49, -0.001], [50.0, -2.49, 0.0012], 7.2195],
  [[50.0, -0.001, 2.49], [50.0, 0.0009, -2.49], 4.8045],
  [[50.0, -0.001, 2.49], [50.0, 0.001, -2.49], 4.8045],
  [[50.0, -0.001, 2.49], [50.0, 0.0011, -2.49], 4.7461],
  [[50.0, 2.5, 0.0], [50.0, 0.0, -2.5], 4.3065],
  [[50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492],
  [[50.0, 2.5, 0.0], [61.0, -5.0, 29.0], 22.8977],
  [[50.0, 2.5, 0.0], [56.0, -27.0, -3.0], 31.903],
  [[50.0, 2.5, 0.0], [58.0, 24.0, 15.0], 19.4535],
  [[50.0, 2.5, 0.0], [50.0, 3.1736, 0.5854], 1.0],
  [[50.0, 2.5, 0.0], [50.0, 3.2972, 0.0], 1.0],
  [[50.0, 2.5, 0.0], [50.0, 1.8634, 0.5757], 1.0],
  [[50.0, 2.5, 0.0], [50.0, 3.2592, 0.335], 1.0],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
  [[61.2901, 3.7196, -5.3901], [61.4292, 2.248, -4.962], 1.8731],
  [[35.0831, -44.1164, 3.7933], [35.0232, -40.0716, 1.5901], 1.8645],
  [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  [[36.4612, 47.858, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146],
  [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
  [[6.7747, -0.2908, -2.4247], [5.8714, -0.0985, -2.2286], 0.6377],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

describe('CIEDE2000', () => {
  it('has all 34 Sharma et al. (2005) pairs', () => {
    expect(SHARMA_PAIRS).toHaveLength(34);
  });

  it.each(SHARMA_PAIRS.map((pair, index) => [index + 1, ...pair] as const))(
    'pair %i matches the published ΔE00 to 1e-4, both ways round',
    (_index, lab1, lab2, expected) => {
      expect(Math.abs(ciede2000(lab1, lab2) - expected)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(ciede2000(lab2, lab1) - expected)).toBeLessThanOrEqual(1e-4);
    },
  );

  it('is exactly zero for identical colours', () => {
    expect(ciede2000([40, 20, -30], [40, 20, -30])).toBe(0);
  });
});

describe('sRGB ↔ CIELAB (D65)', () => {
  it('maps white to L*=100 and the primaries to their published values', () => {
    const close = (actual: Triple, expected: Triple, tolerance: number): void => {
      actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(tolerance));
    };
    close(srgb8ToLab(255, 255, 255), [100, 0, 0], 0.01);
    close(srgb8ToLab(255, 0, 0), [53.24, 80.09, 67.2], 0.01);
    close(srgb8ToLab(0, 255, 0), [87.73, -86.18, 83.18], 0.01);
    close(srgb8ToLab(0, 0, 255), [32.3, 79.19, -107.86], 0.01);
  });

  it('round-trips sRGB through CIELAB and back', () => {
    for (let i = 0; i < 200; i += 1) {
      const rgb: Triple = [((i * 37) % 101) / 100, ((i * 53) % 97) / 96, ((i * 71) % 89) / 88];
      const back = labToSrgb(srgbToLab(rgb));
      back.forEach((value, c) => expect(Math.abs(value - rgb[c]!)).toBeLessThan(1e-9));
    }
  });

  it('inverts the transfer curve, negative values included', () => {
    for (const v of [-0.5, 0, 0.002, 0.04, 0.3, 1, 1.2]) expect(linearToSrgb(srgbToLinear(v))).toBeCloseTo(v, 12);
  });

  it('reproduces the colour table hex values from their CIELAB', () => {
    expect(labToHex([70.88, -23.81, -29.41])).toBe('#2DBCE2');
  });
});
