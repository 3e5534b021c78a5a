/**
 * A handwriting set folder: `model.onnx` (the score model; its SHA-256 is the model's identity), `model.json` (the
 * same model, readable; it must equal the copy in the ONNX metadata), `reference.json` (the reference set; its
 * SHA-256 is the reference's identity) and `card.json`. Written whole or not at all (temporary folder + rename).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stableJson } from '../../core/canonical-json.ts';
import { DalelError } from '../../core/errors.ts';
import type { TrainedHandwritingSet } from './train.ts';

/** File names inside a set folder. */
export const handwritingSetFiles = { onnx: 'model.onnx', model: 'model.json', reference: 'reference.json', card: 'card.json' } as const;

/** Pretty JSON with a final newline (stable key order, so the same set always gives the same bytes). */
export function setFileText(value: unknown): string {
  return `${JSON.stringify(JSON.parse(stableJson(value)), null, 1)}\n`;
}

/** Writes a trained set into `dir` (which must not exist yet, or `replace` must be set). */
export function writeHandwritingSet(dir: string, set: TrainedHandwritingSet, replace = false): void {
  if (existsSync(dir) && !replace) throw new DalelError('CONFLICT', `${dir}: already exists; choose a new folder`, { file: dir, reasonCode: 'exists' });
  mkdirSync(dirname(dir), { recursive: true });
  const temporary = `${dir}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  try {
    writeFileSync(join(temporary, handwritingSetFiles.onnx), set.onnx);
    writeFileSync(join(temporary, handwritingSetFiles.model), setFileText(set.model));
    writeFileSync(join(temporary, handwritingSetFiles.reference), stableJson(set.reference));
    writeFileSync(join(temporary, handwritingSetFiles.card), setFileText(set.card));
    if (replace) rmSync(dir, { recursive: true, force: true });
    renameSync(temporary, dir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
