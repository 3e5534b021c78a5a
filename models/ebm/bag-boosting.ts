/**
 * One bag of the EBM's training, from its validation split to its boosted tables: main terms first (with the FAST
 * gain of every candidate pair on their residuals), then the chosen pairs. A bag reads only plain typed arrays and
 * numbers, so the same code runs on the training thread or in a worker thread (bag-threads.ts) with the same result
 * to the last bit. Loaded by Node's own type stripping in a worker: this file and what it imports use erasable syntax
 * only.
 */
import { boostStage, type BagCases, type BoostSettings, type StageTerm } from './booster.ts';
import { lossFor, type Loss } from './losses.ts';
import { randomSplit, seededRandom } from './random.ts';
import { fastPairGain, type Histogram } from './shallow-trees.ts';

/** What every bag trains on: the binned inputs and targets of the training cases, and the settings. */
export interface BagData {
  /** Target of each training case (the value, or the index of its class). */
  readonly y: Float64Array;
  /** Per input, the main bin of each training case. */
  readonly mainBins: readonly Uint16Array[];
  /** Per input, its number of main bins and whether it is categorical. */
  readonly inputs: ReadonlyArray<{ readonly cells: number; readonly categorical: boolean }>;
  /** Per input, the pair bin of each main bin, and its number of pair bins. */
  readonly pairBinOf: readonly Uint16Array[];
  readonly pairCells: readonly number[];
  /** The loss as `lossFor` takes it. */
  readonly loss: { readonly kind: 'regression' | 'classification'; readonly classes: number; readonly huberDelta: number };
  readonly settings: BoostSettings;
  readonly maxPairRounds: number;
  readonly validationFraction: number;
  readonly seed: number;
  /** Whether candidate pairs are ranked at all. */
  readonly rankPairs: boolean;
}

/** A bag between its two stages: its split and its running scores. */
export interface Bag {
  readonly index: number;
  readonly cases: BagCases;
  readonly fitRows: Uint32Array;
  readonly valRows: Uint32Array;
}

/** A bag's main terms, and the FAST gain of each candidate pair (inputs a < b, in `candidatePairs` order). */
export interface MainsOutcome {
  readonly intercept: Float64Array;
  readonly mains: Float64Array[];
  readonly rounds: number;
  readonly validationLoss: number;
  readonly pairGains: Float64Array;
}

/** A bag's pair terms. */
export interface PairsOutcome {
  readonly pairs: Float64Array[];
  readonly rounds: number;
  readonly validationLoss: number;
}

/** Every pair of inputs a < b, in the order gains are reported. */
export function candidatePairs(inputs: number): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  for (let a = 0; a < inputs; a += 1) for (let b = a + 1; b < inputs; b += 1) pairs.push([a, b]);
  return pairs;
}

function lossOf(data: BagData): Loss {
  return lossFor(data.loss.kind, data.loss.classes, data.loss.huberDelta);
}

function gather(column: Uint16Array, rows: Uint32Array): Uint16Array {
  const out = new Uint16Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) out[i] = column[rows[i]!]!;
  return out;
}

function pairColumn(data: BagData, j: number, rows: Uint32Array): Uint16Array {
  const toPair = data.pairBinOf[j]!;
  const bins = data.mainBins[j]!;
  const out = new Uint16Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) out[i] = toPair[bins[rows[i]!]!]!;
  return out;
}

/** Bag `index`: its own validation split (seeded by the bag), scores starting from the best constant. */
export function openBag(data: BagData, index: number): Bag {
  const loss = lossOf(data);
  const K = loss.width;
  const n = data.y.length;
  const [valRows, fitRows] = randomSplit(Uint32Array.from({ length: n }, (_, i) => i), data.validationFraction, seededRandom(data.seed * 1000 + index + 1));
  const fitY = Float64Array.from(fitRows, (r) => data.y[r]!);
  const valY = Float64Array.from(valRows, (r) => data.y[r]!);
  const start = loss.initialScore(fitY);
  const fill = (m: number) => Float64Array.from({ length: m * K }, (_, i) => start[i % K]!);
  return { index, cases: { fitY, valY, fitScore: fill(fitRows.length), valScore: fill(valRows.length) }, fitRows, valRows };
}

/** Boosts the bag's main terms, then ranks every candidate pair by FAST on what they left. */
export function boostMains(data: BagData, bag: Bag): MainsOutcome {
  const loss = lossOf(data);
  const K = loss.width;
  const intercept = loss.initialScore(bag.cases.fitY);
  const terms: StageTerm[] = data.inputs.map((input, j) => ({
    cells: input.cells,
    shape: { kind: input.categorical ? 'categorical' : 'ordered' },
    fit: gather(data.mainBins[j]!, bag.fitRows),
    val: gather(data.mainBins[j]!, bag.valRows),
  }));
  const stage = boostStage(bag.cases, terms, loss, data.settings);
  const candidates = data.rankPairs ? candidatePairs(data.inputs.length) : [];
  const pairGains = new Float64Array(candidates.length);
  if (candidates.length > 0) {
    const g = new Float64Array(bag.fitRows.length * K);
    const h = new Float64Array(bag.fitRows.length * K);
    loss.gradients(bag.cases.fitScore, bag.cases.fitY, g, h);
    const columns = data.inputs.map((_, j) => pairColumn(data, j, bag.fitRows));
    candidates.forEach(([a, b], c) => {
      const A = data.pairCells[a]!;
      const B = data.pairCells[b]!;
      pairGains[c] = fastPairGain(histogram2d(columns[a]!, columns[b]!, B, A * B, g, h, K), A, B, data.settings.lambda);
    });
  }
  return { intercept, mains: stage.values, rounds: stage.bestRound, validationLoss: stage.bestLoss, pairGains };
}

/** Boosts the chosen pairs on the bag's residuals after its main terms. */
export function boostPairs(data: BagData, bag: Bag, chosen: ReadonlyArray<readonly [number, number]>): PairsOutcome {
  const loss = lossOf(data);
  const terms: StageTerm[] = chosen.map(([a, b]) => {
    const A = data.pairCells[a]!;
    const B = data.pairCells[b]!;
    const cellsOf = (rows: Uint32Array) => {
      const pa = pairColumn(data, a, rows);
      const pb = pairColumn(data, b, rows);
      const cells = new Uint16Array(pa.length);
      for (let i = 0; i < pa.length; i += 1) cells[i] = pa[i]! * B + pb[i]!;
      return cells;
    };
    return { cells: A * B, shape: { kind: 'pair', A, B, categorical: [data.inputs[a]!.categorical, data.inputs[b]!.categorical] }, fit: cellsOf(bag.fitRows), val: cellsOf(bag.valRows) };
  });
  const stage = boostStage(bag.cases, terms, loss, { ...data.settings, maxRounds: data.maxPairRounds });
  return { pairs: stage.values, rounds: stage.bestRound, validationLoss: stage.bestLoss };
}

function histogram2d(a: Uint16Array, b: Uint16Array, B: number, cells: number, g: Float64Array, h: Float64Array, K: number): Histogram {
  const hist: Histogram = { G: new Float64Array(cells * K), H: new Float64Array(cells * K), C: new Float64Array(cells), width: K };
  for (let i = 0; i < a.length; i += 1) {
    const cell = a[i]! * B + b[i]!;
    hist.C[cell]! += 1;
    for (let k = 0; k < K; k += 1) {
      hist.G[cell * K + k]! += g[i * K + k]!;
      hist.H[cell * K + k]! += h[i * K + k]!;
    }
  }
  return hist;
}
