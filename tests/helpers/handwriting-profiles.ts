/**
 * Synthetic writer profiles for tests: each writer has cluster probabilities of their own (a shared base tilted per
 * writer), and each document draws its graphs from them; written as a cluster_fill_rates_*.csv file.
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../../models/ebm/random.ts';
import { clusterColumns, clusterCount, type WriterProfile } from '../../models/handwriting/profiles.ts';

/** `writers` writers × `docs` documents of about `graphs` graphs each (seeded). */
export function syntheticProfiles(writers: number, docs: number, graphs: number, seed: number, prefix = 'w'): WriterProfile[] {
  const random = seededRandom(seed);
  const base = Array.from({ length: clusterCount }, (_, k) => 1 / (1 + k * 0.15));
  const profiles: WriterProfile[] = [];
  for (let w = 0; w < writers; w += 1) {
    const tilt = base.map((b) => b * Math.exp(1.2 * (random() - 0.5)));
    const sum = tilt.reduce((a, b) => a + b, 0);
    const cumulative: number[] = [];
    tilt.reduce((acc, t) => (cumulative.push(acc + t / sum), acc + t / sum), 0);
    for (let d = 0; d < docs; d += 1) {
      const counts = new Array<number>(clusterCount).fill(0);
      const n = Math.round(graphs * (0.8 + 0.4 * random()));
      for (let g = 0; g < n; g += 1) {
        const u = random();
        const k = cumulative.findIndex((c) => u < c);
        const cluster = k < 0 ? clusterCount - 1 : k;
        counts[cluster] = counts[cluster]! + 1;
      }
      const writer = `${prefix}${String(w).padStart(4, '0')}`;
      profiles.push({ docname: `${writer}_s01_${d % 2 ? 'pWOZ' : 'pLND'}_r0${d + 1}`, writer, doc: d % 2 ? 'pWOZ' : 'pLND', counts });
    }
  }
  return profiles;
}

/** The CSV text of profiles in handwriterRF's format (rates, with cluster24 last as in the published files). */
export function profilesCsv(profiles: readonly WriterProfile[]): string {
  const order = [...clusterColumns.filter((c) => c !== 'cluster24'), 'cluster24'];
  const header = ['docname', 'writer', 'doc', 'total_graphs', ...order].map((c) => `"${c}"`).join(',');
  const rows = profiles.map((p) => {
    const total = p.counts.reduce((a, b) => a + b, 0);
    const rates = order.map((c) => p.counts[Number(c.slice(7)) - 1]! / total);
    return [`"${p.docname}"`, `"${p.writer}"`, `"${p.doc}"`, total, ...rates].join(',');
  });
  return `${header}\n${rows.join('\n')}\n`;
}

/** Writes profiles as a CSV file. */
export function writeProfilesCsv(file: string, profiles: readonly WriterProfile[]): void {
  writeFileSync(file, profilesCsv(profiles));
}
