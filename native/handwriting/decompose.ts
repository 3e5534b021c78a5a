/**
 * Decomposition of a handwriting skeleton into *graphs* (letters or parts of letters), following the method of CSAFE's
 * handwriter (Crawford et al.): nodes at stroke ends, junctions and 2×2 pixel blocks; nearby junction nodes merged;
 * paths between nodes and loops; candidate break points in the troughs of connecting strokes (or mid-path), kept only
 * on bridge paths away from ends and stroke tips, and dropped again where they would split stacked or too-simple shapes;
 * the skeleton cut at the kept break points gives the graphs. Pixel indices are column-major (col·rows + row).
 */
import { buildPixelGraph, edgeKey, hopDistances, type PixelGraph, releaseLocal, shortestPath } from './pixel-graph.ts';

/** One graph: its skeleton pixels, its paths (ordered pixel runs between nodes, loops closed) and its nodes. */
export interface SkeletonGraph {
  readonly pixels: readonly number[];
  readonly paths: readonly (readonly number[])[];
  readonly nodes: readonly number[];
}

/** The whole decomposition of a page. */
export interface Decomposition {
  readonly graphs: SkeletonGraph[];
  readonly nodeCount: number;
  readonly breakPointCount: number;
}

const OFFSETS = (n: number) => [-1, n - 1, n, n + 1, 1, 1 - n, -n, -n - 1];

/** Nodes of the skeleton: ends (one ink run around the pixel), junctions (three or more) and 2×2 blocks. */
function findNodes(skeleton: Int32Array, mask: Uint8Array, rows: number): { node: Uint8Array; terminal: Uint8Array } {
  const offsets = OFFSETS(rows);
  const node = new Uint8Array(mask.length);
  const connecting = new Uint8Array(mask.length);
  const neighbourCount = (p: number) => offsets.reduce((s, o) => s + mask[p + o]!, 0);
  for (const p of skeleton) {
    let changes = 0;
    for (let k = 0; k < 8; k++) if (!mask[p + offsets[k]!] && mask[p + offsets[(k + 1) % 8]!]) changes++;
    if (changes === 1 || changes >= 3) node[p] = 1;
    if (changes >= 3) connecting[p] = 1;
  }
  for (const p of skeleton) {
    const block = [p, p + 1, p + rows, p + rows + 1];
    if (!block.every((q) => mask[q])) continue;
    let best = 0;
    let bestCount = -1;
    block.forEach((q, i) => {
      const c = neighbourCount(q);
      if (c > bestCount) {
        bestCount = c;
        best = i;
      }
    });
    for (const q of [block[best]!, block[3 - best]!]) {
      node[q] = 1;
      connecting[q] = 1;
    }
  }
  const terminal = new Uint8Array(mask.length);
  for (const p of skeleton) if (node[p] && !connecting[p]) terminal[p] = 1;
  return { node, terminal };
}

/** Connected components of the skeleton (eight-connected), each as sorted pixel indices. */
function components(skeleton: Int32Array, mask: Uint8Array, rows: number): Int32Array[] {
  const offsets = OFFSETS(rows);
  const seen = new Uint8Array(mask.length);
  const out: Int32Array[] = [];
  for (const start of skeleton) {
    if (seen[start]) continue;
    seen[start] = 1;
    const members = [start];
    for (let i = 0; i < members.length; i++) {
      const p = members[i]!;
      for (const o of offsets) {
        const q = p + o;
        if (mask[q] && !seen[q]) {
          seen[q] = 1;
          members.push(q);
        }
      }
    }
    out.push(Int32Array.from(members).sort());
  }
  return out;
}

/** Depth-first visiting order from `root` over vertices `allowed`, neighbours taken in increasing id. */
function dfsOrder(adjacency: readonly Int32Array[], root: number, allowed: (v: number) => boolean): number[] {
  const order: number[] = [];
  const seen = new Set<number>([root]);
  const stack: { v: number; k: number }[] = [{ v: root, k: 0 }];
  order.push(root);
  const sorted = (v: number) => Array.from(adjacency[v]!).sort((a, b) => a - b);
  const cache = new Map<number, number[]>();
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    let links = cache.get(top.v);
    if (!links) {
      links = sorted(top.v);
      cache.set(top.v, links);
    }
    let advanced = false;
    while (top.k < links.length) {
      const w = links[top.k++]!;
      if (seen.has(w) || !allowed(w)) continue;
      seen.add(w);
      order.push(w);
      stack.push({ v: w, k: 0 });
      advanced = true;
      break;
    }
    if (!advanced) stack.pop();
  }
  return order;
}

