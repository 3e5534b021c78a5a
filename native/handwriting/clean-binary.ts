/**
 * Clean-up of a binarised page before thinning, following the rules handwriter applies (its cleanBinaryImage): fill
 * one- and two-pixel white holes inside strokes, cut the corners that make them otherwise, drop specks and hair-thin
 * spurs, and smooth one-pixel notches above and below strokes. Without it the skeleton sprouts bubbles and whiskers.
 * Works in place on a column-major 0/1 ink mask.
 */

/** Mask cells: 0 ink, 1 paper, 3 either (the convention handwriter's masks use, 0 = black). */
type Mask = readonly (readonly number[])[];

const H1: Mask = [[3, 0, 3], [0, 1, 0], [3, 0, 3]];
const H2: Mask = [[3, 0, 0, 3], [0, 1, 1, 0], [3, 0, 0, 3]];
const H3: Mask = [[3, 0, 3], [0, 1, 0], [0, 1, 0], [3, 0, 3]];
const I1: Mask = [[3, 3, 0, 0, 0, 3, 3], [3, 0, 0, 0, 0, 0, 3], [3, 0, 0, 0, 0, 0, 3], [0, 0, 0, 1, 0, 0, 0], [3, 0, 0, 0, 0, 0, 3], [3, 0, 0, 0, 0, 0, 3], [3, 3, 0, 0, 0, 3, 3]];
const I2: Mask = [[3, 3, 0, 0, 0, 3, 3], [3, 0, 0, 0, 0, 0, 3], [3, 0, 0, 0, 0, 0, 3], [0, 0, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0, 0], [3, 0, 0, 0, 0, 0, 3], [3, 0, 0, 0, 0, 0, 3], [3, 3, 0, 0, 0, 3, 3]];
const I3: Mask = [[3, 3, 0, 0, 0, 0, 3, 3], [3, 3, 0, 0, 0, 0, 3, 3], [3, 0, 0, 0, 0, 0, 0, 3], [0, 0, 0, 1, 1, 0, 0, 0], [3, 0, 0, 0, 0, 0, 0, 3], [3, 3, 0, 0, 0, 0, 3, 3], [3, 3, 0, 0, 0, 0, 3, 3]];
const D: Mask[] = [
  [[0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 3]],
  [[0, 1, 1, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 3]],
  [[0, 0, 1, 1, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 3]],
  [[0, 1, 1, 0, 0], [0, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 3]],
  [[0, 0, 1, 1, 0], [0, 0, 1, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [3, 0, 0, 0, 3]],
];
const U: Mask[] = [
  [[3, 0, 0, 0, 3], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 1, 0, 0]],
  [[3, 0, 0, 0, 3], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 1, 1, 0]],
  [[3, 0, 0, 0, 3], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 1, 1, 0, 0]],
  [[3, 0, 0, 0, 3], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 1, 0], [0, 0, 1, 1, 0]],
  [[3, 0, 0, 0, 3], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 1, 1, 0, 0], [0, 1, 1, 0, 0]],
];

/** The ink pixels of a column-major mask grouped by row: row r's columns, ascending, are cols[starts[r]…starts[r+1]). */
function inkByRow(ink: Uint8Array, rows: number, cols: number): { readonly starts: Int32Array; readonly cols: Int32Array } {
  const starts = new Int32Array(rows + 1);
  for (let c = 0; c < cols; c++) {
    const base = c * rows;
    for (let r = 0; r < rows; r++) if (ink[base + r]) starts[r + 1]! += 1;
  }
  for (let r = 0; r < rows; r++) starts[r + 1]! += starts[r]!;
  const next = starts.slice(0, rows);
  const list = new Int32Array(starts[rows]!);
  for (let c = 0; c < cols; c++) {
    const base = c * rows;
    for (let r = 0; r < rows; r++) if (ink[base + r]) list[next[r]!++] = c;
  }
  return { starts, cols: list };
}

