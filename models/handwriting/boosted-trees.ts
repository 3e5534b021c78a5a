/**
 * Gradient-boosted regression trees for the same-writer log-odds (logistic loss, Newton leaves, shrinkage), grown
 * depth-first on quantile-binned features like LightGBM/XGBoost's histogram method, with row subsampling. Splits
 * are kept as raw feature thresholds (midpoints of bin edges never occur: a threshold is a bin's upper edge, so
 * `x ≤ threshold` sends exactly the bin's rows left), which is what the ONNX TreeEnsemble evaluates.
 */
import { seededRandom } from '../ebm/random.ts';
import { logistic, type ScoreTree } from './score-model.ts';

/** Boosting settings. */
export interface BoostSettings {
  readonly trees: number;
  readonly depth: number;
  readonly learningRate: number;
  readonly bins: number;
  readonly minLeafHessian: number;
  readonly lambda: number;
  readonly subsample: number;
  readonly seed: number;
}

/** Settings measured on the CSAFE training file (see the model card). */
export const defaultBoostSettings: BoostSettings = { trees: 300, depth: 3, learningRate: 0.05, bins: 64, minLeafHessian: 1, lambda: 1, subsample: 0.8, seed: 1 };

/** Quantile bin edges per feature (upper edges; the last bin is open). */
function binEdges(x: Float64Array, n: number, width: number, bins: number): Float64Array[] {
  return Array.from({ length: width }, (_, f) => {
    const values = new Float64Array(n);
    for (let r = 0; r < n; r += 1) values[r] = x[r * width + f]!;
    values.sort();
    const edges: number[] = [];
    for (let b = 1; b < bins; b += 1) {
      const v = values[Math.min(n - 1, Math.floor((b * n) / bins))]!;
      if (!edges.length || v > edges[edges.length - 1]!) edges.push(v);
    }
    // The top value never splits anything off; drop it so that every edge leaves rows on both sides.
    while (edges.length && edges[edges.length - 1]! >= values[n - 1]!) edges.pop();
    return Float64Array.from(edges);
  });
}

/** Bin of a value: the first edge it does not exceed (x ≤ edge), else the open last bin. */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A fitted ensemble: the intercept (prior log-odds) and the trees. */
export interface BoostedFit {
  readonly intercept: number;
  readonly trees: ScoreTree[];
}

/** Fits boosted trees on n rows (row-major n × width), labels y (1 = same writer) and row weights. */
export function fitBoostedTrees(x: Float64Array, y: Uint8Array, rowWeight: Float64Array, width: number, settings: BoostSettings = defaultBoostSettings): BoostedFit {
  const n = y.length;
  const edges = binEdges(x, n, width, settings.bins);
  const binned = new Uint8Array(n * width);
  for (let r = 0; r < n; r += 1) for (let f = 0; f < width; f += 1) binned[r * width + f] = binOf(edges[f]!, x[r * width + f]!);
  let positive = 0;
  let total = 0;
  for (let r = 0; r < n; r += 1) {
    positive += rowWeight[r]! * y[r]!;
    total += rowWeight[r]!;
  }
  const intercept = Math.log(positive / (total - positive));
  const margin = new Float64Array(n).fill(intercept);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const random = seededRandom(settings.seed);
  const trees: ScoreTree[] = [];
  const maxBins = settings.bins;
  const gradHist = new Float64Array(width * maxBins);
  const hessHist = new Float64Array(width * maxBins);

  for (let t = 0; t < settings.trees; t += 1) {
    for (let r = 0; r < n; r += 1) {
      const p = logistic(margin[r]!);
      g[r] = rowWeight[r]! * (p - y[r]!);
      h[r] = rowWeight[r]! * Math.max(p * (1 - p), 1e-12);
    }
    const rows: number[] = [];
    for (let r = 0; r < n; r += 1) if (random() < settings.subsample) rows.push(r);
    const tree: ScoreTree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (members: number[], depth: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(0);
      tree.right.push(0);
      let G = 0;
      let H = 0;
      for (const r of members) {
        G += g[r]!;
        H += h[r]!;
      }
      tree.value.push((-G / (H + settings.lambda)) * settings.learningRate);
      if (depth >= settings.depth || H < 2 * settings.minLeafHessian) return node;
      gradHist.fill(0);
      hessHist.fill(0);
      for (const r of members) {
        const base = r * width;
        for (let f = 0; f < width; f += 1) {
          const at = f * maxBins + binned[base + f]!;
          gradHist[at] = gradHist[at]! + g[r]!;
          hessHist[at] = hessHist[at]! + h[r]!;
        }
      }
      const parentGain = (G * G) / (H + settings.lambda);
      let best = { gain: 1e-9, feature: -1, bin: -1 };
      for (let f = 0; f < width; f += 1) {
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < edges[f]!.length; b += 1) {
          gl += gradHist[f * maxBins + b]!;
          hl += hessHist[f * maxBins + b]!;
          const hr = H - hl;
          if (hl < settings.minLeafHessian || hr < settings.minLeafHessian) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + settings.lambda) + (gr * gr) / (hr + settings.lambda) - parentGain;
          if (gain > best.gain) best = { gain, feature: f, bin: b };
        }
      }
      if (best.feature < 0) return node;
      const threshold = edges[best.feature]![best.bin]!;
      const leftRows = members.filter((r) => binned[r * width + best.feature]! <= best.bin);
      const rightRows = members.filter((r) => binned[r * width + best.feature]! > best.bin);
      tree.feature[node] = best.feature;
      tree.threshold[node] = threshold;
      tree.left[node] = grow(leftRows, depth + 1);
      tree.right[node] = grow(rightRows, depth + 1);
      return node;
    };
    grow(rows, 0);
    // Every row (sampled or not) moves by its leaf, found through the raw thresholds as inference will find it.
    for (let r = 0; r < n; r += 1) {
      let node = 0;
      while (tree.feature[node]! >= 0) node = x[r * width + tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      margin[r] = margin[r]! + tree.value[node]!;
    }
    trees.push(tree);
  }
  return { intercept, trees };
}