/** Node pairs joined without another node between them (node-only distance 1 or 2 on skel0). */
function directlyJoined(g: PixelGraph, isNode: (v: number) => boolean, nodes: readonly number[]): Map<number, Set<number>> {
  const adj = new Map<number, Set<number>>();
  for (const a of nodes) adj.set(a, new Set());
  const dist = new Map<number, number>();
  for (const a of nodes) {
    dist.clear();
    dist.set(a, 0);
    const deque: number[] = [a];
    let head = 0;
    // 0-1 breadth-first search: links touching a node cost 1, others 0; nothing beyond 2 matters.
    const front: number[] = [];
    while (head < deque.length || front.length > 0) {
      const v = front.length > 0 ? front.pop()! : deque[head++]!;
      const dv = dist.get(v)!;
      for (const w of g.skel0[v]!) {
        const cost = isNode(v) || isNode(w) ? 1 : 0;
        const nd = dv + cost;
        if (nd > 2) continue;
        const old = dist.get(w);
        if (old !== undefined && old <= nd) continue;
        dist.set(w, nd);
        if (cost === 0) front.push(w);
        else deque.push(w);
      }
    }
    for (const b of nodes) {
      const d = dist.get(b);
      if (b !== a && (d === 1 || d === 2)) adj.get(a)!.add(b);
    }
  }
  return adj;
}

/** Merges junction nodes one or two steps apart into the pixel midway between them; returns nodes and joins. */
function mergeNodes(g: PixelGraph, initial: readonly number[], terminal: ReadonlySet<number>, joins: Map<number, Set<number>>): { nodes: number[]; pairs: [number, number][] } {
  let nodes = [...initial];
  const penWeight = (a: number, _b: number, k: number) => (g.diagonal[a]![k] ? 3 : 1);
  for (let iteration = 0; iteration < 100; iteration++) {
    const index = new Map(nodes.map((v, i) => [v, i]));
    const pairs: [number, number][] = [];
    const hops = nodes.map((v) => hopDistances(g.skel0, v, 2));
    for (let j = 0; j < nodes.length; j++) {
      for (let i = 0; i < j; i++) {
        const d = hops[i]![nodes[j]!]!;
        if (d >= 1 && d <= 2 && !terminal.has(nodes[i]!) && !terminal.has(nodes[j]!)) pairs.push([nodes[i]!, nodes[j]!]);
      }
    }
    if (pairs.length === 0) break;
    const merged = new Map<number, number[]>();
    const fresh = new Map<number, Set<number>>();
    const newNodes: number[] = [];
    for (const [a, b] of pairs) {
      const route = shortestPath(g.skel, a, b, penWeight)!;
      const mid = route.path[Math.ceil(route.path.length / 2) - 1]!;
      newNodes.push(mid);
      for (const x of [a, b]) merged.set(x, [...(merged.get(x) ?? []), mid]);
      const set = fresh.get(mid) ?? new Set<number>();
      for (const x of [...(joins.get(a) ?? []), ...(joins.get(b) ?? [])]) set.add(x);
      fresh.set(mid, set);
    }
    // Joins to a merged node move to what it merged into.
    const translate = (x: number): number[] => merged.get(x) ?? [x];
    for (const [x] of merged) {
      for (const y of joins.get(x) ?? []) joins.get(y)?.delete(x);
      joins.delete(x);
    }
    for (const [mid, set] of fresh) {
      const target = joins.get(mid) ?? new Set<number>();
      for (const x of set) for (const y of translate(x)) if (y !== mid) target.add(y);
      joins.set(mid, target);
      for (const y of target) {
        if (!joins.has(y)) joins.set(y, new Set());
        joins.get(y)!.add(mid);
      }
    }
    const remaining = nodes.filter((v) => !merged.has(v));
    const seen = new Set<number>();
    nodes = [...remaining, ...newNodes].filter((v) => (seen.has(v) ? false : (seen.add(v), true)));
    for (const v of [...joins.keys()]) if (!seen.has(v)) joins.delete(v);
    void index;
  }
  const order = new Map(nodes.map((v, i) => [v, i]));
  const pairs: [number, number][] = [];
  for (let j = 0; j < nodes.length; j++) {
    for (let i = 0; i < j; i++) {
      if (joins.get(nodes[i]!)?.has(nodes[j]!)) pairs.push([nodes[i]!, nodes[j]!]);
    }
  }
  void order;
  return { nodes, pairs };
}

