/**
 * From facts to the numeric feature vector a model reads, and from a value to its bin. Training and every kind of
 * inference (TypeScript, ONNX input) go through these functions, so that a value always lands in the same bin.
 *
 * Encoding: a numeric feature is its number (after the schema's recoding, e.g. USSC's 9996 = life → 470 months);
 * a categorical feature is the index of its category in the model's list, or -1 for any other category; a
 * checklist item is 1 when ticked and 0 when not. NaN means missing.
 */
import { z } from 'zod';
import type { CaseType } from '../cases/case-type.ts';
import type { Facts, FactValue } from '../cases/facts.ts';

/** A model input, with the bins and training support the model learnt for it. */
export const FeatureSpecSchema = z
  .object({
    /** The field, or `field=item` for one checklist item. */
    name: z.string(),
    field: z.string(),
    kind: z.enum(['numeric', 'categorical']),
    item: z.string().optional(),
    recode: z.record(z.string(), z.number()).optional(),
    /** Categorical: code i stands for categories[i]; every other category is code -1 ("other"). */
    categories: z.array(z.string()).optional(),
    /** Sorted cut points: a value x falls in bin 1 + (number of edges < x); bin 0 holds missing values. */
    edges: z.array(z.number()),
    /** What training saw: numeric range, whether values were missing, the rare categories folded into "other". */
    support: z
      .object({ min: z.number().optional(), max: z.number().optional(), missing: z.boolean(), rare: z.array(z.string()).optional() })
      .strict(),
  })
  .strict();
/** A model input with its bins and training support. */
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

/** The key a categorical value is looked up by: numbers in shortest form, so 1, 1.0 and "1" agree. */
export function categoryKey(value: FactValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const asNumber = Number(value);
    return value.trim() !== '' && Number.isFinite(asNumber) ? String(asNumber) : value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.join(';');
}

/** The number one feature reads from the facts (NaN when missing). */
export function encodeValue(feature: FeatureSpec, facts: Facts, codes?: ReadonlyMap<string, number>): number {
  const value = facts[feature.field];
  if (value === null || value === undefined) return Number.NaN;
  if (feature.item !== undefined) return Array.isArray(value) && value.includes(feature.item) ? 1 : 0;
  if (feature.kind === 'categorical') {
    const key = categoryKey(value);
    if (key === null) return Number.NaN;
    return codes ? (codes.get(key) ?? -1) : (feature.categories ?? []).indexOf(key);
  }
  const number = typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return Number.NaN;
  return feature.recode?.[String(number)] ?? number;
}

/** Encodes facts for a list of features (`codes` are the category indexes, built once per model). */
export function encodeFacts(features: readonly FeatureSpec[], facts: Facts, codes?: ReadonlyArray<ReadonlyMap<string, number> | undefined>): Float64Array {
  const x = new Float64Array(features.length);
  features.forEach((f, j) => (x[j] = encodeValue(f, facts, codes?.[j])));
  return x;
}

/** Category → code maps for a model's features (undefined for numeric ones), for fast repeated encoding. */
export function categoryCodes(features: readonly FeatureSpec[]): Array<ReadonlyMap<string, number> | undefined> {
  return features.map((f) => (f.categories ? new Map(f.categories.map((c, i) => [c, i])) : undefined));
}

/** The bin of a value: 0 when missing, else 1 + the number of edges below it (binary search). */
export function binIndex(edges: ArrayLike<number>, x: number): number {
  if (Number.isNaN(x)) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Number of bins of a dimension with these edges: missing + one more than the edges. */
export function binCount(edges: ArrayLike<number>): number {
  return edges.length + 2;
}

/** Edges that put category code c (and "other", -1) in bins of their own: -0.5, 0.5, …, n - 1.5. */
export function categoricalEdges(categoryCount: number): number[] {
  return Array.from({ length: categoryCount }, (_, i) => i - 0.5);
}

/** A feature before training: what it reads, not yet its bins. */
export type FeatureDraft = Pick<FeatureSpec, 'name' | 'field' | 'kind' | 'item' | 'recode'>;

/** The features a case type's fields yield, before training fills in bins and support. */
export function featureFields(caseType: CaseType): FeatureDraft[] {
  return caseType.fields.flatMap((field): FeatureDraft[] => {
    const role = field.role;
    if (role.role !== 'feature') return [];
    if (role.kind === 'checklist') return field.items.map((item) => ({ name: `${field.name}=${item}`, field: field.name, kind: 'numeric' as const, item }));
    return [{ name: field.name, field: field.name, kind: role.kind, ...(role.recode ? { recode: role.recode } : {}) }];
  });
}
