/**
 * Synthetic Kazakh contract-debt claims for the kz-civil-contract demo model (no public corpus of decisions exists);
 * every record says so (`synthetic` = true, `caseRef` SYN-C…). Deterministic for a seed.
 *
 * How a case is made: the claim (log-normal, tenge) and sometimes a penalty (неустойка, up to a fifth of the claim);
 * the documents (a contract most of the time; acceptance acts, invoices, payment orders, a reconciliation act, a
 * claim letter, correspondence with their own frequencies); months from the breach to the claim (exponential, some
 * beyond the three-year general limitation period of art. 178 of the Civil Code); whether the defendant invoked
 * limitation (art. 179 p. 2: the court applies it only on a party's application); eligibility for the simplified
 * written procedure (CPC art. 267-2: money claims up to 1 000 MRP, or any amount on documents establishing the
 * debt). Outcome: an expired period that was invoked means refusal (art. 179 p. 3); otherwise the claim's strength
 * (documents that establish the debt up, no contract down, noise) decides full, partial or refused, and a partial
 * award is a fraction that grows with that strength; penalties are often reduced (art. 297 of the Civil Code), so a
 * claim with a penalty is more often partial. These are plausible directions, not estimates.
 */
import { seededRandom } from '../../models/ebm/random.ts';
import type { GeneratedCase } from './kz-criminal-generator.ts';

/** The CSV columns, in order. */
export const civilColumns = [
  'caseRef', 'synthetic', 'claimAmountKzt', 'penaltyClaimedKzt', 'documents', 'monthsSinceBreach', 'limitationInvoked', 'simplifiedProcedure',
  'decidedOn', 'satisfaction', 'awardFraction',
] as const;

/** MRP in tenge used for the simplified-procedure limit (2025; see assets/decision/procedure). */
const mrpKzt = 3932;
const documentChances: ReadonlyArray<readonly [string, number]> = [
  ['contract', 0.85], ['invoice', 0.5], ['acceptance-act', 0.45], ['payment-order', 0.3], ['reconciliation-act', 0.2], ['claim-letter', 0.55], ['correspondence', 0.35],
];
const establishing = new Set(['reconciliation-act', 'acceptance-act', 'invoice']);

/** Generates n claims from a seed; the same seed and n give the same claims. */
export function generateKzCivilContract(n: number, seed = 1): GeneratedCase[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const start = Date.UTC(2019, 0, 1);
  const days = Math.round((Date.UTC(2025, 5, 30) - start) / 86_400_000);
  const cases: GeneratedCase[] = [];
  for (let i = 0; i < n; i += 1) {
    const claim = Math.round(Math.exp(14 + 1.6 * normal()) / 1000) * 1000 + 1000;
    const penalty = chance(0.4) ? Math.round((claim * random() * 0.2) / 1000) * 1000 : null;
    const documents = documentChances.filter(([, p]) => chance(p)).map(([d]) => d);
    const months = Math.round(-Math.log(1 - random()) * 14 * 10) / 10;
    const invoked = chance(months > 36 ? 0.6 : 0.1);
    const simplified = claim <= 1000 * mrpKzt || documents.some((d) => establishing.has(d));
    const strength =
      0.6 + 0.5 * documents.filter((d) => establishing.has(d)).length + (documents.includes('contract') ? 0.5 : -1) + (documents.includes('payment-order') ? 0.3 : 0) -
      (penalty !== null ? 0.4 : 0) + 0.8 * normal();
    let satisfaction: string;
    let fraction: number | null;
    if (months > 36 && invoked) {
      satisfaction = 'refused';
      fraction = null;
    } else if (strength > 1.2) {
      satisfaction = 'full';
      fraction = 1;
    } else if (strength > 0) {
      satisfaction = 'partial';
      fraction = Math.round(Math.min(0.95, Math.max(0.05, 0.35 + 0.4 * strength + 0.1 * normal())) * 100) / 100;
    } else {
      satisfaction = 'refused';
      fraction = null;
    }
    cases.push({
      caseRef: `SYN-C${String(i + 1).padStart(6, '0')}`,
      synthetic: true,
      claimAmountKzt: claim,
      penaltyClaimedKzt: penalty,
      documents,
      monthsSinceBreach: months,
      limitationInvoked: invoked,
      simplifiedProcedure: simplified,
      decidedOn: new Date(start + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10),
      satisfaction,
      awardFraction: fraction,
    });
  }
  return cases;
}
