import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../models/ebm/random.ts';
import { featureCount, featureNames, featureSetId, pairSide } from '../../../models/handwriting/features.ts';
import { exportScoreOnnx } from '../../../models/handwriting/onnx-export.ts';
import { logistic, scoreMargins, type ScoreModel, type ScoreTree } from '../../../models/handwriting/score-model.ts';
import { pairFeatureRows } from '../../../models/handwriting/scoring.ts';
import { trainScoreModel, defaultHandwritingSettings } from '../../../models/handwriting/train.ts';
import { openScoreRunner } from '../../../main/services/forensics/handwriting/comparison/score-runner.ts';
import { syntheticProfiles } from '../../helpers/handwriting-profiles.ts';

const profiles = syntheticProfiles(30, 4, 300, 11);
const trained = trainScoreModel(profiles, { file: 'synthetic.csv', sha256: '0'.repeat(64) }, defaultHandwritingSettings);
const pairs = Array.from({ length: 500 }, (_, r) => ({ i: r % profiles.length, j: (r * 7 + 3) % profiles.length }));
const rows = pairFeatureRows(profiles.map((p) => pairSide(p.counts, trained.twoLevel)), pairs);

async function expectAgreement(model: ScoreModel): Promise<void> {
  const runner = await openScoreRunner(exportScoreOnnx(model), featureCount);
  const out = await runner.run(rows, pairs.length);
  const margins = scoreMargins(model, rows, pairs.length);
  for (let r = 0; r < pairs.length; r += 1) {
    expect(Math.abs(out.margin[r]! - margins[r]!)).toBeLessThan(1e-6);
    expect(Math.abs(out.score[r]! - logistic(margins[r]!))).toBeLessThan(1e-6);
  }
}

/** A random tree of the given depth over the pair features. */
function randomTree(depth: number, random: () => number): ScoreTree {
  const tree: ScoreTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (d: number): number => {
    const n = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(0);
    tree.right.push(0);
    tree.value.push(random() - 0.5);
    if (d < depth) {
      const f = Math.floor(random() * featureCount);
      tree.feature[n] = f;
      tree.threshold[n] = rows[Math.floor(random() * pairs.length) * featureCount + f]!;
      tree.left[n] = grow(d + 1);
      tree.right[n] = grow(d + 1);
    }
    return n;
  };
  grow(0);
  return tree;
}

describe('handwriting score model: TypeScript and ONNX agree to 1e-6', () => {
  it('for a trained logistic regression', async () => {
    expect(trained.algorithm).toBe('logistic-regression');
    await expectAgreement(trained);
  });

  it('for boosted trees, including a tree that is a single leaf', async () => {
    const random = seededRandom(5);
    const trees = [...Array.from({ length: 20 }, () => randomTree(3, random)), { feature: [-1], threshold: [0], left: [0], right: [0], value: [0.25] }];
    const model: ScoreModel = {
      format: 'dalel-handwriting-score/1',
      featureSet: featureSetId,
      featureNames: [...featureNames],
      twoLevel: trained.twoLevel,
      algorithm: 'boosted-trees',
      intercept: -0.3,
      weights: new Array(featureCount).fill(0),
      trees,
      training: { file: 'x.csv', sha256: '0'.repeat(64), documents: 0, writers: 0, samePairs: 0, differentPairs: 0, seed: 1, settings: {} },
    };
    await expectAgreement(model);
  });

  it('for boosted trees trained on pairs', async () => {
    const boosted = trainScoreModel(profiles, { file: 'synthetic.csv', sha256: '0'.repeat(64) }, { ...defaultHandwritingSettings, algorithm: 'boosted-trees', maxDifferentPairs: 1500 });
    expect(boosted.trees.length).toBeGreaterThan(10);
    expect(boosted.weights.every((w) => w === 0)).toBe(true);
    await expectAgreement(boosted);
  }, 60_000);

  it('exports the same bytes for the same model', () => {
    expect(Buffer.from(exportScoreOnnx(trained)).equals(Buffer.from(exportScoreOnnx(trained)))).toBe(true);
  });
});
