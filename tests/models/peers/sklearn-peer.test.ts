import { describe, expect, it } from 'vitest';
import type { FeatureSpec } from '../../../models/gam/features.ts';
import { seededRandom } from '../../../models/ebm/random.ts';
import { runSklearnPeer, sklearnAvailability, type PeerInteractions } from '../../../models/peers/sklearn-peer.ts';

const sklearn = sklearnAvailability();
if (!sklearn.available) console.log(`[sklearn peer] skipped: ${sklearn.reason}`);

const numeric = (name: string): FeatureSpec => ({ name, field: name, kind: 'numeric', edges: [], support: { missing: false } });
const features = ['a', 'b', 'c'].map(numeric);

/** Cases whose outcome is the product of all three inputs: no sum of one- or two-input functions can fit it. */
function cases(n: number, seed: number) {
  const random = seededRandom(seed);
  const x = Array.from({ length: n }, () => [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1]);
  return { x, y: x.map(([a, b, c]) => 10 * a! * b! * c!) };
}

describe.skipIf(!sklearn.available)('the scikit-learn peer restricted in how its trees combine inputs', () => {
  const train = cases(4000, 1);
  const test = cases(1000, 2);
  const mae = (interactions: PeerInteractions) => {
    const result = runSklearnPeer({ task: 'regression', features, train, test: test.x, loss: 'absolute_error', threads: 1, interactions });
    return result.predictions.reduce((sum, [p], i) => sum + Math.abs(p! - test.y[i]!), 0) / test.y.length;
  };

  it('fits a three-way product only when its trees may combine all three inputs', () => {
    const all = mae('all');
    const pairwise = mae('pairwise');
    const none = mae('none');
    console.log(`[sklearn peer] MAE free ${all.toFixed(3)}, pairwise ${pairwise.toFixed(3)}, one input ${none.toFixed(3)}`);
    // |10abc| averages 1.25: a GAM or a GA²M has nothing to fit and stays near that; free trees fit most of it.
    expect(none).toBeGreaterThan(1);
    expect(pairwise).toBeGreaterThan(1);
    expect(all).toBeLessThan(0.6);
  }, 60_000);
});
