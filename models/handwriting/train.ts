/**
 * Trains a handwriting comparison set from two profile files: the score model on every same-writer pair and a
 * sample of different-writer pairs of the training file; the reference file split by writer into a reference half
 * (the SLR curve and its ELUB bounds) and an evaluation half (rates of misleading evidence, Cllr, Tippett points,
 * and the least writing for which those rates hold, found by subsampling the questioned page's graphs).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sha256OfBytes } from '../../core/canonical-json.ts';
import { DalelError } from '../../core/errors.ts';
import { seededRandom } from '../ebm/random.ts';
import { featureCount, featureNames, featureSetId, pairSide, rootRates } from './features.ts';
import { fitTwoLevel } from './two-level.ts';
import { defaultBoostSettings, fitBoostedTrees } from './boosted-trees.ts';
import { fitLogistic } from './logistic.ts';
import { exportScoreOnnx } from './onnx-export.ts';
import { allPairs, splitByWriter, trainingPairs, writersOf, type ProfilePair } from './pairs.ts';
import { graphCount, pooledCounts, profilesFromTable, type WriterProfile } from './profiles.ts';
import type { HandwritingScript, ReferenceSet } from './reference-set.ts';
import type { ScoreModel, scoreAlgorithms } from './score-model.ts';
import { labelledLog10Slrs, pairFeatureRows, pairMargins } from './scoring.ts';
import { buildSlrCurve, cllr, misleadingRates, tippettPoints, type SlrCurve } from './slr.ts';
import { parseCsvBytes } from '../cases/csv.ts';

/** Training settings (defaults in `defaultHandwritingSettings`). */
export interface HandwritingSettings {
  readonly seed: number;
  /** The score model: logistic regression (shipped) or boosted trees (measured: no better on CSAFE, see models/README.md). */
  readonly algorithm: (typeof scoreAlgorithms)[number];
  /** Different-writer training pairs sampled (every same-writer pair is used; classes are weighted equally). */
  readonly maxDifferentPairs: number;
  /** Ridge penalty of the logistic regression (on standardised features). */
  readonly lambda: number;
  /** Shrinkage of the two-level model's covariances toward their diagonals. */
  readonly twoLevelShrinkage: number;
  /** Prompts of the training file the two-level model is fitted on (null: every document). */
  readonly twoLevelPrompts: readonly string[] | null;
  /** Share of the reference file's writers that build the reference set; the rest evaluate it. */
  readonly referenceFraction: number;
  /** Prompts (the `doc` column) kept for reference and evaluation; null keeps every document. */
  readonly prompts: readonly string[] | null;
  /** Graph counts tried when simulating short writing. */
  readonly graphGrid: readonly number[];
  /** Independent cuts of every evaluation document per graph count. */
  readonly shortWritingRepeats: number;
  /** How far (absolute) a misleading-evidence rate may rise over its full-page value before the writing counts as too short. */
  readonly breakdownTolerance: number;
}

/** The settings the shipped Latin set was trained with. */
export const defaultHandwritingSettings: HandwritingSettings = {
  seed: 1,
  algorithm: 'logistic-regression',
  maxDifferentPairs: 20000,
  lambda: 1,
  twoLevelShrinkage: 0.5,
  twoLevelPrompts: ['pLND', 'pWOZ'],
  referenceFraction: 0.5,
  prompts: ['pLND', 'pWOZ'],
  graphGrid: [25, 50, 75, 100, 125, 150, 175, 200, 250, 300],
  breakdownTolerance: 0.02,
  shortWritingRepeats: 4,
};

/** Rates of misleading evidence and Cllr of a set of labelled log10 SLRs. */
export interface PerformanceFigures {
  readonly samePairs: number;
  readonly differentPairs: number;
  readonly sameBelowOne: number;
  readonly differentAboveOne: number;
  readonly cllr: number;
}

