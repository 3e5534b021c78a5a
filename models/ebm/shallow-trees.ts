/**
 * The shallow trees the booster fits to one term at a time, on histograms of gradient (G), hessian (H) and count
 * (C) per cell. A main term's tree cuts an ordered sequence of bins into at most `maxLeaves` runs (EBM's default
 * is 3 leaves); a pair's tree cuts one input, then each side along the other (4 leaves), a categorical input's cells
 * ordered by their gradient-to-hessian ratio before either cut, as a main term's categories are. Leaf values are Newton
 * steps, -G / (H + λ), clipped to ±maxDeltaStep (XGBoost's max_delta_step).
 */

/** Tree-size and regularisation settings. */
export interface TreeSettings {
  readonly maxLeaves: number;
  /** Fewest training cases in a leaf. */
  readonly minLeafCount: number;
  /** L2 regularisation of leaf values. */
  readonly lambda: number;
  /** Added to each category's hessian when categories are ordered for a cut. */
  readonly categorySmoothing: number;
  /**
   * Largest leaf value before the learning rate (XGBoost's max_delta_step). A class-probability loss has a hessian
   * near 0 where a class is (nearly) impossible, so one case of that class there makes -G/H as large as 1/p; the
   * cap keeps such a leaf moving a bounded distance per round. Infinity: no cap.
   */
  readonly maxDeltaStep: number;
}

/** Per-cell sums for one score (class) k of K: G[cell * K + k], H[cell * K + k], C[cell]. */
export interface Histogram {
  readonly G: Float64Array;
  readonly H: Float64Array;
  readonly C: Float64Array;
  readonly width: number;
}

const score = (g: number, h: number, lambda: number) => (h + lambda > 0 ? (g * g) / (h + lambda) : 0);
const step = (g: number, h: number, settings: TreeSettings) =>
  h + settings.lambda > 0 ? Math.max(-settings.maxDeltaStep, Math.min(settings.maxDeltaStep, -g / (h + settings.lambda))) : 0;

/** Scratch prefix sums of `fitOrderedTree`, grown to the longest order seen (one per process: trees are fitted one at a time). */
const prefix = { g: new Float64Array(0), h: new Float64Array(0), c: new Float64Array(0) };

/**
 * Fits runs over the cells in `order` for score k and writes each cell's leaf value into `out[cell * K + k]`.
 * Greedy: the split with the largest gain among all current runs, until `maxLeaves` runs or no gain.
 */
export function fitOrderedTree(hist: Histogram, k: number, order: ArrayLike<number>, settings: TreeSettings, out: Float64Array): void {
  const n = order.length;
  const K = hist.width;
  // Prefix sums along the order, so any run's totals cost two reads (scratch, as a tree is fitted per term per round).
  if (prefix.g.length < n + 1) Object.assign(prefix, { g: new Float64Array(n + 1), h: new Float64Array(n + 1), c: new Float64Array(n + 1) });
  const { g: pg, h: ph, c: pc } = prefix;
  for (let p = 0; p < n; p += 1) {
    const cell = order[p]!;
    pg[p + 1] = pg[p]! + hist.G[cell * K + k]!;
    ph[p + 1] = ph[p]! + hist.H[cell * K + k]!;
    pc[p + 1] = pc[p]! + hist.C[cell]!;
  }
  const runs: Array<[number, number]> = [[0, n]];
  while (runs.length < settings.maxLeaves) {
    let bestGain = 0;
    let bestRun = -1;
    let bestAt = -1;
    for (let r = 0; r < runs.length; r += 1) {
      const [a, b] = runs[r]!;
      const parent = score(pg[b]! - pg[a]!, ph[b]! - ph[a]!, settings.lambda);
      for (let s = a + 1; s < b; s += 1) {
        if (pc[s]! - pc[a]! < settings.minLeafCount || pc[b]! - pc[s]! < settings.minLeafCount) continue;
        const gain = score(pg[s]! - pg[a]!, ph[s]! - ph[a]!, settings.lambda) + score(pg[b]! - pg[s]!, ph[b]! - ph[s]!, settings.lambda) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestRun = r;
          bestAt = s;
        }
      }
    }
    if (bestRun < 0) break;
    const [a, b] = runs[bestRun]!;
    runs.splice(bestRun, 1, [a, bestAt], [bestAt, b]);
  }
  for (const [a, b] of runs) {
    const value = step(pg[b]! - pg[a]!, ph[b]! - ph[a]!, settings);
    for (let p = a; p < b; p += 1) out[order[p]! * K + k] = value;
  }
}

