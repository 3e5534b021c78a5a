/** The ballistics service's conversion of a bullet comparison (native) into the stored, viewer-ready result of the contract (BulletComparisonResultSchema). */
import type { BulletComparisonResult } from '../../../contract/index.ts';
import { bulletAlgorithm, type BulletComparison, type BulletLandInput } from '../../../../native/bullet/bullet-compare.ts';

const umPerUnit = (l: BulletLandInput) => (l.surface.header.unit === 'um' ? 1 : 1e6);

/** A land scan as the viewer refers to it. */
function surfaceRef(l: BulletLandInput): BulletComparisonResult['a'][number] {
  return { evidenceId: l.evidenceId, name: l.name, sha256: l.sha256, width: l.surface.width, height: l.surface.height, pixelUm: l.surface.header.x.increment * umPerUnit(l) };
}

/** NaN (missing) becomes null, as JSON has no NaN. */
const nullable = (v: Float64Array): (number | null)[] => Array.from(v, (x) => (x === x ? x : null));

/** The contract's result object for a comparison, with provenance (no model: the score is a documented rule). */
export function toBulletComparisonResult(c: BulletComparison): BulletComparisonResult {
  const pair = (i: number, j: number) => c.landPairs.find((p) => p.a === i && p.b === j)!;
  return {
    kind: 'bullet',
    a: c.a.map(surfaceRef),
    b: c.b.map(surfaceRef),
    landPairs: c.landPairs.map((p) => ({ a: p.a, b: p.b, ccf: p.ccf, cms: p.cms, d: p.d, overlap: p.overlap, lagUm: p.lagUm, score: p.score })),
    rotation: { offset: c.rotation.offset, pairs: c.rotation.pairs.map(([i, j]) => [i, j] as [number, number]) },
    bulletScore: c.bulletScore,
    landThreshold: c.landThreshold,
    // Identification at the land threshold, otherwise inconclusive: a low score alone never supports an elimination.
    conclusion: c.bulletScore >= c.landThreshold ? 'identification' : 'inconclusive',
    signatures: c.rotation.pairs.map(([i, j]) => {
      const p = pair(i, j);
      return { a: i, b: j, stepUm: c.stepUm, sigA: nullable(p.alignedA), sigB: nullable(p.alignedB) };
    }),
    provenance: {
      algorithm: bulletAlgorithm.name,
      version: bulletAlgorithm.version,
      modelSha256: null,
      parameters: { ...c.parameters },
      inputs: [...c.a, ...c.b].map((l) => ({ name: l.name, sha256: l.sha256, evidenceId: l.evidenceId })),
      software: { node: process.versions.node },
    },
    timing: { ...c.timing },
  };
}
