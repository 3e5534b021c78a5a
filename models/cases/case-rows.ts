/**
 * Reads a CSV of past cases as a case type sees them: one row per case (grouped when the file has several rows per
 * case), facts validated against the schema, the outcome as a number or class, and the time and protected
 * attributes kept beside for splits and disparity reports. Rows that cannot be used are counted by reason.
 */
import { DalelError } from '../../core/errors.ts';
import { outcomeOf, type CaseType, type OutcomeSpec } from './case-type.ts';
import { recordAt, type CsvTable } from './csv.ts';
import { priorShares } from './derived.ts';
import { checkFacts, factsFromRecord, type Facts } from './facts.ts';
import { categoryKey } from '../gam/features.ts';

/** One usable past case. */
export interface CaseRow {
  /** 1-based line in the file (of the first row of its group). */
  readonly line: number;
  readonly facts: Facts;
  readonly target: number | string;
  /** The value of the case type's time field (term, date), or null. */
  readonly time: number | string | null;
  /** Protected attributes by field, as category keys (never model inputs). */
  readonly protectedValues: Readonly<Record<string, string | null>>;
}

/** The usable cases of a file and what was left out. */
export interface CaseData {
  readonly outcome: OutcomeSpec;
  readonly rows: readonly CaseRow[];
  /** Records in the file (before grouping). */
  readonly records: number;
  /** Left-out rows by reason. */
  readonly dropped: Readonly<Record<string, number>>;
}

/** The column names a file must have for a case type's outcome: every non-checklist feature and the outcome. */
export function requiredColumns(caseType: CaseType, outcome: OutcomeSpec | null): string[] {
  const features = caseType.fields.filter((f) => f.role.role === 'feature' && f.type !== 'array' && !f.role.derived).map((f) => f.name);
  return outcome ? [...features, outcome.field, ...(outcome.when ? [outcome.when.field] : [])] : features;
}

/** Throws a BAD_INPUT error naming the missing columns, if any. */
export function checkColumns(table: CsvTable, columns: readonly string[], file: string): void {
  const present = new Set(table.header);
  const missing = [...new Set(columns)].filter((c) => !present.has(c));
  if (missing.length > 0) throw new DalelError('BAD_INPUT', `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, { file, reasonCode: 'missing-columns' });
}

/** Reads the usable cases of a table for one outcome of a case type. */
export function caseRows(caseType: CaseType, table: CsvTable, file: string, outcomeName?: string): CaseData {
  const outcome = outcomeOf(caseType, outcomeName);
  checkColumns(table, requiredColumns(caseType, outcome), file);
  const groupBy = caseType.meta.rows?.groupBy;
  if (groupBy) checkColumns(table, [groupBy], file);
  const timeField = caseType.fields.find((f) => f.role.role === 'time')?.name;
  const protectedFields = caseType.fields.filter((f) => f.role.role === 'protected').map((f) => f.name);
  const classes = outcome.kind === 'classification' ? new Set(outcome.classes.map((c) => c.value)) : null;
  const dropped: Record<string, number> = {};
  const drop = (reason: string) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  const seen = new Set<string>();
  const groupColumn = groupBy ? table.header.indexOf(groupBy) : -1;
  const rows: CaseRow[] = [];
  table.rows.forEach((fields, index) => {
    if (groupColumn >= 0) {
      // The first row of a group stands for the case (SCDB's justice-centred file has one row per justice).
      const key = fields[groupColumn]!;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const record = recordAt(table, index);
    const checked = checkFacts(caseType, factsFromRecord(caseType, record));
    if (!checked.ok) return drop(`invalid ${checked.problem.field}`);
    const facts = checked.facts;
    if (outcome.when) {
      const when = categoryKey(facts[outcome.when.field] ?? null);
      if (when === null || !outcome.when.in.includes(when)) return drop(`${outcome.when.field} not in ${outcome.when.in.join('/')}`);
    }
    const raw = facts[outcome.field] ?? null;
    if (raw === null) return drop(`missing ${outcome.field}`);
    let target: number | string;
    if (classes) {
      const key = categoryKey(raw);
      if (key === null || !classes.has(key)) return drop(`${outcome.field} not a listed class`);
      target = key;
    } else {
      if (typeof raw !== 'number') return drop(`${outcome.field} not a number`);
      target = raw;
    }
    const timeValue = timeField ? (facts[timeField] ?? null) : null;
    rows.push({
      line: index + 2,
      facts,
      target,
      time: typeof timeValue === 'number' || typeof timeValue === 'string' ? timeValue : null,
      protectedValues: Object.fromEntries(protectedFields.map((p) => [p, categoryKey(facts[p] ?? null)])),
    });
  });
  return { outcome, rows: withDerivedInputs(caseType, rows), records: table.rows.length, dropped };
}

/** The rows with each derived input computed from the rows of earlier terms (models/cases/derived.ts). */
export function withDerivedInputs(caseType: CaseType, rows: readonly CaseRow[]): CaseRow[] {
  const derived = caseType.fields.flatMap((f) => (f.role.role === 'feature' && f.role.derived ? [{ name: f.name, values: priorShares(rows, f.role.derived) }] : []));
  if (derived.length === 0) return [...rows];
  return rows.map((row, i) => ({ ...row, facts: { ...row.facts, ...Object.fromEntries(derived.map((d) => [d.name, d.values[i]!])) } }));
}
