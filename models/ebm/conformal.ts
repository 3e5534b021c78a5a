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
 */
import type { CaseTypeMeta } from '../cases/case-type.ts';
import type { Facts } from '../cases/facts.ts';
import { binCount, categoryKey, type FeatureSpec } from '../gam/features.ts';
import type { GamModel } from '../gam/gam-model.ts';
import { conformalHalfWidth } from './metrics.ts';
import { randomSplit } from './random.ts';
import { fitSpread, spreadOf } from './spread.ts';

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

/** The group key of a case for stratified intervals ('missing' when the input is absent). */
export function stratumOf(field: string, facts: Facts): string {
  return categoryKey(facts[field] ?? null) ?? 'missing';
}

/**
 * Half-widths from the absolute residuals of calibration cases: pooled, and per group when the spec stratifies (each
 * group with at least the minimum of cases; the others use the pooled widths), or normalised by a fitted spread when
 * the spec asks for one (with at least 100 calibration cases; pooled widths otherwise). Throws when there are too few
 * cases for a 95 % interval.
 */
export function fitConformal(residuals: readonly number[], calibrationFacts: readonly Facts[], spec?: IntervalSpec, spreadInput?: SpreadInput): Conformal {
  const halfWidths = widths(residuals);
  if (!Number.isFinite(halfWidths[1])) throw new Error(`too few calibration cases (${residuals.length}) for a 95% interval: at least 19 are needed`);
  const conformal: Conformal = { levels: [...levels], halfWidths, calibrationCases: residuals.length };
  if (spec?.spread) {
    if (!spreadInput) throw new Error('a normalised interval needs the model inputs of the calibration cases');
    return residuals.length >= minSpreadCalibrationCases ? { ...conformal, spread: fitNormalised(residuals, spec.spread, spreadInput) } : conformal;
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

function fitNormalised(residuals: readonly number[], spec: NonNullable<IntervalSpec['spread']>, input: SpreadInput): NonNullable<Conformal['spread']> {
  const [fitPart, calibrationPart] = randomSplit(Uint32Array.from(residuals, (_, i) => i), 0.5, input.random);
  const rows = Array.from(fitPart, (i) => input.encoded[i]!);
  const spread = fitSpread(Float64Array.from(fitPart, (i) => residuals[i]!), rows, input.features, spec.quantile, spec.minBinCases);
  const scores = Array.from(calibrationPart, (i) => residuals[i]! / spreadOf(spread, input.encoded[i]!));
  return { ...spread, multipliers: widths(scores), fitCases: fitPart.length, calibrationCases: calibrationPart.length };
}

/** Why a model's spread tables do not fit its inputs (a damaged or hand-edited file), or null when they do. */
export function spreadMismatch(model: Pick<GamModel, 'conformal' | 'features'>): string | null {
  const spread = model.conformal?.spread;
  if (!spread) return null;
  const F = model.features.length;
  if (spread.tables.length !== F || spread.edges.length !== F) return `conformal.spread has ${spread.tables.length} tables and ${spread.edges.length} edge lists for ${F} inputs`;
  const j = spread.edges.findIndex((e, k) => spread.tables[k]!.length !== binCount(e));
  return j < 0 ? null : `conformal.spread table ${j} (${model.features[j]!.name}) has ${spread.tables[j]!.length} cells for ${binCount(spread.edges[j]!)} bins`;
}

/**
 * The 80 % and 95 % half-widths that apply to one case (x: its facts encoded by the model's features): scaled by its
 * spread where the model has one, its group's where it has its own, else the pooled ones.
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
