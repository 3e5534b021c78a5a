/**
 * Is a writer profile like the profiles the reference data were made of? A comparison model only speaks for pages
 * whose cluster profile could have come from its reference population: same script, similar resolution, a similar
 * scan. The domain is the population's mean and spread of every cluster's fill rate; a profile's distance is its mean
 * squared z-score over the 40 clusters; the limit is the largest distance among the held-out reference documents.
 * Beyond it the comparison gives the score but no likelihood ratio (an SLR there would claim more than the data know).
 */
import domainJson from './reference-domain.json' with { type: 'json' };

/** A reference population's domain, as scripts/build-handwriting-domain.ts writes it. */
export interface ReferenceDomain {
  readonly format: 'dalel-handwriting-domain/1';
  readonly script: string;
  readonly source: { readonly file: string; readonly sha256: string; readonly documents: number; readonly checkedOn: string; readonly checkedDocuments: number };
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  /** Largest distance among the held-out documents: the domain's edge. */
  readonly limit: number;
  readonly heldOut: { readonly median: number; readonly p99: number; readonly max: number };
}

/** Added to every variance, so that clusters almost never filled do not make any small difference look huge. */
export const DOMAIN_VARIANCE_FLOOR = 1e-4;

/** Mean squared z-score of a profile's fill rates against a domain. */
export function domainDistance(rates: readonly number[], domain: Pick<ReferenceDomain, 'mean' | 'sd'>): number {
  let sum = 0;
  for (let k = 0; k < domain.mean.length; k++) {
    const d = (rates[k] ?? 0) - domain.mean[k]!;
    sum += (d * d) / (domain.sd[k]! ** 2 + DOMAIN_VARIANCE_FLOOR);
  }
  return sum / domain.mean.length;
}

const shipped = [domainJson as ReferenceDomain];

/** The domain of the shipped reference data for a script, or null (no check: a lab's own set defines its own data). */
export function referenceDomainFor(script: string): ReferenceDomain | null {
  return shipped.find((d) => d.script === script) ?? null;
}