/** Cleans a column-major ink mask (`rows` × `cols`, 1 = ink) in place. */
export function cleanBinary(ink: Uint8Array, rows: number, cols: number): void {
  const n = rows;
  const p = cols;
  // Paper value at (r, c): 1 paper, 0 ink, as the masks are written.
  const paper = (r: number, c: number): number => 1 - ink[c * n + r]!;
  const matches = (r: number, c: number, mask: Mask): boolean => {
    const mr = mask.length;
    const mc = mask[0]!.length;
    if (r < 0 || c < 0 || r + mr >= n || c + mc >= p) return false;
    for (let i = 0; i < mr; i++) {
      const line = mask[i]!;
      for (let j = 0; j < mc; j++) if (line[j] !== 3 && line[j] !== paper(r + i, c + j)) return false;
    }
    return true;
  };
  // Holes, in one pass down the columns: a later mask wins where several match (H3 over H2 over H1), as when each
  // has a pass of its own. Every hole mask has ink just above the hole's first pixel: most of a page is paper, so
  // test that pixel first. The holes are listed in memory order, which is the order the corner rules take them in.
  const holes: number[] = [];
  const kinds: number[] = [];
  for (let c = 0; c < p - 2; c++) {
    const above = (c + 1) * n;
    for (let r = 0; r < n - 2; r++) {
      if (ink[above + r] !== 1) continue;
      const kind = matches(r, c, H3) ? 3 : matches(r, c, H2) ? 2 : matches(r, c, H1) ? 1 : 0;
      if (kind === 0) continue;
      holes.push(c * n + r);
      kinds.push(kind);
    }
  }

  // Marks only, the ink is not changed here; then every removal, then every fill (a fill wins where both are marked).
  const remove: number[] = [];
  const fill: number[] = [];
  const mark = (target: number[], r: number, c: number) => {
    target.push(c * n + r);
  };
  holes.forEach((at, i) => {
    const kind = kinds[i]!;
    const r = at % n;
    const c = (at - r) / n;
    // The hole's width (columns) and height (rows) decide which corners are looked at.
    const w = kind === 2 ? 3 : 2;
    const h = kind === 3 ? 3 : 2;
    if (paper(r, c) === 1) {
      mark(remove, r, c + 1);
      mark(remove, r + 1, c);
    } else if (paper(r, c + w) === 1) {
      mark(remove, r, c + w - 1);
      mark(remove, r + 1, c + w);
    } else if (paper(r + h, c + w) === 1) {
      mark(remove, r + h - 1, c + w);
      mark(remove, r + h, c + w - 1);
    } else if (paper(r + h, c) === 1) {
      mark(remove, r + h - 1, c);
      mark(remove, r + h, c + 1);
    } else if (!matches(r - 2, c - 2, kind === 1 ? I1 : kind === 2 ? I3 : I2)) {
      mark(fill, r + 1, c + 1);
      if (kind === 2) mark(fill, r + 1, c + 2);
      if (kind === 3) mark(fill, r + 2, c + 1);
    }
  });
  for (const i of remove) ink[i] = 0;
  for (const i of fill) ink[i] = 1;

  // Specks and spur tips: an ink pixel with at most two ink neighbours, all in one run. The rules below change only
  // the pixel they look at, and only from ink to paper, so visiting the ink pixels of the pass's start in the same
  // order (row by row) gives the same result as the full scan without striding across the column-major page.
  const ring = [[0, 0], [0, 1], [0, 2], [1, 2], [2, 2], [2, 1], [2, 0], [1, 0]] as const;
  let byRow = inkByRow(ink, n, p);
  for (let R = 1; R <= n - 2; R++) {
    for (let i = byRow.starts[R]!; i < byRow.starts[R + 1]!; i++) {
      const C = byRow.cols[i]!;
      if (C < 1 || C > p - 2 || !ink[C * n + R]) continue;
      const r = R - 1;
      const c = C - 1;
      let runs = 0;
      let inkCount = 0;
      for (let k = 0; k < 8; k++) {
        const [a, b] = ring[k]!;
        const [a2, b2] = ring[(k + 1) % 8]!;
        const here = paper(r + a, c + b);
        if (here === 1 && paper(r + a2, c + b2) === 0) runs++;
        if (here === 0) inkCount++;
      }
      if (runs <= 1 && inkCount <= 2) ink[C * n + R] = 0;
    }
  }

  // One-pixel notches cut into the top of a stroke, then into its bottom; each starts at an ink pixel and only turns
  // ink into paper, so again only the pass's starting ink pixels are visited, in the full scan's order.
  byRow = inkByRow(ink, n, p);
  for (let R = n - 3; R >= 2; R--) {
    for (let i = byRow.starts[R + 1]! - 1; i >= byRow.starts[R]!; i--) {
      const C = byRow.cols[i]!;
      const r = R - 2;
      const c = C - 2;
      if (c < 0 || c > p - 5) continue;
      if (paper(r + 2, c + 2) !== 0 || paper(r + 1, c + 2) !== 1 || paper(r, c + 2) !== 1) continue;
      if (!D.some((m) => matches(r, c, m))) continue;
      ink[(c + 2) * n + r + 2] = 0;
      if (D.slice(0, 3).some((m) => matches(r + 1, c, m))) {
        ink[(c + 2) * n + r + 3] = 0;
        if (matches(r + 2, c, D[0]!)) ink[(c + 2) * n + r + 4] = 0;
      }
    }
  }
  byRow = inkByRow(ink, n, p);
  for (let R = 2; R <= n - 3; R++) {
    for (let i = byRow.starts[R]!; i < byRow.starts[R + 1]!; i++) {
      const C = byRow.cols[i]!;
      const r = R - 2;
      const c = C - 2;
      if (c < 0 || c > p - 5) continue;
      if (paper(r + 2, c + 2) !== 0 || paper(r + 3, c + 2) !== 1 || paper(r + 4, c + 2) !== 1) continue;
      if (!U.some((m) => matches(r, c, m))) continue;
      ink[(c + 2) * n + r + 2] = 0;
      if (U.slice(0, 3).some((m) => matches(r - 1, c, m))) {
        ink[(c + 2) * n + r + 1] = 0;
        if (matches(r - 2, c, U[0]!)) ink[(c + 2) * n + r] = 0;
      }
    }
  }
}
