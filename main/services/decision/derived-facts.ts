/**
 * Derived inputs at consultation time. A case type may define inputs from earlier cases (models/cases/derived.ts),
 * such as the share of cases the petitioner won in the Court's previous ten terms. No judge can know such a number,
 * and a guess or a blank would put the model outside what it was trained on, so the consultation computes them the
 * way training did: from the model's own training cases (its precedent corpus), for a case decided in the term after
 * the latest one there.
 */
import { priorShares, type TimedFacts } from '../../../models/cases/derived.ts';
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

/**
 * Fills the derived inputs of cases from the corpus, all in one pass per input (cases of the same term never count one
 * another, so a batch gives what each case alone would). Without a corpus, or with terms that are not numbers, each
 * stays null, which the model reads as it read the earliest training cases (no earlier term).
 */
export function withDerivedFactsAll(caseType: CaseType, outcome: OutcomeSpec, corpus: PrecedentCorpus | null, batch: readonly Facts[]): { facts: Facts[]; asOf: number | null } {
  const fields = derivedFields(caseType);
  if (fields.length === 0) return { facts: [...batch], asOf: null };
  const cases: TimedFacts[] = (corpus?.cases ?? []).flatMap((c) => {
    const time = c.decidedAt === null ? Number.NaN : Number(c.decidedAt);
    // The corpus keeps the model's outcome beside the inputs (a class, or a value and the class of its `when` field),
    // which is what derived inputs count.
    const known = outcome.kind === 'classification' ? { [outcome.field]: c.outcome.class } : { [outcome.field]: c.outcome.value, ...(outcome.when ? { [outcome.when.field]: c.outcome.class } : {}) };
    return Number.isFinite(time) ? [{ time, facts: { ...c.facts, ...known } }] : [];
  });
  const latest = cases.reduce((max, c) => Math.max(max, c.time as number), Number.NEGATIVE_INFINITY);
  const asOf = Number.isFinite(latest) ? latest + 1 : null;
  const filled: Array<Record<string, Facts[string]>> = batch.map((facts) => ({ ...facts }));
  for (const { name, definition } of fields) {
    const values = asOf === null ? [] : priorShares([...cases, ...batch.map((facts) => ({ time: asOf, facts }))], definition).slice(cases.length);
    filled.forEach((facts, i) => (facts[name] = values[i] ?? null));
  }
  return { facts: filled, asOf };
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
