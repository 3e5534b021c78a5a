import { describe, expect, it } from 'vitest';
import { gaussianBandPass } from '../../../native/preprocess/band-pass.ts';
import { detectBreechFace, maskBreechFace } from '../../../native/preprocess/breech-face.ts';
import { cropToPresent } from '../../../native/preprocess/crop.ts';
import { levelPlane } from '../../../native/preprocess/level.ts';
import { fillHoles, fitCircle, labelComponents } from '../../../native/preprocess/mask-regions.ts';
import { nanGaussian, sigmaForCutoff } from '../../../native/preprocess/nan-gaussian.ts';
import { removeOutliers } from '../../../native/preprocess/outliers.ts';
import { classifyScan, prepareCartridgeCase } from '../../../native/preprocess/prepare.ts';
import { defaultCartridgePreprocess } from '../../../native/preprocess/preprocess-params.ts';
import { resampleGrid } from '../../../native/preprocess/resample.ts';
import { validFraction, type HeightGrid } from '../../../native/surface/height-grid.ts';
import { breechFace, gridOf, random } from './synthetic.ts';

const maxAbs = (g: HeightGrid) => g.z.reduce((m, v) => (v === v ? Math.max(m, Math.abs(v)) : m), 0);
const rmsOf = (z: Float32Array) => {
  let s = 0;
  let n = 0;
  for (const v of z) if (v === v) { s += v * v; n++; }
  return Math.sqrt(s / n);
};

describe('levelling', () => {
  it('removes a tilted plane exactly, ignoring missing points', () => {
    const g = gridOf(40, 30, 1e-6, (x, y) => ((x + y) % 7 === 0 ? NaN : 1e-5 + 3e-8 * x - 5e-8 * y));
    const { grid, plane } = levelPlane(g);
    expect(maxAbs(grid)).toBeLessThan(1e-10);
    expect(plane.b).toBeCloseTo(3e-8, 12);
    expect(plane.c).toBeCloseTo(-5e-8, 12);
    expect(validFraction(grid.z)).toBeCloseTo(validFraction(g.z), 10);
  });

  it('least-absolute fitting is not dragged by a deep pit that least squares follows', () => {
    const g = gridOf(60, 60, 1e-6, (x, y) => 2e-8 * x + (x > 45 && y > 45 ? -5e-5 : 0));
    const lad = levelPlane(g, 'least-absolute');
    const ls = levelPlane(g, 'least-squares');
    expect(lad.plane.b).toBeCloseTo(2e-8, 10);
    expect(Math.abs(ls.plane.b - 2e-8)).toBeGreaterThan(1e-8);
  });

  it('refuses a surface with fewer than 3 present points', () => {
    expect(() => levelPlane(gridOf(4, 4, 1e-6, () => NaN))).toThrow(/at least 3 present points/);
  });
});

describe('outlier removal', () => {
  it('turns isolated spikes into missing points and leaves the rough surface alone', () => {
    const rand = random(11);
    const g = gridOf(80, 80, 1e-6, (x, y) => 1e-7 * rand() + ((x === 20 && y === 30) || (x === 60 && y === 10) ? 5e-6 : 0));
    const { grid, removed } = removeOutliers(g, { windowUm: 10, threshold: 5 });
    expect(grid.z[30 * 80 + 20]).toBeNaN();
    expect(grid.z[10 * 80 + 60]).toBeNaN();
    expect(removed).toBeLessThanOrEqual(4);
  });
});

