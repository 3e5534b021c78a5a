/** The lawful limit a regression outcome of a case type may declare (x-dalel.outcomes[].lawfulLimit). */
import { z } from 'zod';

/**
 * The lawful limit of a regression outcome, declared by its kind with the inputs it reads, so decision support clips
 * a prediction to it whatever the case type. `share-of-claim` (an award in a money claim, in the share-of-claim unit):
 * from nothing to the claim less the principal paid after the claim was filed; where the debtor demanded a reduction
 * of the penalty, the cited law lets the court reduce only the penalty part (never the principal).
 */
export const LawfulLimitSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('share-of-claim'),
      /** The whole amount claimed (the penalty included). */
      claim: z.string(),
      /** The penalty claimed within it. */
      penalty: z.string().optional(),
      /** The principal paid by the defendant after the claim was filed. */
      paidAfterClaim: z.string().optional(),
      /** Whether the debtor demanded a reduction of the penalty, and the law that allows it. */
      penaltyReduction: z.object({ demanded: z.string(), citation: z.string().min(1) }).strict().optional(),
    })
    .strict(),
]);
/** A declared lawful limit of a regression outcome. */
export type LawfulLimit = z.infer<typeof LawfulLimitSchema>;
