/**
 * handwriter's graph distance between a graph and a cluster template: every path is summarised by its end points, its
 * seven cut points at eighths of its length and its pixel count, all relative to the graph's centroid in x-right,
 * y-up coordinates; two paths differ by end-point distance + ½ straight-line-length difference + 2 × shape distance
 * (the cut points' offsets from the chord), the better of the two directions; the difference is weighted by the paths'
 * shares of their graphs' lengths; unmatched paths pay their squared length; the optimal pairing (assignment problem)
 * gives the distance. Templates are R column-major matrices with their dims (templateK40.json).
 */

const CUTS = 8;

/** A graph or template in prototype form: per path, ends [x1,y1,x2,y2], 7 cut points, length. */
export interface PathSummary {
  readonly ends: readonly [number, number, number, number];
  readonly cuts: readonly (readonly [number, number])[];
  readonly length: number;
}

/** A template read from templateK40.json. */
export interface ClusterTemplate {
  readonly paths: readonly PathSummary[];
  readonly size: number;
}

/** One entry of templateK40.json's `centers`. */
export interface TemplateCenterJson {
  readonly pathEnds: readonly number[];
  readonly pathEndsDim: readonly number[];
  readonly pathQuarters: readonly number[];
  readonly pathQuartersDim: readonly number[];
  readonly lengths: readonly number[];
}

/** Reads a template centre from R's column-major matrices. */
export function templateFromJson(center: TemplateCenterJson): ClusterTemplate {
  const rows = center.pathEndsDim[0]!;
  const qRows = center.pathQuartersDim[0]!;
  const paths: PathSummary[] = [];
  for (let i = 0; i < rows; i++) {
    const at = (m: readonly number[], nRows: number, col: number) => m[col * nRows + i]!;
    const ends: [number, number, number, number] = [at(center.pathEnds, rows, 0), at(center.pathEnds, rows, 1), at(center.pathEnds, rows, 2), at(center.pathEnds, rows, 3)];
    const cuts: [number, number][] = [];
    for (let j = 0; j < CUTS - 1; j++) cuts.push([at(center.pathQuarters, qRows, 2 * j), at(center.pathQuarters, qRows, 2 * j + 1)]);
    paths.push({ ends, cuts, length: center.lengths[i]! });
  }
  return { paths, size: paths.reduce((s, p) => s + p.length, 0) };
}

/** R's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Summarises a graph given as ordered paths of column-major pixel indices (page height `rows`) and its pixel set: the
 * graph's box is its own image, y counts up from the box's bottom, and the centroid is the rounded mean pixel.
 */
export function summariseGraph(pixels: readonly number[], paths: readonly (readonly number[])[], rows: number): ClusterTemplate {
  let minRow = Infinity;
  let maxRow = -Infinity;
  let minCol = Infinity;
  let sumRow = 0;
  let sumCol = 0;
  for (const p of pixels) {
    const r = p % rows;
    const c = Math.floor(p / rows);
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
    if (c < minCol) minCol = c;
    sumRow += r;
    sumCol += c;
  }
  const height = maxRow - minRow + 1;
  const meanRow = sumRow / pixels.length - minRow + 1;
  const meanCol = sumCol / pixels.length - minCol + 1;
  const cx = roundHalfEven(meanCol);
  const cy = roundHalfEven(height - meanRow + 1);
  const xy = (p: number): [number, number] => [Math.floor(p / rows) - minCol + 1 - cx, height - (p % rows - minRow + 1) + 1 - cy];
  const summaries = paths.map((path): PathSummary => {
    const len = path.length;
    const a = xy(path[0]!);
    const b = xy(path[len - 1]!);
    const cuts: [number, number][] = [];
    for (let j = 1; j < CUTS; j++) cuts.push(xy(path[Math.ceil((len * j) / CUTS) - 1]!));
    return { ends: [a[0], a[1], b[0], b[1]], cuts, length: len };
  });
  return { paths: summaries, size: summaries.reduce((s, p) => s + p.length, 0) };
}

/** A path's cut points as offsets from the chord between its ends (x, y interleaved), worked out once per path. */
const shapes = new WeakMap<PathSummary, Float64Array>();
function shapeOf(p: PathSummary): Float64Array {
  let shape = shapes.get(p);
  if (!shape) {
    const [x1, y1, x2, y2] = p.ends;
    shape = new Float64Array(2 * (CUTS - 1));
    for (let j = 0; j < CUTS - 1; j++) {
      const t = (j + 1) / CUTS;
      shape[2 * j] = p.cuts[j]![0] - (x1 + (x2 - x1) * t);
      shape[2 * j + 1] = p.cuts[j]![1] - (y1 + (y2 - y1) * t);
    }
    shapes.set(p, shape);
  }
  return shape;
}

/** Distance between two paths (the better direction) before weighting. */
function pathDistance(p: PathSummary, q: PathSummary): number {
  const [a1x, a1y, a2x, a2y] = p.ends;
  const [b1x, b1y, b2x, b2y] = q.ends;
  const plus = Math.min(Math.hypot(a1x - b1x, a1y - b1y), Math.hypot(a2x - b2x, a2y - b2y));
  const minus = Math.min(Math.hypot(a1x - b2x, a1y - b2y), Math.hypot(a2x - b1x, a2y - b1y));
  const sld = Math.abs(Math.hypot(a2x - a1x, a2y - a1y) - Math.hypot(b2x - b1x, b2y - b1y));
  let shPlus = 0;
  let shMinus = 0;
  const m = CUTS - 1;
  const sp = shapeOf(p);
  const sq = shapeOf(q);
  for (let j = 0; j < m; j++) {
    shPlus += Math.hypot(sq[2 * j]! - sp[2 * j]!, sq[2 * j + 1]! - sp[2 * j + 1]!);
    shMinus += Math.hypot(sq[2 * (m - 1 - j)]! - sp[2 * j]!, sq[2 * (m - 1 - j) + 1]! - sp[2 * j + 1]!);
  }
  return Math.min(plus + 0.5 * sld + (2 * shPlus) / m, minus + 0.5 * sld + (2 * shMinus) / m);
}

/** Minimum-cost perfect assignment of a square cost matrix (Hungarian algorithm, O(n³)); returns the cost. */
export function assignmentCost(cost: readonly Float64Array[]): number {
  const n = cost.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) total += cost[p[j]! - 1]![j - 1]!;
  return total;
}

/** handwriter's distance between a graph and a template (both in prototype form). */
export function graphDistance(a: ClusterTemplate, b: ClusterTemplate): number {
  const n = Math.max(a.paths.length, b.paths.length);
  if (n === 0) return 0;
  const cost: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    const pa = a.paths[i];
    for (let j = 0; j < n; j++) {
      const pb = b.paths[j];
      const la = pa?.length ?? 0;
      const lb = pb?.length ?? 0;
      let d: number;
      if (!pa) d = lb * lb;
      else if (!pb) d = la * la;
      else d = pathDistance(pa, pb);
      const share = ((a.size > 0 ? la / a.size : 0) + (b.size > 0 ? lb / b.size : 0)) / 2;
      row[j] = d * share;
    }
    cost.push(row);
  }
  return assignmentCost(cost);
}

/** Index (0-based) of the nearest template and the distances to all. */
export function nearestTemplate(graph: ClusterTemplate, templates: readonly ClusterTemplate[]): { readonly cluster: number; readonly distance: number } {
  let best = 0;
  let bestDistance = Infinity;
  templates.forEach((t, i) => {
    const d = graphDistance(graph, t);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return { cluster: best, distance: bestDistance };
}
