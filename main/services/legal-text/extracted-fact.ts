/**
 * What the legal-text extractors return: one value per fact, with the span of the text it came from and a
 * confidence in [0, 1]. Field names match the case-type fields where one exists (article, part, damageMrp,
 * priorConvictions, claimAmountKzt, ...), so a proposed value goes straight into the facts form once accepted.
 */
import type { Citation } from './citations.ts';
import type { MoneyUnit } from './amounts.ts';

/** Where in the text a value came from: [start, end) in UTF-16 code units. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** The value type of each extracted field. */
export interface FactFieldValues {
  /** Every article cited, with part, paragraph and code. */
  citation: Citation;
  /** Every sum of money. */
  amount: { readonly value: number; readonly unit: MoneyUnit };
  /** Every calendar date (ISO day) that is not a birth date. */
  date: string;
  /** The court that wrote or receives the document. */
  court: string;
  // Criminal cases (kz-criminal).
  article: string;
  part: number;
  paragraph: string;
  offenceCategory: 'criminal-misdemeanour' | 'minor' | 'medium' | 'grave' | 'especially-grave';
  damageKzt: number;
  damageMrp: number;
  priorConvictions: number;
  recidivism: 'none' | 'recidivism' | 'dangerous' | 'especially-dangerous';
  guiltyPlea: boolean;
  proceduralAgreement: boolean;
  reconciliation: boolean;
  damageCompensated: 'none' | 'partial' | 'full' | 'no-damage';
  defendantMinor: boolean;
  /** One fact per circumstance the text states, by its item of Criminal Code art. 53 part 1 ("53.1.11"). */
  mitigating: string;
  /** One fact per circumstance the text states, by its item of Criminal Code art. 54 part 1 ("54.1.12"). */
  aggravating: string;
  punishment: 'fine' | 'correctional-work' | 'community-service' | 'restriction-of-freedom' | 'imprisonment' | 'suspended';
  termMonths: number;
  fineMrp: number;
  fineKzt: number;
  serviceHours: number;
  // Civil contract claims (kz-civil-contract).
  claimAmountKzt: number;
  penaltyClaimedKzt: number;
  contractDate: string;
  breachDate: string;
  monthsSinceBreach: number;
  limitationInvoked: boolean;
  /** One fact per supporting document named (the case type's checklist items). */
  documents: 'contract' | 'invoice' | 'acceptance-act' | 'payment-order' | 'reconciliation-act' | 'claim-letter' | 'correspondence';
  simplifiedProcedure: boolean;
  /** The debtor demanded that the penalty be reduced (Civil Code art. 297). */
  penaltyReductionRequested: boolean;
  /** Principal the defendant paid after the claim was filed. */
  paidAfterClaimKzt: number;
}

/** The name of an extracted field. */
export type FactField = keyof FactFieldValues;

/** One extracted value, typed by its field. */
export type ExtractedFact = {
  [F in FactField]: { readonly field: F; readonly value: FactFieldValues[F]; readonly span: TextSpan; readonly confidence: number };
}[FactField];

/** Builds one extracted fact (the one place that checks a confidence is in range). */
export function fact<F extends FactField>(field: F, value: FactFieldValues[F], span: TextSpan, confidence: number): ExtractedFact {
  const bounded = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
  return { field, value, span: { start: span.start, end: span.end }, confidence: bounded } as ExtractedFact;
}
