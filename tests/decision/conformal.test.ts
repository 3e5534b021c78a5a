import { describe, expect, it } from 'vitest';
import { parseCaseType } from '../../models/cases/case-type.ts';
import type { Facts } from '../../models/cases/facts.ts';
import { fitConformal, halfWidthsFor } from '../../models/ebm/conformal.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { trainGam } from '../../models/ebm/train.ts';
import { toyCases, toyDocument } from './fixtures.ts';

// Two kinds of case whose errors differ fivefold, and a third too rare for a width of its own.
function heteroscedastic(n: number, seed: number): Array<{ facts: Facts; residual: number }> {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: n }, () => {
    const u = random();
    const court = u < 0.6 ? 'district' : u < 0.99 ? 'regional' : 'military';
    return { facts: { court }, residual: Math.abs(gaussian() * (court === 'district' ? 1 : 5)) };
  });
}

function coverageByGroup(widthsOf: (facts: Facts) => readonly [number, number], cases: ReadonlyArray<{ facts: Facts; residual: number }>) {
  const inside = new Map<string, [number, number]>();
  for (const c of cases) {
    const group = String(c.facts.court);
    const tally = inside.get(group) ?? [0, 0];
    tally[0] += c.residual <= widthsOf(c.facts)[0] ? 1 : 0;
    tally[1] += 1;
    inside.set(group, tally);
  }
  return Object.fromEntries([...inside].map(([group, [hit, all]]) => [group, hit / all]));
}

describe('Mondrian conformal intervals', () => {
  const calibration = heteroscedastic(4000, 1);
  const test = heteroscedastic(20000, 2);
  const residuals = calibration.map((c) => c.residual);
  const facts = calibration.map((c) => c.facts);

  it('a pooled width over-covers the quiet group and under-covers the noisy one', () => {
    const pooled = fitConformal(residuals, facts);
    const byGroup = coverageByGroup((f) => halfWidthsFor(pooled, f, []), test);
    expect(pooled.strata).toBeUndefined();
    expect(byGroup.district).toBeGreaterThan(0.95);
    expect(byGroup.regional).toBeLessThan(0.7);
  });

  it('a width per group gives each group its 80 % level; a group below the minimum uses the pooled width', () => {
    const stratified = fitConformal(residuals, facts, { stratifyBy: 'court', minCalibrationCases: 100 });
    expect(stratified.strata?.groups.map((g) => g.value)).toEqual(['district', 'regional']);
    expect(stratified.strata?.groups.reduce((n, g) => n + g.cases, 0)).toBeLessThan(4000);
    const byGroup = coverageByGroup((f) => halfWidthsFor(stratified, f, []), test);
    expect(byGroup.district).toBeGreaterThan(0.77);
    expect(byGroup.district).toBeLessThan(0.83);
    expect(byGroup.regional).toBeGreaterThan(0.77);
    expect(byGroup.regional).toBeLessThan(0.83);
    expect(halfWidthsFor(stratified, { court: 'military' }, [])).toEqual(stratified.halfWidths);
    expect(halfWidthsFor(stratified, { court: null }, [])).toEqual(stratified.halfWidths);
  });

  it('refuses too few calibration cases for a 95 % interval', () => {
    expect(() => fitConformal([1, 2, 3], [{}, {}, {}])).toThrow(/too few calibration cases \(3\)/);
  });
});

describe('case types that stratify their intervals', () => {
  const withIntervals = (stratifyBy: string) => {
    const document = toyDocument('regression');
    (document['x-dalel'] as Record<string, unknown>).intervals = { stratifyBy, minCalibrationCases: 50 };
    return document;
  };

  it('refuses a protected attribute, a numeric input or an unknown field as the stratum', () => {
    expect(() => parseCaseType(withIntervals('sex'), 'toy.json')).toThrow(/intervals\.stratifyBy sex must be a property with role "feature" and kind "categorical"/);
    expect(() => parseCaseType(withIntervals('x1'), 'toy.json')).toThrow(/intervals\.stratifyBy x1/);
    expect(() => parseCaseType(withIntervals('nowhere'), 'toy.json')).toThrow(/intervals\.stratifyBy nowhere/);
  });

  it('trains a model whose intervals are calibrated per group of the named input', () => {
    const caseType = parseCaseType(withIntervals('court'), 'toy.json');
    const cases = toyCases('regression', 2000, 3);
    const { model } = trainGam({ caseType, outcome: caseType.meta.outcomes[0]!, facts: cases.map((c) => c.facts), targets: cases.map((c) => c.target) });
    const strata = model.conformal?.strata;
    expect(strata?.field).toBe('court');
    expect(strata?.groups.length).toBeGreaterThan(0);
    for (const group of strata!.groups) expect(group.cases).toBeGreaterThanOrEqual(50);
    const group = strata!.groups[0]!;
    expect(halfWidthsFor(model.conformal!, { court: group.value }, [])).toEqual(group.halfWidths);
  });
});
