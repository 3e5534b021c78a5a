import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletComparisonResultSchema } from '../../main/contract/index.ts';
import { compareBullets, type BulletLandInput } from '../../native/bullet/bullet-compare.ts';
import { toBulletComparisonResult } from '../../main/services/forensics/ballistics/bullet-result.ts';
import { readX3p } from '../../native/x3p/x3p-read.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real bullet lands');

function land(bullet: number, n: number): BulletLandInput {
  const name = `Hamby252_Barrel1_Bullet${bullet}_Land${n}.x3p`;
  const bytes = new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'ballistics', name)));
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), evidenceId: null, surface: readX3p(name, bytes) };
}

// Ground truth (SOURCES.md, from bulletxtrctr): both bullets from barrel 1; B2L4 = B1L2, B2L5 = B1L3; every other
// land pair is a known non-match. Nothing below is tuned to these files: the method and parameters are bulletxtrctr's.
describe.skipIf(!sharedDataDir)('Hamby 252, barrel 1: bullet 1 lands 1–5 against bullet 2 lands 4–5', () => {
  const b1Lands = [1, 2, 3, 4, 5];
  const b2Lands = [4, 5];
  const result = sharedDataDir ? compareBullets(b1Lands.map((n) => land(1, n)), b2Lands.map((n) => land(2, n))) : null;
  const score = (l1: number, l2: number) => result!.landPairs.find((p) => p.a === b1Lands.indexOf(l1) && p.b === b2Lands.indexOf(l2))!.score;

  it('prints every land-pair score and feature', () => {
    for (const p of result!.landPairs) {
      console.log(
        `B1L${b1Lands[p.a]} vs B2L${b2Lands[p.b]}: score ${p.score.toFixed(3)}  CCF ${p.ccf.toFixed(3)}  CMS ${p.cms}  D ${p.d.toFixed(4)} µm  overlap ${p.overlap.toFixed(2)}  lag ${p.lagUm.toFixed(1)} µm`,
      );
    }
    console.log(`bullet score ${result!.bulletScore.toFixed(3)} (offset ${result!.rotation.offset}, pairs ${JSON.stringify(result!.rotation.pairs)}), ${result!.conclusion}`);
    expect(result!.landPairs).toHaveLength(10);
  });

  it('B2L4 scores highest against B1L2, and B2L5 against B1L3, among all five B1 lands', () => {
    for (const [l2, match] of [[4, 2], [5, 3]] as const) {
      const others = b1Lands.filter((l1) => l1 !== match).map((l1) => score(l1, l2));
      expect(score(match, l2)).toBeGreaterThan(Math.max(...others));
    }
  });

  it('the bullet score of bullet 1 vs bullet 2 is above every land-level non-match score, on the true rotation', () => {
    const nonMatches = result!.landPairs.filter((p) => !((b1Lands[p.a] === 2 && b2Lands[p.b] === 4) || (b1Lands[p.a] === 3 && b2Lands[p.b] === 5)));
    expect(nonMatches).toHaveLength(8);
    expect(result!.bulletScore).toBeGreaterThan(Math.max(...nonMatches.map((p) => p.score)));
    expect(result!.rotation.pairs).toEqual([[1, 0], [2, 1]]);
    expect(result!.conclusion).toBe('identification');
  });

  it('every land gets a stable crosscut and two grooves, and the result fits the contract', () => {
    for (const s of [...result!.signaturesA, ...result!.signaturesB]) {
      expect(s.crosscut.stable).toBe(true);
      expect(s.grooves.leftFound && s.grooves.rightFound).toBe(true);
      expect(s.stepUm).toBeCloseTo(1.5625, 9);
    }
    expect(BulletComparisonResultSchema.safeParse(toBulletComparisonResult(result!)).success).toBe(true);
  });
});
