/** Held-out figures for a PAD model: accuracy, per-class recall, confusion matrices, calibration, abstention. */
import type { PadCardRow } from './pad-data.ts';
import { padAbstention, padDerivedCount, scorePad, type PadModel } from './pad-model.ts';
import { rawMatrix } from './pad-train.ts';

export interface ClassFigures {
  readonly classes: string[];
  readonly cases: number;
  readonly accuracy: number;
  /** Mean negative log-probability of the true class. */
  readonly logLoss: number;
  /** Expected calibration error of the top probability (10 equal-width bins). */
  readonly expectedCalibrationError: number;
  readonly recall: Record<string, { cases: number; correct: number; recall: number }>;
  /** confusion[true][predicted] = count, both in `classes` order. */
  readonly confusion: number[][];
}

export interface PadEvaluation {
  readonly identity: ClassFigures;
  readonly concentration: ClassFigures;
  /** Concentration accuracy on cards whose ingredient the model got right. */
  readonly concentrationGivenCorrectIdentity: number;
  /** Share of concentration answers at most one class off (20↔50↔80↔100). */
  readonly concentrationWithinOneClass: number;
  readonly abstention: {
    readonly rate: number;
    readonly outOfDistribution: number;
    readonly ambiguous: number;
    /** Identity accuracy on the cards the model answered. */
    readonly answeredAccuracy: number;
    readonly answeredConcentrationAccuracy: number;
  };
  readonly baselines: {
    readonly identityMajority: { label: string; accuracy: number };
    readonly concentrationMajority: { label: string; accuracy: number };
  };
}

const argmax = (p: ArrayLike<number>, offset: number, k: number) => {
  let best = 0;
  for (let j = 1; j < k; j += 1) if (p[offset + j]! > p[offset + best]!) best = j;
  return best;
};

export function classFigures(classes: string[], truth: number[], probabilities: Float64Array, picks: number[]): ClassFigures {
  const K = classes.length;
  const confusion = classes.map(() => new Array<number>(K).fill(0));
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let correct = 0;
  let logLoss = 0;
  picks.forEach((r, j) => {
    const t = truth[j]!;
    const p = argmax(probabilities, r * K, K);
    const confidence = probabilities[r * K + p]!;
    confusion[t]![p] = confusion[t]![p]! + 1;
    if (p === t) correct += 1;
    logLoss -= Math.log(Math.max(probabilities[r * K + t]!, 1e-15));
    const bin = bins[Math.min(9, Math.floor(confidence * 10))]!;
    bin.n += 1;
    bin.confidence += confidence;
    bin.correct += p === t ? 1 : 0;
  });
  const n = picks.length;
  const recall: ClassFigures['recall'] = {};
  classes.forEach((label, k) => {
    const cases = confusion[k]!.reduce((a, b) => a + b, 0);
    if (cases > 0) recall[label] = { cases, correct: confusion[k]![k]!, recall: confusion[k]![k]! / cases };
  });
  const ece = bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : (b.n / n) * Math.abs(b.confidence / b.n - b.correct / b.n)), 0);
  return { classes, cases: n, accuracy: correct / n, logLoss: logLoss / n, expectedCalibrationError: ece, recall, confusion };
}

function majority(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Evaluates `model` on rows `test`; majority baselines are taken from rows `train`. */
export function evaluatePad(model: PadModel, rows: readonly PadCardRow[], train: readonly number[], test: readonly number[]): PadEvaluation {
  const n = test.length;
  const scores = scorePad(model, rawMatrix(rows, test), n);
  const D = model.identity.classes.length;
  const C = model.concentration.classes.length;
  const idRows = test.map((_, r) => r).filter((r) => model.identity.classes.includes(rows[test[r]!]!.contains!));
  const identity = classFigures(model.identity.classes, idRows.map((r) => model.identity.classes.indexOf(rows[test[r]!]!.contains!)), scores.identity, idRows);
  const concLabels = model.concentration.classes.map(String);
  const concRows = test.map((_, r) => r).filter((r) => model.concentration.classes.includes(rows[test[r]!]!.drugPercent!));
  const concentration = classFigures(concLabels, concRows.map((r) => model.concentration.classes.indexOf(rows[test[r]!]!.drugPercent!)), scores.concentration, concRows);
  const rightId = concRows.filter((r) => model.identity.classes[argmax(scores.identity, r * D, D)] === rows[test[r]!]!.contains);
  const concentrationGivenCorrectIdentity =
    rightId.filter((r) => model.concentration.classes[argmax(scores.concentration, r * C, C)] === rows[test[r]!]!.drugPercent).length / Math.max(1, rightId.length);
  const withinOne = concentration.confusion.reduce((sum, row, t) => sum + row.reduce((s2, count, p) => s2 + (Math.abs(p - t) <= 1 ? count : 0), 0), 0) / Math.max(1, concentration.cases);
  let ood = 0;
  let ambiguous = 0;
  let answered = 0;
  let answeredRight = 0;
  let answeredConc = 0;
  let answeredConcRight = 0;
  test.forEach((i, r) => {
    const a = padAbstention(model, scores.identity, r * D, scores.inputs, r * padDerivedCount);
    if (a?.reason === 'out-of-distribution') ood += 1;
    else if (a) ambiguous += 1;
    else {
      answered += 1;
      if (model.identity.classes[argmax(scores.identity, r * D, D)] === rows[i]!.contains) answeredRight += 1;
      if (model.concentration.classes.includes(rows[i]!.drugPercent!)) {
        answeredConc += 1;
        if (model.concentration.classes[argmax(scores.concentration, r * C, C)] === rows[i]!.drugPercent) answeredConcRight += 1;
      }
    }
  });
  const trainLabels = train.map((i) => rows[i]!.contains!);
  const idMajority = majority(trainLabels);
  const concMajority = majority(train.filter((i) => model.concentration.classes.includes(rows[i]!.drugPercent!)).map((i) => String(rows[i]!.drugPercent)));
  return {
    identity,
    concentration,
    concentrationGivenCorrectIdentity,
    concentrationWithinOneClass: withinOne,
    abstention: {
      rate: (ood + ambiguous) / n,
      outOfDistribution: ood,
      ambiguous,
      answeredAccuracy: answeredRight / Math.max(1, answered),
      answeredConcentrationAccuracy: answeredConcRight / Math.max(1, answeredConc),
    },
    baselines: {
      identityMajority: { label: idMajority, accuracy: idRows.filter((r) => rows[test[r]!]!.contains === idMajority).length / Math.max(1, idRows.length) },
      concentrationMajority: { label: concMajority, accuracy: concRows.filter((r) => String(rows[test[r]!]!.drugPercent) === concMajority).length / Math.max(1, concRows.length) },
    },
  };
}
