/**
 * Split-conformal regression intervals, pooled or per group of one input (Mondrian conformal prediction).
 *
 * A pooled width guarantees its level on average over all cases only: where one kind of case has small errors and
 * another large ones, the interval covers the first far more often than promised and the second far less. Calibrating
 * a width per group of an input that separates those kinds (USSC: the offence type) gives each group its level.
 */
import type { Facts } from '../cases/facts.ts';
import { categoryKey } from '../gam/features.ts';
import type { GamModel } from '../gam/gam-model.ts';
import { conformalHalfWidth } from './metrics.ts';

/** The conformal part of a model (regression). */
export type Conformal = NonNullable<GamModel['conformal']>;

/** How intervals are stratified: the input whose groups get their own widths, and the smallest group that does. */
export interface StrataSpec {
  readonly stratifyBy: string;
  readonly minCalibrationCases: number;
}

const levels = [0.8, 0.95] as const;

function widths(residuals: readonly number[]): [number, number] {
  return [conformalHalfWidth(residuals, levels[0]), conformalHalfWidth(residuals, levels[1])];
}

/** The group key of a case for stratified intervals ('missing' when the input is absent). */
export function stratumOf(field: string, facts: Facts): string {
  return categoryKey(facts[field] ?? null) ?? 'missing';
}

/**
 * Half-widths from the absolute residuals of calibration cases: pooled, and per group when `strata` is given (each
 * group with at least the minimum of cases; the others use the pooled widths). Throws when there are too few cases
 * for a 95 % interval.
 */
export function fitConformal(residuals: readonly number[], calibrationFacts: readonly Facts[], strata?: StrataSpec): Conformal {
  const halfWidths = widths(residuals);
  if (!Number.isFinite(halfWidths[1])) throw new Error(`too few calibration cases (${residuals.length}) for a 95% interval: at least 19 are needed`);
  const conformal: Conformal = { levels: [...levels], halfWidths, calibrationCases: residuals.length };
  if (!strata) return conformal;
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

/** The 80 % and 95 % half-widths that apply to one case: its group's where it has its own, else the pooled ones. */
export function halfWidthsFor(conformal: Conformal, facts: Facts): readonly [number, number] {
  if (!conformal.strata) return conformal.halfWidths;
  const key = stratumOf(conformal.strata.field, facts);
  return conformal.strata.groups.find((g) => g.value === key)?.halfWidths ?? conformal.halfWidths;
}
