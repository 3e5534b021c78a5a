import { describe, expect, it } from 'vitest';
import { decideAbstention, supportReasons } from '../../main/services/decision/abstention.ts';
import type { FeatureSpec } from '../../models/gam/features.ts';

const features: FeatureSpec[] = [
  { name: 'age', field: 'age', kind: 'numeric', edges: [30, 40], support: { min: 18, max: 80, missing: false } },
  { name: 'court', field: 'court', kind: 'categorical', categories: ['city', 'district'], edges: [-0.5, 0.5], support: { missing: true, rare: ['military'] } },
  { name: 'flags=a', field: 'flags', item: 'a', kind: 'numeric', edges: [0.5], support: { min: 0, max: 1, missing: true } },
];

describe('refer to human review', () => {
  it('refers when the interval is wider than the allowed fraction of the range', () => {
    expect(decideAbstention({ interval: [10, 60], range: [0, 100], maxWidthFraction: 0.5 })).toEqual({ refer: false, reasons: [] });
    expect(decideAbstention({ interval: [10, 61], range: [0, 100], maxWidthFraction: 0.5 })).toEqual({
      refer: true,
      reasons: [{ code: 'interval-too-wide', width: 51, range: [0, 100], limit: 50 }],
    });
  });

  it('refers when the top class is not probable enough', () => {
    expect(decideAbstention({ topProbability: 0.61, minTopProbability: 0.6 }).refer).toBe(false);
    expect(decideAbstention({ topProbability: 0.59, minTopProbability: 0.6 })).toEqual({ refer: true, reasons: [{ code: 'low-confidence', probability: 0.59, threshold: 0.6 }] });
  });

  it('refers when an input lies outside the training support, naming each one', () => {
    const inside = supportReasons(features, { age: 18, court: 'military', flags: null }, [18, -1, NaN]);
    expect(inside).toEqual([]);
    const outside = supportReasons(features, { age: 90, court: 'admiralty' }, [90, -1, 0]);
    expect(outside).toEqual([
      { code: 'outside-training-range', feature: 'age', value: 90, min: 18, max: 80 },
      { code: 'unseen-category', feature: 'court', value: 'admiralty' },
    ]);
    expect(supportReasons(features, { court: 'city' }, [NaN, 0, 1])).toEqual([{ code: 'unseen-missing', feature: 'age' }]);
    const decided = decideAbstention({ topProbability: 0.9, minTopProbability: 0.6, support: outside });
    expect(decided.refer).toBe(true);
    expect(decided.reasons.map((r) => r.code)).toEqual(['outside-training-range', 'unseen-category']);
  });

  it('does not refer without a rule that applies', () => {
    expect(decideAbstention({})).toEqual({ refer: false, reasons: [] });
  });
});
