/**
 * The reference case an explanation is measured from: the consulted case with every circumstance at its "absent"
 * value (no checklist item ticked, no flag set, "none" where the field has it, counts at zero), and the facts that
 * describe the offence itself (article, part, category, amounts) kept as they are. A fact at its absent value then
 * contributes exactly nothing, so the explanation never presents an absent circumstance as a reason.
 */
import type { CaseField, CaseType } from '../../../models/cases/case-type.ts';
import type { Facts, FactValue } from '../../../models/cases/facts.ts';

/** The absent value of a field, or undefined when the field describes the case and is kept. */
function absentValue(field: CaseField, document: CaseType['document']): FactValue | undefined {
  if (field.role.role !== 'feature') return undefined;
  if (field.type === 'array') return [];
  if (field.type === 'boolean') return false;
  const properties = document.properties;
  const property = properties !== null && typeof properties === 'object' && !Array.isArray(properties) ? properties[field.name] : undefined;
  const spec = property !== null && typeof property === 'object' && !Array.isArray(property) ? property : {};
  if (Array.isArray(spec.enum) && spec.enum.includes('none')) return 'none';
  // A count (an integer that starts at zero, e.g. prior convictions) is absent at zero.
  if (field.type === 'integer' && spec.minimum === 0) return 0;
  return undefined;
}

/** The reference case for these facts, and the fields it sets to their absent value. */
export function referenceFacts(caseType: CaseType, facts: Facts): { facts: Facts; absent: string[] } {
  const reference: Record<string, FactValue> = { ...facts };
  const absent: string[] = [];
  for (const field of caseType.fields) {
    const value = absentValue(field, caseType.document);
    if (value === undefined) continue;
    reference[field.name] = value;
    absent.push(field.name);
  }
  return { facts: reference, absent };
}
