/**
 * A PAD model folder: `model.onnx` (its SHA-256 is the model's identity), `model.json` (the same model, readable; it
 * must equal the copy embedded in the ONNX metadata), `card.json` (the model card) and `model.sha256`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256OfBytes, stableJson } from '../../core/canonical-json.ts';
import { DalelError } from '../../core/errors.ts';
import { embeddedPadModelText } from './pad-onnx.ts';
import { padModelFormat, type PadModel } from './pad-model.ts';

export interface PadFolder {
  readonly dir: string;
  readonly onnx: Uint8Array;
  readonly sha256: string;
  readonly model: PadModel;
  readonly card: Record<string, unknown>;
}

export function writePadFolder(dir: string, onnx: Uint8Array, model: PadModel, card: object): string {
  mkdirSync(dir, { recursive: true });
  const sha256 = sha256OfBytes(onnx);
  writeFileSync(join(dir, 'model.onnx'), onnx);
  writeFileSync(join(dir, 'model.json'), `${stableJson(model)}\n`);
  writeFileSync(join(dir, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  writeFileSync(join(dir, 'model.sha256'), `${sha256}  model.onnx\n`);
  return sha256;
}

const bad = (dir: string, reason: string): never => {
  throw new DalelError('BAD_INPUT', `${dir}: ${reason}`, { file: dir, reasonCode: 'bad-pad-model' });
};

/** Reads and checks a PAD model folder: the embedded model must equal model.json, the hash model.sha256. */
export function readPadFolder(dir: string): PadFolder {
  const onnxFile = join(dir, 'model.onnx');
  if (!existsSync(onnxFile)) bad(dir, 'no model.onnx in the folder (train one with `dalel drugs pad-train`)');
  const onnx = new Uint8Array(readFileSync(onnxFile));
  const sha256 = sha256OfBytes(onnx);
  const embedded = embeddedPadModelText(onnx);
  if (!embedded) bad(dir, 'model.onnx carries no PAD model metadata');
  const model = JSON.parse(embedded!) as PadModel;
  if (model.format !== padModelFormat) bad(dir, `model.onnx is not a PAD model (format ${String(model.format)})`);
  const jsonFile = join(dir, 'model.json');
  if (existsSync(jsonFile) && readFileSync(jsonFile, 'utf8').trim() !== embedded) bad(dir, 'model.json differs from the model embedded in model.onnx');
  const hashFile = join(dir, 'model.sha256');
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8').split(/\s+/)[0] !== sha256) bad(dir, 'model.sha256 does not match model.onnx');
  const cardFile = join(dir, 'card.json');
  const card = existsSync(cardFile) ? (JSON.parse(readFileSync(cardFile, 'utf8')) as Record<string, unknown>) : {};
  return { dir, onnx, sha256, model, card };
}
