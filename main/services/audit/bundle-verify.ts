/**
 * Offline verification of an audit export bundle (folder or zip). Dependency-free (node: modules and the sibling
 * merkle/note/zip files only): `dalel audit verify`, the Clerk workspace and the bundle's own verify.mjs all run
 * this code, the last one bundled into a single file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileByteSource, memorySource, readZipDirectory, readZipEntry, type ByteSource } from '../../../native/codecs/zip/zip-read.ts';
import { hashLeaf, inclusionProof, MemoryTree, sameHash, verifyConsistency, verifyInclusion, type Hash, type RangeCache } from './merkle.ts';
import {
  ed25519NoteType,
  parseCheckpoint,
  parseNote,
  parseTlogProof,
  parseVerifierKey,
  verifyBytes,
  verifyCosignature,
  verifyNoteSignature,
  type Checkpoint,
  type VerifierKey,
} from './note.ts';

/** The fixed file names of a bundle. */
export const bundleFiles = {
  entries: 'entries.jsonl',
  checkpoint: 'checkpoint',
  checkpointBody: 'checkpoint.body',
  checkpointSig: 'checkpoint.sig',
  publicKeyPem: 'log.pub.pem',
  verifierKey: 'log.vkey',
  consistency: 'consistency-proofs.txt',
  sums: 'SHA256SUMS',
  proofs: 'proofs',
} as const;

/** The action of the entry that closes every export and describes its selection. */
export const exportAction = 'audit.exported';

/** File name of the proof of entry `seq`, zero-padded so that listings sort in log order. */
export function proofFileName(seq: number): string {
  return `${bundleFiles.proofs}/${String(seq).padStart(10, '0')}.tlog-proof`;
}

/** What went wrong, where. */
export interface VerifyProblem {
  readonly code:
    | 'missing-file'
    | 'checksum-mismatch'
    | 'unlisted-file'
    | 'malformed'
    | 'unknown-key'
    | 'bad-signature'
    | 'changed-entry'
    | 'bad-proof'
    | 'missing-entry'
    | 'reordered'
    | 'truncated'
    | 'inconsistent'
    | 'bad-cosignature';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly seq?: number;
}

/** The verdict on a bundle. */
export interface VerifyReport {
  readonly valid: boolean;
  readonly problems: VerifyProblem[];
  /** Checks that passed, in words, for the clerk's record. */
  readonly passed: string[];
  readonly origin: string | null;
  readonly treeSize: number | null;
  readonly entries: number;
  /** The entries selected for export: all but the closing entry that records the export itself (null without one). */
  readonly selectedEntries?: number | null;
  readonly keyFingerprint: string | null;
  /** True when the log key was given by the verifier, false when only the bundle's own key was available. */
  readonly keyTrusted: boolean;
}

/** What the verifier is told out of band. */
export interface VerifyOptions {
  /** Note verifier keys of the log the verifier trusts; without them only the bundle's own key is used. */
  readonly trustedKeys?: readonly string[];
  /** A checkpoint the verifier saw earlier (signed note); the bundle must be consistent with it. */
  readonly trustedCheckpoint?: string;
  /** Witness cosignature verifier keys whose cosignatures must be present and valid. */
  readonly witnessKeys?: readonly string[];
}

/** A bundle zip on disk, read entry by entry (bundles of a million entries exceed what fits in one buffer). */
export function zipFileSource(path: string): BundleSource {
  return zipSource(fileByteSource(path));
}

/** Read access to a bundle's files. */
export interface BundleSource {
  read(name: string): Uint8Array | null;
  names(): string[];
}

/** A bundle in a folder. */
export function folderSource(dir: string): BundleSource {
  return {
    read(name) {
      try {
        return new Uint8Array(readFileSync(join(dir, name)));
      } catch {
        return null;
      }
    },
    names() {
      // A manual walk: readdirSync's recursive option is missing from early Node 18 releases.
      const found: string[] = [];
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (entry.isFile()) found.push(relative(dir, path).split(sep).join('/'));
        }
      };
      walk(dir);
      return found;
    },
  };
}

