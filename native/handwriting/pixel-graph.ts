/**
 * The skeleton of one connected component as a small graph over its pixels (local ids 0…n−1 in column-major order),
 * with the two edge sets handwriter uses: all eight-neighbour links (`skel`, diagonal steps cost 3 "pen" units,
 * straight ones 1) and `skel0`, where a diagonal link is dropped whenever a straight pixel beside it already joins
 * the two. Shortest paths (Dijkstra with a binary heap) and breadth-first searches run on these.
 */

/** One component's pixel graph. */
export interface PixelGraph {
  /** Global (column-major page) index of each local vertex, increasing. */
  readonly pixels: Int32Array;
  /** Neighbours of each vertex in `skel` (eight-connected), in clockwise order from the top. */
  readonly skel: readonly Int32Array[];
  /** Whether the `skel` link at the same position is diagonal. */
  readonly diagonal: readonly Uint8Array[];
  /** Neighbours of each vertex in `skel0` (redundant diagonals removed). */
  readonly skel0: readonly Int32Array[];
}

/** Builds the pixel graph of a component from its sorted global pixel indices; `local` maps global → local (−1 elsewhere). */
export function buildPixelGraph(pixels: Int32Array, rows: number, local: Int32Array): PixelGraph {
  const n = rows;
  const offsets = [-1, n - 1, n, n + 1, 1, 1 - n, -n, -n - 1];
  const skel: Int32Array[] = [];
  const diagonal: Uint8Array[] = [];
  const skel0: Int32Array[] = [];
  for (let v = 0; v < pixels.length; v++) local[pixels[v]!] = v;
  for (let v = 0; v < pixels.length; v++) {
    const p = pixels[v]!;
    const present = offsets.map((o) => local[p + o]! >= 0);
    const nb: number[] = [];
    const dg: number[] = [];
    const nb0: number[] = [];
    for (let k = 0; k < 8; k++) {
      if (!present[k]) continue;
      const to = local[p + offsets[k]!]!;
      const isDiagonal = k % 2 === 1;
      nb.push(to);
      dg.push(isDiagonal ? 1 : 0);
      // A diagonal neighbour is dropped from skel0 when either straight pixel beside it is skeleton.
      if (isDiagonal && (present[(k + 7) % 8] || present[(k + 1) % 8])) continue;
      nb0.push(to);
    }
    skel.push(Int32Array.from(nb));
    diagonal.push(Uint8Array.from(dg));
    skel0.push(Int32Array.from(nb0));
  }
  return { pixels, skel, diagonal, skel0 };
}

/** Clears the global → local map for a component's pixels. */
export function releaseLocal(graph: PixelGraph, local: Int32Array): void {
  for (const p of graph.pixels) local[p] = -1;
}

/** Key of an undirected edge between local vertices a and b. */
export function edgeKey(a: number, b: number): number {
  return a < b ? a * 1_048_576 + b : b * 1_048_576 + a;
}

/** A minimal binary min-heap of (priority, vertex). */
class Heap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  pop(): [number, number] {
    const keys = this.keys;
    const values = this.values;
    const topKey = keys[0]!;
    const topValue = values[0]!;
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    if (keys.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let mKey = lastKey;
        if (l < keys.length && keys[l]! < mKey) {
          m = l;
          mKey = keys[l]!;
        }
        if (r < keys.length && keys[r]! < mKey) {
          m = r;
          mKey = keys[r]!;
        }
        if (m === i) break;
        keys[i] = keys[m]!;
        values[i] = values[m]!;
        i = m;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return [topKey, topValue];
  }
}

/** Shortest path from `from` to `to` over `adjacency` with `weight(a, b, k)` for the k-th link of a; null if none. */
export function shortestPath(
  adjacency: readonly Int32Array[],
  from: number,
  to: number,
  weight: (a: number, b: number, k: number) => number,
  removed?: ReadonlySet<number>,
  allowed?: (v: number) => boolean,
): { readonly distance: number; readonly path: number[] } | null {
  const count = adjacency.length;
  const dist = new Float64Array(count).fill(Infinity);
  const previous = new Int32Array(count).fill(-1);
  const heap = new Heap();
  dist[from] = 0;
  heap.push(0, from);
  while (heap.size > 0) {
    const [d, v] = heap.pop();
    if (d > dist[v]!) continue;
    if (v === to) break;
    const links = adjacency[v]!;
    for (let k = 0; k < links.length; k++) {
      const w = links[k]!;
      if (removed?.has(edgeKey(v, w))) continue;
      if (allowed && !allowed(w)) continue;
      const nd = d + weight(v, w, k);
      if (nd < dist[w]!) {
        dist[w] = nd;
        previous[w] = v;
        heap.push(nd, w);
      }
    }
  }
  if (!Number.isFinite(dist[to]!)) return null;
  const path: number[] = [];
  for (let v = to; v !== -1; v = previous[v]!) path.push(v);
  path.reverse();
  return { distance: dist[to]!, path };
}

/** Hop distances (unweighted, capped at `maxDepth`) from `from` over `adjacency`; unreached vertices stay −1. */
export function hopDistances(adjacency: readonly Int32Array[], from: number, maxDepth: number): Int32Array {
  const depth = new Int32Array(adjacency.length).fill(-1);
  depth[from] = 0;
  let frontier = [from];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const w of adjacency[v]!) {
        if (depth[w] !== -1) continue;
        depth[w] = d;
        next.push(w);
      }
    }
    frontier = next;
  }
  return depth;
}
