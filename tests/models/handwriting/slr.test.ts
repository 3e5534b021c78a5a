import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../models/ebm/random.ts';
import { boundedLog10Slr, buildSlrCurve, cllr, elubBounds, misleadingRates, monotoneOutward, tippettPoints, unboundedLog10Slr, verbalScale } from '../../../models/handwriting/slr.ts';

function normals(n: number, mean: number, sd: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => mean + sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

describe('ENFSI verbal scale', () => {
  it('puts each LR in its band, for both propositions', () => {
    expect(verbalScale(0)).toBe('no-support');
    expect(verbalScale(0.5)).toBe('weak-support-same-writer');
    expect(verbalScale(1)).toBe('moderate-support-same-writer');
    expect(verbalScale(2.5)).toBe('moderately-strong-support-same-writer');
    expect(verbalScale(3.5)).toBe('strong-support-same-writer');
    expect(verbalScale(4.2)).toBe('very-strong-support-same-writer');
    expect(verbalScale(-0.3)).toBe('weak-support-different-writers');
    expect(verbalScale(-1.5)).toBe('moderate-support-different-writers');
    expect(verbalScale(-4)).toBe('very-strong-support-different-writers');
  });
});

describe('score → SLR by kernel density ratio', () => {
  const same = normals(400, 2, 1, 1);
  const different = normals(4000, -2, 1, 2);
  const curve = buildSlrCurve(same, different);

  it('follows the true density ratio of two unit normals near the middle', () => {
    // log10 LR of N(2,1) vs N(−2,1) at t is 4t·log10(e).
    for (const t of [-0.5, 0, 0.5]) expect(unboundedLog10Slr(curve, t)).toBeCloseTo(4 * t * Math.LOG10E, 0);
  });

  it('never claims more than the ELUB bounds, which the reference size limits', () => {
    expect(curve.upperLog10).toBeGreaterThan(0);
    expect(curve.lowerLog10).toBeLessThan(0);
    // One misleading pair among n different-writer pairs: no bound beyond log10(n + 1).
    expect(curve.upperLog10).toBeLessThanOrEqual(Math.log10(different.length + 1));
    expect(curve.lowerLog10).toBeGreaterThanOrEqual(-Math.log10(same.length + 1));
    expect(boundedLog10Slr(curve, 50)).toBe(curve.upperLog10);
    expect(boundedLog10Slr(curve, -50)).toBe(curve.lowerLog10);
  });

  it('gives no support either way when the reference cannot tell the writers apart', () => {
    const bounds = elubBounds(normals(200, 0, 1, 3), normals(200, 0, 1, 4));
    expect(bounds.upperLog10).toBeLessThan(0.3);
    expect(bounds.lowerLog10).toBeGreaterThan(-0.3);
  });

  it('measures misleading evidence, Cllr and Tippett points', () => {
    expect(misleadingRates([1, -1, 2, 3], [-1, 1, -2, -3, -4])).toEqual({ sameBelowOne: 0.25, differentAboveOne: 0.2 });
    expect(cllr([0], [0])).toBeCloseTo(1, 12);
    expect(cllr([6], [-6])).toBeLessThan(0.001);
    const tippett = tippettPoints([1, 2], [-1, 0.5]);
    expect(tippett.find((p) => p.log10Lr === 0)).toEqual({ log10Lr: 0, same: 1, different: 0.5 });
  });
});

describe('the SLR curve', () => {
  it('never falls as the score rises, even around a lone outlying reference pair', () => {
    const same = [...normals(300, 2, 1, 5), -6];
    const different = normals(3000, -2, 0.7, 6);
    const curve = buildSlrCurve(same, different);
    for (let g = 1; g < curve.log10Slr.length; g += 1) expect(curve.log10Slr[g]!).toBeGreaterThanOrEqual(curve.log10Slr[g - 1]!);
    // Far beyond every different-writer score on the left, the wider same-writer kernel would have turned the ratio back up.
    expect(unboundedLog10Slr(curve, -20)).toBeLessThan(0);
  });

  it('keeps the values on the far side of each tail as they are when they already rise', () => {
    expect(monotoneOutward([-3, -2, -1, 0, 1, 2], 3)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(monotoneOutward([-1, -2, -1, 0, 2, 1], 3)).toEqual([-2, -2, -1, 0, 2, 2]);
  });
});
