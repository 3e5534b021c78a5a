/**
 * Trains the glass-box model (an Explainable Boosting Machine, Lou et al. 2012/2013; Nori et al. 2019): bins every
 * input, boosts main-effect terms cyclically in several bags (each with its own validation split for early
 * stopping), ranks candidate pairs with FAST and boosts the best few, averages the bags, purifies and centres the
 * tables, and for regression sets split-conformal interval half-widths on calibration cases no bag trained on.
 */
import { availableParallelism } from 'node:os';
import type { CaseType, OutcomeSpec } from '../cases/case-type.ts';
import type { Facts } from '../cases/facts.ts';
import { binCount, binIndex, categoricalEdges, categoryKey, encodeFacts, featureFields, type FeatureSpec } from '../gam/features.ts';
import { scoreCase, type GamModel, type GamTerm } from '../gam/gam-model.ts';
import { categoryList, coarserEdges, quantileEdges } from './binning.ts';
import { candidatePairs, type BagData } from './bag-boosting.ts';
import { BagThreads } from './bag-threads.ts';
import { fitConformal } from './conformal.ts';
import { lossFor } from './losses.ts';
import { centreTerms, purifyPair, type WeightedTerm } from './purify.ts';
import { randomSplit, seededRandom } from './random.ts';

/** Training settings; defaults follow the EBM package's where speed allows (see `defaultEbmOptions`). */
export interface EbmOptions {
  /** Most bins of a numeric input (EBM: 1024; 256 keeps a bin's table small and costs nothing on court data). */
  readonly maxBins: number;
  /** Most bins per ordered input of a pair (EBM: 32). */
  readonly maxPairBins: number;
  /**
   * Most bins of a categorical input in a pair: its most frequent categories keep a bin each, the rarest beyond
   * share the last. Merging categories to `maxPairBins` would pool neighbouring codes, which need not be alike.
   */
  readonly maxPairCategories: number;
  /** Categories seen fewer times fall into "other" with every unseen category. */
  readonly minCategoryCount: number;
  /** Most categories kept per input (254, so that scikit-learn's peer can take the same encoding). */
  readonly maxCategories: number;
  readonly learningRate: number;
  readonly maxRounds: number;
  /** Most rounds of the pair stage, whose every round costs a pass per pair. */
  readonly maxPairRounds: number;
  /** Rounds without a better validation loss before a stage stops (EBM: 50). */
  readonly patience: number;
  /** Relative improvement over `patience` rounds below which a stage stops (EBM: 1e-5 at its smaller step). */
  readonly tolerance: number;
  /** Leaves of a main term's tree per step (EBM: 3). */
  readonly maxLeaves: number;
  readonly minLeafCount: number;
  readonly lambda: number;
  /** Added to each category's hessian when categories are ordered for a cut (LightGBM's cat_smooth: 10). */
  readonly categorySmoothing: number;
  /**
   * Classification: largest leaf value before the learning rate (XGBoost's max_delta_step; it suggests 1 to 10 for
   * rare classes). Where a class is nearly impossible, one case of it makes a Newton step of ~1/p logits, and pair
   * terms pushed to ±10⁹ and back cancelled each other. Regression, whose hessian is 1, takes no cap.
   */
  readonly maxDeltaStep: number;
  /** Bags averaged (EBM: 14 outer bags); each has its own validation split. */
  readonly bags: number;
  readonly validationFraction: number;
  /** Regression: share of the training cases kept apart for the conformal intervals. */
  readonly calibrationFraction: number;
  /** Pairs kept after FAST ranking (0: main effects only). */
  readonly interactions: number;
  /**
   * Regression: 0 for squared error; above 0, the Huber loss with this threshold in the outcome's unit (residuals
   * beyond it count linearly), for targets with long tails where the mean absolute error is what matters.
   */
  readonly huberDelta: number;
  readonly seed: number;
}

