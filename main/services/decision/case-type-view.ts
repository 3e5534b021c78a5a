/**
 * Case types as the interface sees them: the model inputs of each JSON Schema (with their bounds, options and
 * labels) and its outcomes, so the renderer draws the facts and verdict forms from data and a new case type needs no
 * interface code. Outcomes and protected attributes are never offered as inputs.
 */
import type { CaseTypeField, CaseTypeView } from '../../contract/index.ts';
import { loadCaseTypes, type CaseType, type JsonValue } from '../../../models/cases/case-type.ts';

type JsonObject = { readonly [key: string]: JsonValue };

function objectAt(value: JsonValue | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function numberAt(value: JsonValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** The interface's view of one loaded case type. */
export function caseTypeView(caseType: CaseType): CaseTypeView {
  const properties = objectAt(caseType.document.properties);
  const required = new Set(Array.isArray(caseType.document.required) ? caseType.document.required.filter((r): r is string => typeof r === 'string') : []);
  const fields = caseType.fields.flatMap((field): CaseTypeField[] => {
    if (field.role.role !== 'feature') return [];
    const property = objectAt(properties[field.name]);
    const options = field.items.length > 0 ? field.items : Array.isArray(property.enum) ? property.enum.filter((v): v is string => typeof v === 'string') : [];
    return [
      {
        name: field.name,
        title: field.title,
        type: field.type,
        kind: field.role.kind,
        nullable: field.nullable,
        required: required.has(field.name),
        options: [...options],
        minimum: numberAt(property.minimum),
        maximum: numberAt(property.maximum),
        pattern: typeof property.pattern === 'string' ? property.pattern : null,
        labels: { ...(field.role.labels ?? {}) },
        derived: field.role.derived !== undefined,
      },
    ];
  });
  const outcomes = caseType.meta.outcomes.map((o) => ({
    name: o.name,
    kind: o.kind,
    field: o.field,
    unit: o.kind === 'regression' ? o.unit : null,
    classes: o.kind === 'classification' ? o.classes.map((c) => ({ ...c })) : [],
    when: o.when ? { field: o.when.field, in: [...o.when.in] } : null,
  }));
  const description = typeof caseType.document.description === 'string' ? caseType.document.description : '';
  return { id: caseType.id, version: caseType.version, title: caseType.title, description, sha256: caseType.sha256, fields, outcomes };
}

/**
 * The case types the interface can draw: the shipped ones (read once) and those embedded in installed models (a
 * model carries the schema it was trained on, so a model of a case type that is not shipped still gets its form).
 * Each distinct schema is listed once.
 */
export function createCaseTypeViews(embedded: () => readonly CaseType[], load: () => readonly CaseType[] = loadCaseTypes): () => CaseTypeView[] {
  let shipped: CaseTypeView[] | null = null;
  return () => {
    shipped ??= load().map(caseTypeView);
    const seen = new Set(shipped.map((c) => c.sha256));
    const extra = embedded().flatMap((caseType) => {
      if (seen.has(caseType.sha256)) return [];
      seen.add(caseType.sha256);
      return [caseTypeView(caseType)];
    });
    return [...shipped, ...extra];
  };
}
