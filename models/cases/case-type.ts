/**
 * Case types as data: each is a JSON Schema file (draft 2020-12) under assets/decision/case-types/ whose
 * properties carry an `x-dalel` annotation saying what the field is for (a model input, the outcome, a protected
 * attribute kept only for disparity reports, the time of the decision, a grouping key), and whose top-level
 * `x-dalel` says how the case type is predicted and validated. A new case type is a new file; no code changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DalelError } from '../../core/errors.ts';
import { sha256OfJson } from '../../core/canonical-json.ts';
import type { ShareOfClaimUnit } from '../../main/contract/index.ts';
import { LawfulLimitSchema, type LawfulLimit } from './lawful-limit.ts';
import { releasedLawfulLimits } from './released-limits.ts';

/** How a model sees a feature: ordered numbers, unordered categories, or a checklist (one indicator per item). */
export const featureKinds = ['numeric', 'categorical', 'checklist'] as const;

/**
 * Field names that denote protected attributes. A case type may list such fields only as `protected` (for the
 * disparity report); the loader refuses one declared as a feature, so no model can ever be trained on them.
 */
export const protectedNamePattern = /race|ethnic|sex|gender|citizen|nationality|religio|caste|disabilit|marital/i;

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case');
const labels = z.record(z.string(), z.string());

/** A derived input's definition (models/cases/derived.ts): computed from the cases of earlier terms, never read from a column. */
const DerivedSchema = z
  .object({
    priorShare: z
      .object({
        field: z.string(),
        equals: z.string(),
        terms: z.number().int().min(1),
        by: z.string().optional(),
        smoothing: z.number().min(0).optional(),
      })
      .strict(),
  })
  .strict();

const PropertyRoleSchema = z.discriminatedUnion('role', [
  z
    .object({
      role: z.literal('feature'),
      kind: z.enum(featureKinds),
      recode: z.record(z.string(), z.number()).optional(),
      labels: labels.optional(),
      derived: DerivedSchema.optional(),
    })
    .strict(),
  z.object({ role: z.literal('outcome'), labels: labels.optional() }).strict(),
  z.object({ role: z.literal('protected'), labels: labels.optional() }).strict(),
  z.object({ role: z.literal('time') }).strict(),
  z.object({ role: z.literal('group') }).strict(),
]);
/** What a property is for. */
export type PropertyRole = z.infer<typeof PropertyRoleSchema>;

const WhenSchema = z.object({ field: z.string(), in: z.array(z.string()).min(1) }).strict();

const RegressionOutcomeSchema = z
  .object({
    name: kebab,
    kind: z.literal('regression'),
    field: z.string(),
    unit: z.string(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** The lawful limit a prediction is clipped to (criminal terms take theirs from the statutes data instead). */
    lawfulLimit: LawfulLimitSchema.optional(),
    /** Only rows whose field holds one of these values carry this outcome (a term applies to some punishments). */
    when: WhenSchema.optional(),
    /** A naive predictor the model must beat: the value of one input (e.g. the guideline minimum). */
    baseline: z.object({ name: z.string(), field: z.string() }).strict().optional(),
    abstention: z
      .object({ maxIntervalWidthFraction: z.number().positive().max(1), range: z.tuple([z.number(), z.number()]).optional() })
      .strict(),
  })
  .strict();

const ClassificationOutcomeSchema = z
  .object({
    name: kebab,
    kind: z.literal('classification'),
    field: z.string(),
    classes: z.array(z.object({ value: z.string(), label: z.string() }).strict()).min(2),
    when: WhenSchema.optional(),
    abstention: z.object({ minTopProbability: z.number().min(0).max(1) }).strict(),
  })
  .strict();

/** One predicted outcome of a case type: a number (regression) or one of listed classes. */
export const OutcomeSpecSchema = z.discriminatedUnion('kind', [RegressionOutcomeSchema, ClassificationOutcomeSchema]);
/** One predicted outcome of a case type. */
export type OutcomeSpec = z.infer<typeof OutcomeSpecSchema>;

const SplitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('random'), testFraction: z.number().gt(0).lt(1), seed: z.number().int() }).strict(),
  z.object({ kind: z.literal('temporal'), field: z.string(), testFrom: z.union([z.number(), z.string()]) }).strict(),
]);
/** How held-out validation splits a case type's data: at random with a seed, or by time. */
export type SplitSpec = z.infer<typeof SplitSchema>;