/** The key categories are ordered by: gradient over smoothed hessian, or last (Infinity) where no case fell. */
const smoothedRatio = (g: number, h: number, count: number, smoothing: number) => (count > 0 ? g / (h + smoothing + 1e-12) : Infinity);

/**
 * Cells ordered by their gradient-to-hessian ratio, the order in which the best cut of unordered categories lies
 * (Fisher 1958). `smoothing` is added to each hessian, as LightGBM's cat_smooth, so that a rare category's extreme
 * ratio does not put it at an end of the order on little evidence; cells without cases go last.
 */
export function ratioOrder(hist: Histogram, k: number, cells: number, smoothing: number): Int32Array {
  const K = hist.width;
  const order = new Int32Array(cells);
  const key = new Float64Array(cells);
  for (let c = 0; c < cells; c += 1) {
    order[c] = c;
    key[c] = smoothedRatio(hist.G[c * K + k]!, hist.H[c * K + k]!, hist.C[c]!, smoothing);
  }
  return order.sort((a, b) => key[a]! - key[b]!);
}

/**
 * Best single cut of the first `n` positions of a sequence given by its totals per position, taken in the order
 * `order` (null: as they are): the leaf objective goes to `cutObjective`, the cut (-1: none; else the number of
 * positions, in that order, on its first side) to `cutAt`. Module-level results, because this runs for every outer
 * cut of every pair tree of every round and an object per call was a measurable share of training.
 */
let cutObjective = 0;
let cutAt = -1;
function bestCut(g: Float64Array, h: Float64Array, c: Float64Array, n: number, settings: TreeSettings, order: Int32Array | null): void {
  let G = 0;
  let H = 0;
  let C = 0;
  for (let i = 0; i < n; i += 1) {
    G += g[i]!;
    H += h[i]!;
    C += c[i]!;
  }
  let objective = score(G, H, settings.lambda);
  let cut = -1;
  let gl = 0;
  let hl = 0;
  let cl = 0;
  for (let p = 0; p < n - 1; p += 1) {
    const i = order === null ? p : order[p]!;
    gl += g[i]!;
    hl += h[i]!;
    cl += c[i]!;
    if (cl < settings.minLeafCount || C - cl < settings.minLeafCount) continue;
    const candidate = score(gl, hl, settings.lambda) + score(G - gl, H - hl, settings.lambda);
    if (candidate > objective) {
      objective = candidate;
      cut = p + 1;
    }
  }
  cutObjective = objective;
  cutAt = cut;
}

/** Scratch of `ratioOrderOf`. */
let ratioKey = new Float64Array(0);

/**
 * Puts the first `n` positions of `order` in the order of their gradient-to-hessian ratio (`smoothing` added to each
 * hessian, as in `ratioOrder`; positions without cases last): where a cut of unordered categories lies. `order` comes
 * in as the identity (`fresh`) or as the last order of the same side, which one more outer row barely changes, so an
 * insertion sort is near linear here.
 */
