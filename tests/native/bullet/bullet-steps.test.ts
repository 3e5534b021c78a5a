import { describe, expect, it } from 'vitest';
import { alignSignatures } from '../../../native/bullet/align.ts';
import { defaultBulletParameters } from '../../../native/bullet/bullet-params.ts';
import { optimizeCrosscut } from '../../../native/bullet/crosscut.ts';
import { distanceD, overlapFraction } from '../../../native/bullet/features.ts';
import { locateGrooves } from '../../../native/bullet/grooves.ts';
import { landProfiles, resample } from '../../../native/bullet/land-profile.ts';
import { loess } from '../../../native/bullet/loess.ts';
import { bestRotation } from '../../../native/bullet/rotation.ts';
import { landSignature, smoothSignature } from '../../../native/bullet/signature.ts';
import { findStriae, longestMatchRun, matchStriae, type Stria } from '../../../native/bullet/striae.ts';
import { landShape, seeded, striae, syntheticLand } from '../../helpers/synthetic-land.ts';

const grid = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const sine = (n: number, period: number, sign = 1) => Float64Array.from({ length: n }, (_, i) => sign * Math.sin((2 * Math.PI * i) / period));
const corr = (a: Float64Array, b: Float64Array) => {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let c = 0, va = 0, vb = 0;
  for (let i = 0; i < n; i++) {
    c += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return c / Math.sqrt(va * vb);
};

describe('loess', () => {
  it('reproduces a quadratic exactly (degree 2) and removes it from curvature + striae, leaving the striae', () => {
    const x = grid(500);
    const quad = x.map((v) => 3 + 0.2 * v - 4e-4 * v * v);
    const fit = loess(x, quad, 0.75);
    for (let i = 0; i < x.length; i++) expect(fit[i]).toBeCloseTo(quad[i]!, 6);
    const marks = striae(500, 3);
    const fit2 = loess(x, quad.map((v, i) => v + marks[i]!), 0.75);
    const resid = quad.map((v, i) => v + marks[i]! - fit2[i]!);
    expect(corr(resid, marks)).toBeGreaterThan(0.9); // span 0.75 also takes the striae's slowest components
  });

  it('interpolates a wide window between exactly fitted vertices without visible error', () => {
    const x = grid(1200);
    const marks = striae(1200, 4);
    const y = x.map((v, i) => 200 - 1e-4 * (v - 600) ** 2 + marks[i]!);
    const fast = loess(x, y, 0.75);
    const exact = loess(x, y, 0.75, 2, true);
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(fast[i]! - exact[i]!));
    expect(worst).toBeLessThan(0.01); // under 1 % of the striae (sd 1); R interpolates on a coarser grid
  });

  it('with a small span keeps a slow wave and strips fast noise', () => {
    const x = grid(1000);
    const rand = seeded(5);
    const wave = sine(1000, 200);
    const smooth = loess(x, wave.map((v) => v + 0.5 * (rand() - 0.5)), 0.03);
    expect(corr(smooth, wave)).toBeGreaterThan(0.99);
  });
});

describe('grooves (rollapply)', () => {
  const p = defaultBulletParameters;
  const pts = (um: number) => um / 1.5625;

  it('cuts a synthetic land at its shoulders, moved inward by the adjustment', () => {
    const marks = striae(1500, 11, 15, 0.3);
    const profile = landShape(1500, 260, 1230).map((v, i) => v + marks[i]!);
    const g = locateGrooves(profile, pts(p.grooveSmoothUm), 30, pts(p.grooveCutoffUm));
    expect(g.leftFound && g.rightFound).toBe(true);
    // The moving average pulls a lopsided valley a few points towards its gentler (inner) side: within 8 points (12.5 µm).
    expect(Math.abs(g.left - (260 + 30))).toBeLessThanOrEqual(8);
    expect(Math.abs(g.right - (1230 - 30))).toBeLessThanOrEqual(8);
    expect(g.left).toBeGreaterThanOrEqual(290);
    expect(g.right).toBeLessThanOrEqual(1200);
  });

  it('ignores missing points at the ends and finds the same cuts', () => {
    const profile = landShape(1500, 260, 1230);
    profile.fill(NaN, 0, 40);
    profile.fill(NaN, 1480);
    profile[700] = NaN;
    const g = locateGrooves(profile, pts(p.grooveSmoothUm), 30, pts(p.grooveCutoffUm));
    expect(Math.abs(g.left - 290)).toBeLessThanOrEqual(8);
    expect(Math.abs(g.right - 1200)).toBeLessThanOrEqual(8);
  });

  it('keeps the whole scan when there is no shoulder within the cutoff', () => {
    const profile = Float64Array.from({ length: 1200 }, (_, i) => 200 - 1e-4 * (i - 600) ** 2);
    const g = locateGrooves(profile, 15, 30, 400);
    expect(g).toEqual({ left: 0, right: 1199, leftFound: false, rightFound: false });
  });
});