const CaseTypeMetaSchema = z
  .object({
    id: kebab,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version'),
    jurisdiction: z.string(),
    source: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).strict().optional(),
    outcomes: z.array(OutcomeSpecSchema).min(1),
    split: SplitSchema,
    /** Files with several rows per case (SCDB: one per justice) are reduced to the first row of each group. */
    rows: z.object({ groupBy: z.string() }).strict().optional(),
    /** Training settings this case type's data calls for (names as the trainer's options); the schema says why. */
    training: z.record(z.string(), z.number()).optional(),
    /**
     * Regression intervals calibrated per group of one categorical input (Mondrian conformal prediction, Vovk et al.
     * 2003): where errors differ by kind of case, one pooled width over-covers some groups and under-covers others.
     * Groups with fewer calibration cases than the minimum share the pooled width. Never a protected attribute.
     * Or `spread`: widths normalised by a fitted spread (an additive model of the given quantile of the absolute
     * residual over the model's own inputs and bins; bins with fewer cases than `minBinCases` add nothing), so that
     * they follow the case wherever its errors grow or shrink (locally adaptive conformal prediction, Lei et al. 2018).
     * `asymmetric` gives each side of the interval a spread of its own, of the given quantile of the residual beyond the
     * estimate on that side, each side calibrated on its own (for a median-like fit whose residuals are skewed).
     */
    intervals: z
      .object({
        stratifyBy: z.string().optional(),
        minCalibrationCases: z.number().int().min(20).optional(),
        spread: z.object({ quantile: z.number().gt(0).lt(1), minBinCases: z.number().int().min(5), asymmetric: z.object({ quantile: z.number().gt(0).lt(1) }).strict().optional() }).strict().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** The top-level `x-dalel` annotation of a case type. */
export type CaseTypeMeta = z.infer<typeof CaseTypeMetaSchema>;

const jsonTypes = z.enum(['string', 'number', 'integer', 'boolean', 'array', 'null']);
const PropertySchema = z.looseObject({
  type: z.union([jsonTypes, z.array(jsonTypes).min(1)]),
  title: z.string().min(1),
  items: z.looseObject({ enum: z.array(z.string()).optional() }).optional(),
  'x-dalel': PropertyRoleSchema,
});

const DocumentSchema = z.looseObject({
  $schema: z.literal('https://json-schema.org/draft/2020-12/schema'),
  $id: z.string().url(),
  title: z.string().min(1),
  description: z.string().optional(),
  type: z.literal('object'),
  additionalProperties: z.literal(false),
  properties: z.record(z.string(), PropertySchema),
  'x-dalel': CaseTypeMetaSchema,
});

/** A JSON value as stored in a schema document. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One property of a case type as the loader understands it. */
export interface CaseField {
  readonly name: string;
  readonly title: string;
  /** The JSON type of a value (never 'null'); arrays are checklists of strings. */
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  readonly nullable: boolean;
  readonly role: PropertyRole;
  /** Checklist items, for array fields. */
  readonly items: readonly string[];
}

/** A loaded, checked case type. */
export interface CaseType {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly meta: CaseTypeMeta;
  /** The schema document exactly as loaded; models embed it so that they validate facts as they were trained. */
  readonly document: { readonly [key: string]: JsonValue };
  /** SHA-256 of the document's stable JSON. */
  readonly sha256: string;
  readonly fields: readonly CaseField[];
  /** Validates a facts object against the JSON Schema. */
  readonly validator: z.ZodType;
  /**
   * The lawful limits of its regression outcomes, by outcome name: as declared in `x-dalel`, or, for a released file
   * that predates the declaration, as recorded for that exact file (released-limits.ts).
   */
  readonly lawfulLimits: Readonly<Record<string, LawfulLimit>>;
}

function fail(source: string, message: string): never {
  throw new DalelError('BAD_INPUT', `${source}: ${message}`, { file: source, reasonCode: 'invalid-case-type' });
}

/** The share-of-claim unit as the contract spells it: the type allows no other string, so the two cannot drift apart. */
const shareOfClaim: ShareOfClaimUnit = 'fraction of the claim';

/**
 * The lawful limits of the regression outcomes (declared, else recorded for a released file), each checked against
 * the outcome's unit and the properties it names: amounts are numeric inputs, the reduction demand a yes/no input.
 */
function declaredLawfulLimits(meta: CaseTypeMeta, recorded: Readonly<Record<string, LawfulLimit>>, byName: ReadonlyMap<string, CaseField>, source: string): Record<string, LawfulLimit> {
  const limits: Record<string, LawfulLimit> = {};
  for (const name of Object.keys(recorded)) if (!meta.outcomes.some((o) => o.name === name && o.kind === 'regression')) fail(source, `the recorded lawful limit names no regression outcome ${name}`);
  for (const outcome of meta.outcomes) {
    const limit = outcome.kind === 'regression' ? (outcome.lawfulLimit ?? recorded[outcome.name]) : undefined;
    if (outcome.kind !== 'regression' || !limit) continue;
    const at = `outcome ${outcome.name}: lawfulLimit`;
    if (outcome.unit !== shareOfClaim) fail(source, `${at}: a share-of-claim limit needs the unit "${shareOfClaim}", not "${outcome.unit}"`);
    const input = (name: string, what: string, types: readonly CaseField['type'][]) => {
      const field = byName.get(name);
      if (field?.role.role !== 'feature' || !types.includes(field.type)) fail(source, `${at}: ${what} ${name} must be a property with role "feature" holding ${types.join(' or ')}`);
    };
    input(limit.claim, 'claim', ['number', 'integer']);
    if (limit.penalty !== undefined) input(limit.penalty, 'penalty', ['number', 'integer']);
    if (limit.paidAfterClaim !== undefined) input(limit.paidAfterClaim, 'paidAfterClaim', ['number', 'integer']);
    if (limit.penaltyReduction) {
      if (limit.penalty === undefined) fail(source, `${at}: penaltyReduction needs the penalty it reduces`);
      input(limit.penaltyReduction.demanded, 'penaltyReduction.demanded', ['boolean']);
    }
    limits[outcome.name] = limit;
  }
  return limits;
}

/** Checks a case-type document and builds its validator; `source` names it in errors. */
export function parseCaseType(document: unknown, source: string): CaseType {
  const parsed = DocumentSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(source, `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'not a case-type schema'}`);
  }
  const doc = parsed.data;
  const meta = doc['x-dalel'];
  const fields: CaseField[] = Object.entries(doc.properties).map(([name, property]) => {
    const types = Array.isArray(property.type) ? property.type : [property.type];
    const concrete = types.filter((t) => t !== 'null');
    if (concrete.length !== 1) fail(source, `${name}: give exactly one JSON type besides null`);
    const type = concrete[0] as CaseField['type'];
    const role = property['x-dalel'];
    const items = property.items?.enum ?? [];
    if (role.role === 'feature') {
      if (protectedNamePattern.test(name)) fail(source, `${name} looks like a protected attribute and cannot be a model input; declare it with role "protected"`);
      if ((role.kind === 'checklist') !== (type === 'array')) fail(source, `${name}: checklists, and only checklists, are arrays`);
      if (role.kind === 'checklist' && items.length === 0) fail(source, `${name}: a checklist lists its items in items.enum`);
      if (role.kind === 'numeric' && type !== 'number' && type !== 'integer' && type !== 'boolean') fail(source, `${name}: a numeric feature holds numbers or booleans`);
    }
    return { name, title: property.title, type, nullable: types.includes('null'), role, items };
  });
  const byName = new Map(fields.map((f) => [f.name, f]));
  const expectRole = (name: string, role: PropertyRole['role'], what: string) => {
    if (byName.get(name)?.role.role !== role) fail(source, `${what} ${name} must be a property with role "${role}"`);
  };
  if (!fields.some((f) => f.role.role === 'feature')) fail(source, 'a case type needs at least one feature');
  for (const outcome of meta.outcomes) {
    expectRole(outcome.field, 'outcome', `outcome ${outcome.name}: field`);
    if (outcome.when) expectRole(outcome.when.field, 'outcome', `outcome ${outcome.name}: when.field`);
    if (outcome.kind === 'regression' && outcome.baseline) expectRole(outcome.baseline.field, 'feature', `outcome ${outcome.name}: baseline field`);
  }
  if (new Set(meta.outcomes.map((o) => o.name)).size !== meta.outcomes.length) fail(source, 'outcome names must be unique');
  const sha256 = sha256OfJson(document);
  const lawfulLimits = declaredLawfulLimits(meta, releasedLawfulLimits[sha256]?.limits ?? {}, byName, source);
  if (meta.split.kind === 'temporal') expectRole(meta.split.field, 'time', 'split field');
  for (const field of fields) {
    const derived = field.role.role === 'feature' ? field.role.derived?.priorShare : undefined;
    if (!derived) continue;
    if (field.role.role !== 'feature' || field.role.kind !== 'numeric' || (field.type !== 'number' && field.type !== 'integer') || !field.nullable) {
      fail(source, `${field.name}: a derived input is a nullable numeric feature (no earlier term gives it no value)`);
    }
    if (!fields.some((f) => f.role.role === 'time')) fail(source, `${field.name}: a derived input needs a property with role "time"`);
    if (!byName.has(derived.field)) fail(source, `${field.name}: derived from unknown property ${derived.field}`);
    const by = derived.by === undefined ? undefined : byName.get(derived.by);
    if (derived.by !== undefined && (by?.role.role !== 'feature' || by.role.kind !== 'categorical' || by.role.derived)) {
      fail(source, `${field.name}: derived.by ${derived.by} must be a categorical feature read from the cases`);
    }
  }
  if (meta.rows) expectRole(meta.rows.groupBy, 'group', 'rows.groupBy');
  if (meta.intervals) {
    const { stratifyBy, minCalibrationCases, spread } = meta.intervals;
    if ((stratifyBy === undefined) === (spread === undefined)) fail(source, 'intervals must give either stratifyBy (with minCalibrationCases) or spread, not both or neither');
    if (stratifyBy !== undefined) {
      const role = byName.get(stratifyBy)?.role;
      if (role?.role !== 'feature' || role.kind !== 'categorical') fail(source, `intervals.stratifyBy ${stratifyBy} must be a property with role "feature" and kind "categorical"`);
      if (minCalibrationCases === undefined) fail(source, 'intervals.stratifyBy needs minCalibrationCases');
    }
  }
  let validator: z.ZodType;
  try {
    validator = z.fromJSONSchema(document as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    fail(source, `not a usable JSON Schema (${(error as Error).message})`);
  }
  return {
    id: meta.id,
    version: meta.version,
    title: doc.title,
    meta,
    document: document as CaseType['document'],
    sha256,
    fields,
    validator,
    lawfulLimits,
  };
}

/** The named outcome of a case type, or its first when no name is given. */
export function outcomeOf(caseType: CaseType, name?: string): OutcomeSpec {
  const outcome = name ? caseType.meta.outcomes.find((o) => o.name === name) : caseType.meta.outcomes[0];
  if (!outcome) {
    throw new DalelError('NOT_FOUND', `Case type ${caseType.id} has no outcome ${name}; it has ${caseType.meta.outcomes.map((o) => o.name).join(', ')}.`, {
      caseType: caseType.id,
    });
  }
  return outcome;
}

/** The folder of the case-type schemas shipped with the workstation (source tree and dist/ alike). */
export function defaultCaseTypesDir(): string {
  for (const up of ['../../', '../../../']) {
    const dir = fileURLToPath(new URL(`${up}assets/decision/case-types/`, import.meta.url));
    try {
      if (readdirSync(dir).length > 0) return dir;
    } catch {
      // not at this depth: try the next
    }
  }
  throw new DalelError('INTERNAL', 'assets/decision/case-types is missing.');
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Every case type in a folder (`*.json`), each version kept; a malformed file is an error naming it. */
export function loadCaseTypes(dir: string = defaultCaseTypesDir()): CaseType[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const loaded = files.map((file) => {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      fail(file, `not JSON (${(error as Error).message})`);
    }
    const caseType = parseCaseType(document, file);
    if (file !== `${caseType.id}.v${caseType.version}.json`) fail(file, `name the file ${caseType.id}.v${caseType.version}.json`);
    return caseType;
  });
  return loaded;
}

/** The newest version of a case type (or the given version). */
export function findCaseType(all: readonly CaseType[], id: string, version?: string): CaseType {
  const matching = all.filter((c) => c.id === id && (version === undefined || c.version === version));
  const newest = matching.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!newest) {
    const known = [...new Set(all.map((c) => c.id))].join(', ');
    throw new DalelError('NOT_FOUND', `Unknown case type ${id}${version ? ` version ${version}` : ''}; known: ${known}.`, { caseType: id });
  }
  return newest;
}
