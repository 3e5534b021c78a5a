/**
 * Split-conformal regression intervals: pooled, per group of one input (Mondrian conformal prediction), or
 * normalised by a fitted spread (locally adaptive).
 *
 * A pooled width guarantees its level on average over all cases only: where one kind of case has small errors and
 * another large ones, the interval covers the first far more often than promised and the second far less. Calibrating
 * a width per group of an input that separates those kinds (USSC: the offence type) gives each group its level.
 *
 * Normalised intervals go further: the score of a calibration case is its absolute residual divided by a fitted
 * spread σ̂(x) (./spread.ts), and a case's half-width is the score's quantile times its own σ̂. The spread is fitted
 * on one half of the calibration cases and the quantiles are taken on the other half, so the split-conformal
 * guarantee still holds; σ̂ reads only the model's inputs, never a protected attribute.
 *
 * A model fitted near the median (the Huber loss) leaves residuals whose skew changes from case to case: long federal
 * sentences are under-predicted further than they are over-predicted, short immigration sentences the other way, so a
 * symmetric interval can miss one tail of one kind of case far more often than α/2 while the pooled misses look
 * balanced. Asymmetric normalised intervals (`spread.asymmetric`) fit a spread of their own to each side on the same fit
 * half: σ̂_above(x) an additive model of a high quantile (USSC: 0.9) of max(0, y − ŷ), σ̂_below(x) of max(0, ŷ − y),
 * so each follows its own tail where it is long and where it is short. A separate conformal quantile, at level
 * 1 − α/2, of each side's signed score on the other half, (y − ŷ)/σ̂_above and (ŷ − y)/σ̂_below, then makes each tail
 * miss at most α/2 and the interval at most α (as in the two-sided calibration of conformalised quantile regression,
 * Romano et al. 2019).
 */
import type { CaseTypeMeta } from '../cases/case-type.ts';
import type { Facts } from '../cases/facts.ts';
import { binCount, categoryKey, type FeatureSpec } from '../gam/features.ts';
import type { GamModel } from '../gam/gam-model.ts';
import { conformalHalfWidth } from './metrics.ts';
import { randomSplit } from './random.ts';
import { fitSpread, spreadOf, type SpreadModel } from './spread.ts';

/** The conformal part of a model (regression). */
export type Conformal = NonNullable<GamModel['conformal']>;

/** How a case type asks its intervals to be calibrated (per group of an input, or normalised by a fitted spread). */
export type IntervalSpec = NonNullable<CaseTypeMeta['intervals']>;

/** What a normalised calibration needs beyond the residuals: the model's inputs, the cases encoded, a seeded draw. */
export interface SpreadInput {
  readonly features: readonly FeatureSpec[];
  /** The calibration cases encoded by the model's features, in the order of the residuals. */
  readonly encoded: ReadonlyArray<ArrayLike<number>>;
  readonly random: () => number;
}

// Below this many calibration cases the halves are too small for a spread and its 95 % quantile: pooled widths.
const minSpreadCalibrationCases = 100;

const levels = [0.8, 0.95] as const;

function widths(residuals: readonly number[]): [number, number] {
  return [conformalHalfWidth(residuals, levels[0]), conformalHalfWidth(residuals, levels[1])];
}

// One side of an interval at level L misses at most (1 − L)/2 of the cases.
function sideWidths(scores: readonly number[]): [number, number] {
  return [conformalHalfWidth(scores, (1 + levels[0]) / 2), conformalHalfWidth(scores, (1 + levels[1]) / 2)];
}

/** The group key of a case for stratified intervals ('missing' when the input is absent). */
export function stratumOf(field: string, facts: Facts): string {
  return categoryKey(facts[field] ?? null) ?? 'missing';
}

/**
 * Half-widths from the residuals (actual − estimate) of calibration cases: pooled, and per group when the spec
 * stratifies (each group with at least the minimum of cases; the others use the pooled widths), or normalised by a
 * fitted spread when the spec asks for one (with at least 100 calibration cases; pooled widths otherwise), with a
 * multiplier per side when it asks for asymmetric ones. Throws when there are too few cases for a 95 % interval.
 */
export function fitConformal(signedResiduals: readonly number[], calibrationFacts: readonly Facts[], spec?: IntervalSpec, spreadInput?: SpreadInput): Conformal {
  const residuals = signedResiduals.map((r) => Math.abs(r));
  const halfWidths = widths(residuals);
  if (!Number.isFinite(halfWidths[1])) throw new Error(`too few calibration cases (${residuals.length}) for a 95% interval: at least 19 are needed`);
  const conformal: Conformal = { levels: [...levels], halfWidths, calibrationCases: residuals.length };
  if (spec?.spread) {
    if (!spreadInput) throw new Error('a normalised interval needs the model inputs of the calibration cases');
    return residuals.length >= minSpreadCalibrationCases ? { ...conformal, spread: fitNormalised(signedResiduals, spec.spread, spreadInput) } : conformal;
  }
  if (spec?.stratifyBy === undefined) return conformal;
  const strata = { stratifyBy: spec.stratifyBy, minCalibrationCases: spec.minCalibrationCases ?? 100 };
  const byGroup = new Map<string, number[]>();
  calibrationFacts.forEach((facts, i) => {
    const key = stratumOf(strata.stratifyBy, facts);
    const members = byGroup.get(key) ?? [];
    members.push(residuals[i]!);
    byGroup.set(key, members);
  });
  const groups = [...byGroup.entries()]
    .filter(([, members]) => members.length >= strata.minCalibrationCases)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([value, members]) => ({ value, cases: members.length, halfWidths: widths(members) }));
  return { ...conformal, strata: { field: strata.stratifyBy, minCalibrationCases: strata.minCalibrationCases, groups } };
}