/** card.json: what the set was trained on and how it performed on writers it never saw. */
export interface HandwritingCard {
  readonly format: 'dalel-handwriting-card/1';
  readonly script: HandwritingScript;
  readonly algorithm: string;
  readonly featureSet: string;
  readonly modelSha256: string;
  readonly training: ScoreModel['training'];
  readonly reference: ReferenceSet['source'] & { samePairs: number; differentPairs: number; elub: { lowerLog10: number; upperLog10: number } };
  /** Figures over the evaluation pairs the module gives an SLR for (both pages at or above the floor). */
  readonly evaluation: PerformanceFigures & {
    /** Pairs the module abstains on (a page below the floor). */
    readonly abstainedPairs: number;
    /** The same figures over every pair, as if there were no floor. */
    readonly withoutFloor: PerformanceFigures;
    /** Figures with two known pages pooled against one questioned page. */
    readonly pooledKnown: PerformanceFigures & { knownPages: number };
    readonly file: string;
    readonly sha256: string;
    readonly writers: number;
    readonly documents: number;
    readonly prompts: readonly string[] | null;
    readonly tippett: Array<{ log10Lr: number; same: number; different: number }>;
  };
  readonly shortWriting: {
    readonly method: string;
    readonly breakdownTolerance: number;
    readonly minGraphs: number;
    readonly byGraphs: Array<PerformanceFigures & { graphs: number }>;
  };
}

/** A trained set, ready to be written as a folder. */
export interface TrainedHandwritingSet {
  readonly model: ScoreModel;
  readonly onnx: Uint8Array;
  readonly modelSha256: string;
  readonly reference: ReferenceSet;
  readonly card: HandwritingCard;
}

/** Fits the score model on a training profile set. */
export function trainScoreModel(profiles: readonly WriterProfile[], source: { file: string; sha256: string }, settings: HandwritingSettings): ScoreModel {
  const pairs = trainingPairs(profiles, settings.maxDifferentPairs, settings.seed);
  const same = pairs.filter((p) => p.same).length;
  const different = pairs.length - same;
  if (same < 10 || different < 10) {
    throw new DalelError('BAD_INPUT', `${source.file}: ${same} same-writer and ${different} different-writer pairs; training needs at least 10 of each (several documents per writer)`, {
      file: source.file,
      reasonCode: 'too-few-pairs',
    });
  }
  const twoLevelDocs = settings.twoLevelPrompts ? profiles.filter((p) => settings.twoLevelPrompts!.includes(p.doc)) : profiles;
  const byWriter = new Map<string, Float64Array[]>();
  for (const p of twoLevelDocs.length ? twoLevelDocs : profiles) byWriter.set(p.writer, [...(byWriter.get(p.writer) ?? []), rootRates(p.counts)]);
  const twoLevel = fitTwoLevel([...byWriter.values()], settings.twoLevelShrinkage);
  const x = pairFeatureRows(profiles.map((p) => pairSide(p.counts, twoLevel)), pairs);
  const y = Uint8Array.from(pairs, (p) => (p.same ? 1 : 0));
  const w = Float64Array.from(pairs, (p) => (p.same ? pairs.length / (2 * same) : pairs.length / (2 * different)));
  const linear = settings.algorithm === 'logistic-regression';
  const fit = linear
    ? fitLogistic(x, y, w, featureCount, settings.lambda)
    : { ...fitBoostedTrees(x, y, w, featureCount, { ...defaultBoostSettings, seed: settings.seed }), weights: new Array<number>(featureCount).fill(0) };
  return {
    format: 'dalel-handwriting-score/1',
    featureSet: featureSetId,
    featureNames: [...featureNames],
    twoLevel,
    algorithm: settings.algorithm,
    intercept: fit.intercept,
    weights: fit.weights,
    trees: 'trees' in fit ? fit.trees : [],
    training: {
      file: basename(source.file),
      sha256: source.sha256,
      documents: profiles.length,
      writers: writersOf(profiles).length,
      samePairs: same,
      differentPairs: different,
      seed: settings.seed,
      settings: {
        ...(linear ? { lambda: settings.lambda } : { trees: defaultBoostSettings.trees, depth: defaultBoostSettings.depth, learningRate: defaultBoostSettings.learningRate }),
        maxDifferentPairs: settings.maxDifferentPairs,
        twoLevelShrinkage: settings.twoLevelShrinkage,
        twoLevelPrompts: settings.twoLevelPrompts?.join(',') ?? 'all',
      },
    },
  };
}

function figures(same: readonly number[], different: readonly number[]): PerformanceFigures {
  return { samePairs: same.length, differentPairs: different.length, ...misleadingRates(same, different), cllr: cllr(same, different) };
}

