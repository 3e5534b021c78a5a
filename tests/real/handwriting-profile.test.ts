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
function profile(doc: string): PageProfile {
  let p = profiles.get(doc);
  if (!p) {
    p = profilePage(new Uint8Array(readFileSync(join(dir, `${doc}.png`))), `${doc}.png`);
    profiles.set(doc, p);
  }
  return p;
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
    it(`${doc}: graph count within ±10 % of R's`, () => {
      const ours = profile(doc).graphCount;
      const theirs = rCounts(doc).reduce((s, v) => s + v, 0);
      console.log(`[handwriting] ${doc}: ${ours} graphs, R ${theirs}`);
      expect(Math.abs(ours - theirs) / theirs).toBeLessThanOrEqual(0.1);
    });

    it(`${doc}: the graphs are R's graphs (same pixels: x/y variance and covariance agree) for ≥ 95 % of them`, () => {
      const ours = profile(doc).graphs;
      const theirs = csv(`graphs_${doc}.csv`).slice(1).map((r) => ({ xvar: Number(r[5]), yvar: Number(r[6]), covar: Number(r[7]) }));
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
      const matched = theirs.filter((t) => ours.some((g) => close(g.xvar, t.xvar) && close(g.yvar, t.yvar) && close(g.covar, t.covar))).length;
      console.log(`[handwriting] ${doc}: ${matched}/${theirs.length} of R's graphs found with identical pixels`);
      expect(matched / theirs.length).toBeGreaterThanOrEqual(0.95);
    });

    // The cosine of our fill rates with R's is printed, not asserted: R's cluster labels for these pages do not follow
    // templateK40.json's centre order (see the report of issue 12), so the ≥ 0.90 target cannot be checked here.
    it(`${doc}: every graph is assigned to one of the 40 clusters (cosine with R's rates printed)`, () => {
      const p = profile(doc);
      const similarity = cosine(p.rates, rCounts(doc));
      console.log(`[handwriting] ${doc}: cosine of fill rates with R = ${similarity.toFixed(3)}; stage times ${JSON.stringify(p.timingsMs)}`);
      expect(p.counts.reduce((s, v) => s + v, 0)).toBe(p.graphCount);
      expect(p.graphs.every((g) => g.cluster >= 1 && g.cluster <= 40)).toBe(true);
    });
  }
});

describe.skipIf(!sharedDataDir)('every CSAFE page is handwriting, not print', () => {
  it('profiles all ten pages, each with a baseline share below the print threshold', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      const p = profilePage(new Uint8Array(readFileSync(join(dir, file))), file);
      console.log(`[handwriting] ${file}: ${p.graphCount} graphs, ${Math.round(p.baselineShare * 100)} % of characters on the baseline`);
      expect(p.graphCount).toBeGreaterThan(50);
      expect(p.baselineShare).toBeLessThan(PRINT_BASELINE_SHARE);
    }
  });
});

describe.skipIf(!sharedDataDir)('the SLR is withheld for pages unlike the reference documents', () => {
  // These page images are reduced copies (612 px wide) of the CSAFE scans the reference profiles were measured on:
  // their profiles lie outside the reference population, and an SLR there would be unfounded (it would say
  // "strong support, same writer" for different writers), so the comparison gives the score and says why there is none.
  it('pooled w0238 pages against w0238 and against w0080: score, no SLR, reason out-of-domain', async () => {
    const pages = (names: string[]) => names.map((n) => profilePage(new Uint8Array(readFileSync(join(dir, `${n}.png`))), `${n}.png`));
    const known = pages(['w0238_s01_pWOZ_r01', 'w0238_s01_pWOZ_r02']);
    for (const questioned of pages(['w0238_s01_pWOZ_r03', 'w0080_s01_pLND_r01'])) {
      const c = await compareWriters(known, questioned, 'latin', installedComparator());
      console.log(`[handwriting] w0238 r01+r02 vs ${questioned.name}: score ${c.score?.toFixed(3)}, domain ${JSON.stringify(c.domain)}, ${c.abstention?.code}`);
      expect(c.score).not.toBeNull();
      expect(c.slr).toBeNull();
      expect(c.abstention?.code).toBe('out-of-domain');
    }
  });
});

describe.skipIf(!sharedDataDir)('handwriting pages that cannot be profiled', () => {
  it('a file that is not an image is refused naming the file', () => {
    const bytes = new TextEncoder().encode('docname,writer\nw0001,1\n');
    expect(() => profilePage(bytes, 'notes.csv')).toThrow(InputError);
    expect(() => profilePage(bytes, 'notes.csv')).toThrow(/notes\.csv/);
  });
});
