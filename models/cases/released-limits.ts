/**
 * Lawful limits for released case-type files written before outcomes could declare one (`lawfulLimit` in x-dalel).
 * A released file is frozen: models embed it and are identified by its hash, so it cannot gain the declaration
 * without a new version and rebuilt models. What each would declare is recorded here once, keyed by the SHA-256 of
 * that exact document, and checked by the parser like a declaration in the file; any later version (or another
 * money-claim case type) declares its limit in its own x-dalel, and no entry is ever added here for it.
 */
import type { LawfulLimit } from './lawful-limit.ts';

/** One released document's limits, by outcome name (the id and version say which file the hash is, for readers). */
export interface ReleasedLimits {
  readonly caseType: string;
  readonly version: string;
  readonly limits: Readonly<Record<string, LawfulLimit>>;
}

// 1.0.0 knows only the claim and its penalty; 1.1.0 adds the payment after filing and the demand under art. 297.
const claimAndPenalty = { kind: 'share-of-claim', claim: 'claimAmountKzt', penalty: 'penaltyClaimedKzt' } as const;

/** The released files that predate the declaration, by the SHA-256 of their stable JSON. */
export const releasedLawfulLimits: Readonly<Record<string, ReleasedLimits>> = {
  f744e7c92a5c2da441a86aeb010c66a77bf9cc988433b305094efcfbbc06f64e: {
    caseType: 'kz-civil-contract',
    version: '1.0.0',
    limits: { 'award-fraction': claimAndPenalty },
  },
  '42db59d8fc74fc904fb0e99bc60087ef6182f511a1442099352092ee8567b26a': {
    caseType: 'kz-civil-contract',
    version: '1.1.0',
    limits: {
      'award-fraction': {
        ...claimAndPenalty,
        paidAfterClaim: 'paidAfterClaimKzt',
        penaltyReduction: { demanded: 'penaltyReductionRequested', citation: 'ГК РК, ст. 297' },
      },
    },
  },
};
