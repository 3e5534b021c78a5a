/**
 * Derived inputs: values a case type defines from earlier cases rather than reads from a column, e.g. the share of
 * cases the petitioner won in the Court's previous ten terms, overall or for the same lower court (Katz, Bommarito
 * & Blackman 2017). Only cases of strictly earlier terms count, so a value never carries its own case's outcome or
 * any later one, and the definition in the schema says in words what the number is.
 */
import { categoryKey } from '../gam/features.ts';
import type { Facts } from './facts.ts';

/**
 * A derived input's definition (`x-dalel.derived` of a numeric feature): the share of cases whose `field` equals
 * `equals` among the cases of the previous `terms` terms, only those sharing this case's `by` value when given,
 * shrunk towards the share over all of those terms by `smoothing` pseudo-cases.
 */
export interface PriorShareDefinition {
  readonly priorShare: { readonly field: string; readonly equals: string; readonly terms: number; readonly by?: string; readonly smoothing?: number };
}

/** One case as the derivation reads it: its term and facts. */
export interface TimedFacts {
  readonly time: number | string | null;
  readonly facts: Facts;
}

interface Tally {
  hits: number;
  cases: number;
}

function add(tallies: Map<string, Tally>, key: string, hit: boolean): void {
  const tally = tallies.get(key) ?? { hits: 0, cases: 0 };
  tally.hits += hit ? 1 : 0;
  tally.cases += 1;
  tallies.set(key, tally);
}

/**
 * The per-term tallies of a set of cases for one definition, from which the derived value of any case can be read: of
 * each of those cases (`priorShares`), or of a new case after them, without going over the cases again.
 */
export class PriorShareIndex {
  // Per term: hits and cases overall ('') and per `by` value.
  private readonly perTerm = new Map<number, Map<string, Tally>>();
  private readonly windows = new Map<number, Map<string, Tally>>();

  constructor(
    cases: readonly TimedFacts[],
    private readonly definition: PriorShareDefinition,
  ) {
    const { field, equals, by } = definition.priorShare;
    for (const c of cases) {
      if (typeof c.time !== 'number') continue;
      const outcome = categoryKey(c.facts[field] ?? null);
      if (outcome === null) continue;
      const tallies = this.perTerm.get(c.time) ?? new Map<string, Tally>();
      this.perTerm.set(c.time, tallies);
      add(tallies, '', outcome === equals);
      const group = by === undefined ? null : categoryKey(c.facts[by] ?? null);
      if (group !== null) add(tallies, `=${group}`, outcome === equals);
    }
  }

  private windowBefore(term: number): Map<string, Tally> {
    const cached = this.windows.get(term);
    if (cached) return cached;
    const window = new Map<string, Tally>();
    for (let t = term - this.definition.priorShare.terms; t < term; t += 1) {
      for (const [key, tally] of this.perTerm.get(t) ?? []) {
        const sum = window.get(key) ?? { hits: 0, cases: 0 };
        sum.hits += tally.hits;
        sum.cases += tally.cases;
        window.set(key, sum);
      }
    }
    this.windows.set(term, window);
    return window;
  }

  /** The derived value of a case of term `time` with these facts (null where no earlier term is known, or the term or `by` value is missing). */
  valueOf(time: TimedFacts['time'], facts: Facts): number | null {
    const { by, smoothing = 0 } = this.definition.priorShare;
    if (typeof time !== 'number') return null;
    const window = this.windowBefore(time);
    const overall = window.get('');
    if (!overall || overall.cases === 0) return null;
    const base = overall.hits / overall.cases;
    if (by === undefined) return base;
    const group = categoryKey(facts[by] ?? null);
    if (group === null) return null;
    const own = window.get(`=${group}`) ?? { hits: 0, cases: 0 };
    // Without smoothing a group never seen in the window has no share to give.
    if (own.cases + smoothing === 0) return null;
    return (own.hits + smoothing * base) / (own.cases + smoothing);
  }
}

/**
 * The derived value for every case, in order (null where no earlier term is known, or the case's term or `by`
 * value is missing). Terms are numbers (SCDB terms, years); cases without one get null and count for no one.
 */
export function priorShares(cases: readonly TimedFacts[], definition: PriorShareDefinition): Array<number | null> {
  const index = new PriorShareIndex(cases, definition);
  return cases.map((c) => index.valueOf(c.time, c.facts));
}
