/**
 * The lawful limits of an award in a money claim, as a case type's outcome declares them (`lawfulLimit` of kind
 * `share-of-claim`, naming the inputs it reads): a court awards no more than was claimed, and refuses the principal
 * the defendant paid after the claim was filed (the debt is no longer owed), so the share lies between 0 and
 * 1 − paid ÷ claim. Where the debtor demanded a reduction of the penalty, the cited law (Kazakhstan: Civil Code
 * art. 297) lets the court reduce the penalty (неустойка) only: the principal debt is not reduced under it, so a
 * reduction alone cannot bring the award below the claim less the whole penalty.
 */
import { shareOfClaimUnit, type AwardLimits } from '../../contract/index.ts';
import type { LawfulLimit } from '../../../models/cases/lawful-limit.ts';
import type { Facts } from '../../../models/cases/facts.ts';

const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/** The limits for one claim's facts, read from the inputs the declaration names; null when the claim amount is not a positive number (nothing to share). */
export function awardLimits(limit: LawfulLimit, facts: Facts): AwardLimits | null {
  const claim = amount(facts[limit.claim]);
  if (claim === 0) return null;
  // Amounts beyond the claim are typing errors the facts form cannot rule out: the limits never go outside [0, 1].
  const penalty = limit.penalty === undefined ? 0 : Math.min(claim, amount(facts[limit.penalty]));
  const paid = limit.paidAfterClaim === undefined ? 0 : Math.min(claim - penalty, amount(facts[limit.paidAfterClaim]));
  const max = (claim - paid) / claim;
  const reduction = limit.penaltyReduction;
  const penaltyReduction =
    reduction && facts[reduction.demanded] === true && penalty > 0
      ? { citation: reduction.citation, penaltyShare: penalty / claim, floorShare: (claim - paid - penalty) / claim }
      : null;
  return { claimKzt: claim, penaltyKzt: penalty, paidKzt: paid, lawfulRange: { min: 0, max, unit: shareOfClaimUnit }, penaltyReduction };
}