/** Paths between joined node pairs: repeatedly the shortest one, cutting its middle link, while no node lies between. */
function findPaths(g: PixelGraph, nodeSet: ReadonlySet<number>, pairs: readonly [number, number][]): number[][] {
  const removed = new Set<number>();
  const weight = (a: number, b: number) => (nodeSet.has(a) || nodeSet.has(b) ? 1 : 0.00001);
  const paths: number[][] = [];
  for (const [from, to] of pairs) {
    for (let guard = 0; guard < 64; guard++) {
      const found = shortestPath(g.skel0, from, to, weight, removed);
      if (!found || found.distance >= 3 || found.distance < 1) break;
      const path = found.path;
      paths.push(path);
      const len = path.length;
      const k = len > 2 ? Math.floor(len / 2) - 1 : 0;
      removed.add(edgeKey(path[k]!, path[k + 1]!));
    }
  }
  return paths;
}

/** Loops: closed runs through a node not covered by paths, then loops hanging near nodes, then node-free rings. */
function findLoops(g: PixelGraph, nodes: readonly number[], nodeSet: ReadonlySet<number>, paths: readonly number[][]): number[][] {
  const count = g.pixels.length;
  const loops: number[][] = [];
  const interior = new Uint8Array(count);
  for (const p of paths) for (let i = 1; i < p.length - 1; i++) interior[p[i]!] = 1;
  // Links among pixels not inside a path, except node-to-node links.
  const restricted = g.skel0.map((links, v) => (interior[v] ? new Int32Array(0) : links.filter((w) => !interior[w] && !(nodeSet.has(v) && nodeSet.has(w)))));
  const removed = new Set<number>();
  const penWeight = (a: number, b: number) => {
    const k = g.skel[a]!.indexOf(b);
    return g.diagonal[a]![k] ? 3 : 1;
  };
  for (let v = 0; v < count; v++) {
    if (!nodeSet.has(v) || restricted[v]!.length <= 1) continue;
    const first = Math.min(...restricted[v]!);
    removed.add(edgeKey(v, first));
    const found = shortestPath(restricted, v, first, penWeight, removed);
    if (found) loops.push([...found.path, v]);
  }
  const used = () => {
    const mark = new Uint8Array(count);
    for (const p of [...paths, ...loops]) for (const v of p) mark[v] = 1;
    return mark;
  };
  // Pixels still unused that touch a node: walk them depth-first from the node and come back by the shortest way.
  let usedMark = used();
  const free = (v: number) => !usedMark[v] || nodeSet.has(v);
  const rooted: number[][] = [];
  for (const root of nodes) {
    if (!g.skel0[root]!.some((w) => free(w))) continue;
    const part = dfsOrder(g.skel0, root, (w) => free(w) && g.skel0[w]!.some((x) => free(x)));
    if (part.length < 2) continue;
    const back = shortestPath(g.skel0, part[part.length - 1]!, root, () => 1)!;
    rooted.push([...part, ...back.path.slice(1)]);
  }
  loops.push(...rooted);
  usedMark = used();
  // Whatever is left: rings reached from a node within three steps, or rings with no node at all.
  const leftover = new Uint8Array(count);
  for (let v = 0; v < count; v++) if (!usedMark[v] && !nodeSet.has(v)) leftover[v] = 1;
  for (let start = 0; start < count; start++) {
    if (!leftover[start]) continue;
    const part = dfsOrder(g.skel0, start, (w) => leftover[w] === 1);
    for (const v of part) leftover[v] = 0;
    let root = -1;
    for (const v of part) {
      const hops = hopDistances(g.skel0, v, 3);
      const near = nodes.filter((x) => hops[x]! >= 0).sort((a, b) => hops[a]! - hops[b]!);
      if (near.length > 0) {
        root = near[0]!;
        break;
      }
    }
    if (root < 0) {
      loops.push([...part, part[0]!]);
      continue;
    }
    const inbound = shortestPath(g.skel0, root, part[0]!, () => 1)!;
    const outbound = shortestPath(g.skel0, part[part.length - 1]!, root, () => 1)!;
    loops.push([...inbound.path.slice(0, -1), ...part, ...outbound.path.slice(1)]);
  }
  return loops;
}

