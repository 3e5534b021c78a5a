import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINT_BASELINE_SHARE } from '../../native/handwriting/print-check.ts';
import { InputError } from '../../native/input-error.ts';
import { installedComparator } from '../../main/services/forensics/handwriting/comparator.ts';
import { compareWriters } from '../../main/services/forensics/handwriting/writer-comparison.ts';
import { type PageProfile, profilePage } from '../../native/handwriting/profile.ts';
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

    // R's `cluster` column in graphs_*.csv cannot come from templateK40.json's centres: it puts 1-path strokes of
    // 6–36 pixels into cluster 12, whose centre has 6 paths and 173 pixels (its unmatched paths alone cost > 100, while
    // the 8-pixel 1-path centre 18 is within a few pixels) — so that column is printed, not asserted. The assignment is
    // checked below against R's profiles of the same pages at scan resolution, which do follow the template.
    it(`${doc}: every graph is assigned to one of the 40 clusters (cosine with the labels of R's graph file printed)`, () => {
      const p = profile(doc, true);
      const similarity = cosine(p.rates, rCounts(doc));
      console.log(`[handwriting] ${doc} at 612 px: cosine of fill rates with graphs_${doc}.csv = ${similarity.toFixed(3)}`);
      expect(p.counts.reduce((s, v) => s + v, 0)).toBe(p.graphCount);
      expect(p.graphs.every((g) => g.cluster >= 1 && g.cluster <= 40)).toBe(true);
    });
  }

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