function fitNormalised(signed: readonly number[], spec: NonNullable<IntervalSpec['spread']>, input: SpreadInput): NonNullable<Conformal['spread']> {
  const [fitPart, calibrationPart] = randomSplit(Uint32Array.from(signed, (_, i) => i), 0.5, input.random);
  const rows = Array.from(fitPart, (i) => input.encoded[i]!);
  const spread = fitSpread(Float64Array.from(fitPart, (i) => Math.abs(signed[i]!)), rows, input.features, spec.quantile, spec.minBinCases);
  const scores = Array.from(calibrationPart, (i) => Math.abs(signed[i]!) / spreadOf(spread, input.encoded[i]!));
  const normalised = { ...spread, multipliers: widths(scores), fitCases: fitPart.length, calibrationCases: calibrationPart.length };
  if (!spec.asymmetric) return normalised;
  // Each side: a spread of its own quantile of the residual beyond the estimate on that side (0 for a case on the other
  // side), over every fit case, so that it follows that tail itself; its multipliers on every calibration case.
  const { quantile } = spec.asymmetric;
  const side = (sign: 1 | -1): SideSpread => {
    const fitted = fitSpread(Float64Array.from(fitPart, (i) => Math.max(0, sign * signed[i]!)), rows, input.features, quantile, spec.minBinCases);
    return { ...fitted, multipliers: sideWidths(Array.from(calibrationPart, (i) => (sign * signed[i]!) / spreadOf(fitted, input.encoded[i]!))) };
  };
  return { ...normalised, sides: { below: side(-1), above: side(1) } };
}

type SideSpread = SpreadModel & { readonly multipliers: [number, number] };

/** Why a model's spread tables do not fit its inputs (a damaged or hand-edited file), or null when they do. */
export function spreadMismatch(model: Pick<GamModel, 'conformal' | 'features'>): string | null {
  const spread = model.conformal?.spread;
  if (!spread) return null;
  const named: Array<[string, Pick<SpreadModel, 'edges' | 'tables'>]> = [['conformal.spread', spread]];
  if (spread.sides) named.push(['conformal.spread.sides.below', spread.sides.below], ['conformal.spread.sides.above', spread.sides.above]);
  const F = model.features.length;
  for (const [name, tables] of named) {
    if (tables.tables.length !== F || tables.edges.length !== F) return `${name} has ${tables.tables.length} tables and ${tables.edges.length} edge lists for ${F} inputs`;
    const j = tables.edges.findIndex((e, k) => tables.tables[k]!.length !== binCount(e));
    if (j >= 0) return `${name} table ${j} (${model.features[j]!.name}) has ${tables.tables[j]!.length} cells for ${binCount(tables.edges[j]!)} bins`;
  }
  return null;
}

/** How far below and above the estimate one interval reaches. */
export interface IntervalReach {
  readonly below: number;
  readonly above: number;
}

/**
 * How far the 80 % and 95 % intervals of one case (x: its facts encoded by the model's features) reach below and above
 * its estimate: by each side's spread where the model fitted one per side, else its half-widths on both.
 */
export function reachFor(conformal: Conformal, facts: Facts, x: ArrayLike<number>): readonly [IntervalReach, IntervalReach] {
  const sides = conformal.spread?.sides;
  if (sides) {
    const below = spreadOf(sides.below, x);
    const above = spreadOf(sides.above, x);
    return [
      { below: sides.below.multipliers[0] * below, above: sides.above.multipliers[0] * above },
      { below: sides.below.multipliers[1] * below, above: sides.above.multipliers[1] * above },
    ];
  }
  const half = halfWidthsFor(conformal, facts, x);
  return [
    { below: half[0], above: half[0] },
    { below: half[1], above: half[1] },
  ];
}

/**
 * The symmetric 80 % and 95 % half-widths that apply to one case (x: its facts encoded by the model's features):
 * scaled by its spread where the model has one, its group's where it has its own, else the pooled ones. A model
 * with a spread per side keeps its symmetric spread for reference; its intervals come from `reachFor`.
 */
export function halfWidthsFor(conformal: Conformal, facts: Facts, x: ArrayLike<number>): readonly [number, number] {
  if (conformal.spread) {
    const sigma = spreadOf(conformal.spread, x);
    return [conformal.spread.multipliers[0] * sigma, conformal.spread.multipliers[1] * sigma];
  }
  if (!conformal.strata) return conformal.halfWidths;
  const key = stratumOf(conformal.strata.field, facts);
  return conformal.strata.groups.find((g) => g.value === key)?.halfWidths ?? conformal.halfWidths;
}