function ratioOrderOf(g: Float64Array, h: Float64Array, c: Float64Array, n: number, smoothing: number, order: Int32Array, fresh: boolean): Int32Array {
  if (ratioKey.length < n) ratioKey = new Float64Array(n);
  const key = ratioKey;
  for (let p = 0; p < n; p += 1) {
    if (fresh) order[p] = p;
    key[p] = smoothedRatio(g[p]!, h[p]!, c[p]!, smoothing);
  }
  for (let p = 1; p < n; p += 1) {
    const moving = order[p]!;
    const at = key[moving]!;
    let q = p - 1;
    while (q >= 0 && key[order[q]!]! > at) {
      order[q + 1] = order[q]!;
      q -= 1;
    }
    order[q + 1] = moving;
  }
  return order;
}

/** Scratch rows of a pair tree's search (nine per inner position, three per outer one), grown to the widest grid seen. */
let rows = new Float64Array(0);
function scratch(inner: number, outer: number): Float64Array {
  if (rows.length < inner * 9 + outer * 3) rows = new Float64Array(inner * 9 + outer * 3);
  return rows;
}

/**
 * The best plan of a pair tree with `outer` as the first input: its objective, the first cut (outer positions, in
 * `outerOrder`, on its first side; `outer`: no cut) and each side's inner cut. An inner input that is categorical is
 * put in each side's own ratio order (`sideOrders`), so that a side can separate any categories that pull alike there.
 */
interface PairPlan {
  objective: number;
  first: number;
  cuts: [number, number];
  sideOrders: [Int32Array, Int32Array];
  outerOrder: Int32Array;
}

/** A plan with room for `outer` × `inner` positions. */
function emptyPlan(outer: number, inner: number): PairPlan {
  return { objective: -Infinity, first: outer, cuts: [-1, -1], sideOrders: [new Int32Array(inner), new Int32Array(inner)], outerOrder: new Int32Array(outer) };
}

/** Two plans per process (one per orientation of a pair tree) and the candidate side orders, grown as grids grow. */
const plans: { byA: PairPlan; byB: PairPlan; left: Int32Array; right: Int32Array } = {
  byA: emptyPlan(0, 0),
  byB: emptyPlan(0, 0),
  left: new Int32Array(0),
  right: new Int32Array(0),
};

/**
 * Fills `plan`: one cut along the outer input (cell = o × strideOuter + i × strideInner), its positions taken in the
 * ratio order of their totals if the outer input is categorical, then the best inner cut on each side; or no outer
 * cut and one inner cut.
 */