describe('NaN-aware Gaussian and band-pass', () => {
  it('smoothing a constant with holes gives the constant, holes kept', () => {
    const g = gridOf(50, 50, 1e-6, (x, y) => (Math.hypot(x - 25, y - 25) < 8 ? NaN : 3e-6));
    const out = nanGaussian(g, 4);
    expect(out[25 * 50 + 25]).toBeNaN();
    for (let i = 0; i < out.length; i++) if (out[i] === out[i]) expect(out[i]).toBeCloseTo(3e-6, 10);
  });

  it('σ follows ISO 16610-61: 0.1874 λc', () => {
    expect(sigmaForCutoff(500e-6, 3.125e-6)).toBeCloseTo(0.18739 * 160, 2);
  });

  it('keeps a 100 µm waviness, removes form (plane) and attenuates 5 µm noise', () => {
    const step = 2e-6;
    const mid = (x: number) => 1e-6 * Math.sin((2 * Math.PI * x * step) / 100e-6);
    const fine = (x: number) => 1e-6 * Math.sin((2 * Math.PI * x * step) / 5e-6);
    const pass = gaussianBandPass(gridOf(400, 40, step, (x) => mid(x)), { shortCutoffUm: 16, longCutoffUm: 500 });
    const stop = gaussianBandPass(gridOf(400, 40, step, (x) => fine(x)), { shortCutoffUm: 16, longCutoffUm: 500 });
    // Away from the borders (where the filter sees one side only) a plane is pure form and goes entirely.
    const plane = gaussianBandPass(gridOf(400, 400, step, (x, y) => 1e-5 + 1e-8 * x + 2e-8 * y), { shortCutoffUm: 16, longCutoffUm: 500 });
    const inner = (g: HeightGrid) => g.z.filter((_, i) => i % 400 > 150 && i % 400 < 250 && i / 400 > 150 && i / 400 < 250);
    const middle = (g: HeightGrid) => g.z.filter((_, i) => i % 400 > 100 && i % 400 < 300);
    expect(rmsOf(middle(pass))).toBeGreaterThan(0.8 * (1e-6 / Math.SQRT2));
    expect(rmsOf(middle(stop))).toBeLessThan(0.01 * (1e-6 / Math.SQRT2));
    expect(rmsOf(inner(plane))).toBeLessThan(1e-10);
  });
});

describe('regions and circles', () => {
  it('labels components, fills holes and fits a circle through noisy edge points', () => {
    const mask = Uint8Array.from({ length: 100 }, (_, i) => ((i % 10 < 3 && i < 30) || i % 10 > 7 ? 1 : 0));
    const { components } = labelComponents(mask, 10, 10);
    expect(components.map((c) => c.area).sort((a, b) => a - b)).toEqual([9, 20]);
    const ring = Uint8Array.from({ length: 25 }, (_, i) => (i === 12 ? 0 : 1));
    expect(fillHoles(ring, 5, 5).every((v) => v === 1)).toBe(true);
    const rand = random(5);
    const t = Array.from({ length: 200 }, (_, i) => (i / 200) * 1.5 * Math.PI);
    const xs = Float64Array.from(t, (a, i) => 50 + 30 * Math.cos(a) + (i % 20 === 0 ? 15 : rand()));
    const ys = Float64Array.from(t, (a) => 40 + 30 * Math.sin(a) + rand());
    const c = fitCircle(xs, ys)!;
    expect(c.cx).toBeCloseTo(50, 0);
    expect(c.cy).toBeCloseTo(40, 0);
    expect(c.r).toBeCloseTo(30, 0);
  });

  const params = { ...defaultCartridgePreprocess.breechFace, detectionStepUm: 1, openingUm: 2, holeOpeningUm: 4 };

  it('finds the breech-face disk and an off-centre firing-pin hole, and masks with the offsets', () => {
    const g = breechFace(160, 1e-6, { cx: 82, cy: 78, r: 70 }, { cx: 70, cy: 80, r: 20 });
    const region = detectBreechFace(g, params);
    expect(region.exterior!.cx).toBeCloseTo(82, 0);
    expect(region.exterior!.cy).toBeCloseTo(78, 0);
    expect(Math.abs(region.exterior!.r - 70)).toBeLessThan(1.5);
    expect(Math.abs(region.firingPin!.cx - 70)).toBeLessThan(1);
    expect(Math.abs(region.firingPin!.r - 20)).toBeLessThan(1.5);
    const masked = maskBreechFace(g, region, { exteriorOffsetUm: -5, interiorOffsetUm: 10 });
    expect(masked.z[80 * 160 + 70 + 28]).toBeNaN(); // inside the grown hole (r 30)
    expect(masked.z[78 * 160 + 82 + 67]).toBeNaN(); // in the dropped rim (r > 65)
    expect(masked.z[78 * 160 + 82 + 60]).not.toBeNaN();
  });

  it('finds no rim and no hole on a fully present rectangle (e.g. a bullet land)', () => {
    const rand = random(2);
    const region = detectBreechFace(gridOf(60, 150, 1e-6, () => rand() * 1e-7), params);
    expect(region).toEqual({ exterior: null, firingPin: null });
  });

  it('detection on a decimated mask gives circles in input pixels', () => {
    const g = breechFace(320, 0.5e-6, { cx: 164, cy: 156, r: 140 }, { cx: 140, cy: 160, r: 40 });
    const region = detectBreechFace(g, { ...params, detectionStepUm: 1 });
    expect(Math.abs(region.exterior!.cx - 164)).toBeLessThan(2);
    expect(Math.abs(region.exterior!.r - 140)).toBeLessThan(3);
    expect(Math.abs(region.firingPin!.r - 40)).toBeLessThan(3);
  });

  it('refuses an all-missing surface', () => {
    expect(() => detectBreechFace(gridOf(20, 20, 1e-6, () => NaN), params)).toThrow(/no region of present points/);
  });
});

