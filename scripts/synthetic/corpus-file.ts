/**
 * A structured corpus file for tests and the import benchmark: generated kz-criminal cases (kz-criminal-generator.ts)
 * with the court and case number columns an import needs, and a given share of malformed rows of four kinds (a
 * missing field, a value outside the schema's list, text where a number belongs, no court), whose lines are returned.
 */
import { generateKzCriminal, generatedColumns, type GeneratedCase } from './kz-criminal-generator.ts';
import type { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';

/** The file's text and the 1-based lines of the malformed rows. */
export interface CorpusFile {
  readonly csv: string;
  readonly malformedLines: number[];
}

const courts = ['Бостандыкский районный суд г. Алматы', 'Есильский районный суд г. Астаны', 'Специализированный межрайонный суд по уголовным делам г. Шымкента', 'Ауэзовский районный суд г. Алматы'];
const columns = ['court', 'caseNumber', ...generatedColumns.filter((c) => c !== 'caseRef' && c !== 'synthetic')];

/** `n` rows, every `1 / malformedRate`-th of them malformed (1 % by default), deterministic for a seed. */
export function syntheticCorpusCsv(statutes: StatutoryBoundsService, n: number, seed = 1, malformedRate = 0.01): CorpusFile {
  const cases = generateKzCriminal(statutes, n, seed);
  const cell = (v: GeneratedCase[string] | undefined) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  const every = Math.round(1 / malformedRate);
  const malformedLines: number[] = [];
  const lines = [columns.join(',')];
  cases.forEach((c, i) => {
    const row = { ...c, court: `"${courts[i % courts.length]!}"`, caseNumber: `1-${seed}-${i + 1}/${2020 + (i % 6)}` } as GeneratedCase;
    let cells = columns.map((k) => (k === 'court' ? String(row.court) : cell(row[k])));
    if ((i + 1) % every === 0) {
      const kind = ((i + 1) / every) % 4;
      if (kind === 0) cells = cells.slice(0, -1);
      else if (kind === 1) cells[columns.indexOf('offenceCategory')] = 'heinous';
      else if (kind === 2) cells[columns.indexOf('priorConvictions')] = 'two';
      else cells[0] = '';
      malformedLines.push(i + 2);
    }
    lines.push(cells.join(','));
  });
  return { csv: `${lines.join('\n')}\n`, malformedLines };
}
