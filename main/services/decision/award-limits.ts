/**
 * The lawful limits of an award in a contract money claim (kz-civil-contract, the award model's share of the claim):
 * a court awards no more than was claimed, and refuses the principal the defendant paid after the claim was filed
 * (the debt is no longer owed), so the share lies between 0 and 1 − paid ÷ claim. Where the debtor demanded a
 * reduction of the penalty, Civil Code art. 297 lets the court reduce the penalty (неустойка) only: the principal debt
 * is not reduced under it, so a reduction alone cannot bring the award below the claim less the whole penalty.
 */
import type { AwardLimits } from '../../contract/index.ts';
import type { Facts } from '../../../models/cases/facts.ts';

/** The case type and outcome these limits belong to. */
export const awardOutcome = { caseType: 'kz-civil-contract', outcome: 'award-fraction' } as const;

/** Art. 297 as cited on the judge's card. */
export const penaltyReductionCitation = 'ГК РК, ст. 297';

const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/** The limits for one claim's facts; null when the claim amount is not a positive number (nothing to share). */
export function awardLimits(facts: Facts): AwardLimits | null {
  const claim = amount(facts.claimAmountKzt);
  if (claim === 0) return null;
  // Amounts beyond the claim are typing errors the facts form cannot rule out: the limits never go outside [0, 1].
  const penalty = Math.min(claim, amount(facts.penaltyClaimedKzt));
  const paid = Math.min(claim - penalty, amount(facts.paidAfterClaimKzt));
  const max = (claim - paid) / claim;
  const penaltyReduction =
    facts.penaltyReductionRequested === true && penalty > 0
      ? { citation: penaltyReductionCitation, penaltyShare: penalty / claim, floorShare: (claim - paid - penalty) / claim }
      : null;
  return { claimKzt: claim, penaltyKzt: penalty, paidKzt: paid, lawfulRange: { min: 0, max, unit: 'fraction of the claim' }, penaltyReduction };
}
