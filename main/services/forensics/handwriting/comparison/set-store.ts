/**
 * Installed handwriting comparison sets, one folder per script: the shipped ones under assets/handwriting/<script>/
 * and any a lab trained (`dalel handwriting train --out DIR`) under a folder the caller names. Each is read whole and
 * checked (the ONNX model's embedded JSON equals model.json, the reference set names this model's hash) before use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';
import { sha256OfBytes, stableJson } from '../../../../../core/canonical-json.ts';
import { DalelError } from '../../../errors.ts';
import { modelMetadataKey } from '../../../../../models/gam/onnx-metadata.ts';
import { handwritingSetFiles } from '../../../../../models/handwriting/set-folder.ts';
import { ReferenceSetSchema, type HandwritingScript, type ReferenceSet } from '../../../../../models/handwriting/reference-set.ts';
import { ScoreModelSchema, type ScoreModel } from '../../../../../models/handwriting/score-model.ts';

/** A set folder, read and checked. */
export interface HandwritingSet {
  readonly dir: string;
  readonly script: HandwritingScript;
  readonly model: ScoreModel;
  readonly onnx: Uint8Array;
  /** SHA-256 of model.onnx. */
  readonly modelSha256: string;
  readonly reference: ReferenceSet;
  /** SHA-256 of reference.json. */
  readonly referenceSha256: string;
  /** card.json as written by training. */
  readonly card: Record<string, unknown>;
}

/** One line of the installed-set listing. */
export interface HandwritingSetListing {
  readonly script: HandwritingScript;
  readonly dir: string;
  readonly algorithm: string;
  readonly modelSha256: string;
  readonly referenceSha256: string;
  readonly minGraphs: number;
  readonly shipped: boolean;
}

/** The shipped sets' folder (assets/handwriting/), from the source tree or the built tree. */
export function shippedHandwritingSetsDir(): string {
  const candidates = ['../../../../../', '../../../../../../'].map((up) => fileURLToPath(new URL(`${up}assets/handwriting/`, import.meta.url)));
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

/** Where a workstation keeps the sets its lab trained: `<data-dir>/handwriting-sets/<name>/`. */
export function labHandwritingSetsDir(dataDir: string): string {
  return join(dataDir, 'handwriting-sets');
}

function bad(dir: string, reason: string): DalelError {
  return new DalelError('BAD_INPUT', `${dir}: ${reason}`, { file: dir, reasonCode: 'invalid-handwriting-set' });
}

function readBytes(dir: string, name: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(join(dir, name)));
  } catch (error) {
    throw bad(dir, `no readable ${name} (${(error as Error).message})`);
  }
}

function parseJson(dir: string, name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw bad(dir, `${name} cannot be read as JSON (${(error as Error).message})`);
  }
}

/** Reads a set folder and checks that its files describe one model and its own reference set. */
export function readHandwritingSet(dir: string): HandwritingSet {
  const onnx = readBytes(dir, handwritingSetFiles.onnx);
  const modelSha256 = sha256OfBytes(onnx);
  let embedded: string | null | undefined;
  try {
    embedded = onnxProto.onnx.ModelProto.decode(onnx).metadataProps.find((p) => p.key === modelMetadataKey)?.value;
  } catch (error) {
    throw bad(dir, `${handwritingSetFiles.onnx} is not an ONNX model (${(error as Error).message})`);
  }
  const parsedModel = ScoreModelSchema.safeParse(parseJson(dir, handwritingSetFiles.model, readBytes(dir, handwritingSetFiles.model)));
  if (!parsedModel.success) throw bad(dir, `${handwritingSetFiles.model} is not a handwriting score model (${parsedModel.error.issues[0]?.message ?? 'invalid'})`);
  if (embedded !== stableJson(parsedModel.data)) throw bad(dir, `${handwritingSetFiles.model} differs from the model embedded in ${handwritingSetFiles.onnx}`);
  const referenceBytes = readBytes(dir, handwritingSetFiles.reference);
  const parsedReference = ReferenceSetSchema.safeParse(parseJson(dir, handwritingSetFiles.reference, referenceBytes));
  if (!parsedReference.success) throw bad(dir, `${handwritingSetFiles.reference} is not a reference set (${parsedReference.error.issues[0]?.message ?? 'invalid'})`);
  if (parsedReference.data.modelSha256 !== modelSha256) throw bad(dir, `${handwritingSetFiles.reference} was built for model ${parsedReference.data.modelSha256.slice(0, 12)}…, not this ${handwritingSetFiles.onnx}`);
  const card = parseJson(dir, handwritingSetFiles.card, readBytes(dir, handwritingSetFiles.card));
  if (!card || typeof card !== 'object') throw bad(dir, `${handwritingSetFiles.card} is not a JSON object`);
  return {
    dir,
    script: parsedReference.data.script,
    model: parsedModel.data,
    onnx,
    modelSha256,
    reference: parsedReference.data,
    referenceSha256: sha256OfBytes(referenceBytes),
    card: card as Record<string, unknown>,
  };
}

/** Set folders directly under a root (folders holding a reference.json), sorted by name. */
function setDirsUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, handwritingSetFiles.reference)))
    .map((e) => join(root, e.name))
    .sort();
}

/** Every installed set: the lab's own (under `labRoot`, listed first, so they win for their script) and the shipped ones. */
export function installedHandwritingSets(labRoot?: string | null): HandwritingSet[] {
  const lab = labRoot ? setDirsUnder(labRoot) : [];
  return [...lab, ...setDirsUnder(shippedHandwritingSetsDir())].map(cachedSet);
}

/** The installed sets with their hashes, as `dalel handwriting sets` and the workbench list them. */
export function listHandwritingSets(labRoot?: string | null): HandwritingSetListing[] {
  const shipped = shippedHandwritingSetsDir();
  return installedHandwritingSets(labRoot).map((s) => ({
    script: s.script,
    dir: s.dir,
    algorithm: s.model.algorithm,
    modelSha256: s.modelSha256,
    referenceSha256: s.referenceSha256,
    minGraphs: s.reference.minGraphs,
    shipped: s.dir.startsWith(shipped),
  }));
}

const cache = new Map<string, { stamp: string; set: HandwritingSet }>();

/** A set folder, read again only when one of its files changed (a lab may retrain while the workstation runs). */
function cachedSet(dir: string): HandwritingSet {
  const stamp = Object.values(handwritingSetFiles)
    .map((f) => {
      const s = statSync(join(dir, f), { throwIfNoEntry: false });
      return s ? `${s.size}:${s.mtimeMs}` : '-';
    })
    .join('|');
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.set;
  const set = readHandwritingSet(dir);
  cache.set(dir, { stamp, set });
  return set;
}

/** The set for a script (a lab's own first), or null when none is installed. */
export function handwritingSetFor(script: string, labRoot?: string | null): HandwritingSet | null {
  const dirs = [...(labRoot ? setDirsUnder(labRoot) : []), ...setDirsUnder(shippedHandwritingSetsDir())];
  for (const dir of dirs) {
    const set = cachedSet(dir);
    if (set.script === script) return set;
  }
  return null;
}