describe('signature', () => {
  it('removes the land curvature and keeps the striae between the grooves', () => {
    const marks = striae(1500, 21, 25, 1);
    const profile = landShape(1500, 260, 1230).map((v, i) => v + marks[i]!);
    const sig = landSignature(profile, 300, 1190, 0.75, 0.03);
    expect(Number.isNaN(sig[299]!) && Number.isNaN(sig[1191]!)).toBe(true);
    const inside = (v: Float64Array) => v.slice(320, 1170);
    expect(corr(inside(sig), inside(marks))).toBeGreaterThan(0.85); // the 0.03 smooth drops the finest marks
    expect(Math.abs(inside(sig).reduce((s, v) => s + v, 0) / 850)).toBeLessThan(0.2); // no curvature left
  });
});

describe('signature holes', () => {
  it('reads the smooth inside gaps narrower than its window and leaves wider gaps missing', () => {
    const wave = sine(1000, 200);
    const holed = wave.slice();
    holed.fill(NaN, 300, 305); // 5 points: under the 0.03 × ~900 = 27-point window
    holed.fill(NaN, 600, 700); // 100 points: too wide
    const s = smoothSignature(holed, 0.03);
    for (let i = 300; i < 305; i++) expect(s[i]).toBeCloseTo(wave[i]!, 2);
    expect(s.slice(600, 700).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(s[599]!) || Number.isNaN(s[700]!)).toBe(false);
  });
});

describe('alignment by maximum CCF', () => {
  it('finds a known shift between two copies of one signature', () => {
    const base = striae(1300, 7, 20);
    const rand = seeded(8);
    const a = base.slice(0, 1200);
    const b = base.slice(37, 1237).map((v) => v + 0.1 * (rand() - 0.5)); // b[j] = a[j + 37]
    const al = alignSignatures(a, b, 0.75)!;
    expect(al.lag).toBe(37);
    expect(al.ccf).toBeGreaterThan(0.99);
    expect(al.b[37 + 100]).toBeCloseTo(al.a[37 + 100]!, 1);
    expect(alignSignatures(b, a, 0.75)!.lag).toBe(-37);
  });

  it('reports the lag between untrimmed signatures and refuses signatures too short to overlap', () => {
    const base = striae(1000, 9);
    const a = new Float64Array(1050).fill(NaN);
    a.set(base, 50); // a[i + 50] = base[i]
    const al = alignSignatures(a, base, 0.75)!;
    expect(al.lag).toBe(50);
    expect(alignSignatures(new Float64Array([1]), base, 0.75)).toBeNull();
  });
});

describe('striae and CMS', () => {
  it('finds the peaks and valleys of a sine where its twice-smoothed form has a full neighbourhood', () => {
    const s = findStriae(sine(1000, 100), 35);
    // Valid smoothed points 34..965: extrema at 75, 125, …, 925, alternating valley and peak.
    expect(s.map((x) => x.at)).toEqual(Array.from({ length: 18 }, (_, k) => 75 + 50 * k));
    expect(s[0]!.type).toBe(-1);
    expect(s[1]!.type).toBe(1);
    expect(s[1]!.xmin).toBeCloseTo(125 - 50 / 3, 9);
  });

  it('counts every stria of identical signatures, none when peaks meet valleys, and stops where one signature ends', () => {
    const cms = (a: Float64Array, b: Float64Array) => longestMatchRun(matchStriae(findStriae(a, 35), findStriae(b, 35)));
    expect(cms(sine(1000, 100), sine(1000, 100))).toBe(18);
    expect(cms(sine(1000, 100), sine(1000, 100, -1))).toBe(0);
    const short = sine(1000, 100);
    short.fill(NaN, 600); // smoothed values valid to 565: extrema 75 … 525
    expect(cms(sine(1000, 100), short)).toBe(10);
  });

  it('matches groups that hold striae of both signatures, all of one type, and counts the longest run', () => {
    const st = (at: number, type: 1 | -1): Stria => ({ at, type, xmin: at - 3, xmax: at + 3, height: type });
    const s1 = [st(10, 1), st(20, -1), st(30, 1), st(40, -1), st(50, 1), st(60, -1), st(70, 1)];
    const s2 = [st(11, 1), st(19, -1), st(31, 1), st(41, 1), st(49, 1), st(61, -1), st(69, 1), st(90, -1)];
    const groups = matchStriae(s1, s2);
    expect(groups.map((g) => g.match)).toEqual([true, true, true, false, true, true, true, false]);
    expect(longestMatchRun(groups)).toBe(3);
  });
});

