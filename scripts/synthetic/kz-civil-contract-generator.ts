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
  return drawClaims(n, seed).map((d) => d.case);
}

/** A drawn claim with the strength that decided it (kept for the award pass; not a column). */
interface DrawnClaim {
  readonly case: GeneratedCase;
  readonly strength: number;
}

// The stream of random draws here is the one the kz-civil-contract 1.0.0 demo model was trained on: change nothing
// in its order, or that shipped model no longer reproduces.
function drawClaims(n: number, seed: number): DrawnClaim[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const start = Date.UTC(2019, 0, 1);
  const days = Math.round((Date.UTC(2025, 5, 30) - start) / 86_400_000);
  const cases: DrawnClaim[] = [];
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
    const drawn: GeneratedCase = {
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
    };
    cases.push({ case: drawn, strength });
  }
  return cases;
}

/** The CSV columns of the kz-civil-contract 1.1.0 cases (the award model's), in order. */
export const civilAwardColumns = [
  'caseRef', 'synthetic', 'claimAmountKzt', 'penaltyClaimedKzt', 'documents', 'monthsSinceBreach', 'limitationInvoked', 'simplifiedProcedure',
  'penaltyReductionRequested', 'paidAfterClaimKzt', 'decidedOn', 'satisfaction', 'awardFraction',
] as const;

/** How a generated award is made up, in tenge (for checking the law the generator encodes; not a column). */
export interface AwardParts {
  /** The claim less its penalty part. */
  readonly principalKzt: number;
  readonly penaltyKzt: number;
  /** Principal paid by the defendant after the claim was filed: the court refuses that part. */
  readonly paidKzt: number;
  /** Principal the claimant proved, before the part paid is taken off. */
  readonly principalProvenKzt: number;
  /** Penalty awarded: the whole penalty unless void (no written agreement, art. 294) or reduced on request (art. 297). */
  readonly penaltyAwardedKzt: number;
  /** Whether the court reduced the penalty under art. 297 (only ever at the debtor's request). */
  readonly penaltyReduced: boolean;
  readonly awardedKzt: number;
}

/** A generated claim of version 1.1.0 and, when it was satisfied, the parts of its award. */
export interface AwardedClaim {
  readonly case: GeneratedCase;
  readonly parts: AwardParts | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The claims of version 1.1.0 (the award model's): the same claims, outcomes and draws as generateKzCivilContract
 * (so the satisfaction model of 1.0.0 stays a right, if less informed, estimate for them), then two more facts and the
 * award drawn from a second stream of the same seed. Here the claim is the whole sum claimed, its penalty part
 * included (the penalty is at most a fifth of it), and the award is made up as a court makes it up:
 * - principal: the part the documents prove (the case's strength: all of it when fully satisfied), less what the
 *   defendant paid after the claim was filed (refused as no longer owed);
 * - penalty: refused when there is no written contract (art. 294: an agreement on a penalty not in writing is void;
 *   kept in a fifth of those cases as a statutory penalty, art. 295); otherwise awarded in full unless the debtor asked
 *   for a reduction (art. 297: "суд по требованию должника вправе уменьшить неустойку", on the debtor's demand only,
 *   considering how far the debtor performed), which courts grant more often the larger the penalty is against the
 *   principal and the more the debtor paid. Art. 297 reduces the penalty only, never the principal debt, and never
 *   below nothing.
 * A fully satisfied claim is awarded in whole (share 1); a partly satisfied one gets a share in (0, 1); a refused one
 * none. Plausible directions, not estimates.
 */
export function drawKzCivilAwards(n: number, seed = 1): AwardedClaim[] {
  const random = seededRandom((seed ^ 0x297) >>> 0);
  const chance = (p: number) => random() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return drawClaims(n, seed).map(({ case: drawn, strength }) => {
    const claim = drawn.claimAmountKzt as number;
    const penalty = (drawn.penaltyClaimedKzt as number | null) ?? 0;
    const principal = claim - penalty;
    const documents = drawn.documents as string[];
    const satisfaction = drawn.satisfaction as string;
    const penaltyShare = penalty / claim;
    // Debtors ask for a reduction of large penalties more often; in partly satisfied claims the request is part of why.
    const requested = penalty > 0 && chance(clamp((satisfaction === 'partial' ? 0.55 : 0.3) + 1.5 * penaltyShare, 0, 0.9));
    const paid = satisfaction === 'partial' && chance(0.3) ? Math.round((principal * (0.1 + 0.5 * random())) / 1000) * 1000 : 0;
    const base = { ...drawn, penaltyReductionRequested: requested, paidAfterClaimKzt: paid };
    if (satisfaction === 'refused') return { case: { ...base, awardFraction: null }, parts: null };
    if (satisfaction === 'full') {
      const parts: AwardParts = { principalKzt: principal, penaltyKzt: penalty, paidKzt: 0, principalProvenKzt: principal, penaltyAwardedKzt: penalty, penaltyReduced: false, awardedKzt: claim };
      return { case: { ...base, awardFraction: 1 }, parts };
    }
    const voidPenalty = penalty > 0 && !documents.includes('contract') && !chance(0.2);
    // How much of the penalty the court keeps when it reduces it: less the more it outweighs the principal's loss and
    // the more of the debt was paid (the degree of performance art. 297 names).
    const kept = clamp(0.7 - 2 * (penalty / principal) - 0.3 * (paid / principal) + 0.1 * normal(), 0.1, 0.9);
    const reduced = !voidPenalty && requested && chance(0.75);
    // Rounded down to the thousand, so that a reduced penalty is always below the penalty claimed.
    const penaltyAwarded = voidPenalty ? 0 : reduced ? Math.floor((penalty * kept) / 1000) * 1000 : penalty;
    // A partial award with nothing else taken off leaves part of the principal unproven.
    const cap = reduced || voidPenalty || paid > 0 ? 1 : 0.95;
    const proven = Math.max(paid + 1000, Math.round((principal * clamp(0.5 + 0.35 * strength + 0.08 * normal(), 0.1, cap)) / 1000) * 1000);
    const awarded = proven - paid + penaltyAwarded;
    const share = clamp(round2(awarded / claim), 0.01, 0.99);
    const parts: AwardParts = { principalKzt: principal, penaltyKzt: penalty, paidKzt: paid, principalProvenKzt: proven, penaltyAwardedKzt: penaltyAwarded, penaltyReduced: reduced, awardedKzt: awarded };
    return { case: { ...base, awardFraction: share }, parts };
  });
}

/** The claims of version 1.1.0 (drawKzCivilAwards without the award's parts). */
export function generateKzCivilAwards(n: number, seed = 1): GeneratedCase[] {
  return drawKzCivilAwards(n, seed).map((c) => c.case);
}