/** Draws n of a page's graphs without replacement (a shorter writing by the same hand). */
export function subsampleCounts(counts: readonly number[], n: number, random: () => number): number[] {
  const out = new Array<number>(counts.length).fill(0);
  const left = [...counts];
  let total = graphCount(counts);
  for (let drawn = 0; drawn < n && total > 0; drawn += 1) {
    let u = Math.floor(random() * total);
    let k = 0;
    while (u >= left[k]!) u -= left[k++]!;
    left[k] = left[k]! - 1;
    out[k] = out[k]! + 1;
    total -= 1;
  }
  return out;
}

/**
 * Rates of misleading evidence when the second document of every pair is cut to n graphs, for each n of the grid;
 * each cut is drawn `repeats` times and the pairs pooled, so that one unlucky draw does not set the floor.
 */
export function shortWritingFigures(model: ScoreModel, curve: SlrCurve, profiles: readonly WriterProfile[], pairs: readonly ProfilePair[], grid: readonly number[], seed: number, repeats: number) {
  const random = seededRandom(seed);
  return grid.map((graphs) => {
    const same: number[] = [];
    const different: number[] = [];
    for (let k = 0; k < repeats; k += 1) {
      const shortened = profiles.map((p) => subsampleCounts(p.counts, graphs, random));
      const counts = [...profiles.map((p) => p.counts), ...shortened];
      const cut = pairs.map((p) => ({ i: p.i, j: profiles.length + p.j, same: p.same }));
      const slrs = labelledLog10Slrs(model, curve, counts, cut);
      same.push(...slrs.same);
      different.push(...slrs.different);
    }
    return { graphs, ...figures(same, different) };
  });
}

/**
 * Figures when known writing is pooled as the workstation pools it: each writer's first `knownPages` pages summed
 * into one known profile, compared with every other page of the same writer and every other writer's remaining pages.
 */
export function pooledKnownFigures(model: ScoreModel, curve: SlrCurve, profiles: readonly WriterProfile[], knownPages: number): PerformanceFigures & { knownPages: number } {
  const counts: number[][] = [];
  const known = new Map<string, number>();
  const questioned = new Map<string, number[]>();
  for (const writer of writersOf(profiles)) {
    const pages = profiles.filter((p) => p.writer === writer);
    if (pages.length <= knownPages) continue;
    known.set(writer, counts.push(pooledCounts(pages.slice(0, knownPages))) - 1);
    questioned.set(writer, pages.slice(knownPages).map((p) => counts.push([...p.counts]) - 1));
  }
  const pairs: ProfilePair[] = [];
  for (const [a, i] of known) for (const [b, pages] of questioned) for (const j of pages) pairs.push({ i, j, same: a === b });
  const { same, different } = labelledLog10Slrs(model, curve, counts, pairs);
  return { knownPages, ...figures(same, different) };
}

/** The least n of the grid from which on every rate stays within `tolerance` of its full-page value. */
export function graphFloor(full: PerformanceFigures, byGraphs: ReadonlyArray<PerformanceFigures & { graphs: number }>, tolerance: number): number {
  let floor = byGraphs[byGraphs.length - 1]!.graphs;
  for (let k = byGraphs.length - 1; k >= 0; k -= 1) {
    const f = byGraphs[k]!;
    if (f.sameBelowOne > full.sameBelowOne + tolerance || f.differentAboveOne > full.differentAboveOne + tolerance) break;
    floor = f.graphs;
  }
  return floor;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Reads a profile file with its SHA-256. */
export function readProfileFile(file: string): { profiles: WriterProfile[]; sha256: string } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
  return { profiles: profilesFromTable(parseCsvBytes(bytes, file), file), sha256: sha256OfBytes(bytes) };
}