function planPair(
  hist: Histogram,
  k: number,
  outer: number,
  inner: number,
  strideOuter: number,
  strideInner: number,
  categorical: readonly [outer: boolean, inner: boolean],
  settings: TreeSettings,
  plan: PairPlan,
): void {
  const K = hist.width;
  const HG = hist.G;
  const HH = hist.H;
  const HC = hist.C;
  const buffer = scratch(inner, outer);
  const sideOrder = (which: Int32Array, g: Float64Array, h: Float64Array, c: Float64Array, fresh: boolean) =>
    categorical[1] ? ratioOrderOf(g, h, c, inner, settings.categorySmoothing, which, fresh) : null;
  // Running sums over the outer input, per inner position: left side = outer positions before the cut, right = the rest.
  const tg = buffer.subarray(0, inner).fill(0);
  const th = buffer.subarray(inner, 2 * inner).fill(0);
  const tc = buffer.subarray(2 * inner, 3 * inner).fill(0);
  const lg = buffer.subarray(3 * inner, 4 * inner).fill(0);
  const lh = buffer.subarray(4 * inner, 5 * inner).fill(0);
  const lc = buffer.subarray(5 * inner, 6 * inner).fill(0);
  const rg = buffer.subarray(6 * inner, 7 * inner);
  const rh = buffer.subarray(7 * inner, 8 * inner);
  const rc = buffer.subarray(8 * inner, 9 * inner);
  // Totals per outer position too, where a categorical outer input is ordered by them.
  const byRatio = categorical[0];
  const og = buffer.subarray(9 * inner, 9 * inner + outer).fill(0);
  const oh = buffer.subarray(9 * inner + outer, 9 * inner + 2 * outer).fill(0);
  const oc = buffer.subarray(9 * inner + 2 * outer, 9 * inner + 3 * outer).fill(0);
  for (let o = 0; o < outer; o += 1) {
    for (let i = 0; i < inner; i += 1) {
      const x = o * strideOuter + i * strideInner;
      tg[i]! += HG[x * K + k]!;
      th[i]! += HH[x * K + k]!;
      tc[i]! += HC[x]!;
      if (byRatio) {
        og[o]! += HG[x * K + k]!;
        oh[o]! += HH[x * K + k]!;
        oc[o]! += HC[x]!;
      }
    }
  }
  // The outer input's order: its own, or its categories by ratio over the whole grid.
  const outerOrder = plan.outerOrder;
  if (byRatio) ratioOrderOf(og, oh, oc, outer, settings.categorySmoothing, outerOrder, true);
  else for (let o = 0; o < outer; o += 1) outerOrder[o] = o;
  // Without an outer cut the tree may still cut the inner input once.
  const whole = sideOrder(plans.left, tg, th, tc, true);
  bestCut(tg, th, tc, inner, settings, whole);
  plan.objective = cutObjective;
  plan.first = outer;
  plan.cuts = [cutAt, -1];
  if (whole) plan.sideOrders[0].set(whole.subarray(0, inner));
  let leftCount = 0;
  let allCount = 0;
  for (let i = 0; i < inner; i += 1) allCount += tc[i]!;
  // The side orders start from the identity at the first outer cut tried and are carried from one cut to the next.
  let fresh = true;
  for (let p = 0; p < outer - 1; p += 1) {
    const o = outerOrder[p]!;
    for (let i = 0; i < inner; i += 1) {
      const x = o * strideOuter + i * strideInner;
      lg[i]! += HG[x * K + k]!;
      lh[i]! += HH[x * K + k]!;
      lc[i]! += HC[x]!;
      leftCount += HC[x]!;
      rg[i] = tg[i]! - lg[i]!;
      rh[i] = th[i]! - lh[i]!;
      rc[i] = tc[i]! - lc[i]!;
    }
    if (leftCount < settings.minLeafCount || allCount - leftCount < settings.minLeafCount) continue;
    const leftOrder = sideOrder(plans.left, lg, lh, lc, fresh);
    bestCut(lg, lh, lc, inner, settings, leftOrder);
    const left = cutObjective;
    const leftCut = cutAt;
    const rightOrder = sideOrder(plans.right, rg, rh, rc, fresh);
    fresh = false;
    bestCut(rg, rh, rc, inner, settings, rightOrder);
    if (left + cutObjective > plan.objective) {
      plan.objective = left + cutObjective;
      plan.first = p + 1;
      plan.cuts = [leftCut, cutAt];
      if (leftOrder && rightOrder) {
        plan.sideOrders[0].set(leftOrder.subarray(0, inner));
        plan.sideOrders[1].set(rightOrder.subarray(0, inner));
      }
    }
  }
}

/**
 * Fits a pair term's tree for score k over an A × B grid (cell = a * B + b): one cut along the first input, then
 * one cut along the second on each side; or the same with the inputs swapped, whichever fits better. An input
 * marked categorical has no order of its own, so its categories are taken in the order of their gradient-to-hessian
 * ratio: as the first input over the whole grid, as the second on each side of the first cut, so that a cut separates
 * categories that pull alike rather than neighbouring codes.
 */
