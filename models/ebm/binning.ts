/**
 * Bins for the glass-box model: quantile cut points for numbers, a frequency-ordered list for categories, and the
 * coarser bins pairwise interactions use. Cut points lie halfway between neighbouring training values, so that an
 * unseen value goes to the bin of the nearer training value.
 */

/** Up to `maxBins` intervals of about equal training counts; returns the sorted cut points. */
export function quantileEdges(values: ArrayLike<number>, maxBins: number): number[] {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
  const n = sorted.length;
  if (n === 0) return [];
  const distinct: number[] = [];
  for (let i = 0; i < n; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  const mid = (k: number) => distinct[k]! / 2 + distinct[k + 1]! / 2;
  if (distinct.length <= maxBins) return distinct.slice(0, -1).map((_, k) => mid(k));
  // Aim a cut after every n / maxBins values; a value heavier than a bin absorbs the cuts that fall inside it.
  const edges: number[] = [];
  let k = 0;
  for (let q = 1; q < maxBins; q += 1) {
    const below = sorted[Math.floor((q * n) / maxBins) - 1];
    if (below === undefined) continue;
    while (distinct[k]! < below) k += 1;
    if (k < distinct.length - 1 && edges[edges.length - 1] !== mid(k)) edges.push(mid(k));
  }
  return edges;
}

/** Categories ordered by training frequency: those seen at least `minCount` times (at most `maxCategories`) and the rare rest. */
export function categoryList(keys: ReadonlyArray<string | null>, minCount: number, maxCategories: number): { categories: string[]; rare: string[] } {
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ordered.filter(([, c]) => c >= minCount).slice(0, maxCategories).map(([k]) => k);
  const keptSet = new Set(kept);
  return { categories: kept, rare: ordered.map(([k]) => k).filter((k) => !keptSet.has(k)).sort() };
}

/**
 * Coarser edges for an interaction: a subset of a feature's edges giving at most `maxBins` non-missing bins of
 * about equal training counts (`counts[b]` is the training count of main bin b, bin 0 being missing).
 */
export function coarserEdges(edges: readonly number[], counts: ArrayLike<number>, maxBins: number): number[] {
  if (edges.length + 1 <= maxBins) return [...edges];
  let total = 0;
  for (let b = 1; b < counts.length; b += 1) total += counts[b]!;
  const chosen: number[] = [];
  let seen = 0;
  let next = total / maxBins;
  // Main bin b (b ≥ 1) ends at edges[b - 1]; cutting there keeps every coarse bin a union of main bins.
  for (let b = 1; b < counts.length - 1; b += 1) {
    seen += counts[b]!;
    if (seen >= next && chosen.length < maxBins - 1) {
      chosen.push(edges[b - 1]!);
      next = seen + (total - seen) / (maxBins - chosen.length);
    }
  }
  return chosen;
}