/** Whether the vertex at `j` of a path sits in a trough: higher pixels on both sides, nothing lower in between. */
function isTrough(rowsOf: readonly number[], j: number): boolean {
  const limit = rowsOf[j]! - 1;
  let lower = -1;
  for (let k = j - 1; k >= 0; k--) if (rowsOf[k]! < limit) {
    lower = k;
    break;
  }
  if (lower < 0) return false;
  let upper = -1;
  for (let k = j + 1; k < rowsOf.length; k++) if (rowsOf[k]! < limit) {
    upper = k;
    break;
  }
  if (upper < 0) return false;
  for (let k = lower; k <= upper; k++) if (rowsOf[k]! > rowsOf[j]!) return false;
  return true;
}

/** Candidate break points of a component: trough middles of connecting strokes, else the middle of each path. */
function candidateBreaks(g: PixelGraph, rows: number, pathList: readonly number[][]): { breaks: number[]; hasTrough: boolean[] } {
  const rowOf = (v: number) => g.pixels[v]! % rows;
  const colOf = (v: number) => Math.floor(g.pixels[v]! / rows);
  const breaks: number[] = [];
  const troughs: number[] = [];
  const hasTrough = pathList.map((path) => {
    const found: number[] = [];
    if (path.length > 10) {
      const rowsOf = path.map(rowOf);
      for (let j = 4; j <= path.length - 5; j++) if (isTrough(rowsOf, j)) found.push(path[j]!);
    }
    if (found.length > 0) {
      troughs.push(...found);
      return true;
    }
    breaks.push(path[Math.ceil(path.length / 2) - 1]!);
    return false;
  });
  if (troughs.length > 0) {
    const cuts: number[] = [1];
    for (let i = 0; i < troughs.length - 1; i++) {
      const a = troughs[i]!;
      const b = troughs[i + 1]!;
      const rowBreak = rowOf(a) !== rowOf(b);
      const col1 = colOf(a) - 1 !== colOf(b);
      const col2 = colOf(a) !== colOf(b) - 1;
      if ((rowBreak || col1) && col2) cuts.push(i + 1);
    }
    cuts.push(troughs.length);
    for (let i = 0; i < cuts.length - 1; i++) breaks.push(troughs[Math.ceil((cuts[i]! + cuts[i + 1]!) / 2) - 1]!);
  }
  return { breaks, hasTrough };
}

