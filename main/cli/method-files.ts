/**
 * Running a forensic method on files from the command line (`dalel compare`, `dalel handwriting`, `dalel drugs`):
 * each file is checked like an evidence file, and the method goes through the same domain and sanity checks as a
 * run in the app, in this process.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { MethodInput } from '../services/forensics/module.ts';
import { shippedRegistry } from '../services/forensics/modules.ts';
import { DalelError } from '../services/errors.ts';
import { sha256Hex } from '../services/intake/evidence-store.ts';
import { defaultIntakeLimits, sniffEvidence } from '../services/intake/sniff.ts';

const registry = shippedRegistry();

/** How a file given on the command line is taken: its declared kind (else the one suggested, as at intake), pixel size. */
export interface FileDeclaration {
  readonly category?: string;
  readonly pixelUm?: number;
}

/** Reads a file and checks it like an evidence file (size, magic bytes, structure), naming it when refused. */
export function readMethodInput(file: string, declared: FileDeclaration = {}): MethodInput {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > defaultIntakeLimits.maxBytes) throw new Error(`${size} bytes, over the ${defaultIntakeLimits.maxBytes}-byte limit`);
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
  const name = basename(file);
  const { kind: format, width, height } = sniffEvidence(name, bytes);
  const category = declared.category ?? registry.suggest({ name, format, width, height });
  return { name, sha256: sha256Hex(bytes), evidenceId: null, format, category, bytes, pixelUm: declared.pixelUm ?? null };
}

/** Runs a method on files in this process and returns its result as it would be stored. */
export async function runMethodOnFiles(methodId: string, inputs: readonly MethodInput[], options: Readonly<Record<string, unknown>>): Promise<unknown> {
  const { method, module } = registry.method(methodId);
  const prepared = method.prepare(inputs, options);
  return method.record(await registry.run({ module: module.id, type: method.id, payload: prepared.payload }, () => undefined)).result;
}
