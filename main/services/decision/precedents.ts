/**
 * Precedents: the k past cases nearest to the consulted one over the model's own inputs, with their outcomes and a
 * feature-by-feature comparison. The corpus is the model's training cases, stored beside it (precedents.json) with
 * the inputs only: outcomes and protected attributes never enter the distance, and protected attributes are never
 * stored, so no precedent can show them.
 *
 * Distance: Euclidean over standardised numbers (z-scores from the corpus) plus one per categorical mismatch, a
 * checklist item counting as one categorical input; a missing value against a present one counts one. Exact search
 * (a linear scan over a row-major Float64Array) keeps the answer reproducible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Precedent } from '../../contract/index.ts';
import type { CaseData } from '../../../models/cases/case-rows.ts';
import type { CaseType } from '../../../models/cases/case-type.ts';
import { FactValueSchema } from '../../contract/index.ts';
import { inputFields, type Facts } from '../../../models/cases/facts.ts';
import { encodeFacts, type FeatureSpec } from '../../../models/gam/features.ts';

/** File name of the corpus inside a model folder. */
export const precedentsFile = 'precedents.json';

/** One past case of the corpus. */
export const PrecedentCaseSchema = z
  .object({
    caseRef: z.string(),
    decidedAt: z.string().nullable(),
    outcome: z.object({ value: z.number().nullable(), class: z.string().nullable(), label: z.string() }).strict(),
    facts: z.record(z.string(), FactValueSchema),
  })
  .strict();
/** The corpus stored with a model. */
export const PrecedentCorpusSchema = z.object({ format: z.literal('dalel-precedents/1'), caseType: z.string(), cases: z.array(PrecedentCaseSchema) }).strict();
/** The corpus stored with a model. */
export type PrecedentCorpus = z.infer<typeof PrecedentCorpusSchema>;

/**
 * Builds a corpus from training data: inputs only, the outcome (with its class when the outcome applies to one), each
 * case named by `refOf`, else by the file's own case identifier (its group field), else by its line.
 */
export function precedentCorpus(caseType: CaseType, data: CaseData, refOf?: (line: number) => string | undefined): PrecedentCorpus {
  const inputs = inputFields(caseType);
  const outcome = data.outcome;
  const labels = outcome.kind === 'classification' ? new Map(outcome.classes.map((c) => [c.value, c.label])) : null;
  const whenField = outcome.kind === 'regression' ? outcome.when?.field : undefined;
  // A case's own identifier where the file has one (SCDB's docket id), else its line in the file.
  const groupField = caseType.meta.rows?.groupBy ?? caseType.fields.find((f) => f.role.role === 'group')?.name;
  return {
    format: 'dalel-precedents/1',
    caseType: caseType.id,
    cases: data.rows.map((row) => {
      const facts = Object.fromEntries(Object.entries(row.facts).filter(([k]) => inputs.has(k)));
      const cls = labels ? String(row.target) : whenField ? ((row.facts[whenField] as string | null | undefined) ?? null) : null;
      const value = typeof row.target === 'number' ? row.target : null;
      const group = groupField === undefined ? undefined : row.facts[groupField];
      const ref = refOf?.(row.line) ?? (typeof group === 'string' && group !== '' ? group : undefined);
      return {
        caseRef: ref ?? `${data.outcome.name}:line-${row.line}`,
        decidedAt: row.time === null ? null : String(row.time),
        outcome: { value, class: cls, label: labels ? (labels.get(String(row.target)) ?? String(row.target)) : `${cls ? `${cls}, ` : ''}${value} ${outcome.kind === 'regression' ? outcome.unit : ''}`.trim() },
        facts,
      };
    }),
  };
}