/** Trains a whole set: score model, reference set and card. */
export function trainHandwritingSet(options: { trainFile: string; referenceFile: string; script: HandwritingScript; settings?: Partial<HandwritingSettings> }): TrainedHandwritingSet {
  const settings = { ...defaultHandwritingSettings, ...options.settings };
  const train = readProfileFile(options.trainFile);
  const ref = readProfileFile(options.referenceFile);
  const model = trainScoreModel(train.profiles, { file: options.trainFile, sha256: train.sha256 }, settings);
  const onnx = exportScoreOnnx(model);
  const modelSha256 = sha256OfBytes(onnx);

  const trainWriters = new Set(writersOf(train.profiles));
  const overlap = writersOf(ref.profiles).filter((w) => trainWriters.has(w));
  if (overlap.length) {
    throw new DalelError('BAD_INPUT', `${options.referenceFile}: writer ${overlap[0]} is also in ${options.trainFile} (${overlap.length} shared); reference writers must be new to the model`, {
      file: options.referenceFile,
      reasonCode: 'writer-overlap',
    });
  }
  const kept = settings.prompts ? ref.profiles.filter((p) => settings.prompts!.includes(p.doc)) : ref.profiles;
  const [referenceDocs, evaluationDocs] = splitByWriter(kept, settings.referenceFraction, settings.seed);
  const referencePairs = allPairs(referenceDocs);
  const margins = pairMargins(model, referenceDocs.map((p) => p.counts), referencePairs);
  const sameMargins: number[] = [];
  const differentMargins: number[] = [];
  referencePairs.forEach((p, r) => (p.same ? sameMargins : differentMargins).push(round6(margins[r]!)));
  if (sameMargins.length < 10 || differentMargins.length < 10) {
    throw new DalelError('BAD_INPUT', `${options.referenceFile}: the reference half has ${sameMargins.length} same-writer and ${differentMargins.length} different-writer pairs; at least 10 of each are needed`, {
      file: options.referenceFile,
      reasonCode: 'too-few-pairs',
    });
  }
  const built = buildSlrCurve(sameMargins, differentMargins);
  const curve = { ...built, log10Slr: built.log10Slr.map(round6) };

  const evaluationPairs = allPairs(evaluationDocs);
  const evaluated = labelledLog10Slrs(model, curve, evaluationDocs.map((p) => p.counts), evaluationPairs);
  const full = figures(evaluated.same, evaluated.different);
  const byGraphs = shortWritingFigures(model, curve, evaluationDocs, evaluationPairs, settings.graphGrid, settings.seed, settings.shortWritingRepeats);
  const minGraphs = graphFloor(full, byGraphs, settings.breakdownTolerance);
  const longEnough = evaluationPairs.filter((p) => Math.min(graphCount(evaluationDocs[p.i]!.counts), graphCount(evaluationDocs[p.j]!.counts)) >= minGraphs);
  const aboveFloor = labelledLog10Slrs(model, curve, evaluationDocs.map((p) => p.counts), longEnough);

  const source = {
    file: basename(options.referenceFile),
    sha256: ref.sha256,
    documents: referenceDocs.length,
    writers: writersOf(referenceDocs).length,
    prompts: settings.prompts ? [...settings.prompts] : null,
    seed: settings.seed,
  };
  const reference: ReferenceSet = {
    format: 'dalel-handwriting-reference/1',
    script: options.script,
    modelSha256,
    source,
    minGraphs,
    sameMargins,
    differentMargins,
    curve,
  };
  const card: HandwritingCard = {
    format: 'dalel-handwriting-card/1',
    script: options.script,
    algorithm: model.algorithm,
    featureSet: model.featureSet,
    modelSha256,
    training: model.training,
    reference: { ...source, samePairs: sameMargins.length, differentPairs: differentMargins.length, elub: { lowerLog10: curve.lowerLog10, upperLog10: curve.upperLog10 } },
    evaluation: {
      file: basename(options.referenceFile),
      sha256: ref.sha256,
      writers: writersOf(evaluationDocs).length,
      documents: evaluationDocs.length,
      prompts: source.prompts,
      ...figures(aboveFloor.same, aboveFloor.different),
      abstainedPairs: evaluationPairs.length - longEnough.length,
      withoutFloor: full,
      pooledKnown: pooledKnownFigures(model, curve, evaluationDocs, 2),
      tippett: tippettPoints(aboveFloor.same, aboveFloor.different),
    },
    shortWriting: {
      method: `the second document of every evaluation pair cut to n graphs drawn without replacement (${settings.shortWritingRepeats} draws pooled); the floor is the least n from which on both rates stay within the tolerance of their full-page values`,
      breakdownTolerance: settings.breakdownTolerance,
      minGraphs,
      byGraphs,
    },
  };
  return { model, onnx, modelSha256, reference, card };
}