describe('D and overlap', () => {
  it('follow bulletxtrctr: distance over shared points scaled to the aligned length, overlap of the shorter', () => {
    const al = { ccf: 1, lag: 1, a: Float64Array.from([1, 2, 3, NaN]), b: Float64Array.from([NaN, 2, 5, 4]) };
    // Shared points: 2 (d = 0) and 3 (d = −2): sqrt(4 · 4/2) / 2.
    expect(distanceD(al)).toBeCloseTo(Math.sqrt(8) / 2, 12);
    expect(overlapFraction(al)).toBeCloseTo(2 / 3, 12);
  });
});

describe('resampling and land orientation', () => {
  it('resamples a profile linearly to a coarser step', () => {
    const r = resample({ stepUm: 1, values: Float64Array.from([0, 1, 2, 3, 4, 5]) }, 2.5);
    expect(Array.from(r.values)).toEqual([0, 2.5, 5]);
  });

  it('takes profiles across the striae and starts from the damaged (heel) end', () => {
    const surface = syntheticLand({ profile: landShape(600, 100, 500), along: 60, damagedRows: 5 });
    const land = landProfiles(surface, 'auto');
    expect([land.profileAxis, land.heelAtEnd, land.count, land.length]).toEqual(['y', false, 60, 600]);
    const flipped = { ...surface, z: surface.z.map((_, i) => surface.z[Math.floor(i / 60) * 60 + (59 - (i % 60))]!) };
    expect(landProfiles(flipped, 'auto').heelAtEnd).toBe(true);
  });
});

describe('crosscut height', () => {
  it('skips the damaged heel and picks the first height whose signature agrees with the next', () => {
    const marks = striae(1500, 31, 20, 1);
    const profile = landShape(1500, 260, 1230).map((v, i) => v + marks[i]!);
    const surface = syntheticLand({ profile, along: 200, damagedRows: 100, seed: 4 });
    const cut = optimizeCrosscut(landProfiles(surface, 'auto'), defaultBulletParameters);
    expect(cut.stable).toBe(true);
    expect(cut.ccf).toBeGreaterThan(0.9);
    // Damage ends at 100 points = 156 µm; searched heights are 50 + 25k µm (32 + 16k points): the first clear one is 112.
    expect(cut.index).toBe(112);
  });
});

describe('bullet rotation (sequence average maximum)', () => {
  it('picks the offset whose diagonal has the highest mean', () => {
    const s = [
      [0.2, 0.9, 0.1],
      [0.3, 0.2, 0.8],
      [0.7, 0.1, 0.3],
    ];
    expect(bestRotation(s, 3)).toEqual({ offset: 1, pairs: [[0, 1], [1, 2], [2, 0]], score: (0.9 + 0.8 + 0.7) / 3 });
  });

  it('handles a partial bullet: five lands against two, compared only where both exist', () => {
    const s = [0, 1, 2, 3, 4].map((i) => [0, 1].map((j) => (j === i - 1 ? 0.9 : 0.3)));
    const r = bestRotation(s, 5);
    expect(r.pairs).toEqual([[1, 0], [2, 1]]);
    expect(r.score).toBeCloseTo(0.9, 12);
    expect(bestRotation([[0.4]], 1)).toEqual({ offset: 0, pairs: [[0, 0]], score: 0.4 });
  });
});
