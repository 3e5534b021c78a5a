/**
 * Derived inputs at consultation time. A case type may define inputs from earlier cases (models/cases/derived.ts),
 * such as the share of cases the petitioner won in the Court's previous ten terms. No judge can know such a number,
 * and a guess or a blank would put the model outside what it was trained on, so the consultation computes them the
 * way training did: from the model's own training cases (its precedent corpus), for a case decided in the term after
 * the latest one there.
 */
import { PriorShareIndex, type TimedFacts } from '../../../models/cases/derived.ts';
import type { CaseType, OutcomeSpec } from '../../../models/cases/case-type.ts';
import type { Facts } from '../../../models/cases/facts.ts';
import type { CanonicalValue } from '../../../core/canonical-json.ts';
import { DalelError } from '../errors.ts';
import type { PrecedentCorpus } from './precedents.ts';

/** The derived inputs of a case type, by name, with their definitions. */
export function derivedFields(caseType: CaseType) {
  return caseType.fields.flatMap((f) => (f.role.role === 'feature' && f.role.derived ? [{ name: f.name, definition: f.role.derived }] : []));
}

/** Refuses facts that give a derived input: it is computed, never entered. */
export function refuseDerivedFacts(caseType: CaseType, raw: Readonly<Record<string, unknown>>, source = 'facts'): void {
  const given = derivedFields(caseType).find((f) => raw[f.name] !== undefined && raw[f.name] !== null);
  if (given) {
    throw new DalelError('VALIDATION', `${source}: ${given.name} is computed from earlier cases when the model is consulted, not entered; remove it.`, { field: given.name });
  }
}

/** What the consultation derived: the facts with the derived inputs filled, and the term they were computed for. */
export interface DerivedFacts {
  readonly facts: Facts;
  /** The term the values are computed for (the one after the corpus's latest), or null when nothing could be. */
  readonly asOf: number | null;
}

/** A corpus read for derived inputs: the term they are computed for, and each input's tallies. */
interface DerivedView {
  readonly asOf: number | null;
  readonly indexes: ReadonlyMap<string, PriorShareIndex>;
}

// A loaded model keeps its corpus for as long as it is installed: its view is built at the first consultation (for
// SCDB, 7 inputs over 9 179 cases, about 0.1 s), not at each one. Keyed by the outcome too, which says what counts.
const views = new WeakMap<PrecedentCorpus, Map<string, DerivedView>>();

function derivedView(caseType: CaseType, outcome: OutcomeSpec, corpus: PrecedentCorpus | null): DerivedView {
  const key = JSON.stringify([caseType.id, caseType.version, outcome]);
  const cached = corpus ? views.get(corpus)?.get(key) : undefined;
  if (cached) return cached;
  const cases: TimedFacts[] = (corpus?.cases ?? []).flatMap((c) => {
    const time = c.decidedAt === null ? Number.NaN : Number(c.decidedAt);
    // The corpus keeps the model's outcome beside the inputs (a class, or a value and the class of its `when` field),
    // which is what derived inputs count.
    const known = outcome.kind === 'classification' ? { [outcome.field]: c.outcome.class } : { [outcome.field]: c.outcome.value, ...(outcome.when ? { [outcome.when.field]: c.outcome.class } : {}) };
    return Number.isFinite(time) ? [{ time, facts: { ...c.facts, ...known } }] : [];
  });
  const latest = cases.reduce((max, c) => Math.max(max, c.time as number), Number.NEGATIVE_INFINITY);
  const view: DerivedView = {
    asOf: Number.isFinite(latest) ? latest + 1 : null,
    indexes: new Map(derivedFields(caseType).map(({ name, definition }) => [name, new PriorShareIndex(cases, definition)])),
  };
  if (corpus) {
    const byOutcome = views.get(corpus) ?? new Map<string, DerivedView>();
    byOutcome.set(key, view);
    views.set(corpus, byOutcome);
  }
  return view;
}

/**
 * Fills the derived inputs of cases from the corpus, as training did for a case of the term after the corpus's latest
 * (cases of that term never count one another, so a batch gives what each case alone would). Without a corpus, or
 * with terms that are not numbers, each stays null, which the model reads as it read the earliest training cases (no
 * earlier term).
 */
export function withDerivedFactsAll(caseType: CaseType, outcome: OutcomeSpec, corpus: PrecedentCorpus | null, batch: readonly Facts[]): { facts: Facts[]; asOf: number | null } {
  if (derivedFields(caseType).length === 0) return { facts: [...batch], asOf: null };
  const { asOf, indexes } = derivedView(caseType, outcome, corpus);
  const facts = batch.map((given) => {
    const filled: Record<string, Facts[string]> = { ...given };
    for (const [name, index] of indexes) filled[name] = asOf === null ? null : index.valueOf(asOf, given);
    return filled;
  });
  return { facts, asOf };
}

/** Fills one case's derived inputs (withDerivedFactsAll for one case). */
export function withDerivedFacts(caseType: CaseType, outcome: OutcomeSpec, corpus: PrecedentCorpus | null, facts: Facts): DerivedFacts {
  const { facts: [filled], asOf } = withDerivedFactsAll(caseType, outcome, corpus, [facts]);
  return { facts: filled!, asOf };
}

/** The audit entry's source of each derived input: computed, for which term (the entry's numbers are whole). */
export function derivedSources(caseType: CaseType, asOf: number | null): Record<string, CanonicalValue> {
  return Object.fromEntries(derivedFields(caseType).map((f) => [f.name, asOf === null ? { kind: 'derived', asOf: null } : { kind: 'derived', asOf: Math.round(asOf) }]));
}
