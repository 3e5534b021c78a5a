import { describe, expect, it } from 'vitest';
import { BulletComparisonResultSchema } from '../../../main/contract/index.ts';
import { compareBullets, type BulletLandInput } from '../../../native/bullet/bullet-compare.ts';
import { defaultBulletParameters } from '../../../native/bullet/bullet-params.ts';
import { toBulletComparisonResult } from '../../../main/services/forensics/ballistics/bullet-result.ts';
import { landShape, striae, syntheticLand } from '../../helpers/synthetic-land.ts';

/** Land `k` of a synthetic barrel, its striae shifted by `shift` points, scanned with noise `seed`. */
function land(k: number, shift: number, seed: number): BulletLandInput {
  const marks = striae(1100, 100 + k, 20, 1);
  const profile = landShape(1000, 160, 840).map((v, i) => v + marks[i + shift]!);
  return { name: `land ${k} (${seed})`, sha256: String(k).repeat(64).slice(0, 64), evidenceId: null, surface: syntheticLand({ profile, along: 60, damagedRows: 10, seed }) };
}

describe('compareBullets (synthetic barrel)', () => {
  // Bullet B's land j carries the marks of A's land j + 1: A's land i meets B's land i − 1, offset 2 of 3.
  const a = [0, 1, 2].map((k) => land(k, 0, 1));
  const b = [1, 2, 0].map((k) => land(k, 25, 2));
  const result = compareBullets(a, b);

  it('finds the land rotation, scores same-land pairs above all others, and concludes identification', () => {
    expect(result.rotation.offset).toBe(2);
    expect(result.rotation.pairs).toEqual([[0, 2], [1, 0], [2, 1]]);
    const same = result.landPairs.filter((p) => (p.a + 2) % 3 === p.b);
    const other = result.landPairs.filter((p) => (p.a + 2) % 3 !== p.b);
    expect(Math.min(...same.map((p) => p.score))).toBeGreaterThan(Math.max(...other.map((p) => p.score)));
    for (const p of same) {
      expect(p.ccf).toBeGreaterThan(0.9);
      expect(p.cms).toBeGreaterThan(5);
      expect(p.overlap).toBeGreaterThan(0.9);
      expect(Math.abs(p.lagUm)).toBeLessThan(25 * 1.5625 + 30 * 1.5625); // the 25-point shift, give or take groove cuts
    }
    expect(result.bulletScore).toBeGreaterThanOrEqual(result.landThreshold);
    expect(result.conclusion).toBe('identification');
    expect(result.signaturesA.every((s) => s.crosscut.stable && s.grooves.leftFound && s.grooves.rightFound)).toBe(true);
  });

  it('builds the contract result: schema-valid, with provenance, null for missing points and aligned signatures', () => {
    const withEvidence = { ...result, a: result.a.map((l, i) => (i === 0 ? { ...l, evidenceId: '0b9f8c1e-5d0a-4a59-9d7e-3f2a1c4b5e6f' } : l)) };
    const out = toBulletComparisonResult(withEvidence);
    expect(BulletComparisonResultSchema.parse(out)).toEqual(out);
    expect(out.provenance).toMatchObject({ algorithm: 'bullet-land-signatures', modelSha256: null });
    expect(out.provenance.parameters).toEqual({ ...defaultBulletParameters });
    expect(out.provenance.inputs.map((i) => i.name)).toEqual([...a, ...b].map((l) => l.name));
    expect(out.provenance.inputs[0]!.evidenceId).toBe('0b9f8c1e-5d0a-4a59-9d7e-3f2a1c4b5e6f');
    expect(out.a[0]!.pixelUm).toBeCloseTo(1.5625, 9);
    expect(out.signatures).toHaveLength(3);
    for (const s of out.signatures) {
      expect(s.sigA.length).toBe(s.sigB.length);
      expect(s.sigA.some((v) => v === null) || s.sigB.some((v) => v === null)).toBe(true);
      expect(s.stepUm).toBeCloseTo(1.5625, 9);
    }
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('compares single lands, and a land with itself perfectly', () => {
    const one = compareBullets([a[1]!], [b[0]!]);
    expect(one.landPairs).toHaveLength(1);
    expect(one.rotation).toMatchObject({ offset: 0, pairs: [[0, 0]] });
    expect(one.bulletScore).toBe(one.landPairs[0]!.score);
    const self = compareBullets([a[0]!], [a[0]!]).landPairs[0]!;
    expect(self.ccf).toBeCloseTo(1, 9);
    expect(self.lagUm).toBe(0);
    expect(self.d).toBe(0);
    expect(BulletComparisonResultSchema.safeParse(toBulletComparisonResult(one)).success).toBe(true);
  });

  it('refuses an empty side, naming it', () => {
    expect(() => compareBullets([], b)).toThrow(/bullet A/);
  });
});
