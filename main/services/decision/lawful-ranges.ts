/**
 * The lawful range of a regression outcome per case, as decision support applies it: an award in a money claim
 * between nothing and the claim less what was paid (the outcome's declared lawful limit), a criminal term within the
 * sanction after art. 55 from the statutes data. The consultation clips to it and judges "interval too wide" against
 * it; training is given the same function, so a model card's "answered" figures follow the consultation's rule.
 */
import type { CaseType, OutcomeSpec } from '../../../models/cases/case-type.ts';
import type { Facts } from '../../../models/cases/facts.ts';
import type { LawfulRangeOf } from '../../../models/gam/abstention.ts';
import type { StatutoryBounds } from '../../contract/index.ts';
import { awardLimits } from './award-limits.ts';
import { boundsFacts, type StatutoryBoundsService } from './statutory-bounds.ts';

type LawfulRange = NonNullable<StatutoryBounds['lawfulRange']>;

/** The per-case lawful range of an outcome, or undefined when the case type gives it none (a class, or no law for it). */
export function lawfulRanges(caseType: CaseType, outcome: OutcomeSpec, statutes: StatutoryBoundsService | null): ((facts: Facts) => LawfulRange | null) | undefined {
  if (outcome.kind !== 'regression') return undefined;
  const limit = caseType.lawfulLimits[outcome.name];
  if (limit?.kind === 'share-of-claim') return (facts) => awardLimits(limit, facts)?.lawfulRange ?? null;
  if (!statutes?.book.caseTypes.includes(caseType.id)) return undefined;
  return (facts) => {
    const input = boundsFacts(facts);
    return input ? statutes.rangeFor(input, outcome.unit) : null;
  };
}

/** The same, in the shape training takes (`lawfulRanges` of `trainCaseType`). */
export const trainingLawfulRanges =
  (caseType: CaseType, statutes: StatutoryBoundsService | null) =>
  (outcome: OutcomeSpec): LawfulRangeOf | undefined =>
    lawfulRanges(caseType, outcome, statutes);
