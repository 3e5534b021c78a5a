import { describe, expect, it } from 'vitest';
import { explainCase } from '../../main/services/decision/explain.ts';
import { parseCaseType } from '../../models/cases/case-type.ts';
import type { Facts } from '../../models/cases/facts.ts';
import { fitConformal, halfWidthsFor, reachFor, spreadMismatch, type Conformal } from '../../models/ebm/conformal.ts';
import { quantileEdges } from '../../models/ebm/binning.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { encodeFacts, type FeatureSpec } from '../../models/gam/features.ts';
import { scoreCase } from '../../models/gam/gam-model.ts';
import { toyDocument, trainSavedToyRegression } from './fixtures.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

// Residuals about a median fit whose skew depends on the kind of case: kind 0 has a long upper tail (a sentence far
// above its estimate), kind 1 the mirror image, and the spread grows with x. Pooled over both kinds the residuals are
// symmetric, so one symmetric spread puts each kind's interval about its estimate and misses one tail badly; a spread
// per side fitted to the median of that side's residuals alone still misses it (15 % above kind 0) since it reads the
// bulk of the side, not its tail: each side's spread is a high quantile of the residual beyond the estimate.
interface Case {
  readonly facts: Facts;
  readonly x: number[];
  readonly residual: number;
}
function skewed(n: number, seed: number): Case[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = random();
    const kind = random() < 0.5 ? 0 : 1;
    // Exponential noise less its median (ln 2): median 0, a long tail on one side, at most ln 2 on the other.
    const tail = -Math.log(1 - random()) - Math.LN2;
    return { facts: { x, kind }, x: [x, kind], residual: (kind === 0 ? tail : -tail) * (1 + 4 * x) };
  });
}

const calibration = skewed(6000, 31);
const test = skewed(60000, 32);
const features: FeatureSpec[] = [
  { name: 'x', field: 'x', kind: 'numeric', edges: quantileEdges(calibration.map((c) => c.x[0]!), 32), support: { missing: false } },
  { name: 'kind', field: 'kind', kind: 'categorical', categories: ['0', '1'], edges: [-0.5, 0.5], support: { missing: false } },
];
const fit = (asymmetric: boolean) =>
  fitConformal(
    calibration.map((c) => c.residual),
    calibration.map((c) => c.facts),
    { spread: { quantile: 0.5, minBinCases: 20, ...(asymmetric ? { asymmetric: { quantile: 0.9 } } : {}) } },
    { features, encoded: calibration.map((c) => c.x), random: seededRandom(9) },
  );

/** Shares of one kind's test cases below and above their 80 % interval (residual = actual − estimate). */
function misses(conformal: Conformal, kind: number): { below: number; above: number } {
  const cases = test.filter((c) => c.x[1] === kind);
  let below = 0;
  let above = 0;
  for (const c of cases) {
    const reach = reachFor(conformal, c.facts, c.x)[0];
    if (c.residual < -reach.below) below += 1;
    if (c.residual > reach.above) above += 1;
  }
  return { below: below / cases.length, above: above / cases.length };
}

