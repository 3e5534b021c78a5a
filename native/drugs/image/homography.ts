/** Plane-to-plane projective maps (homographies) from four point pairs: a target's or plate's corners to the photo. */

/** A point in pixels (or in a target's own units). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A 3×3 homography, row-major, h[8] normalised to 1. */
export type Homography = readonly number[];

/** Solves a dense linear system by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const row = a[col]!;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const other = a[r]!;
      const factor = other[col]! / row[col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) other[c]! -= factor * row[c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** The homography taking each `from` point onto the matching `to` point (exactly four pairs). */
export function homographyFromPoints(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== 4 || to.length !== 4) return null;
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    rhs.push(u);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    rhs.push(v);
  }
  const h = solveLinear(rows, rhs);
  return h ? [...h, 1] : null;
}

/** Maps a point through a homography. */
export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return { x: (h[0]! * x + h[1]! * y + h[2]!) / w, y: (h[3]! * x + h[4]! * y + h[5]!) / w };
}

/** The inverse homography (adjugate; scale is irrelevant). */
export function invertHomography(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, l] = h as [number, number, number, number, number, number, number, number, number];
  const inv = [e * l - f * k, c * k - b * l, b * f - c * e, f * g - d * l, a * l - c * g, c * d - a * f, d * k - e * g, b * g - a * k, a * e - b * d];
  const s = inv[8]!;
  return inv.map((v) => v / s);
}
