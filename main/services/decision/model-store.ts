/**
 * Model folders: `model.onnx` (the model; its SHA-256 is the model's identity in every audit entry), `model.json`
 * (the same model, readable; it must equal the copy embedded in the ONNX metadata) and `model-card.json`. Folders
 * are written whole or not at all (temporary folder + rename) and never overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DalelError } from '../errors.ts';
import { GamModelSchema, type GamModel } from '../../../models/gam/gam-model.ts';
import { spreadMismatch } from '../../../models/ebm/conformal.ts';
import { ModelCardSchema, type ModelCard } from '../../contract/index.ts';
import { embeddedModelText } from './onnx-runner.ts';
import { sha256OfBytes, stableJson } from '../../../core/canonical-json.ts';
import { precedentsFile, type PrecedentCorpus } from './precedents.ts';

/** A corpus as JSON text with one case per line. */
function corpusJson(corpus: PrecedentCorpus): string {
  const head = JSON.stringify({ format: corpus.format, caseType: corpus.caseType }).slice(0, -1);
  return `${head},"cases":[\n${corpus.cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
}

/** File names inside a model folder. */
export const modelFiles = { onnx: 'model.onnx', json: 'model.json', card: 'model-card.json' } as const;

/** A model folder, read and checked. */
export interface ModelFolder {
  readonly dir: string;
  readonly model: GamModel;
  readonly onnx: Uint8Array;
  /** SHA-256 of model.onnx. */
  readonly sha256: string;
  readonly card: ModelCard;
}

function bad(dir: string, reason: string): DalelError {
  return new DalelError('BAD_INPUT', `${dir}: ${reason}`, { file: dir, reasonCode: 'invalid-model' });
}

function readJson(file: string, dir: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw bad(dir, `${basename(file)} cannot be read as JSON (${(error as Error).message})`);
  }
}

/** Reads a model folder and checks that its three files describe the same model. */
export function readModelFolder(dir: string): ModelFolder {
  let onnx: Uint8Array;
  try {
    onnx = new Uint8Array(readFileSync(join(dir, modelFiles.onnx)));
  } catch (error) {
    throw bad(dir, `no readable ${modelFiles.onnx} (${(error as Error).message})`);
  }
  const sha256 = sha256OfBytes(onnx);
  let embedded: string | null;
  try {
    embedded = embeddedModelText(onnx);
  } catch (error) {
    throw bad(dir, `${modelFiles.onnx} is not an ONNX model (${(error as Error).message})`);
  }
  if (embedded === null) throw bad(dir, `${modelFiles.onnx} carries no Dalel model metadata`);
  const json = readJson(join(dir, modelFiles.json), dir);
  if (stableJson(json) !== embedded) throw bad(dir, `${modelFiles.json} differs from the model inside ${modelFiles.onnx}`);
  const model = GamModelSchema.safeParse(json);
  if (!model.success) throw bad(dir, `${modelFiles.json}: ${model.error.issues[0]?.path.join('.')}: ${model.error.issues[0]?.message}`);
  const mismatch = spreadMismatch(model.data);
  if (mismatch) throw bad(dir, `${modelFiles.json}: ${mismatch}`);
  const card = ModelCardSchema.safeParse(readJson(join(dir, modelFiles.card), dir));
  if (!card.success) throw bad(dir, `${modelFiles.card}: ${card.error.issues[0]?.path.join('.')}: ${card.error.issues[0]?.message}`);
  if (card.data.modelSha256 !== sha256) throw bad(dir, `${modelFiles.card} describes model ${card.data.modelSha256.slice(0, 12)}…, not this ${modelFiles.onnx} (${sha256.slice(0, 12)}…)`);
  return { dir, model: model.data, onnx, sha256, card: card.data };
}

/** Writes a new model folder atomically; refuses to replace an existing non-empty folder. */
export function writeModelFolder(dir: string, model: GamModel, onnx: Uint8Array, card: ModelCard, precedents?: PrecedentCorpus): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new DalelError('CONFLICT', `${dir} exists and is not empty; models are never overwritten, choose a new folder.`, { file: dir });
  if (card.modelSha256 !== sha256OfBytes(onnx)) throw new DalelError('INTERNAL', 'the model card does not describe these ONNX bytes');
  mkdirSync(dirname(dir), { recursive: true });
  const temporary = join(dirname(dir), `.${basename(dir)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temporary);
    writeFileSync(join(temporary, modelFiles.onnx), onnx);
    writeFileSync(join(temporary, modelFiles.json), `${JSON.stringify(model, null, 2)}\n`);
    writeFileSync(join(temporary, modelFiles.card), `${JSON.stringify(card, null, 2)}\n`);
    // One case per line: the corpus is large, and diffs of a rebuilt corpus stay readable.
    if (precedents) writeFileSync(join(temporary, precedentsFile), corpusJson(precedents));
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(temporary, dir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** The model folders directly under a root (missing root: none); unreadable ones are reported, not hidden. */
export function listModelFolders(root: string): Array<{ folder: ModelFolder } | { dir: string; error: DalelError }> {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => {
      const dir = join(root, entry.name);
      try {
        return { folder: readModelFolder(dir) };
      } catch (error) {
        if (error instanceof DalelError) return { dir, error };
        throw error;
      }
    });
}