/** Keeps break points only on bridge paths between junctions, away from path ends; one per path at most. */
function screenBreaks(breaks: number[], pathList: readonly number[][], allPaths: readonly number[][], nodes: readonly number[], terminal: ReadonlySet<number>): number[] {
  const edges = new Map<number, number[]>();
  const multiplicity = new Map<number, number>();
  for (const v of nodes) edges.set(v, []);
  for (const p of pathList) {
    const a = p[0]!;
    const b = p[p.length - 1]!;
    edges.get(a)?.push(b);
    edges.get(b)?.push(a);
    multiplicity.set(edgeKey(a, b), (multiplicity.get(edgeKey(a, b)) ?? 0) + 1);
  }
  const connectedWithout = (a: number, b: number): boolean => {
    if ((multiplicity.get(edgeKey(a, b)) ?? 0) > 1) return true;
    const seen = new Set([a]);
    const queue = [a];
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const w of edges.get(v) ?? []) {
        if ((v === a && w === b) || (v === b && w === a) || seen.has(w)) continue;
        if (w === b) return true;
        seen.add(w);
        queue.push(w);
      }
    }
    return false;
  };
  const keep = new Map(breaks.map((b) => [b, true]));
  for (const p of pathList) {
    const inPath = breaks.filter((b) => p.includes(b));
    if (inPath.length === 0) continue;
    const a = p[0]!;
    const b = p[p.length - 1]!;
    const positions = inPath.map((x) => p.indexOf(x));
    const refuse = connectedWithout(a, b) || p.some((v) => terminal.has(v)) || p.length <= 10 || positions.some((i) => i <= 3 || i >= p.length - 4);
    if (refuse) for (const x of inPath) keep.set(x, false);
  }
  let kept = breaks.filter((b) => keep.get(b));
  for (const p of allPaths) {
    const positions = p.map((v, i) => (kept.includes(v) ? i : -1)).filter((i) => i >= 0);
    if (positions.length <= 1) continue;
    const mean = positions.reduce((s, i) => s + i + 1, 0) / positions.length;
    kept = kept.filter((v) => !p.includes(v));
    kept.push(p[Math.floor(mean) - 1]!);
  }
  return kept;
}