/** Default settings. */
export const defaultEbmOptions: EbmOptions = {
  maxBins: 256,
  maxPairBins: 16,
  maxPairCategories: 64,
  minCategoryCount: 10,
  maxCategories: 254,
  learningRate: 0.1,
  maxRounds: 5000,
  maxPairRounds: 100,
  patience: 20,
  tolerance: 1e-5,
  maxLeaves: 3,
  minLeafCount: 4,
  lambda: 0,
  categorySmoothing: 10,
  maxDeltaStep: 5,
  bags: 4,
  validationFraction: 0.15,
  calibrationFraction: 0.15,
  interactions: 20,
  huberDelta: 0,
  seed: 1,
};

/** How training went, for the model card. */
export interface TrainingReport {
  readonly cases: { readonly training: number; readonly calibration: number };
  readonly bags: ReadonlyArray<{ readonly mainRounds: number; readonly pairRounds: number; readonly validationLoss: number }>;
  readonly pairs: ReadonlyArray<{ readonly name: string; readonly gain: number }>;
  readonly seconds: number;
  /** Threads that trained the bags, this one included. */
  readonly threads: number;
  /** Why fewer threads trained the bags than were asked for, if so. */
  readonly threadFallback: string | null;
  readonly options: EbmOptions;
}

/** The target of each case as the loss reads it: the value, or the index of the class. */
export function targetValues(outcome: OutcomeSpec, targets: ReadonlyArray<number | string>): Float64Array {
  if (outcome.kind === 'regression') return Float64Array.from(targets, Number);
  const index = new Map(outcome.classes.map((c, i) => [c.value, i]));
  return Float64Array.from(targets, (t) => {
    const i = index.get(String(t));
    if (i === undefined) throw new Error(`${t} is not a class of ${outcome.name}`);
    return i;
  });
}

