/**
 * Known writing vs a questioned page, from their writer profiles: the known pages are pooled (cluster counts summed per
 * writer), the comparison model (main/services/forensics/handwriting/comparison/) gives the score and the bounded
 * score-based likelihood ratio, or abstains with its reason; this file adds the clusters that drive the difference.
 */
import type { HandwritingComparison } from '../../../contract/index.ts';
import { domainDistance, referenceDomainFor } from './reference-domain.ts';

/** What the comparison model answers for one known-vs-questioned pair (comparison/compare.ts WriterComparison). */
export interface ModelComparison {
  readonly score: number | null;
  readonly slr: number | null;
  readonly log10Slr: number | null;
  readonly verbal: string | null;
  /** `reason` is a code, `message` its words. */
  readonly abstention: { readonly reason: string; readonly message: string } | null;
  /** Each cluster's effect on the score (how much the margin falls because of its difference), when a model ran. */
  readonly clusters?: readonly { readonly cluster: number; readonly knownRate: number; readonly questionedRate: number; readonly effect: number }[];
  readonly model: { readonly hash: string; readonly algorithm: string; readonly version: string } | null;
}

/** The comparison model's entry point (pooled known profiles, questioned profile, declared script). */
export type WriterComparator = (known: readonly { counts: number[] }[], questioned: { counts: number[] }, script: string) => Promise<ModelComparison>;

/** Sums the cluster counts of a writer's pages. */
export function poolCounts(pages: readonly { readonly counts: readonly number[] }[]): number[] {
  const pooled = new Array<number>(pages[0]?.counts.length ?? 0).fill(0);
  for (const page of pages) page.counts.forEach((c, i) => (pooled[i]! += c));
  return pooled;
}

const rates = (counts: readonly number[]) => {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
};

/** The clusters whose fill rates differ most between known and questioned writing, largest difference first. */
export function drivingClusters(known: readonly number[], questioned: readonly number[], top = 6): HandwritingComparison['drivers'] {
  const k = rates(known);
  const q = rates(questioned);
  return k
    .map((value, i) => ({ cluster: i + 1, known: value, questioned: q[i]! }))
    .filter((d) => d.known > 0 || d.questioned > 0)
    .sort((a, b) => Math.abs(b.known - b.questioned) - Math.abs(a.known - a.questioned))
    .slice(0, top);
}

/** The clusters that move the model's score most (largest effect first), with their rates. */
function drivingByEffect(clusters: NonNullable<ModelComparison['clusters']>, top = 6): HandwritingComparison['drivers'] {
  return [...clusters]
    .filter((c) => c.effect !== 0)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, top)
    .map((c) => ({ cluster: c.cluster, known: c.knownRate, questioned: c.questionedRate }));
}

/**
 * Compares pooled known writing with a questioned page through `comparator`; without a comparator (no model
 * installed) the comparison abstains and says so, and the profiles and the visual comparison still stand.
 */
export async function compareWriters(knownPages: readonly { readonly counts: readonly number[] }[], questioned: { readonly counts: readonly number[] }, script: string, comparator: WriterComparator | null): Promise<HandwritingComparison> {
  const pooled = poolCounts(knownPages);
  const byRates = drivingClusters(pooled, questioned.counts);
  if (!comparator) {
    return {
      score: null,
      slr: null,
      log10Slr: null,
      verbal: null,
      abstention: { code: 'no-model', reason: 'no handwriting comparison model is installed on this workstation' },
      model: { hash: null, name: 'none' },
      drivers: byRates,
    };
  }
  const answer = await comparator(knownPages.map((p) => ({ counts: [...p.counts] })), { counts: [...questioned.counts] }, script);
  const byEffect = answer.clusters ? drivingByEffect(answer.clusters) : [];
  const base = {
    score: answer.score,
    model: answer.model ? { hash: answer.model.hash, name: `${answer.model.algorithm} ${answer.model.version}` } : { hash: null, name: 'none' },
    drivers: byEffect.length > 0 ? byEffect : byRates,
  };
  const reference = referenceDomainFor(script);
  const domain = reference ? { known: domainDistance(rates(pooled), reference), questioned: domainDistance(rates(questioned.counts), reference), limit: reference.limit } : null;
  const outside = domain && answer.slr !== null ? (['known', 'questioned'] as const).filter((side) => domain[side] > domain.limit) : [];
  if (domain && outside.length > 0) {
    const worst = outside.reduce((a, b) => (domain[b] > domain[a] ? b : a));
    return {
      ...base,
      slr: null,
      log10Slr: null,
      verbal: null,
      abstention: {
        code: 'out-of-domain',
        reason: `the ${outside.join(' and ')} writing's cluster profile lies outside the reference data (distance ${domain[worst].toFixed(2)}, the reference documents reach ${domain.limit.toFixed(2)}): another resolution, scan or script than the model knows, so no likelihood ratio is given`,
      },
      domain,
    };
  }
  return {
    ...base,
    slr: answer.slr,
    log10Slr: answer.log10Slr,
    verbal: answer.verbal,
    abstention: answer.abstention ? { code: answer.abstention.reason, reason: answer.abstention.message } : null,
    domain,
  };
}
