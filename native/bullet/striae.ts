/**
 * Striae and consecutive matching striae (bulletxtrctr sig_get_peaks, striation_identify_matches, sig_cms_max):
 * peaks and valleys of each aligned signature, after a moving average applied twice, each owning an interval of a
 * third of the distance to its neighbours; intervals of both signatures that overlap form a group, which matches
 * when it holds striae of both signatures, all of one type (all peaks or all valleys). CMS is the longest run of
 * matching groups.
 */

/** A peak (type 1) or valley (type −1) of a signature, with the interval it owns. */
export interface Stria {
  readonly at: number;
  readonly type: 1 | -1;
  readonly xmin: number;
  readonly xmax: number;
  readonly height: number;
}

/** A group of overlapping striae of the two signatures. */
export interface StriaGroup {
  readonly xmin: number;
  readonly xmax: number;
  readonly match: boolean;
  /** The striae's type when matching, else null. */
  readonly type: 1 | -1 | null;
}

/** Centred moving average of width w; NaN where the window is incomplete or holds a missing value. */
function rollingMean(v: Float64Array, w: number): Float64Array {
  const out = new Float64Array(v.length).fill(NaN);
  const before = Math.floor((w - 1) / 2);
  for (let i = before; i + w - before <= v.length; i++) {
    let s = 0;
    for (let j = i - before; j < i - before + w; j++) s += v[j]!;
    out[i] = s / w; // NaN propagates, as in R's mean
  }
  return out;
}

/** Peaks and valleys of a signature smoothed twice by a moving average of `window` points. */
export function findStriae(sig: Float64Array, window: number): Stria[] {
  const w = Math.max(1, Math.round(window));
  const s = rollingMean(rollingMean(sig, w), w);
  const extrema: { at: number; type: 1 | -1 }[] = [];
  for (let i = 1; i + 1 < s.length; i++) {
    const a = s[i - 1]!, b = s[i]!, c = s[i + 1]!;
    if (!(a === a && b === b && c === c)) continue;
    if (b >= a && b >= c) extrema.push({ at: i, type: 1 });
    if (b <= a && b <= c) extrema.push({ at: i, type: -1 });
  }
  const diffs = extrema.slice(1).map((e, k) => e.at - extrema[k]!.at);
  const first = diffs[0] ?? 0;
  const last = diffs[diffs.length - 1] ?? 0;
  return extrema.map((e, k) => ({
    at: e.at,
    type: e.type,
    xmin: e.at - (k === 0 ? first : diffs[k - 1]!) / 3,
    xmax: e.at + (k === extrema.length - 1 ? last : diffs[k]!) / 3,
    height: sig[e.at]!,
  }));
}

/** Groups the striae of two aligned signatures by overlapping intervals and tells which groups match. */
export function matchStriae(s1: readonly Stria[], s2: readonly Stria[]): StriaGroup[] {
  type End = { value: number; open: boolean; source: 1 | 2; type: 1 | -1 };
  const ends: End[] = [];
  for (const [list, source] of [[s1, 1], [s2, 2]] as const) {
    for (const s of list) {
      ends.push({ value: s.xmin, open: true, source, type: s.type });
      ends.push({ value: s.xmax, open: false, source, type: s.type });
    }
  }
  // An interval opening where another closes overlaps it (bulletxtrctr orders starts before ends on ties).
  ends.sort((p, q) => p.value - q.value || (p.open === q.open ? 0 : p.open ? -1 : 1));
  const groups: StriaGroup[] = [];
  let depth = 0;
  let start = 0;
  let sources = new Set<number>();
  let types = new Set<number>();
  for (const e of ends) {
    if (depth === 0) {
      start = e.value;
      sources = new Set();
      types = new Set();
    }
    if (e.open) {
      sources.add(e.source);
      types.add(e.type);
    }
    depth += e.open ? 1 : -1;
    if (depth === 0) {
      const match = sources.size === 2 && types.size === 1;
      groups.push({ xmin: start, xmax: e.value, match, type: match ? ([...types][0] as 1 | -1) : null });
    }
  }
  return groups;
}

/** Length of the longest run of matching groups: the consecutive matching striae (CMS). */
export function longestMatchRun(groups: readonly StriaGroup[]): number {
  let best = 0;
  let run = 0;
  for (const g of groups) {
    run = g.match ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