/** A bundle in a zip, in memory or read from disk on demand (the folder may be the zip's root or its only top-level folder). */
export function zipSource(zip: Uint8Array | ByteSource): BundleSource {
  const bytes = zip instanceof Uint8Array ? memorySource(zip) : zip;
  const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith('/'));
  const tops = new Set(entries.map((e) => e.name.split('/')[0]));
  const prefix = entries.some((e) => e.name === bundleFiles.entries) || tops.size !== 1 ? '' : `${[...tops][0]}/`;
  const byName = new Map(entries.map((e) => [e.name.slice(prefix.length), e]));
  return {
    read(name) {
      const entry = byName.get(name);
      return entry ? readZipEntry(bytes, entry, 1024 ** 3) : null;
    },
    names: () => [...byName.keys()],
  };
}

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Verifies a bundle and reports every problem found (not just the first). */
export function verifyBundle(source: BundleSource, options: VerifyOptions = {}): VerifyReport {
  const problems: VerifyProblem[] = [];
  const passed: string[] = [];
  const problem = (p: VerifyProblem) => problems.push(p);
  const sums = checkSums(source, problem, passed);

  const report = (extra: Partial<VerifyReport>): VerifyReport => ({
    valid: problems.length === 0,
    problems,
    passed,
    origin: null,
    treeSize: null,
    entries: 0,
    keyFingerprint: null,
    keyTrusted: false,
    ...extra,
  });

  // 1. The checkpoint and the key that signed it.
  const noteBytes = source.read(bundleFiles.checkpoint);
  if (!noteBytes) {
    problem({ code: 'missing-file', file: bundleFiles.checkpoint, message: 'the signed checkpoint is missing' });
    return report({});
  }
  let checkpoint: Checkpoint;
  let noteText: string;
  let signatures;
  try {
    const note = parseNote(text(noteBytes));
    noteText = note.text;
    signatures = note.signatures;
    checkpoint = parseCheckpoint(note.text);
  } catch (error) {
    problem({ code: 'malformed', file: bundleFiles.checkpoint, message: `the checkpoint cannot be read: ${(error as Error).message}` });
    return report({});
  }
  const bundleKey = readBundleKey(source, problem);
  const keyTrusted = (options.trustedKeys?.length ?? 0) > 0;
  const keys: VerifierKey[] = [];
  for (const k of options.trustedKeys ?? []) {
    try {
      keys.push(parseVerifierKey(k));
    } catch (error) {
      problem({ code: 'malformed', message: `a trusted key cannot be read: ${(error as Error).message}` });
    }
  }
  if (!keyTrusted && bundleKey) keys.push(bundleKey);
  const signer = keys.find((k) => k.type === ed25519NoteType && signatures.some((s) => verifyNoteSignature(noteText, s, k)));
  if (!signer) {
    const by = signatures.map((s) => `${s.name} (key id ${Buffer.from(s.bytes.subarray(0, 4)).toString('hex')})`).join(', ');
    const wanted = keys.map((k) => `${k.name} (key id ${Buffer.from(k.id).toString('hex')})`).join(', ') || 'none given';
    const known = signatures.some((s) => keys.some((k) => k.name === s.name && Buffer.from(k.id).equals(Buffer.from(s.bytes.subarray(0, 4)))));
    problem(
      known
        ? { code: 'bad-signature', file: bundleFiles.checkpoint, message: `the checkpoint signature by ${by} does not verify` }
        : { code: 'unknown-key', file: bundleFiles.checkpoint, message: `the checkpoint is signed by an unknown key: ${by}; trusted: ${wanted}` },
    );
  } else {
    passed.push(`checkpoint signed by ${signer.name} (key id ${Buffer.from(signer.id).toString('hex')})${keyTrusted ? '' : ' — the key shipped in the bundle: compare its fingerprint with the workstation'}`);
  }
  if (checkpoint.origin !== (signer ?? bundleKey)?.name) {
    problem({ code: 'malformed', file: bundleFiles.checkpoint, message: `the checkpoint origin ${checkpoint.origin} is not the key's name` });
  }
  checkDetachedSignature(source, noteText, bundleKey, problem, passed);
  checkCosignatures(noteText, signatures, options.witnessKeys ?? [], problem, passed);

  // 2. The entries, each against its own proof, in order.
  const entryBytes = source.read(bundleFiles.entries);
  if (!entryBytes) {
    problem({ code: 'missing-file', file: bundleFiles.entries, message: 'entries.jsonl is missing' });
    return report({ origin: checkpoint.origin, treeSize: checkpoint.size, keyTrusted, keyFingerprint: bundleKey ? sha256(bundleKey.publicKey) : null });
  }
  const lines = splitLines(entryBytes);
  if (lines.truncatedTail) {
    problem({ code: 'truncated', file: bundleFiles.entries, line: lines.items.length + 1, message: 'entries.jsonl is truncated: its last line is incomplete' });
  }
  const leaves: Array<{ seq: number; leaf: Hash; line: number; action: string; details: Record<string, unknown> }> = [];
  let previousSeq = -1;
  lines.items.forEach((bytes, i) => {
    const line = i + 1;
    let entry: { seq?: unknown; action?: unknown; details?: unknown };
    try {
      entry = JSON.parse(text(bytes)) as typeof entry;
    } catch {
      problem({ code: 'changed-entry', file: bundleFiles.entries, line, message: `line ${line} is not valid JSON: the entry was changed` });
      return;
    }
    const seq = entry.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
      problem({ code: 'changed-entry', file: bundleFiles.entries, line, message: `line ${line} has no valid sequence number` });
      return;
    }
    if (seq <= previousSeq) {
      problem({ code: 'reordered', file: bundleFiles.entries, line, seq, message: `line ${line} (seq ${seq}) comes after seq ${previousSeq}: entries are out of order` });
    }
    previousSeq = Math.max(previousSeq, seq);
    leaves.push({ seq, leaf: hashLeaf(bytes), line, action: String(entry.action), details: (entry.details ?? {}) as Record<string, unknown> });
  });
  // A whole-log bundle rebuilds the tree: a matching root proves every entry at once, and each proof file then only
  // has to equal the proof derived from that tree, a comparison instead of a hash chain per entry.
  const expected = wholeLogTree(leaves, checkpoint);
  const ranges: RangeCache = new Map();
  for (const { seq, line, leaf } of leaves) {
    checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected ? inclusionProof(expected, seq, checkpoint.size, ranges) : null);
  }
  // Proof files listed in SHA256SUMS that no entry led to were never read above: they must still exist and match.
  for (const [name, digest] of sums.proofs) {
    const bytes = source.read(name);
    if (!bytes) problem({ code: 'missing-file', file: name, message: `${name} is listed in SHA256SUMS but missing` });
    else if (sha256(bytes) !== digest) problem({ code: 'checksum-mismatch', file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (leaves.length > 0 && !problems.some((p) => p.code === 'changed-entry' || p.code === 'bad-proof' || p.code === 'reordered')) {
    const last = leaves[leaves.length - 1]!;
    const closing = last.action === exportAction ? ` (${leaves.length - 1} selected entries and the export's own entry, which records what was selected)` : '';
    passed.push(`${leaves.length} entries each proven included in the tree of ${checkpoint.size}${closing}`);
  }

  // 3. The selection: the closing export entry says which entries the bundle must hold.
  checkSelection(leaves, checkpoint, problem, passed);

  // 4. Consistency with a checkpoint the verifier trusts from earlier.
  if (options.trustedCheckpoint) checkTrustedCheckpoint(source, options.trustedCheckpoint, checkpoint, keys, problem, passed);

  return report({
    origin: checkpoint.origin,
    treeSize: checkpoint.size,
    entries: leaves.length,
    selectedEntries: leaves[leaves.length - 1]?.action === exportAction ? leaves.length - 1 : null,
    keyTrusted,
    keyFingerprint: (signer ?? bundleKey) ? sha256((signer ?? bundleKey)!.publicKey) : null,
  });
}

/** What SHA256SUMS promises, and what has been found changed so far. */
interface Checksums {
  /** Expected SHA-256 of each listed proof file, checked when checkProof reads it (so each is read once). */
  readonly proofs: Map<string, string>;
  readonly changed: Set<string>;
}

function checkSums(source: BundleSource, problem: (p: VerifyProblem) => void, passed: string[]): Checksums {
  const changed = new Set<string>();
  const proofs = new Map<string, string>();
  const sums = source.read(bundleFiles.sums);
  if (!sums) {
    problem({ code: 'missing-file', file: bundleFiles.sums, message: 'SHA256SUMS is missing' });
    return { proofs, changed };
  }
  const listed = new Set<string>();
  for (const [i, line] of text(sums).split('\n').entries()) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      problem({ code: 'malformed', file: bundleFiles.sums, line: i + 1, message: `SHA256SUMS line ${i + 1} is malformed` });
      continue;
    }
    const name = match[2]!;
    listed.add(name);
    if (name.startsWith(`${bundleFiles.proofs}/`)) {
      proofs.set(name, match[1]!);
      continue;
    }
    const bytes = source.read(name);
    if (!bytes) {
      changed.add(name);
      problem({ code: 'missing-file', file: name, message: `${name} is listed in SHA256SUMS but missing` });
    } else if (sha256(bytes) !== match[1]) {
      changed.add(name);
      problem({ code: 'checksum-mismatch', file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
    }
  }
  for (const name of source.names()) {
    if (name !== bundleFiles.sums && !listed.has(name)) problem({ code: 'unlisted-file', file: name, message: `${name} is not listed in SHA256SUMS` });
  }
  if (changed.size === 0) passed.push(`${listed.size - proofs.size} files match SHA256SUMS (the ${proofs.size} proofs are checked as they are read)`);
  return { proofs, changed };
}

function readBundleKey(source: BundleSource, problem: (p: VerifyProblem) => void): VerifierKey | null {
  const bytes = source.read(bundleFiles.verifierKey);
  if (!bytes) {
    problem({ code: 'missing-file', file: bundleFiles.verifierKey, message: 'log.vkey (the note verifier key) is missing' });
    return null;
  }
  try {
    return parseVerifierKey(text(bytes));
  } catch (error) {
    problem({ code: 'malformed', file: bundleFiles.verifierKey, message: `log.vkey cannot be read: ${(error as Error).message}` });
    return null;
  }
}

function checkDetachedSignature(source: BundleSource, noteText: string, key: VerifierKey | null, problem: (p: VerifyProblem) => void, passed: string[]): void {
  const body = source.read(bundleFiles.checkpointBody);
  const sig = source.read(bundleFiles.checkpointSig);
  if (!body || !sig) {
    problem({ code: 'missing-file', file: body ? bundleFiles.checkpointSig : bundleFiles.checkpointBody, message: 'the detached checkpoint body or signature is missing' });
    return;
  }
  if (text(body) !== noteText) problem({ code: 'malformed', file: bundleFiles.checkpointBody, message: 'checkpoint.body differs from the signed checkpoint' });
  if (key && !verifyBytes(key.publicKey, body, sig)) {
    problem({ code: 'bad-signature', file: bundleFiles.checkpointSig, message: 'checkpoint.sig is not a valid signature of checkpoint.body by log.pub.pem' });
  } else if (key) {
    passed.push('checkpoint.sig verifies over checkpoint.body (the openssl pkeyutl check)');
  }
}

function checkCosignatures(
  noteText: string,
  signatures: ReturnType<typeof parseNote>['signatures'],
  witnessKeys: readonly string[],
  problem: (p: VerifyProblem) => void,
  passed: string[],
): void {
  for (const keyText of witnessKeys) {
    let key: VerifierKey;
    try {
      key = parseVerifierKey(keyText);
    } catch (error) {
      problem({ code: 'malformed', message: `a witness key cannot be read: ${(error as Error).message}` });
      continue;
    }
    const line = signatures.find((s) => s.name === key.name);
    const timestamp = line ? verifyCosignature(noteText, line, key) : null;
    if (timestamp === null) problem({ code: 'bad-cosignature', file: bundleFiles.checkpoint, message: `no valid cosignature by witness ${key.name}` });
    else passed.push(`cosigned by witness ${key.name} at ${new Date(Number(timestamp) * 1000).toISOString()}`);
  }
}

function splitLines(bytes: Uint8Array): { items: Uint8Array[]; truncatedTail: boolean } {
  const items: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a) {
      items.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return { items, truncatedTail: start < bytes.length };
}

/** The tree of a bundle holding the whole log (seq 0…n−1, n = checkpoint size) when its root is the signed one. */
function wholeLogTree(leaves: ReadonlyArray<{ seq: number; leaf: Hash }>, checkpoint: Checkpoint): MemoryTree | null {
  if (leaves.length !== checkpoint.size || leaves.some((l, i) => l.seq !== i)) return null;
  const tree = new MemoryTree();
  for (const l of leaves) tree.appendLeafHash(l.leaf);
  return sameHash(tree.root(), checkpoint.root) ? tree : null;
}

function checkProof(
  source: BundleSource,
  seq: number,
  line: number,
  leaf: Hash,
  checkpoint: Checkpoint,
  noteText: string,
  sums: Checksums,
  problem: (p: VerifyProblem) => void,
  expected: readonly Hash[] | null,
): void {
  const file = proofFileName(seq);
  const bytes = source.read(file);
  const listed = sums.proofs.get(file);
  sums.proofs.delete(file);
  if (!bytes) {
    problem({ code: 'missing-file', file, seq, line, message: `the proof of seq ${seq} (${file}) is missing` });
    return;
  }
  if (listed === undefined) {
    problem({ code: 'unlisted-file', file, seq, message: `${file} is not listed in SHA256SUMS` });
  } else if (sha256(bytes) !== listed) {
    sums.changed.add(file);
    problem({ code: 'checksum-mismatch', file, seq, message: `${file} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  const changedFiles = sums.changed;
  let proof;
  try {
    proof = parseTlogProof(text(bytes));
  } catch (error) {
    problem({ code: 'bad-proof', file, seq, line, message: `${file} cannot be read: ${(error as Error).message}` });
    return;
  }
  if (proof.index !== seq) {
    problem({ code: 'bad-proof', file, seq, line, message: `${file} proves index ${proof.index}, not seq ${seq}` });
    return;
  }
  let proofCheckpoint;
  try {
    proofCheckpoint = parseNote(proof.checkpoint).text;
  } catch {
    proofCheckpoint = '';
  }
  if (proofCheckpoint !== noteText) {
    problem({ code: 'bad-proof', file, seq, line, message: `${file} refers to another checkpoint than the bundle's` });
    return;
  }
  const matchesTree = expected !== null && expected.length === proof.hashes.length && expected.every((h, i) => sameHash(h, proof.hashes[i]!));
  const failure = matchesTree ? null : verifyInclusion(seq, checkpoint.size, leaf, proof.hashes, checkpoint.root);
  if (failure) {
    // Tell a changed entry from a changed proof where the checksums can: an intact proof file means the entry changed.
    const proofChanged = changedFiles.has(file);
    const entryChanged = changedFiles.has(bundleFiles.entries);
    problem(
      entryChanged || !proofChanged
        ? { code: 'changed-entry', file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} does not match its inclusion proof: its bytes were changed (${failure})` }
        : { code: 'bad-proof', file, seq, line, message: `${file} does not prove seq ${seq}: ${failure}` },
    );
  }
}

function checkSelection(
  leaves: ReadonlyArray<{ seq: number; leaf: Hash; line: number; action: string; details: Record<string, unknown> }>,
  checkpoint: Checkpoint,
  problem: (p: VerifyProblem) => void,
  passed: string[],
): void {
  const last = leaves[leaves.length - 1];
  if (!last || last.action !== exportAction) {
    problem({ code: 'truncated', file: bundleFiles.entries, message: 'the log is truncated: the closing export entry (which lists the selection) is missing' });
    return;
  }
  if (last.seq !== checkpoint.size - 1) {
    problem({ code: 'truncated', file: bundleFiles.entries, seq: last.seq, message: `the export entry is seq ${last.seq} but the checkpoint covers ${checkpoint.size} entries` });
  }
  const details = last.details;
  const selected = leaves.slice(0, -1);
  const count = Number(details.count);
  const expectedSeqs: number[] = Array.isArray(details.seqs)
    ? (details.seqs as number[])
    : details.scope === 'all'
      ? Array.from({ length: count }, (_, i) => i)
      : [];
  const present = new Set(selected.map((l) => l.seq));
  const missing = expectedSeqs.filter((s) => !present.has(s));
  for (const seq of missing.slice(0, 50)) problem({ code: 'missing-entry', file: bundleFiles.entries, seq, message: `entry seq ${seq} is missing from entries.jsonl` });
  if (missing.length > 50) problem({ code: 'missing-entry', file: bundleFiles.entries, message: `${missing.length - 50} more entries are missing` });
  const expected = new Set(expectedSeqs);
  for (const extra of selected.filter((l) => expectedSeqs.length > 0 && !expected.has(l.seq))) {
    problem({ code: 'changed-entry', file: bundleFiles.entries, seq: extra.seq, line: extra.line, message: `entry seq ${extra.seq} on line ${extra.line} was not part of the export` });
  }
  if (selected.length !== count && missing.length === 0) {
    problem({ code: 'missing-entry', file: bundleFiles.entries, message: `the export lists ${count} entries but entries.jsonl holds ${selected.length}` });
  }
  const digest = createHash('sha256');
  for (const l of selected) digest.update(l.leaf);
  if (digest.digest('hex') !== details.selectionSha256 && missing.length === 0 && selected.length === count) {
    problem({ code: 'changed-entry', file: bundleFiles.entries, message: 'the entries differ from the selection the export recorded' });
  }
  if (missing.length === 0 && selected.length === count) {
    passed.push(`all ${count} selected entries present (${String(details.scope)}), followed by the entry that records this export`);
  }
}

function checkTrustedCheckpoint(
  source: BundleSource,
  trustedNote: string,
  checkpoint: Checkpoint,
  keys: readonly VerifierKey[],
  problem: (p: VerifyProblem) => void,
  passed: string[],
): void {
  let trusted: Checkpoint;
  try {
    const note = parseNote(trustedNote);
    trusted = parseCheckpoint(note.text);
    if (!keys.some((k) => note.signatures.some((s) => verifyNoteSignature(note.text, s, k)))) {
      problem({ code: 'unknown-key', message: 'the trusted checkpoint is not signed by a trusted key' });
    }
  } catch (error) {
    problem({ code: 'malformed', message: `the trusted checkpoint cannot be read: ${(error as Error).message}` });
    return;
  }
  if (trusted.origin !== checkpoint.origin) {
    problem({ code: 'inconsistent', message: `the trusted checkpoint is for log ${trusted.origin}, the bundle for ${checkpoint.origin}` });
    return;
  }
  if (trusted.size > checkpoint.size) {
    problem({ code: 'truncated', message: `the log is truncated: a trusted checkpoint has ${trusted.size} entries, the bundle's only ${checkpoint.size}` });
    return;
  }
  if (trusted.size === checkpoint.size) {
    if (sameHash(trusted.root, checkpoint.root)) passed.push(`consistent with the trusted checkpoint of size ${trusted.size}`);
    else problem({ code: 'inconsistent', message: `the bundle's checkpoint and the trusted one have the same size ${trusted.size} but different roots: history was rewritten` });
    return;
  }
  const proofs = parseConsistencyProofs(text(source.read(bundleFiles.consistency) ?? new Uint8Array()));
  const proof = proofs.get(trusted.size);
  if (!proof) {
    problem({ code: 'inconsistent', message: `the bundle carries no consistency proof from size ${trusted.size}` });
    return;
  }
  const failure = verifyConsistency(trusted.size, checkpoint.size, proof, trusted.root, checkpoint.root);
  if (failure) problem({ code: 'inconsistent', message: `the bundle is not consistent with the trusted checkpoint of size ${trusted.size}: ${failure}; history was rewritten` });
  else passed.push(`consistent with the trusted checkpoint of size ${trusted.size}`);
}

/** Formats consistency proofs: blocks of "size N", then one base64 hash per line, then a blank line. */
export function formatConsistencyProofs(proofs: ReadonlyMap<number, readonly Hash[]>): string {
  return [...proofs].map(([size, hashes]) => `size ${size}\n${hashes.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('')}\n`).join('');
}

/** Parses consistency proofs written by `formatConsistencyProofs`. */
export function parseConsistencyProofs(textValue: string): Map<number, Hash[]> {
  const proofs = new Map<number, Hash[]>();
  for (const block of textValue.split('\n\n')) {
    const lines = block.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const match = /^size (\d+)$/.exec(lines[0] ?? '');
    if (match) proofs.set(Number(match[1]), lines.slice(1).map((l) => new Uint8Array(Buffer.from(l, 'base64'))));
  }
  return proofs;
}

/** The report as text for a terminal. */
export function formatReport(report: VerifyReport): string {
  const lines = [report.valid ? 'VALID' : 'INVALID'];
  if (report.origin) lines.push(`log: ${report.origin}, tree size ${report.treeSize}, ${report.entries} entries in the bundle`);
  if (report.keyFingerprint) lines.push(`log key SHA-256 fingerprint: ${report.keyFingerprint}${report.keyTrusted ? ' (trusted key given)' : ' (from the bundle itself: compare it with the one shown on the workstation)'}`);
  for (const p of report.passed) lines.push(`  ok  ${p}`);
  for (const p of report.problems) lines.push(`  FAIL ${p.message}${p.file ? ` [${p.file}${p.line ? `:${p.line}` : ''}]` : ''}`);
  return lines.join('\n');
}
