/**
 * Bullet score by the best land rotation (Sequence Average Maximum, Vanderplas et al. 2020; bulletxtrctr
 * compute_average_scores): lands are numbered around each bullet, so a same-source pair of bullets matches land i
 * with land (i + offset) mod n for one offset. The bullet score is the largest, over offsets, of the mean land-pair
 * score along that offset's diagonal.
 */

/** The best rotation: its offset, the land pairs on it, and their mean score. */
export interface Rotation {
  readonly offset: number;
  readonly pairs: [number, number][];
  readonly score: number;
}

/**
 * Best rotation of a score matrix (`scores[i][j]`: land i of A against land j of B) for bullets of `n` lands. Only
 * offsets with the most comparable pairs compete, so a partial bullet is never scored on fewer pairs than it offers;
 * ties go to the smallest offset. Lands not scanned are left out of the mean (bulletxtrctr's default counts them as
 * 0, which would penalise a partial bullet for what was not scanned rather than for what disagrees).
 */
export function bestRotation(scores: readonly (readonly number[])[], n: number): Rotation {
  const na = scores.length;
  const nb = scores[0]?.length ?? 0;
  const candidates: Rotation[] = [];
  for (let offset = 0; offset < n; offset++) {
    const pairs: [number, number][] = [];
    let sum = 0;
    for (let i = 0; i < na; i++) {
      const j = (i + offset) % n;
      if (j < nb) {
        pairs.push([i, j]);
        sum += scores[i]![j]!;
      }
    }
    if (pairs.length) candidates.push({ offset, pairs, score: sum / pairs.length });
  }
  const most = Math.max(...candidates.map((c) => c.pairs.length));
  let best: Rotation | null = null;
  for (const c of candidates) if (c.pairs.length === most && (!best || c.score > best.score)) best = c;
  if (!best) throw new Error('bestRotation: no land pair to compare');
  return best;
}
