/**
 * The whole training run behind `dalel train`: reads a CSV of past cases for a case type, splits it as the case
 * type says (random or temporal), trains the glass-box model on the training part, evaluates it on the held-out
 * part against naive baselines, exports it to ONNX, and writes the model card. The model shipped is the model
 * validated: it never sees the test cases.
 */
import { basename } from 'node:path';
import type { ModelCard } from '../../main/contract/index.ts';
import { caseRows, type CaseData, type CaseRow } from '../cases/case-rows.ts';
import type { CaseType, OutcomeSpec } from '../cases/case-type.ts';
import { parseCsvBytes, readInputFile } from '../cases/csv.ts';
import { binCount } from '../gam/features.ts';
import type { GamModel } from '../gam/gam-model.ts';
import { sha256OfBytes } from '../../core/canonical-json.ts';
import { splitCases, type CaseSplit } from './case-split.ts';
import type { LawfulRangeOf } from '../gam/abstention.ts';
import { evaluateModel, type Evaluation } from './evaluate.ts';
import { exportOnnx } from './onnx-export.ts';
import { rollingBacktest } from './rolling-backtest.ts';
import { trainGam, type EbmOptions, type TrainingReport } from './train.ts';

/** What to train. */
export interface CaseTypeTrainingInput {
  readonly caseType: CaseType;
  /** CSV file (plain or gzip) with the case type's columns. */
  readonly file: string;
  readonly outcome?: string;
  readonly options?: Partial<EbmOptions>;
  /** The cases were generated, not observed: every prediction of the model will say so. */
  readonly synthetic?: boolean;
  /** The period the data covers, for data without a time field (e.g. USSC FY2024: 2023-10-01 to 2024-09-30). */
  readonly period?: { readonly from: string; readonly to: string };
  readonly now?: Date;
  /**
   * Rolling-origin folds to retrain and report on the card before the held-out cut (same settings as the model;
   * each costs about one more training). None when absent or 0; a randomly split case type states it has no order.
   */
  readonly backtestFolds?: number;
  /** The lawful range per case of a regression outcome, as the consulting service applies it; none: the outcome's own. */
  readonly lawfulRanges?: (outcome: OutcomeSpec) => LawfulRangeOf | undefined;
}

/** Everything a training run produced. */
export interface CaseTypeTraining {
  readonly model: GamModel;
  readonly onnx: Uint8Array;
  readonly sha256: string;
  readonly card: ModelCard;
  readonly report: TrainingReport;
  readonly evaluation: Evaluation;
  readonly data: CaseData;
  readonly split: CaseSplit;
  readonly train: readonly CaseRow[];
  readonly test: readonly CaseRow[];
}

