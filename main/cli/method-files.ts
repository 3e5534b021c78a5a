/**
 * Running a forensic method on files from the command line (`dalel compare`, `dalel handwriting`, `dalel drugs`):
 * each file is checked like an evidence file, and the method goes through the same domain and sanity checks as a
 * run in the app, in this process.
 */
import { basename } from 'node:path';
import type { CliContext } from './context.ts';
import { readInputFile } from './input-file.ts';
import { auditSafe } from '../services/analysis/audit-values.ts';
import type { MethodInput } from '../services/forensics/module.ts';
import { shippedRegistry } from '../services/forensics/modules.ts';
import { sha256Hex } from '../services/intake/evidence-store.ts';
import type { Actor } from '../services/sessions.ts';
import { sniffEvidence } from '../services/intake/sniff.ts';

const registry = shippedRegistry();

/** How a file given on the command line is taken: its declared kind (else the one suggested, as at intake), pixel size. */
export interface FileDeclaration {
  readonly category?: string;
  readonly pixelUm?: number;
}

/** Reads a file and checks it like an evidence file (size, magic bytes, structure), naming it when refused. */
export function readMethodInput(file: string, declared: FileDeclaration = {}): MethodInput {
  const bytes = readInputFile(file);
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

/** What a method's result says of how it was made: the provenance every file run records in the audit log. */
export interface RunProvenance {
  readonly provenance: { algorithm: string; version: string; parameters: Record<string, unknown>; inputs: ReadonlyArray<{ name: string; sha256: string }> };
}

/** Audit-logs a method run on files (inputs' and result's hashes, algorithm, details); returns the entry and the result's hash. */
export function auditFileRun(context: CliContext, action: string, actor: Actor | null, result: RunProvenance, details: Record<string, string | number>): { auditSeq: number; resultSha256: string } {
  const resultSha256 = sha256Hex(new TextEncoder().encode(JSON.stringify(result)));
  const auditSeq = context.open().audit.append({
    action,
    actor,
    inputs: Object.fromEntries(result.provenance.inputs.map((i) => [i.name, i.sha256])),
    outputs: { result: resultSha256 },
    algorithm: { name: result.provenance.algorithm, version: result.provenance.version, parameters: auditSafe(result.provenance.parameters) },
    details: { via: 'cli', ...details },
  });
  return { auditSeq, resultSha256 };
}