/** Decomposes one component into graphs. */
function decomposeComponent(
  pixels: Int32Array,
  rows: number,
  local: Int32Array,
  node: Uint8Array,
  terminalMask: Uint8Array,
): { graphs: SkeletonGraph[]; nodeCount: number; breakCount: number } {
  const g = buildPixelGraph(pixels, rows, local);
  try {
    const count = pixels.length;
    const initialNodes: number[] = [];
    const terminal = new Set<number>();
    for (let v = 0; v < count; v++) {
      if (node[pixels[v]!]) initialNodes.push(v);
      if (terminalMask[pixels[v]!]) terminal.add(v);
    }
    const initialSet = new Set(initialNodes);
    const joins = directlyJoined(g, (v) => initialSet.has(v), initialNodes);
    const { nodes, pairs } = mergeNodes(g, initialNodes, terminal, joins);
    const nodeSet = new Set(nodes);
    const pathList = findPaths(g, nodeSet, pairs);
    const loops = findLoops(g, nodes, nodeSet, pathList);
    const allPaths = [...pathList, ...loops];
    let breaks: number[] = [];
    let hasTrough: boolean[] = [];
    if (pathList.length > 0) {
      const candidates = candidateBreaks(g, rows, pathList);
      hasTrough = candidates.hasTrough;
      breaks = screenBreaks(candidates.breaks, pathList, allPaths, nodes, terminal);
    }
    const isBreak = new Uint8Array(count);
    for (const b of breaks) isBreak[b] = 1;
    // Graphs = pieces of skel0 once the break points are taken out; pieces of five pixels or fewer are dropped.
    const graphId = new Int32Array(count).fill(-1);
    const pieces: number[][] = [];
    for (let v = 0; v < count; v++) {
      if (isBreak[v] || graphId[v] !== -1) continue;
      const id = pieces.length;
      const members = dfsOrder(g.skel0, v, (w) => !isBreak[w]);
      for (const w of members) graphId[w] = id;
      pieces.push(members);
    }
    const dropped = new Uint8Array(count);
    for (const piece of pieces) if (piece.length <= 5) for (const v of piece) {
      dropped[v] = 1;
      graphId[v] = -1;
    }
    const piecePaths = (id: number) => allPaths.filter((p) => p.every((v) => graphId[v] === id)).length;
    const stacked = (b: number): boolean => {
      for (const p of allPaths) {
        const inPath = breaks.filter((x) => p.includes(x));
        if (inPath.length !== 1 || inPath[0] !== b) continue;
        const pr = p.map((v) => pixels[v]! % rows);
        const pc = p.map((v) => Math.floor(pixels[v]! / rows));
        if (Math.abs((Math.max(...pr) - Math.min(...pr)) / (Math.max(...pc) + 1 - Math.min(...pc))) > 2) return true;
        const i = p.indexOf(b);
        const left = graphId[p[i - 1]!]!;
        const right = graphId[p[i + 1]!]!;
        if (left < 0 || right < 0) continue;
        const r1 = pieces[left]!.map((v) => pixels[v]! % rows);
        const r2 = pieces[right]!.map((v) => pixels[v]! % rows);
        const overlap = Math.min(Math.abs(Math.max(...r1) - Math.min(...r2)), Math.abs(Math.max(...r2) - Math.min(...r1)));
        const all = [...r1, ...r2];
        const range = Math.max(...all) - Math.min(...all);
        const share = range === 0 ? 1 : overlap / range;
        if (share < 0.1) return true;
      }
      return false;
    };
    const tooSimple = (b: number): boolean => {
      for (let i = 0; i < pathList.length; i++) {
        const p = pathList[i]!;
        if (hasTrough[i] || !p.includes(b)) continue;
        const at = p.indexOf(b);
        const left = graphId[p[at - 1]!]!;
        const right = graphId[p[at + 1]!]!;
        if (left < 0 || right < 0) continue;
        const describe = (id: number) => {
          const members = pieces[id]!;
          return {
            nodes: members.filter((v) => nodeSet.has(v)).length,
            terminals: members.filter((v) => terminal.has(v)).length,
            paths: piecePaths(id),
          };
        };
        const l = describe(left);
        const r = describe(right);
        if (l.nodes === 3 && r.nodes === 3 && l.terminals === 2 && r.terminals === 2 && l.paths === 2 && r.paths === 2) return true;
      }
      return false;
    };
    const notStacked = breaks.filter((b) => !stacked(b));
    const finalBreaks = new Set(notStacked.filter((b) => !tooSimple(b)));
    const graphPaths: number[][] = [];
    const extraNodes: number[] = [];
    for (const p of allPaths) {
      const at = p.findIndex((v) => isBreak[v] === 1);
      if (at < 0) {
        graphPaths.push(p);
        continue;
      }
      if (finalBreaks.has(p[at]!)) {
        graphPaths.push(p.slice(0, at), p.slice(at + 1));
        extraNodes.push(p[at - 1]!, p[at + 1]!);
        continue;
      }
      graphPaths.push(p);
      // An unkept break joins the graphs on its two sides back together.
      const ids = p.map((v) => graphId[v]!).filter((id) => id >= 0);
      if (ids.length === 0) continue;
      const low = Math.min(...ids);
      const high = Math.max(...ids);
      for (let v = 0; v < count; v++) if (graphId[v] === high) graphId[v] = low;
      graphId[p[at]!] = low;
    }
    const byId = new Map<number, number[]>();
    for (let v = 0; v < count; v++) {
      const id = graphId[v]!;
      if (id < 0) continue;
      const list = byId.get(id) ?? [];
      list.push(v);
      byId.set(id, list);
    }
    const allNodes = new Set([...nodes, ...extraNodes]);
    const graphs: SkeletonGraph[] = [];
    for (const [id, members] of byId) {
      const paths = graphPaths.filter((p) => p.length > 0 && p.every((v) => graphId[v] === id));
      graphs.push({
        pixels: members.map((v) => pixels[v]!),
        paths: paths.map((p) => p.map((v) => pixels[v]!)),
        nodes: members.filter((v) => allNodes.has(v)).map((v) => pixels[v]!),
      });
    }
    void dropped;
    return { graphs, nodeCount: nodes.length, breakCount: finalBreaks.size };
  } finally {
    releaseLocal(g, local);
  }
}

/** Decomposes a page's skeleton (sorted column-major pixel indices of a `rows`-tall page) into graphs. */
export function decomposeSkeleton(skeleton: Int32Array, rows: number, cols: number): Decomposition {
  const mask = new Uint8Array(rows * cols);
  for (const p of skeleton) mask[p] = 1;
  const { node, terminal } = findNodes(skeleton, mask, rows);
  const local = new Int32Array(rows * cols).fill(-1);
  const graphs: SkeletonGraph[] = [];
  let nodeCount = 0;
  let breakPointCount = 0;
  for (const component of components(skeleton, mask, rows)) {
    if (component.length <= 5) continue;
    const result = decomposeComponent(component, rows, local, node, terminal);
    graphs.push(...result.graphs);
    nodeCount += result.nodeCount;
    breakPointCount += result.breakCount;
  }
  return { graphs, nodeCount, breakPointCount };
}
