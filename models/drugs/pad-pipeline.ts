/**
 * CSV → split by card → train → held-out evaluation → ONNX → model card. `dalel drugs pad-train` and
 * scripts/build-pad-model.ts both call this, so the shipped model and a user's retrained one are made the same way.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { appVersion } from '../../core/version.ts';
import { readPadCards, type PadCardTable } from './pad-data.ts';
import { evaluatePad, type PadEvaluation } from './pad-evaluate.ts';
import { writePadFolder } from './pad-folder.ts';
import { padFeatureCount } from './pad-layout.ts';
import type { PadModel } from './pad-model.ts';
import { exportPadOnnx } from './pad-onnx.ts';
import { splitByCard, type PadSplit, type PadSplitUnit } from './pad-split.ts';
import { defaultPadTrainOptions, trainPadModel, type PadCalibration, type PadTrainOptions } from './pad-train.ts';
import { sha256OfBytes } from '../../core/canonical-json.ts';

export const padTestFraction = 0.2;

export interface PadTraining {
  readonly table: PadCardTable;
  readonly split: PadSplit;
  readonly model: PadModel;
  readonly onnx: Uint8Array;
  readonly sha256: string;
  readonly calibration: PadCalibration;
  readonly evaluation: PadEvaluation;
  readonly card: PadModelCard;
}

export interface PadModelCard {
  readonly kind: 'dalel.pad-model-card';
  readonly modelSha256: string;
  readonly algorithm: string;
  readonly version: number;
  readonly trainedWith: string;
  readonly data: { file: string; sha256: string; rows: number; cards: number; features: number; classes: Record<string, number>; imageIssueRows: number };
  readonly split: { unit: PadSplitUnit; description: string; trainRows: number; trainCards: number; testRows: number; testCards: number };
  readonly options: PadTrainOptions;
  readonly calibration: PadCalibration;
  readonly validation: PadEvaluation;
  readonly notes: string[];
}

const cardsIn = (table: PadCardTable, idx: readonly number[]) => new Set(idx.map((i) => table.rows[i]!.card)).size;

/** Trains from a labelled table (already read). */
export function trainPadFromTable(table: PadCardTable, dataSha256: string, options: PadTrainOptions = defaultPadTrainOptions, unit: PadSplitUnit = 'card'): PadTraining {
  const all = table.rows.map((_, i) => i);
  const split = splitByCard(table.rows, all, padTestFraction, options.seed, unit);
  const { model, calibration } = trainPadModel(table.rows, split.train, options);
  const evaluation = evaluatePad(model, table.rows, split.train, split.test);
  const onnx = exportPadOnnx(model);
  const sha256 = sha256OfBytes(onnx);
  const classes: Record<string, number> = {};
  for (const r of table.rows) classes[r.contains!] = (classes[r.contains!] ?? 0) + 1;
  const card: PadModelCard = {
    kind: 'dalel.pad-model-card',
    modelSha256: sha256,
    algorithm: model.algorithm,
    version: model.version,
    trainedWith: `dalel ${appVersion}`,
    data: {
      file: basename(table.file),
      sha256: dataSha256,
      rows: table.rows.length,
      cards: cardsIn(table, all),
      features: padFeatureCount,
      classes,
      imageIssueRows: table.rows.filter((r) => r.imageIssue).length,
    },
    split: { unit, description: split.description, trainRows: split.train.length, trainCards: cardsIn(table, split.train), testRows: split.test.length, testCards: cardsIn(table, split.test) },
    options,
    calibration,
    validation: evaluation,
    notes: [
      unit === 'card'
        ? 'Test cards are cards (PAD S#) the model never saw: every replicate photo of a card is on one side of the split.'
        : 'Split by image id: replicate photos of a test card (same PAD S#) may be in training, so these figures are optimistic for new cards.',
      'Concentration accuracy is over test rows with Drug % 20/50/80/100 (blank and swiped-but-not-run cards have none).',
      'A presumptive screen: an answer suggests an ingredient for confirmatory analysis (e.g. HPLC), never an identification.',
    ],
  };
  return { table, split, model, onnx, sha256, calibration, evaluation, card };
}

/** Reads CARDS.csv, trains, and (with `out`) writes the model folder. */
export function trainPadFromFile(file: string, out?: string, options: PadTrainOptions = defaultPadTrainOptions, unit: PadSplitUnit = 'card'): PadTraining {
  const table = readPadCards(file, true);
  const training = trainPadFromTable(table, sha256OfBytes(new Uint8Array(readFileSync(file))), options, unit);
  if (out) writePadFolder(out, training.onnx, training.model, training.card);
  return training;
}