/** Learns each input's bins and support from the training facts. */
export function fitFeatures(caseType: CaseType, facts: readonly Facts[], options: EbmOptions): FeatureSpec[] {
  return featureFields(caseType).map((draft) => {
    const probe: FeatureSpec = { ...draft, edges: [], support: { missing: false } };
    if (draft.kind === 'categorical') {
      const keys = facts.map((f) => categoryKey(f[draft.field] ?? null));
      const { categories, rare } = categoryList(keys, options.minCategoryCount, options.maxCategories);
      return { ...draft, categories, edges: categoricalEdges(categories.length), support: { missing: keys.includes(null), ...(rare.length ? { rare } : {}) } };
    }
    const values = Float64Array.from(facts, (f) => encodeFromDraft(probe, f));
    let min = Infinity;
    let max = -Infinity;
    let missing = false;
    for (const v of values) {
      if (Number.isNaN(v)) missing = true;
      else {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return { ...draft, edges: quantileEdges(values, options.maxBins), support: { missing, ...(min <= max ? { min, max } : {}) } };
  });
}

function encodeFromDraft(feature: FeatureSpec, facts: Facts): number {
  return encodeFacts([feature], facts)[0]!;
}

/** What `trainGam` needs: the case type and outcome, the training facts, and their targets. */
export interface TrainingInput {
  readonly caseType: CaseType;
  readonly outcome: OutcomeSpec;
  readonly facts: readonly Facts[];
  readonly targets: ReadonlyArray<number | string>;
  readonly synthetic?: boolean;
  readonly options?: Partial<EbmOptions>;
  /**
   * Threads to train the bags on, this one included (default: one per bag up to the cores, from
   * `parallelFromCases` training cases on). The model is the same whatever the number.
   */
  readonly threads?: number;
}

/** Cases from which bags are trained on several threads by default: below, starting a thread costs more than it saves. */
export const parallelFromCases = 10_000;

/** Threads for `bags` bags of `cases` cases when the caller does not say. */
export function defaultThreads(cases: number, bags: number): number {
  return cases < parallelFromCases ? 1 : Math.max(1, Math.min(bags, availableParallelism()));
}

/** Trains a model; returns it with a report of how training went. */
export function trainGam(input: TrainingInput): { model: GamModel; report: TrainingReport } {
  const started = process.hrtime.bigint();
  // Defaults, then the case type's own (chosen for its data, see its schema), then the caller's.
  const unknown = Object.keys({ ...input.caseType.meta.training, ...input.options }).filter((k) => !(k in defaultEbmOptions));
  if (unknown.length > 0) throw new Error(`unknown training option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  const options: EbmOptions = { ...defaultEbmOptions, ...input.caseType.meta.training, ...input.options };
  // The workers load their code while this thread bins the inputs.
  const threads = new BagThreads(Math.min(options.bags, input.threads ?? defaultThreads(input.facts.length, options.bags)));
  try {
    return trainOn(input, options, threads, started);
  } finally {
    threads.close();
  }
}

function trainOn(input: TrainingInput, options: EbmOptions, threads: BagThreads, started: bigint): { model: GamModel; report: TrainingReport } {
  const { outcome } = input;
  const classes = outcome.kind === 'classification' ? outcome.classes.length : 1;
  const loss = lossFor(outcome.kind, classes, options.huberDelta);
  const K = loss.width;
  const yAll = targetValues(outcome, input.targets);
  const random = seededRandom(options.seed);

  // Calibration cases are set apart before anything is learnt, so the conformal guarantee holds for them.
  const everyCase = Uint32Array.from({ length: input.facts.length }, (_, i) => i);
  const [calibration, proper] =
    outcome.kind === 'regression' && options.calibrationFraction > 0 ? randomSplit(everyCase, options.calibrationFraction, random) : [new Uint32Array(0), everyCase];
  const facts = Array.from(proper, (i) => input.facts[i]!);
  const y = Float64Array.from(proper, (i) => yAll[i]!);
  const n = facts.length;
  if (n < 10) throw new Error(`too few training cases (${n}) to train a model`);

  const features = fitFeatures(input.caseType, facts, options);
  const X = facts.map((f) => encodeFacts(features, f));
  const mainBins = features.map((feature, j) => Uint16Array.from(X, (x) => binIndex(feature.edges, x[j]!)));
  const mainCells = features.map((f) => binCount(f.edges));
  const mainCounts = mainBins.map((bins, j) => {
    const counts = new Float64Array(mainCells[j]!);
    for (const b of bins) counts[b]! += 1;
    return counts;
  });

  // Pairs: coarse bins per input, FAST gains summed over bags, the best few boosted on the main effects' residuals.
  // A categorical input's edges follow its categories from the most frequent, so a prefix keeps the frequent ones apart.
  const pairEdges = features.map((f, j) => (f.kind === 'categorical' ? f.edges.slice(0, Math.max(1, options.maxPairCategories - 1)) : coarserEdges(f.edges, mainCounts[j]!, options.maxPairBins)));
  // Main bin 0 is missing and 1 is "at or below the first edge"; main bin b ≥ 2 holds values just above
  // edges[b - 2], and pair edges are a subset of the main edges, so its pair bin counts the pair edges up to there.
  const pairBinOf = features.map((f, j) =>
    Uint16Array.from({ length: mainCells[j]! }, (_, b) => (b < 2 ? b : 1 + countBelowOrEqual(pairEdges[j]!, f.edges[b - 2]!))),
  );
  const pairCells = pairEdges.map((edges) => binCount(edges));
  const regression = loss.kind === 'squared' || loss.kind === 'huber';
  const data: BagData = {
    y,
    mainBins,
    inputs: features.map((f, j) => ({ cells: mainCells[j]!, categorical: f.kind === 'categorical' })),
    pairBinOf,
    pairCells,
    loss: { kind: outcome.kind, classes, huberDelta: options.huberDelta },
    settings: { ...options, maxDeltaStep: regression ? Infinity : options.maxDeltaStep },
    maxPairRounds: options.maxPairRounds,
    validationFraction: options.validationFraction,
    seed: options.seed,
    rankPairs: options.interactions > 0,
  };
  let chosen: Array<{ a: number; b: number; gain: number }> = [];
  const choosePairs = (gains: readonly Float64Array[]) => {
    if (!data.rankPairs) return [];
    const candidates = candidatePairs(features.length).map(([a, b]) => ({ a, b, gain: 0 }));
    // Summed in bag order, so that the choice never depends on which thread trained which bag.
    for (const bagGains of gains) candidates.forEach((candidate, c) => (candidate.gain += bagGains[c]!));
    chosen = candidates
      .filter((c) => c.gain > 0 && pairCells[c.a]! > 2 && pairCells[c.b]! > 2)
      .sort((p, q) => q.gain - p.gain)
      .slice(0, options.interactions);
    return chosen.map(({ a, b }) => [a, b] as const);
  };
  const trained = threads.train(data, options.bags, choosePairs);
  const intercepts = trained.mains.map((m) => m.intercept);

  // Average the bags, then purify and centre on the training counts.
  const average = (tables: Float64Array[]) => tables.reduce((sum, t) => sum.map((v, c) => v + t[c]! / tables.length), new Float64Array(tables[0]!.length));
  const intercept = average(intercepts);
  const mains: WeightedTerm[] = features.map((_, j) => ({ values: average(trained.mains.map((bag) => bag.mains[j]!)), counts: mainCounts[j]! }));
  const pairs: WeightedTerm[] = chosen.map(({ a, b }, p) => {
    const A = binCount(pairEdges[a]!);
    const B = binCount(pairEdges[b]!);
    const counts = new Float64Array(A * B);
    for (let r = 0; r < n; r += 1) counts[pairBinOf[a]![mainBins[a]![r]!]! * B + pairBinOf[b]![mainBins[b]![r]!]!]! += 1;
    return { values: average(trained.pairs.map((bag) => bag.pairs[p]!)), counts };
  });
  chosen.forEach(({ a, b }, p) =>
    purifyPair({ pair: pairs[p]!, A: binCount(pairEdges[a]!), B: binCount(pairEdges[b]!), mains: [mains[a]!.values, mains[b]!.values], pairBinOf: [pairBinOf[a]!, pairBinOf[b]!] }, K),
  );
  centreTerms([...mains, ...pairs], intercept, K);

  const terms: GamTerm[] = [
    ...features.map((f, j) => ({ name: f.name, features: [j], edges: [f.edges], values: Array.from(mains[j]!.values) })),
    ...chosen.map(({ a, b }, p) => ({ name: `${features[a]!.name} × ${features[b]!.name}`, features: [a, b], edges: [pairEdges[a]!, pairEdges[b]!], values: Array.from(pairs[p]!.values) })),
  ];
  const model: GamModel = {
    format: 'dalel-gam/1',
    caseType: { id: input.caseType.id, version: input.caseType.version, sha256: input.caseType.sha256 },
    schema: input.caseType.document,
    outcome,
    link: regression ? 'identity' : loss.kind === 'logit' ? 'logit' : 'softmax',
    features,
    intercept: Array.from(intercept),
    terms,
    conformal: null,
    synthetic: input.synthetic ?? false,
  };
  if (calibration.length > 0) {
    // Residuals of the finished model on cases it never saw, through the same inference path as predictions.
    const encoded = Array.from(calibration, (i) => encodeFacts(features, input.facts[i]!));
    const residuals = encoded.map((x, c) => yAll[calibration[c]!]! - scoreCase(model, x).score[0]!);
    // The generator is drawn from only for a spread, so every other model stays the same to the last bit.
    model.conformal = fitConformal(
      residuals,
      Array.from(calibration, (i) => input.facts[i]!),
      input.caseType.meta.intervals,
      { features, encoded, random },
    );
  }
  return {
    model,
    report: {
      cases: { training: n, calibration: calibration.length },
      bags: trained.mains.map((bag, b) => ({ mainRounds: bag.rounds, pairRounds: trained.pairs[b]?.rounds ?? 0, validationLoss: trained.pairs[b]?.validationLoss ?? bag.validationLoss })),
      pairs: chosen.map(({ a, b, gain }) => ({ name: `${features[a]!.name} × ${features[b]!.name}`, gain })),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      threads: trained.threads,
      threadFallback: trained.fallback,
      options,
    },
  };
}

function countBelowOrEqual(edges: readonly number[], value: number): number {
  let count = 0;
  for (const e of edges) if (e <= value) count += 1;
  return count;
}
