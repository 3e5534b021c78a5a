/**
 * Writer profiles: how many of a document's graphs fell into each of the 40 cluster templates. Read from files in the
 * format of handwriterRF's `cluster_fill_rates_*.csv` (docname, writer, doc, total_graphs, cluster1…cluster40 as
 * rates, in any column order) and pooled per writer by summing counts.
 */
import { DalelError } from '../../core/errors.ts';
import { readCsvFile, type CsvTable } from '../cases/csv.ts';

/** The number of cluster templates a profile counts graphs into (handwriter's K = 40). */
export const clusterCount = 40;

/** Cluster fill counts of one document (index k holds cluster k + 1). */
export interface WriterProfile {
  readonly docname: string;
  readonly writer: string;
  /** The prompt or document kind (CSAFE: pLND, pWOZ, pPHR; CVL: 1–4). */
  readonly doc: string;
  readonly counts: readonly number[];
}

/** The profile columns every file must have, besides cluster1…cluster40. */
const idColumns = ['docname', 'writer', 'doc', 'total_graphs'] as const;

/** cluster1 … cluster40. */
export const clusterColumns: readonly string[] = Array.from({ length: clusterCount }, (_, k) => `cluster${k + 1}`);

/** How far rate × total may stray from a whole count (the files print rates to 15 significant digits). */
const countTolerance = 1e-3;

function badCell(file: string, line: number, column: string, reason: string): DalelError {
  return new DalelError('BAD_INPUT', `${file}: row ${line}, column ${column}: ${reason}`, { file, line, column, reasonCode: 'bad-profile' });
}

/** Profiles from a parsed table; `file` names the source in errors (data rows are numbered from 2, after the header). */
export function profilesFromTable(table: CsvTable, file: string): WriterProfile[] {
  const index = new Map(table.header.map((name, k) => [name, k]));
  const missing = [...idColumns, ...clusterColumns].filter((c) => !index.has(c));
  if (missing.length) {
    throw new DalelError('BAD_INPUT', `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, { file, reasonCode: 'bad-profile-columns' });
  }
  const seen = new Set<string>();
  return table.rows.map((fields, r) => {
    const line = r + 2;
    const cell = (column: string): string => fields[index.get(column)!]!;
    const docname = cell('docname').trim();
    if (!docname) throw badCell(file, line, 'docname', 'empty');
    if (seen.has(docname)) throw badCell(file, line, 'docname', `"${docname}" appears twice`);
    seen.add(docname);
    const writer = cell('writer').trim();
    if (!writer) throw badCell(file, line, 'writer', 'empty');
    const totalText = cell('total_graphs');
    const total = Number(totalText);
    if (!Number.isInteger(total) || total < 0 || totalText.trim() === '') throw badCell(file, line, 'total_graphs', `"${totalText}" is not a whole number of graphs`);
    const counts = clusterColumns.map((column) => {
      const text = cell(column);
      const rate = Number(text);
      if (text.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw badCell(file, line, column, `"${text}" is not a rate between 0 and 1`);
      const count = rate * total;
      const whole = Math.round(count);
      if (Math.abs(count - whole) > countTolerance) throw badCell(file, line, column, `rate ${text} × ${total} graphs is not a whole count`);
      return whole;
    });
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum !== total) throw badCell(file, line, 'total_graphs', `the cluster counts add up to ${sum}, not ${total}`);
    return { docname, writer, doc: cell('doc').trim(), counts };
  });
}

/** Reads a profile CSV file (plain or gzip), naming the file, row and column of anything wrong. */
export function readProfilesCsv(file: string): WriterProfile[] {
  return profilesFromTable(readCsvFile(file), file);
}

/** The number of graphs in a profile. */
export function graphCount(counts: readonly number[]): number {
  let total = 0;
  for (const c of counts) total += c;
  return total;
}

/** Fill rates (counts / total); all zeros for an empty profile. */
export function fillRates(counts: readonly number[]): Float64Array {
  const total = graphCount(counts);
  const rates = new Float64Array(counts.length);
  if (total > 0) for (let k = 0; k < counts.length; k += 1) rates[k] = counts[k]! / total;
  return rates;
}

/** Pools several documents of one writer by summing their counts. */
export function pooledCounts(profiles: readonly { readonly counts: readonly number[] }[]): number[] {
  const pooled = new Array<number>(clusterCount).fill(0);
  for (const p of profiles) {
    if (p.counts.length !== clusterCount) throw new DalelError('BAD_INPUT', `a profile has ${p.counts.length} cluster counts, not ${clusterCount}`, { reasonCode: 'bad-profile' });
    p.counts.forEach((c, k) => {
      if (!Number.isInteger(c) || c < 0) throw new DalelError('BAD_INPUT', `cluster ${k + 1} count ${c} is not a whole number ≥ 0`, { reasonCode: 'bad-profile' });
      pooled[k] = pooled[k]! + c;
    });
  }
  return pooled;
}