function periodOf(caseType: CaseType, rows: readonly CaseRow[], given?: { from: string; to: string }): ModelCard['data']['period'] {
  const field = caseType.fields.find((f) => f.role.role === 'time')?.name;
  const times = rows.map((r) => r.time).filter((t): t is number | string => t !== null);
  if (field && times.length > 0) {
    const sorted = [...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { field, from: String(sorted[0]), to: String(sorted[sorted.length - 1]) };
  }
  return given ? { field: null, ...given } : null;
}

/** The intended use written on a card (the renderer recognises the sentence and says it in the reader's language). */
export function intendedUseSentence(outcomeName: string, caseTypeId: string): string {
  return `Decision support for judges, advisory only: an estimate of ${outcomeName} for ${caseTypeId} cases like those in the training data, with its exact explanation.`;
}

/** The model's kind as written on a card. */
export const modelKind = 'explainable boosting machine (cyclic boosting of per-input trees on binned inputs, with pairwise interactions)';

/** The limitations written on a card, from the case type's split and protected attributes and whether the cases were generated. */
export function limitations(caseType: CaseType, training: { split: Pick<CaseSplit, 'description'>; synthetic: boolean }): string[] {
  const protectedFields = caseType.fields.filter((f) => f.role.role === 'protected').map((f) => f.name);
  return [
    'Advisory only: the model estimates what courts decided in similar past cases; it does not say what the decision should be, and the judge decides.',
    caseType.meta.split.kind === 'random'
      ? `Validated on cases held out at random from the same data (${training.split.description}); on later cases accuracy may be lower.`
      : `Validated on later cases than it was trained on (${training.split.description}).`,
    ...(protectedFields.length > 0
      ? [`${protectedFields.join(', ')} ${protectedFields.length > 1 ? 'are' : 'is'} never an input, but inputs may correlate with protected attributes; see the disparity report.`]
      : []),
    'Cases with inputs outside what training saw, too wide an interval or too uncertain a class are referred to human review.',
    ...(training.synthetic ? ['Trained on synthetic (generated) cases: predictions illustrate the method and say nothing about real courts.'] : []),
  ];
}

/** Trains, validates and exports a model for a case type from a CSV file. */
export function trainCaseType(input: CaseTypeTrainingInput): CaseTypeTraining {
  const { caseType } = input;
  const bytes = readInputFile(input.file);
  const data = caseRows(caseType, parseCsvBytes(bytes, input.file), input.file, input.outcome);
  const split = splitCases(caseType.meta.split, data.rows);
  const train = Array.from(split.train, (i) => data.rows[i]!);
  const test = Array.from(split.test, (i) => data.rows[i]!);
  if (test.length === 0) throw new Error(`${input.file}: no case falls in the held-out part (${split.description}); the model could not be validated`);
  const synthetic = input.synthetic ?? false;
  const { model, report } = trainGam({ caseType, outcome: data.outcome, facts: train.map((r) => r.facts), targets: train.map((r) => r.target), synthetic, options: input.options });
  const lawfulRange = input.lawfulRanges?.(data.outcome);
  const evaluation = evaluateModel(model, caseType, train, test, { lawfulRange });
  const backtest = input.backtestFolds
    ? rollingBacktest({ caseType, split: caseType.meta.split, outcome: data.outcome, rows: data.rows, options: input.options, synthetic, heldOut: { train, test, evaluation }, folds: input.backtestFolds, lawfulRange })
    : undefined;
  const onnx = exportOnnx(model);
  const sha256 = sha256OfBytes(onnx);
  const outcome = data.outcome;
  const card: ModelCard = {
    format: 'dalel-model-card/1',
    modelSha256: sha256,
    createdAt: (input.now ?? new Date()).toISOString(),
    caseType: { id: caseType.id, version: caseType.version, sha256: caseType.sha256, title: caseType.title },
    outcome: {
      name: outcome.name,
      kind: outcome.kind,
      ...(outcome.kind === 'regression' ? { unit: outcome.unit } : { classes: outcome.classes.map((c) => c.label) }),
    },
    synthetic,
    intendedUse: intendedUseSentence(outcome.name, caseType.id),
    data: {
      file: basename(input.file),
      sha256: sha256OfBytes(bytes),
      description: (caseType.document.description as string | undefined) ?? caseType.title,
      records: data.records,
      cases: data.rows.length,
      dropped: data.dropped,
      period: periodOf(caseType, data.rows, input.period),
    },
    validation: {
      split: split.description,
      trainingCases: report.cases.training,
      calibrationCases: report.cases.calibration,
      testCases: test.length,
      ...evaluation.validation,
      ...(backtest ? { backtest } : {}),
    },
    disparity: evaluation.disparity,
    model: {
      kind: modelKind,
      features: model.features.map((f) => ({ name: f.name, kind: f.kind, bins: binCount(f.edges) })),
      interactions: report.pairs.map((p) => p.name),
      bags: report.bags.length,
      rounds: report.bags.map((b) => ({ main: b.mainRounds, pairs: b.pairRounds })),
      trainingSeconds: report.seconds,
      options: { ...report.options },
    },
    limitations: limitations(caseType, { split, synthetic }),
  };
  return { model, onnx, sha256, card, report, evaluation, data, split, train, test };
}
