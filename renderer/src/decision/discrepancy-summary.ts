import type { DiscrepancyRowSchema } from '../../../main/contract/index.ts';
import type { z } from 'zod';

/** One row of the discrepancy dashboard (article × month). */
export type DiscrepancyRow = z.infer<typeof DiscrepancyRowSchema>;

/** Verdicts and discrepancies summed over one key (an article or a month). */
export interface DiscrepancyTotal {
  readonly key: string;
  readonly verdicts: number;
  readonly discrepancies: number;
}

/** Sums the dashboard rows by article or by month, in ascending key order. */
export function totalsBy(rows: readonly DiscrepancyRow[], by: 'article' | 'month'): DiscrepancyTotal[] {
  const totals = new Map<string, { verdicts: number; discrepancies: number }>();
  for (const row of rows) {
    const key = row[by];
    const total = totals.get(key) ?? { verdicts: 0, discrepancies: 0 };
    total.verdicts += row.verdicts;
    total.discrepancies += row.discrepancies;
    totals.set(key, total);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, total]) => ({ key, ...total }));
}