describe('asymmetric normalised conformal intervals (a spread per side)', () => {
  const symmetric = fit(false);
  const asymmetric = fit(true);

  it('a symmetric spread misses the long tail of each kind far more often than a tenth of its cases', () => {
    expect(symmetric.spread?.sides).toBeUndefined();
    expect(misses(symmetric, 0).above).toBeGreaterThan(0.15);
    expect(misses(symmetric, 1).below).toBeGreaterThan(0.15);
  });

  it('with a spread per side, each tail of each kind misses about a tenth of its cases, and the interval covers about 80 %', () => {
    for (const kind of [0, 1]) {
      const { below, above } = misses(asymmetric, kind);
      for (const [side, share] of [['below', below], ['above', above]] as const) {
        expect(share, `kind ${kind} ${side}`).toBeGreaterThan(0.07);
        expect(share, `kind ${kind} ${side}`).toBeLessThan(0.13);
      }
      expect(1 - below - above, `kind ${kind}`).toBeGreaterThan(0.77);
      expect(1 - below - above, `kind ${kind}`).toBeLessThan(0.83);
    }
  });

  it('reaches further on the long-tailed side, keeps the symmetric spread for reference, and checks every side’s tables', () => {
    const longUpper = reachFor(asymmetric, { x: 0.5, kind: 0 }, [0.5, 0])[0];
    const longLower = reachFor(asymmetric, { x: 0.5, kind: 1 }, [0.5, 1])[0];
    expect(longUpper.above).toBeGreaterThan(2 * longUpper.below);
    expect(longLower.below).toBeGreaterThan(2 * longLower.above);
    // The symmetric spread stays as the symmetric fit made it, and so do its half-widths.
    for (const c of [{ facts: { x: 0.5, kind: 0 }, x: [0.5, 0] }, { facts: { x: 0.2, kind: 1 }, x: [0.2, 1] }]) {
      expect(halfWidthsFor(asymmetric, c.facts, c.x)).toEqual(halfWidthsFor(symmetric, c.facts, c.x));
    }
    expect(asymmetric.spread!.tables).toEqual(symmetric.spread!.tables);
    expect(asymmetric.spread!.multipliers).toEqual(symmetric.spread!.multipliers);
    expect([asymmetric.spread!.sides!.below.quantile, asymmetric.spread!.sides!.above.quantile]).toEqual([0.9, 0.9]);
    expect(spreadMismatch({ conformal: asymmetric, features })).toBeNull();
    const damaged = { ...asymmetric, spread: { ...asymmetric.spread!, sides: { ...asymmetric.spread!.sides!, above: { ...asymmetric.spread!.sides!.above, tables: [[0]] } } } };
    expect(spreadMismatch({ conformal: damaged, features })).toMatch(/conformal\.spread\.sides\.above has 1 tables/);
  });
});

describe('a case type with asymmetric intervals', () => {
  const temp = useTempDir();
  const document = toyDocument('regression');
  (document['x-dalel'] as Record<string, unknown>).intervals = { spread: { quantile: 0.5, minBinCases: 20, asymmetric: { quantile: 0.9 } } };

  it('refuses a side quantile outside (0, 1)', () => {
    const bad = toyDocument('regression');
    (bad['x-dalel'] as Record<string, unknown>).intervals = { spread: { quantile: 0.5, minBinCases: 20, asymmetric: { quantile: 1 } } };
    expect(() => parseCaseType(bad, 'toy.json')).toThrow();
  });

  it('gives a judge the same, not necessarily symmetric, interval as the held-out evaluation, from the model file as saved and read back', () => {
    const caseType = parseCaseType(document, 'toy.json');
    const { trained, model, card } = trainSavedToyRegression(temp.dir, caseType);
    expect(model.conformal?.spread?.sides).toEqual(trained.model.conformal?.spread?.sides);
    expect(model.conformal?.spread?.sides).toBeDefined();
    const { sides } = card.validation.regression!.intervals;
    expect(sides!.missedBelow80 + sides!.missedAbove80).toBeCloseTo(1 - card.validation.regression!.intervals.coverage80, 12);
    let lopsided = 0;
    trained.test.forEach((row, i) => {
      const x = encodeFacts(model.features, row.facts);
      const output = explainCase(model, row.facts, x, scoreCase(model, x));
      if (output.kind !== 'regression') throw new Error('a regression case type gave a classification');
      expect(output.interval80).toEqual(trained.evaluation.intervals!.at80[i]);
      expect(output.interval95).toEqual(trained.evaluation.intervals!.at95[i]);
      const [lo, hi] = output.interval80!;
      const raw = scoreCase(model, x).score[0]!;
      if (lo > 0 && Math.abs(hi - raw - (raw - lo)) > 1e-6) lopsided += 1;
    });
    // Each side has its own spread: the estimate is not the midpoint of the interval.
    expect(lopsided).toBeGreaterThan(trained.test.length / 2);
  });
});
