import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINT_BASELINE_SHARE } from '../../native/handwriting/print-check.ts';
import { InputError } from '../../native/input-error.ts';
import { installedComparator } from '../../main/services/forensics/handwriting/comparator.ts';
import { compareWriters } from '../../main/services/forensics/handwriting/writer-comparison.ts';
import { assignmentCost, graphDistance } from '../../native/handwriting/graph-distance.ts';
import { CLUSTER_COUNT, clusterTemplates, type PageProfile, profilePage } from '../../native/handwriting/profile.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('real handwriting profiles');

const dir = join(sharedDataDir ?? '', 'handwriting');
const docs = ['w0238_s01_pWOZ_r02', 'w0238_s01_pWOZ_r03'] as const;

/** R's rows of a CSV, quotes stripped. */
function csv(file: string): string[][] {
  return readFileSync(join(dir, 'handwriterRF', file), 'utf8').trim().split('\n').map((line) => line.split(',').map((cell) => cell.replace(/"/g, '')));
}

const profiles = new Map<string, PageProfile>();
/** Our profile of a page: `native` = as stored (612 px wide, like R's graph files), else scaled to the scans' size. */
function profile(doc: string, native = false): PageProfile {
  const key = `${doc}:${native}`;
  let p = profiles.get(key);
  if (!p) {
    p = profilePage(new Uint8Array(readFileSync(join(dir, `${doc}.png`))), `${doc}.png`, native ? { scale: 1 } : {});
    profiles.set(key, p);
  }
  return p;
}

/** R's full-resolution profile of a page from the reference data (cluster_fill_rates_*.csv), when it is there. */
function rReference(doc: string): { total: number; rates: number[] } | null {
  for (const file of ['cluster_fill_rates_train.csv', 'cluster_fill_rates_validation.csv']) {
    const [header, ...rows] = csv(file);
    const row = rows.find((r) => r[0] === doc);
    if (!row) continue;
    const rates = new Array<number>(40).fill(0);
    header!.forEach((name, i) => {
      if (name.startsWith('cluster')) rates[Number(name.slice('cluster'.length)) - 1] = Number(row[i]);
    });
    return { total: Number(row[3]), rates };
  }
  return null;
}

/** R's fill counts of a document, indexed by cluster − 1. */
function rCounts(doc: string): number[] {
  const [header, ...rows] = csv('cluster_fill_counts_w0238.csv');
  const row = rows.find((r) => r[0] === doc)!;
  const counts = new Array<number>(40).fill(0);
  header!.slice(3).forEach((cluster, i) => {
    counts[Number(cluster) - 1] = Number(row[3 + i]);
  });
  return counts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((s, v, i) => s + v * b[i]!, 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b));
}

describe.skipIf(!sharedDataDir)('handwriting profiles of CSAFE pages against handwriter (R)', () => {
  for (const doc of docs) {
    it(`${doc}: graph count within ±10 % of R's on the same 612-px image`, () => {
      const ours = profile(doc, true).graphCount;
      const theirs = rCounts(doc).reduce((s, v) => s + v, 0);
      console.log(`[handwriting] ${doc}: ${ours} graphs, R ${theirs}`);
      expect(Math.abs(ours - theirs) / theirs).toBeLessThanOrEqual(0.1);
    });

    it(`${doc}: the graphs are R's graphs (same pixels: x/y variance and covariance agree) for ≥ 95 % of them`, () => {
      const ours = profile(doc, true).graphs;
      const theirs = csv(`graphs_${doc}.csv`).slice(1).map((r) => ({ xvar: Number(r[5]), yvar: Number(r[6]), covar: Number(r[7]) }));
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
      const matched = theirs.filter((t) => ours.some((g) => close(g.xvar, t.xvar) && close(g.yvar, t.yvar) && close(g.covar, t.covar))).length;
      console.log(`[handwriting] ${doc}: ${matched}/${theirs.length} of R's graphs found with identical pixels`);
      expect(matched / theirs.length).toBeGreaterThanOrEqual(0.95);
    });

    it(`${doc}: every graph is assigned to one of the 40 clusters (cosine with the labels of R's graph file printed, not asserted: see below)`, () => {
      const p = profile(doc, true);
      const similarity = cosine(p.rates, rCounts(doc));
      console.log(`[handwriting] ${doc} at 612 px: cosine of fill rates with graphs_${doc}.csv = ${similarity.toFixed(3)}`);
      expect(p.counts.reduce((s, v) => s + v, 0)).toBe(p.graphCount);
      expect(p.graphs.every((g) => g.cluster >= 1 && g.cluster <= 40)).toBe(true);
    });
  }

  // The fidelity target compared our fill rates with the `cluster` column of R's graphs_*.csv. That column does
  // not assign the graphs to the nearest centre of templateK40.json: on the graphs whose pixels are R's own (identical
  // xvar/yvar/covar), R's label is almost never the nearest centre by handwriter's graph distance, it ranks in the
  // middle of the 40, and no renumbering of the clusters makes the two labellings agree — so the labels come from some
  // other template or distance than the published one, and a cosine with them measures that, not our decomposition.
  // This test measures it; the assignment is checked against R's scan-resolution profiles further down, which do
  // follow the template.
  it("R's cluster labels in graphs_*.csv are not templateK40's nearest centres, under any renumbering; ours are", () => {
    const templates = clusterTemplates();
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    const confusion = Array.from({ length: CLUSTER_COUNT }, () => new Float64Array(CLUSTER_COUNT));
    const ranks: number[] = [];
    let graphs = 0;
    let ourNearest = 0;
    for (const doc of docs) {
      const ours = profile(doc, true).graphs;
      const distances = ours.map((g) => templates.map((t) => graphDistance(g.prototype, t)));
      graphs += ours.length;
      ours.forEach((g, i) => {
        const d = distances[i]!;
        if (g.cluster - 1 === d.indexOf(Math.min(...d)) && g.distance === d[g.cluster - 1]) ourNearest++;
      });
      const docRanks: number[] = [];
      for (const row of csv(`graphs_${doc}.csv`).slice(1)) {
        const label = Number(row[3]) - 1;
        const [xvar, yvar, covar] = [Number(row[5]), Number(row[6]), Number(row[7])];
        // Graphs with the same moments are the same pixels moved; of several, the one most favourable to R's label counts.
        let best: { rank: number; ours: number } | null = null;
        ours.forEach((g, i) => {
          if (!(close(g.xvar, xvar) && close(g.yvar, yvar) && close(g.covar, covar))) return;
          const d = distances[i]!;
          const rank = 1 + d.filter((v) => v < d[label]!).length;
          if (!best || rank < best.rank) best = { rank, ours: g.cluster - 1 };
        });
        if (!best) continue;
        const { rank, ours: ourLabel } = best;
        docRanks.push(rank);
        confusion[label]![ourLabel]! += 1;
      }
      console.log(`[handwriting] ${doc}: R's label is the nearest centre for ${docRanks.filter((r) => r === 1).length}/${docRanks.length} matched graphs; median rank ${median(docRanks)}/40`);
      ranks.push(...docRanks);
    }
    // Best one-to-one renumbering of R's clusters onto ours: the maximum-weight matching of the confusion matrix.
    const relabelled = -assignmentCost(confusion.map((row) => row.map((v) => -v)));
    const nearest = ranks.filter((r) => r === 1).length;
    console.log(
      `[handwriting] both pages: ${ranks.length} graphs matched by pixels; R's label nearest centre ${nearest} (${((100 * nearest) / ranks.length).toFixed(1)} %), ` +
        `median rank ${median(ranks)}/40, in the nearest 5 ${ranks.filter((r) => r <= 5).length}; best renumbering agrees on ${relabelled} (${((100 * relabelled) / ranks.length).toFixed(1)} %); ` +
        `ours nearest centre ${ourNearest}/${graphs}`,
    );
    expect(ranks.length).toBeGreaterThanOrEqual(380);
    expect(nearest / ranks.length).toBeLessThan(0.1);
    expect(median(ranks)).toBeGreaterThan(10);
    expect(relabelled / ranks.length).toBeLessThan(0.7);
    expect(ourNearest).toBe(graphs);
  });

  // w0238 r01 and r02 are in the reference data, profiled by R at scan resolution (2550 px wide); our pages are
  // reduced copies, which profilePage scales back up to that width by default. The graph count of a resampled page
  // cannot be R's exactly (r01: 298 against 335), hence the wider tolerance than on the 612-px images above.
  for (const doc of ['w0238_s01_pWOZ_r01', 'w0238_s01_pWOZ_r02']) {
    it(`${doc}: graph count within ±12 % and fill-rate cosine ≥ 0.90 against R's scan-resolution profile`, { timeout: 60_000 }, () => {
      const reference = rReference(doc)!;
      const p = profile(doc);
      const similarity = cosine(p.rates, reference.rates);
      console.log(`[handwriting] ${doc} scaled ×${p.scale.toFixed(2)}: ${p.graphCount} graphs, R ${reference.total}; cosine with R's rates ${similarity.toFixed(3)}; stage times ${JSON.stringify(p.timingsMs)}`);
      expect(Math.abs(p.graphCount - reference.total) / reference.total).toBeLessThanOrEqual(0.12);
      expect(similarity).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe.skipIf(!sharedDataDir)('every CSAFE page is handwriting, not print', () => {
  it('profiles all ten pages, each with a baseline share below the print threshold', { timeout: 180_000 }, () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      const p = profilePage(new Uint8Array(readFileSync(join(dir, file))), file);
      console.log(`[handwriting] ${file}: ${p.graphCount} graphs, ${Math.round(p.baselineShare * 100)} % of characters on the baseline`);
      expect(p.graphCount).toBeGreaterThan(50);
      expect(p.baselineShare).toBeLessThan(PRINT_BASELINE_SHARE);
    }
  });
});

describe.skipIf(!sharedDataDir)('writer comparison of the CSAFE pages', () => {
  const page = (name: string, native = false) => profilePage(new Uint8Array(readFileSync(join(dir, `${name}.png`))), `${name}.png`, native ? { scale: 1 } : {});

  // At their stored 612 px the pages' graphs are about four times too small for the template: their profiles lie
  // outside the reference population, and the comparison withholds the SLR and says why.
  it('pages left at 612 px: score, no SLR, reason out-of-domain', { timeout: 120_000 }, async () => {
    const known = [page('w0238_s01_pWOZ_r01', true), page('w0238_s01_pWOZ_r02', true)];
    for (const questioned of [page('w0238_s01_pWOZ_r03', true), page('w0080_s01_pLND_r01', true)]) {
      const c = await compareWriters(known, questioned, 'latin', installedComparator());
      console.log(`[handwriting] 612 px: w0238 r01+r02 vs ${questioned.name}: score ${c.score?.toFixed(3)}, domain ${JSON.stringify(c.domain)}, ${c.abstention?.code}`);
      expect(c.score).not.toBeNull();
      expect(c.slr).toBeNull();
      expect(c.abstention?.code).toBe('out-of-domain');
    }
  });

  // Scaled to scan resolution (the default) they are in the domain, and the SLRs point the right way.
  it('w0030 repetitions support the same writer pairwise; w0030 against four other writers supports different writers', { timeout: 180_000 }, async () => {
    const w0030 = ['w0030_s01_pWOZ_r01', 'w0030_s01_pWOZ_r02', 'w0030_s01_pWOZ_r03'].map((n) => page(n));
    const others = ['w0238_s01_pWOZ_r01', 'w0016_s01_pLND_r01', 'w0080_s01_pLND_r01', 'w0124_s01_pLND_r01'].map((n) => page(n));
    const slr = async (a: PageProfile, b: PageProfile) => {
      const c = await compareWriters([a], b, 'latin', installedComparator());
      console.log(`[handwriting] ${a.name} vs ${b.name}: score ${c.score?.toFixed(3)}, SLR ${c.slr?.toPrecision(3) ?? c.abstention?.code}, domain ${JSON.stringify(c.domain)}`);
      expect(c.abstention).toBeNull();
      return c.slr!;
    };
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) expect(await slr(w0030[i]!, w0030[j]!)).toBeGreaterThan(1);
    for (const other of others) expect(await slr(w0030[0]!, other)).toBeLessThan(1);
  });
});

describe.skipIf(!sharedDataDir)('handwriting pages that cannot be profiled', () => {
  it('a file that is not an image is refused naming the file', () => {
    const bytes = new TextEncoder().encode('docname,writer\nw0001,1\n');
    expect(() => profilePage(bytes, 'notes.csv')).toThrow(InputError);
    expect(() => profilePage(bytes, 'notes.csv')).toThrow(/notes\.csv/);
  });
});