describe('resampling and cropping', () => {
  it('halves by averaging 2×2 blocks; a block mostly missing is missing', () => {
    const g = gridOf(4, 2, 1e-6, (x, y) => (x === 3 || (x === 2 && y === 0) ? NaN : x + 10 * y));
    const r = resampleGrid(g, 2e-6);
    expect([r.width, r.height, r.step]).toEqual([2, 1, 2e-6]);
    expect(r.z[0]).toBeCloseTo(5.5, 6);
    expect(r.z[1]).toBeNaN();
  });

  it('a non-integer factor weighs source pixels by the area they share with the output pixel, and upsampling is bilinear', () => {
    const g = gridOf(30, 30, 1e-6, (x, y) => x + 2 * y);
    const r = resampleGrid(g, 1.5e-6);
    expect(r.width).toBe(20);
    // Output pixel i covers source pixels [1.5 i, 1.5 i + 1.5): pixel 6 wholly and half of pixel 7 for i = 4.
    expect(r.z[3 * 20 + 4]).toBeCloseTo((6 * 1 + 7 * 0.5) / 1.5 + 2 * ((4 * 0.5 + 5 * 1) / 1.5), 4);
    const u = resampleGrid(gridOf(3, 1, 2e-6, (x) => x), 1e-6);
    expect(Array.from(u.z)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(resampleGrid(g, 1e-6)).toBe(g);
  });

  it('crops to the bounding box of present points', () => {
    const g = gridOf(10, 8, 1e-6, (x, y) => (x >= 2 && x < 7 && y >= 3 && y < 5 ? x : NaN));
    const { grid, offsetX, offsetY } = cropToPresent(g);
    expect([grid.width, grid.height, offsetX, offsetY]).toEqual([5, 2, 2, 3]);
    expect(Array.from(grid.z.slice(0, 5))).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('prepareCartridgeCase', () => {
  const raw = breechFace(400, 3.125e-6, { cx: 205, cy: 195, r: 180 }, { cx: 180, cy: 200, r: 50 });
  // cmcR's offsets (−30 and +200 pixels) suit a 566-pixel rim; this small synthetic face takes proportional ones.
  const params = { ...defaultCartridgePreprocess, breechFace: { ...defaultCartridgePreprocess.breechFace, exteriorOffsetUm: -31.25, interiorOffsetUm: 100 } };

  it('runs the whole chain on a raw scan (finer step) and records every step with its parameters', () => {
    const prepared = prepareCartridgeCase(raw, params);
    expect(prepared.classification.kind).toBe('raw');
    expect(prepared.steps.map((s) => s.step)).toEqual(['breech-face', 'level', 'outliers', 'band-pass', 'resample', 'crop']);
    expect(prepared.grid.step).toBeCloseTo(6.25e-6, 12);
    expect(prepared.grid.width).toBeLessThanOrEqual(Math.ceil((2 * 180) / 2) + 1);
    const face = prepared.steps[0]!.findings as { exterior: { rUm: number }; firingPin: { rUm: number } };
    expect(face.exterior.rUm).toBeCloseTo(180 * 3.125, -1);
    expect(face.firingPin.rUm).toBeCloseTo(50 * 3.125, -1);
    expect(prepared.provenance.parameters).toEqual(params);
    expect(Math.abs(prepared.grid.z.reduce((m, v) => (v === v ? m + v : m), 0))).toBeLessThan(1e-3);
  });

  it('leaves a processed scan (target step, no form) untouched', () => {
    const rand = random(9);
    const processed = gridOf(200, 200, 6.25e-6, (x, y) => (Math.hypot(x - 100, y - 100) > 90 ? NaN : 1e-6 * rand()));
    const prepared = prepareCartridgeCase(processed);
    expect(prepared.classification.kind).toBe('processed');
    expect(prepared.grid).toBe(processed);
    expect(prepared.steps).toEqual([]);
  });

  it('takes a scan at the target step that still carries form as raw; mode forces either way', () => {
    const rand = random(4);
    const tilted = gridOf(200, 200, 6.25e-6, (x, y) => 1e-7 * x + 5e-8 * y + 1e-7 * rand());
    expect(classifyScan(tilted, defaultCartridgePreprocess).kind).toBe('raw');
    expect(classifyScan(tilted, { ...defaultCartridgePreprocess, mode: 'processed' }).kind).toBe('processed');
  });
});
