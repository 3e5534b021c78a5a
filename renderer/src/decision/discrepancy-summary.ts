import type { DiscrepancyRow } from '../../../main/contract/index.ts';

/** How the monitoring view groups its rows. */
export type DiscrepancyGrouping = 'model' | 'article' | 'month';

/** The key of a row under a grouping ('' for verdicts entered without a consultation, which name no model). */
export function groupKey(row: DiscrepancyRow, by: DiscrepancyGrouping): string {
  return by === 'model' ? (row.modelSha256 ?? '') : row[by];
}

/** Verdicts and discrepancies summed over one key (an article or a month). */
export interface DiscrepancyTotal {
  readonly key: string;
  readonly verdicts: number;
  readonly discrepancies: number;
}

/** Sums the monitoring rows by model, article or month, in ascending key order. */
export function totalsBy(rows: readonly DiscrepancyRow[], by: DiscrepancyGrouping): DiscrepancyTotal[] {
  const totals = new Map<string, { verdicts: number; discrepancies: number }>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const total = totals.get(key) ?? { verdicts: 0, discrepancies: 0 };
    total.verdicts += row.verdicts;
    total.discrepancies += row.discrepancies;
    totals.set(key, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, total]) => ({ key, ...total }));
}
