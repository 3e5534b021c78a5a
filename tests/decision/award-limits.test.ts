import { describe, expect, it } from 'vitest';
import { awardLimits } from '../../main/services/decision/award-limits.ts';
import { clipToLawfulRange } from '../../main/services/decision/lawful-range.ts';
import { shareOfClaimUnit, type DecisionOutput } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import type { LawfulLimit } from '../../models/cases/lawful-limit.ts';

// The limit the shipped award model's case type (kz-civil-contract 1.1.0) has, as the parser gives it.
const limit: LawfulLimit = findCaseType(loadCaseTypes(), 'kz-civil-contract', '1.1.0').lawfulLimits['award-fraction']!;
const limits = (facts: Record<string, unknown>) => awardLimits(limit, facts as never);

describe('the lawful limits of a contract claim’s award', () => {
  it('0 to the claim; less what was paid after filing; art. 297 only where the debtor demanded it and a penalty is claimed', () => {
    expect(limits({ claimAmountKzt: 5_000_000 })).toEqual({ claimKzt: 5_000_000, penaltyKzt: 0, paidKzt: 0, lawfulRange: { min: 0, max: 1, unit: 'fraction of the claim' }, penaltyReduction: null });
    const paid = limits({ claimAmountKzt: 5_000_000, penaltyClaimedKzt: 500_000, paidAfterClaimKzt: 1_000_000, penaltyReductionRequested: false })!;
    expect(paid.lawfulRange.max).toBeCloseTo(0.8, 12);
    expect(paid.penaltyReduction).toBeNull();
    const demanded = limits({ claimAmountKzt: 5_000_000, penaltyClaimedKzt: 800_000, paidAfterClaimKzt: 1_000_000, penaltyReductionRequested: true })!;
    // The principal (4.2 M) less the part paid (1 M): the penalty cut to nothing leaves 3.2 M, 64 % of the claim.
    expect(demanded.penaltyReduction).toEqual({ citation: 'ГК РК, ст. 297', penaltyShare: 0.16, floorShare: 0.64 });
    expect(limits({ claimAmountKzt: 5_000_000, penaltyReductionRequested: true })!.penaltyReduction).toBeNull();
    expect(limits({ claimAmountKzt: 0 })).toBeNull();
  });

  it('never outside [0, 1], even for amounts beyond the claim', () => {
    const odd = limits({ claimAmountKzt: 1_000_000, penaltyClaimedKzt: 3_000_000, paidAfterClaimKzt: 2_000_000, penaltyReductionRequested: true })!;
    expect(odd.lawfulRange).toEqual({ min: 0, max: 1, unit: 'fraction of the claim' });
    expect(odd.penaltyReduction).toEqual({ citation: 'ГК РК, ст. 297', penaltyShare: 1, floorShare: 0 });
  });

  it('reads the inputs the declaration names, and only those', () => {
    const loan: LawfulLimit = { kind: 'share-of-claim', claim: 'debt', paidAfterClaim: 'repaid', penalty: 'fine', penaltyReduction: { demanded: 'askedToReduce', citation: 'Art. X' } };
    expect(awardLimits(loan, { debt: 2_000_000, repaid: 500_000, fine: 400_000, askedToReduce: true })).toEqual({
      claimKzt: 2_000_000,
      penaltyKzt: 400_000,
      paidKzt: 500_000,
      lawfulRange: { min: 0, max: 0.75, unit: shareOfClaimUnit },
      penaltyReduction: { citation: 'Art. X', penaltyShare: 0.2, floorShare: 0.55 },
    });
    // kz-civil-contract 1.0.0 names no payment after filing and no reduction demand: those facts are not read.
    const v100 = findCaseType(loadCaseTypes(), 'kz-civil-contract', '1.0.0').lawfulLimits['award-fraction']!;
    expect(awardLimits(v100, { claimAmountKzt: 1_000_000, penaltyClaimedKzt: 100_000, paidAfterClaimKzt: 500_000, penaltyReductionRequested: true })).toMatchObject({ paidKzt: 0, penaltyKzt: 100_000, lawfulRange: { max: 1 }, penaltyReduction: null });
  });

  it('a predicted share above what is lawful is drawn back to it, interval and all', () => {
    const output: DecisionOutput = { outcome: 'award-fraction', kind: 'regression', unit: 'fraction of the claim', synthetic: true, score: [0.9], intercept: [0.88], contributions: [], value: 0.9, interval80: [0.74, 1], interval95: [0.6, 1], abstention: { refer: false, reasons: [] } };
    const clipped = clipToLawfulRange(output, limits({ claimAmountKzt: 5_000_000, paidAfterClaimKzt: 1_000_000 })!.lawfulRange, 0.5);
    expect(clipped.value).toBeCloseTo(0.8, 12);
    expect(clipped.interval80).toEqual([0.74, 0.8]);
  });
});
