/** Features of two aligned signatures beyond the CCF, as bulletxtrctr extracts them (extract_feature_D, _overlap). */
import type { Alignment } from './align.ts';

/**
 * D: Euclidean distance between the aligned signatures divided by the number of points present in both. As in
 * bulletxtrctr (R's dist over the aligned frame), the squared sum over the shared points is first scaled up to the
 * full aligned length, as R's dist does when values are missing. In the signatures' unit (µm).
 */
export function distanceD(al: Alignment): number {
  let n = 0, sq = 0;
  for (let i = 0; i < al.a.length; i++) {
    const d = al.a[i]! - al.b[i]!;
    if (d === d) {
      n++;
      sq += d * d;
    }
  }
  return n ? Math.sqrt((sq * al.a.length) / n) / n : NaN;
}

/** Overlap: points present in both, as a fraction of the shorter signature's present points. */
export function overlapFraction(al: Alignment): number {
  let both = 0, na = 0, nb = 0;
  for (let i = 0; i < al.a.length; i++) {
    const pa = al.a[i]! === al.a[i]!;
    const pb = al.b[i]! === al.b[i]!;
    if (pa) na++;
    if (pb) nb++;
    if (pa && pb) both++;
  }
  const shorter = Math.min(na, nb);
  return shorter ? both / shorter : 0;
}