export function fitPairTree(hist: Histogram, k: number, A: number, B: number, settings: TreeSettings, out: Float64Array, categorical: readonly [boolean, boolean] = [false, false]): void {
  const K = hist.width;
  const side = Math.max(A, B);
  if (plans.left.length < side) {
    Object.assign(plans, { byA: emptyPlan(side, side), byB: emptyPlan(side, side), left: new Int32Array(side), right: new Int32Array(side) });
  }
  planPair(hist, k, A, B, B, 1, categorical, settings, plans.byA);
  planPair(hist, k, B, A, 1, B, [categorical[1], categorical[0]], settings, plans.byB);
  const useA = plans.byA.objective >= plans.byB.objective;
  const chosen = useA ? plans.byA : plans.byB;
  const innerCategorical = useA ? categorical[1] : categorical[0];
  const [outer, inner] = useA ? [A, B] : [B, A];
  const [strideOuter, strideInner] = useA ? [B, 1] : [1, B];
  // The four (or fewer) leaves: side of the outer cut × side of that side's inner cut, each a set of positions.
  const sides: Array<[number, number, number, Int32Array]> = [
    [0, chosen.first, chosen.cuts[0], chosen.sideOrders[0]],
    [chosen.first, outer, chosen.cuts[1], chosen.sideOrders[1]],
  ];
  for (const [p0, p1, cut, sideOrder] of sides) {
    if (p0 >= p1) continue;
    const innerAt = (q: number) => (innerCategorical ? sideOrder[q]! : q);
    const parts: Array<[number, number]> = cut < 0 ? [[0, inner]] : [[0, cut], [cut, inner]];
    for (const [q0, q1] of parts) {
      let g = 0;
      let h = 0;
      for (let p = p0; p < p1; p += 1) {
        const o = chosen.outerOrder[p]!;
        for (let q = q0; q < q1; q += 1) {
          const x = o * strideOuter + innerAt(q) * strideInner;
          g += hist.G[x * K + k]!;
          h += hist.H[x * K + k]!;
        }
      }
      const value = step(g, h, settings);
      for (let p = p0; p < p1; p += 1) {
        const o = chosen.outerOrder[p]!;
        for (let q = q0; q < q1; q += 1) out[(o * strideOuter + innerAt(q) * strideInner) * K + k] = value;
      }
    }
  }
}

/**
 * FAST (Lou et al. 2013): how much a pair could explain beyond the main effects, as the best gain of a tree that
 * cuts each input once (four quadrants), summed over scores. Used only to rank candidate pairs.
 */
export function fastPairGain(hist: Histogram, A: number, B: number, lambda: number): number {
  const K = hist.width;
  let gain = 0;
  for (let k = 0; k < K; k += 1) {
    // 2-D prefix sums: S[a][b] = sum over cells (< a, < b).
    const W = B + 1;
    const sg = new Float64Array((A + 1) * W);
    const sh = new Float64Array((A + 1) * W);
    for (let a = 0; a < A; a += 1) {
      for (let b = 0; b < B; b += 1) {
        const cell = a * B + b;
        sg[(a + 1) * W + b + 1] = hist.G[cell * K + k]! + sg[a * W + b + 1]! + sg[(a + 1) * W + b]! - sg[a * W + b]!;
        sh[(a + 1) * W + b + 1] = hist.H[cell * K + k]! + sh[a * W + b + 1]! + sh[(a + 1) * W + b]! - sh[a * W + b]!;
      }
    }
    const G = sg[A * W + B]!;
    const H = sh[A * W + B]!;
    let best = 0;
    for (let a = 1; a < A; a += 1) {
      for (let b = 1; b < B; b += 1) {
        const g00 = sg[a * W + b]!;
        const h00 = sh[a * W + b]!;
        const g01 = sg[a * W + B]! - g00;
        const h01 = sh[a * W + B]! - h00;
        const g10 = sg[A * W + b]! - g00;
        const h10 = sh[A * W + b]! - h00;
        const g11 = G - g00 - g01 - g10;
        const h11 = H - h00 - h01 - h10;
        const objective = score(g00, h00, lambda) + score(g01, h01, lambda) + score(g10, h10, lambda) + score(g11, h11, lambda);
        best = Math.max(best, objective - score(G, H, lambda));
      }
    }
    gain += best;
  }
  return gain;
}