/** Reads a model folder's corpus; null when the folder has none. */
export function readPrecedentCorpus(dir: string): PrecedentCorpus | null {
  const file = join(dir, precedentsFile);
  if (!existsSync(file)) return null;
  return PrecedentCorpusSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Equal facts; a checklist is a set, so its order does not matter. */
function sameValue(a: Facts[string] | null, b: Facts[string] | null): boolean {
  const key = (v: Facts[string] | null) => JSON.stringify(Array.isArray(v) ? [...v].sort() : v);
  return key(a) === key(b);
}

/** An index over a corpus for one model's features. */
export class PrecedentIndex {
  /** Row-major cases; numbers pre-divided by their standard deviation, so a query is scaled once, not per case. */
  private readonly matrix: Float64Array;
  private readonly scale: Float64Array;
  private readonly categorical: Uint8Array;
  readonly size: number;

  constructor(
    private readonly features: readonly FeatureSpec[],
    private readonly cases: readonly PrecedentCorpus['cases'][number][],
    codes?: ReadonlyArray<ReadonlyMap<string, number> | undefined>,
  ) {
    const F = features.length;
    this.size = cases.length;
    this.matrix = new Float64Array(this.size * F);
    cases.forEach((c, i) => this.matrix.set(encodeFacts(features, c.facts, codes), i * F));
    this.categorical = Uint8Array.from(features, (f) => (f.kind === 'categorical' || f.item !== undefined ? 1 : 0));
    this.scale = new Float64Array(F).fill(1);
    for (let j = 0; j < F; j += 1) {
      if (this.categorical[j]) continue;
      let n = 0;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < this.size; i += 1) {
        const v = this.matrix[i * F + j]!;
        if (Number.isNaN(v)) continue;
        n += 1;
        sum += v;
        squares += v * v;
      }
      const sd = n > 1 ? Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2)) : 0;
      this.scale[j] = sd > 0 ? 1 / sd : 1;
      for (let i = 0; i < this.size; i += 1) this.matrix[i * F + j]! *= this.scale[j]!;
    }
  }

  /**
   * The squared distance of corpus case i from the scaled query, or any value above `limit` once the partial sum
   * passes it: a case that cannot enter the k nearest needs no more features (exact, only work is saved).
   */
  private distance2(q: Float64Array, i: number, limit: number): number {
    const F = q.length;
    const m = this.matrix;
    const categorical = this.categorical;
    const base = i * F;
    let d = 0;
    for (let j = 0; j < F; j += 1) {
      const a = q[j]!;
      const b = m[base + j]!;
      if (a !== a || b !== b) {
        if ((a !== a) !== (b !== b)) d += 1;
      } else if (categorical[j] === 1) {
        if (a !== b) d += 1;
      } else {
        const z = a - b;
        d += z * z;
      }
      if (d > limit) return d;
    }
    return d;
  }

  /** The k nearest cases (ties broken by corpus order) with a comparison over the query's fields. */
  nearest(x: Float64Array, facts: Facts, k: number, labelOf: (field: string) => string): Precedent[] {
    const best: Array<{ i: number; d: number }> = [];
    const q = Float64Array.from(x, (v, j) => (this.categorical[j] ? v : v * this.scale[j]!));
    for (let i = 0; i < this.size; i += 1) {
      // Ties keep corpus order: a case equal to the k-th best does not displace it.
      const d = this.distance2(q, i, best.length === k ? best[k - 1]!.d : Infinity);
      if (best.length === k && d >= best[k - 1]!.d) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.d > d) at -= 1;
      best.splice(at, 0, { i, d });
      if (best.length > k) best.pop();
    }
    const fields = [...new Set(this.features.map((f) => f.field))];
    return best.map(({ i, d }) => {
      const c = this.cases[i]!;
      return {
        caseRef: c.caseRef,
        distance: Math.sqrt(d),
        outcome: c.outcome,
        decidedAt: c.decidedAt,
        comparison: fields.map((field) => {
          const query = facts[field] ?? null;
          const precedent = c.facts[field] ?? null;
          return { feature: field, label: labelOf(field), query, precedent, same: sameValue(query, precedent) };
        }),
      };
    });
  }
}
