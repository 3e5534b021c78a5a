/**
 * Offline verification of an audit export bundle (folder or zip). Dependency-free (node: modules and the sibling
 * merkle/note/tiles/zip files only): `dalel audit verify`, the Clerk workspace and the bundle's own verify.mjs all run
 * this code, the last one bundled into a single file.
 *
 * A tiled bundle (C2SP tlog-tiles) is checked in one streaming pass over entries.jsonl: each entry is hashed and found
 * in its level-0 tile (and in its entry bundle), then every full tile is hashed into the tile above it and the tiles
 * must lead to the signed root. Memory stays flat: one 4 MiB piece of entries.jsonl and one tile per level at a time.
 * Older bundles, with one .tlog-proof per entry and no tiles, are checked entry by entry as they always were.
 */
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileByteSource, memorySource, readZipDirectory, readZipEntry, zipEntryChunks, type ByteSource } from '../../../native/codecs/zip/zip-read.ts';
import { inclusionProof, sha256 as sha256Hash, MemoryTree, sameHash, treeRoot, verifyConsistency, verifyInclusion, type Hash, type RangeCache } from './merkle.ts';
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
import {
  allTiles,
  decodeEntryBundle,
  entryBundlePath,
  fullTileRoot,
  hashTilePath,
  parseTilePath,
  tileHash,
  tileHeight,
  tileLevels,
  TileMissingError,
  TileNodes,
  tileWidth,
  widthOf,
  type TileCoordinate,
} from './tiles.ts';

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
  tiles: 'tile',
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
    | 'bad-tile'
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

/** Told how far verification is: bytes of entries.jsonl checked so far, of how many. */
export type VerifyProgress = (done: number, total: number) => void;

/** A bundle zip on disk, read entry by entry (bundles of a million entries exceed what fits in one buffer). */
export function zipFileSource(path: string): BundleSource {
  return zipSource(fileByteSource(path));
}

/** Read access to a bundle's files. */
export interface BundleSource {
  /** A (small) file whole; null when missing. */
  read(name: string): Uint8Array | null;
  /** A file in pieces, for the large ones; null when missing. A damaged zip entry throws as its last piece is read. */
  chunks(name: string): Iterable<Uint8Array> | null;
  /** A file's size in bytes; null when missing. */
  size(name: string): number | null;
  names(): string[];
}

const pieceSize = 4 << 20;

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
    chunks(name) {
      let fd: number;
      try {
        fd = openSync(join(dir, name), 'r');
        if (!fstatSync(fd).isFile()) {
          closeSync(fd);
          return null;
        }
      } catch {
        return null;
      }
      return (function* () {
        try {
          for (;;) {
            const piece = new Uint8Array(pieceSize);
            const n = readSync(fd, piece, 0, piece.length, null);
            if (n === 0) return;
            yield piece.subarray(0, n);
          }
        } finally {
          closeSync(fd);
        }
      })();
    },
    size(name) {
      try {
        const stat = statSync(join(dir, name));
        return stat.isFile() ? stat.size : null;
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
    chunks(name) {
      const entry = byName.get(name);
      return entry ? zipEntryChunks(bytes, entry, pieceSize) : null;
    },
    size: (name) => byName.get(name)?.uncompressedSize ?? null,
    names: () => [...byName.keys()],
  };
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const text = (bytes: Uint8Array) => decoder.decode(bytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Verifies a bundle and reports every problem found (not just the first), in this thread. */
export function verifyBundle(source: BundleSource, options: VerifyOptions = {}, onProgress?: VerifyProgress): VerifyReport {
  const steps = verifySteps(source, options, onProgress, 1);
  const parsed = new Map<number, ParsedLines>();
  let answer: ParsedLines | undefined;
  for (;;) {
    const step = steps.next(answer);
    answer = undefined;
    if (step.done) return step.value;
    if (step.value.kind === 'parse') parsed.set(step.value.id, parseLines(step.value.data, step.value.offset, sha256Bytes, decoder));
    else {
      answer = parsed.get(step.value.id);
      parsed.delete(step.value.id);
    }
  }
}

/**
 * Verifies a bundle without holding up the event loop (progress events reach the screen meanwhile). With `workers`,
 * the entries are parsed and hashed by that many worker threads, a few pieces ahead of the checks that need them in
 * order (`workersFor` chooses how many by the bundle's size).
 */
export async function verifyBundleAsync(source: BundleSource, options: VerifyOptions & { readonly workers?: number } = {}, onProgress?: VerifyProgress): Promise<VerifyReport> {
  const pool = options.workers !== undefined && options.workers > 0 ? LinePool.open(options.workers) : null;
  const steps = verifySteps(source, options, onProgress, pool ? pool.size * 2 : 1);
  const parsed = new Map<number, ParsedLines | Promise<ParsedLines>>();
  let answer: ParsedLines | undefined;
  try {
    for (;;) {
      const step = steps.next(answer);
      answer = undefined;
      if (step.done) return step.value;
      const request = step.value;
      if (request.kind === 'parse') parsed.set(request.id, pool ? pool.parse(request.data, request.offset) : parseLines(request.data, request.offset, sha256Bytes, decoder));
      else {
        const result = parsed.get(request.id);
        parsed.delete(request.id);
        answer = result instanceof Promise ? await result : result;
        if (!pool) await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    pool?.close();
  }
}

/** What the entries pass asks of its driver: parse a piece of lines, or hand back a piece parsed earlier. */
type VerifyStep = { readonly kind: 'parse'; readonly id: number; readonly data: Uint8Array; readonly offset: number } | { readonly kind: 'await'; readonly id: number };

/** Lines of a piece of entries.jsonl, parsed and hashed: where each ends, its seq (−1: not JSON, −2: no valid seq), its leaf hash. */
export interface ParsedLines {
  readonly data: Uint8Array;
  readonly offset: number;
  readonly ends: Int32Array;
  readonly seqs: Float64Array;
  readonly leaves: Uint8Array;
}

/**
 * The per-line work of verification: each line of `data` from `offset` (every line ends in a newline, and the byte
 * before each line may be overwritten for the call) is hashed as a leaf and its seq read. The seq is found by a scan of
 * the line's bytes: the last `"seq":` whose number is followed by the rest of the top-level object to the line's closing
 * brace (in valid JSON that key cannot sit inside a string, and a nested one closes its object before the line ends).
 * Lines the scan cannot settle are parsed as JSON. A seq read from a changed line is harmless: the line's hash is then
 * checked against the leaf the signed tree holds at that seq, and does not match. Self-contained, with what it needs
 * passed in: its source text is what worker threads run.
 */
export function parseLines(data: Uint8Array, offset: number, hashOne: (bytes: Uint8Array) => Uint8Array, textDecoder: { decode(bytes: Uint8Array): string }): ParsedLines {
  const ends: number[] = [];
  for (let i = data.indexOf(10, offset); i >= 0; i = data.indexOf(10, i + 1)) ends.push(i);
  const seqs = new Float64Array(ends.length);
  const leaves = new Uint8Array(ends.length * 32);
  /** The top-level seq of the JSON object on bytes [from, to), or −1 when the scan cannot tell. */
  const scanSeq = (from: number, to: number): number => {
    if (to - from < 8 || data[to - 1] !== 0x7d) return -1;
    let at = -1;
    // `"seq":` backwards from the end: the top-level key sorts after nearly every other, so it is near the end.
    for (let i = to - 6; i >= from; i -= 1) {
      if (data[i] === 0x22 && data[i + 1] === 0x73 && data[i + 2] === 0x65 && data[i + 3] === 0x71 && data[i + 4] === 0x22 && data[i + 5] === 0x3a) {
        at = i + 6;
        break;
      }
    }
    if (at < 0) return -1;
    let seq = 0;
    let i = at;
    while (i < to && data[i]! >= 0x30 && data[i]! <= 0x39) seq = seq * 10 + data[i++]! - 0x30;
    if (i === at || i - at > 15 || (data[at] === 0x30 && i - at > 1) || (data[i] !== 0x2c && data[i] !== 0x7d)) return -1;
    // The rest must be the rest of the top-level object: its closing brace is the line's last byte, and none before.
    let depth = 0;
    for (; i < to; i += 1) {
      const c = data[i]!;
      if (c === 0x22) {
        for (i += 1; i < to && data[i] !== 0x22; i += 1) if (data[i] === 0x5c) i += 1;
      } else if (c === 0x7b || c === 0x5b) depth += 1;
      else if (c === 0x7d || c === 0x5d) {
        depth -= 1;
        if (depth < 0) return i === to - 1 && c === 0x7d ? seq : -1;
      }
    }
    return -1;
  };
  let start = offset;
  for (let k = 0; k < ends.length; k += 1) {
    const end = ends[k]!;
    let seq = scanSeq(start, end);
    if (seq < 0) {
      try {
        const entry = JSON.parse(textDecoder.decode(data.subarray(start, end))) as { seq?: unknown } | null;
        const value = entry !== null && typeof entry === 'object' ? entry.seq : undefined;
        seq = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : -2;
      } catch {
        seq = -1;
      }
    }
    seqs[k] = seq;
    const saved = data[start - 1]!;
    data[start - 1] = 0;
    leaves.set(hashOne(data.subarray(start - 1, end)), k * 32);
    data[start - 1] = saved;
    start = end + 1;
  }
  return { data, offset, ends: Int32Array.from(ends), seqs, leaves };
}

const sha256Bytes = (bytes: Uint8Array): Uint8Array => sha256Hash(bytes);

/**
 * The size of entries.jsonl at which worker threads start to pay: below it their start-up costs about what they save.
 * 64 MiB is about 140 000 entries of the benchmark's log (460 bytes each). On the shared 2-core machine (`npm run bench
 * -- audit --entries N`, one run each) two threads took a zip's verification from 1.93 to 1.58 s at 200 000 entries,
 * 4.57 to 3.96 s at 500 000 and 10.36 to 7.99 s at a million; a case export of a few hundred entries is checked in a
 * fraction of a second on one thread.
 */
export const workerThresholdBytes = 64 << 20;

/** Worker threads for a bundle when none were asked for: every core for a large bundle on a multi-core machine, else none. */
export function workersFor(source: Pick<BundleSource, 'size'>): number {
  const workers = defaultWorkers();
  return (source.size(bundleFiles.entries) ?? 0) >= workerThresholdBytes && workers > 1 ? workers : 0;
}

/** Workers for `--workers auto`: every core (the main thread mostly waits on them and on the disk), at most eight. */
export function defaultWorkers(): number {
  const available = (os as { availableParallelism?: () => number }).availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.min(8, available));
}

/** The source the worker threads run: parseLines as text, behind a message loop (works from a single-file bundle too). */
function workerSource(): string {
  return `"use strict";
var __name = (f) => f;
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const hashOne = crypto.hash ? (d) => crypto.hash('sha256', d, 'buffer') : (d) => crypto.createHash('sha256').update(d).digest();
const textDecoder = new TextDecoder('utf-8', { fatal: false });
const parseLines = ${parseLines.toString()};
parentPort.on('message', ({ id, data, offset }) => {
  const out = parseLines(data, offset, hashOne, textDecoder);
  parentPort.postMessage({ id, out }, [out.data.buffer, out.ends.buffer, out.seqs.buffer, out.leaves.buffer]);
});
`;
}

/** Worker threads that parse pieces of lines, round robin; a piece is handed over (transferred), and comes back parsed. */
class LinePool {
  private readonly waiting = new Map<number, { resolve: (p: ParsedLines) => void; reject: (e: unknown) => void }>();
  private next = 0;
  private turn = 0;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', ({ id, out }: { id: number; out: ParsedLines }) => {
        this.waiting.get(id)?.resolve(out);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => {
        for (const w of this.waiting.values()) w.reject(error);
        this.waiting.clear();
      });
    }
  }

  /** A pool of `size` workers, or null where threads cannot start (the caller then parses in this thread). */
  static open(size: number): LinePool | null {
    try {
      const source = workerSource();
      return new LinePool(Array.from({ length: size }, () => new Worker(source, { eval: true })));
    } catch {
      return null;
    }
  }

  get size(): number {
    return this.workers.length;
  }

  parse(data: Uint8Array, offset: number): Promise<ParsedLines> {
    const id = this.next++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, data, offset }, [data.buffer as ArrayBuffer]);
    });
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}

/** One entry as the selection check needs it. */
interface SeenEntry {
  readonly seq: number;
  readonly line: number;
  readonly leaf: Hash;
}

/** The last entry, which closes an export and describes its selection. */
interface ClosingEntry extends SeenEntry {
  readonly action: string;
  readonly details: Record<string, unknown>;
}

/** The verification itself; its driver parses pieces of entries.jsonl when asked, up to `ahead` at once. */
function* verifySteps(source: BundleSource, options: VerifyOptions, onProgress: VerifyProgress | undefined, ahead: number): Generator<VerifyStep, VerifyReport, ParsedLines | undefined> {
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
  const keyFingerprint = (signer ?? bundleKey) ? sha256((signer ?? bundleKey)!.publicKey) : null;

  // 2. The entries, in one pass: each against its tile (tiled bundles) or kept for its proof (older bundles).
  const pieces = source.chunks(bundleFiles.entries);
  if (!pieces) {
    problem({ code: 'missing-file', file: bundleFiles.entries, message: 'entries.jsonl is missing' });
    return report({ origin: checkpoint.origin, treeSize: checkpoint.size, keyTrusted, keyFingerprint });
  }
  const tiled = [...sums.deferred.keys(), ...source.names()].some((name) => name.startsWith(`${bundleFiles.tiles}/`));
  const tiles = new TileReader(source, sums, checkpoint, problem);
  const selection = new SelectionTracker();
  const legacyLeaves: Array<{ seq: number; leaf: Hash; line: number }> = [];
  const total = source.size(bundleFiles.entries) ?? 0;
  let done = 0;
  let previousSeq = -1;
  let line = 0;
  let lastLine: Uint8Array | null = null;
  const fileHash = createHash('sha256');
  const consume = (parsed: ParsedLines) => {
    const { data, ends, seqs, leaves } = parsed;
    let start = parsed.offset;
    for (let k = 0; k < ends.length; start = ends[k]! + 1, k += 1) {
      line += 1;
      const seq = seqs[k]!;
      if (seq === -1) {
        problem({ code: 'changed-entry', file: bundleFiles.entries, line, message: `line ${line} is not valid JSON: the entry was changed` });
        continue;
      }
      if (seq === -2) {
        problem({ code: 'changed-entry', file: bundleFiles.entries, line, message: `line ${line} has no valid sequence number` });
        continue;
      }
      if (seq <= previousSeq) {
        problem({ code: 'reordered', file: bundleFiles.entries, line, seq, message: `line ${line} (seq ${seq}) comes after seq ${previousSeq}: entries are out of order` });
      }
      previousSeq = Math.max(previousSeq, seq);
      const leaf = leaves.subarray(k * 32, k * 32 + 32);
      selection.add(seq, line, leaf);
      if (tiled) tiles.checkEntry(seq, line, leaf, data.subarray(start, ends[k]!));
      else legacyLeaves.push({ seq, leaf, line });
    }
    if (ends.length > 0) lastLine = data.slice(ends.length > 1 ? ends[ends.length - 2]! + 1 : parsed.offset, ends[ends.length - 1]!);
  };
  // Pieces of whole lines go out to be parsed, up to `ahead` of them before the oldest is checked, in order.
  const queue: number[] = [];
  let ids = 0;
  let carry: Uint8Array | null = null;
  try {
    for (const piece of pieces) {
      fileHash.update(piece);
      // One spare byte in front of every line: the leaf hash's 0x00 prefix is written there instead of copying it.
      const data: Uint8Array = new Uint8Array((carry?.length ?? 1) + piece.length);
      if (carry) data.set(carry, 0);
      data.set(piece, carry?.length ?? 1);
      const cut = data.lastIndexOf(0x0a);
      // The unfinished line, with its spare byte, goes (copied) in front of the next piece.
      carry = cut < 0 ? data : cut + 1 < data.length ? data.slice(cut) : null;
      if (cut >= 0) {
        const id = ids++;
        yield { kind: 'parse', id, data: data.subarray(0, cut + 1), offset: 1 };
        queue.push(id);
      }
      while (queue.length >= ahead) consume((yield { kind: 'await', id: queue.shift()! })!);
      done += piece.length;
      onProgress?.(done, total);
    }
  } catch (error) {
    problem({ code: 'checksum-mismatch', file: bundleFiles.entries, message: `entries.jsonl cannot be read whole: ${(error as Error).message}` });
  }
  while (queue.length > 0) consume((yield { kind: 'await', id: queue.shift()! })!);
  const entriesDigest = fileHash.digest('hex');
  const listedDigest = sums.deferred.get(bundleFiles.entries);
  sums.read.add(bundleFiles.entries);
  if (listedDigest !== undefined && listedDigest !== entriesDigest) {
    sums.changed.add(bundleFiles.entries);
    problem({ code: 'checksum-mismatch', file: bundleFiles.entries, message: `${bundleFiles.entries} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (carry && carry.length > 1) {
    problem({ code: 'truncated', file: bundleFiles.entries, line: line + 1, message: 'entries.jsonl is truncated: its last line is incomplete' });
  }
  const entries = selection.count;
  const closing = selection.closing(lastLine);

  // 3. The tree: the tiles hash up to the signed root (tiled), or each entry's proof leads to it (older bundles).
  if (tiled) {
    const whole = closing?.action === exportAction && closing.details.scope === 'all';
    tiles.checkTree(whole ? null : selection.seenRuns(), passed);
    checkCaseProofs(source, sums, selection, checkpoint, noteText, tiles, problem);
  } else {
    const expected = wholeLogTree(legacyLeaves, checkpoint);
    const ranges: RangeCache = new Map();
    for (const { seq, line: at, leaf } of legacyLeaves) {
      checkProof(source, seq, at, leaf, checkpoint, noteText, sums, problem, expected ? inclusionProof(expected, seq, checkpoint.size, ranges) : null);
    }
  }
  // Files listed in SHA256SUMS that nothing led to were never read above: they must still exist and match.
  for (const [name, digest] of sums.deferred) {
    if (sums.read.has(name)) continue;
    let bytes: Uint8Array | null;
    try {
      bytes = source.read(name);
    } catch (error) {
      problem({ code: 'checksum-mismatch', file: name, message: `${name} cannot be read: ${(error as Error).message}` });
      continue;
    }
    if (!bytes) problem({ code: 'missing-file', file: name, message: `${name} is listed in SHA256SUMS but missing` });
    else if (sha256(bytes) !== digest) problem({ code: 'checksum-mismatch', file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (entries > 0 && !problems.some((p) => ['changed-entry', 'bad-proof', 'bad-tile', 'reordered'].includes(p.code))) {
    const what = closing?.action === exportAction ? ` (${entries - 1} selected entries and the export's own entry, which records what was selected)` : '';
    passed.push(`${entries} entries each proven included in the tree of ${checkpoint.size}${what}${tiled ? ', each found in its level-0 tile' : ''}`);
  }

  // 4. The selection: the closing export entry says which entries the bundle must hold.
  selection.check(checkpoint, problem, passed);

  // 5. Consistency with a checkpoint the verifier trusts from earlier.
  if (options.trustedCheckpoint) checkTrustedCheckpoint(source, options.trustedCheckpoint, checkpoint, keys, problem, passed);

  return report({
    origin: checkpoint.origin,
    treeSize: checkpoint.size,
    entries,
    selectedEntries: closing?.action === exportAction ? entries - 1 : null,
    keyTrusted,
    keyFingerprint,
  });
}

/** What SHA256SUMS promises, and what has been found changed so far. */
interface Checksums {
  /** Expected SHA-256 of the files checked as they are read (entries, tiles, proofs). */
  readonly deferred: Map<string, string>;
  /** Deferred files read (and checked) so far; the others are checked at the end. */
  readonly read: Set<string>;
  readonly changed: Set<string>;
}

/** Files whose checksum is checked when the verification reads them anyway. */
const readLater = (name: string) => name === bundleFiles.entries || name.startsWith(`${bundleFiles.proofs}/`) || name.startsWith(`${bundleFiles.tiles}/`);

function checkSums(source: BundleSource, problem: (p: VerifyProblem) => void, passed: string[]): Checksums {
  const changed = new Set<string>();
  const deferred = new Map<string, string>();
  const read = new Set<string>();
  const sums = source.read(bundleFiles.sums);
  if (!sums) {
    problem({ code: 'missing-file', file: bundleFiles.sums, message: 'SHA256SUMS is missing' });
    return { deferred, read, changed };
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
    if (readLater(name)) {
      deferred.set(name, match[1]!);
      continue;
    }
    const digest = hashOf(source, name);
    if (digest === null) {
      changed.add(name);
      problem({ code: 'missing-file', file: name, message: `${name} is listed in SHA256SUMS but missing` });
    } else if (digest !== match[1]) {
      changed.add(name);
      problem({ code: 'checksum-mismatch', file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
    }
  }
  for (const name of source.names()) {
    if (name !== bundleFiles.sums && !listed.has(name)) problem({ code: 'unlisted-file', file: name, message: `${name} is not listed in SHA256SUMS` });
  }
  if (changed.size === 0) passed.push(`${listed.size - deferred.size} files match SHA256SUMS (entries.jsonl, the tiles and the proofs, ${deferred.size} files, are checked as they are read)`);
  return { deferred, read, changed };
}

/** SHA-256 (hex) of a file read in pieces; null when it is missing, 'unreadable' when its zip entry is damaged. */
function hashOf(source: BundleSource, name: string): string | null {
  const pieces = source.chunks(name);
  if (!pieces) return null;
  const hash = createHash('sha256');
  try {
    for (const piece of pieces) hash.update(piece);
  } catch {
    return 'unreadable';
  }
  return hash.digest('hex');
}

/** Reads a deferred file once, checking it against SHA256SUMS; null when missing. */
function readChecked(source: BundleSource, sums: Checksums, name: string, problem: (p: VerifyProblem) => void): Uint8Array | null {
  let bytes: Uint8Array | null;
  const again = sums.read.has(name);
  sums.read.add(name);
  try {
    bytes = source.read(name);
  } catch (error) {
    sums.changed.add(name);
    if (!again) problem({ code: 'checksum-mismatch', file: name, message: `${name} cannot be read: ${(error as Error).message}` });
    return null;
  }
  const listed = sums.deferred.get(name);
  if (!bytes || again) return bytes;
  if (listed === undefined) {
    problem({ code: 'unlisted-file', file: name, message: `${name} is not listed in SHA256SUMS` });
  } else if (sha256(bytes) !== listed) {
    sums.changed.add(name);
    problem({ code: 'checksum-mismatch', file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  return bytes;
}

/**
 * The tiles of a bundle, read once each and checked against SHA256SUMS as they are: the level-0 tile and entry bundle
 * under the entries being read, then every hash tile in level order with one parent tile held at a time.
 */
class TileReader {
  private readonly cache = new Map<number, { index: number; bytes: Uint8Array | null }>();
  private bundle: { index: number; entries: Uint8Array[] | null } | null = null;
  private readonly reported = new Set<string>();
  private readonly hasBundles: boolean;
  private readonly levels: number;

  private readonly size: number;

  constructor(
    private readonly source: BundleSource,
    private readonly sums: Checksums,
    private readonly checkpoint: Checkpoint,
    private readonly problem: (p: VerifyProblem) => void,
  ) {
    this.size = checkpoint.size;
    this.hasBundles = [...sums.deferred.keys(), ...source.names()].some((name) => name.startsWith(`${bundleFiles.tiles}/entries/`));
    this.levels = tileLevels(this.size);
  }

  private once(key: string, p: VerifyProblem): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problem(p);
  }

  /** A hash tile of this tree, read and checked once; null (reported) when missing or of the wrong length. */
  tile(level: number, index: number): Uint8Array | null {
    const cached = this.cache.get(level);
    if (cached?.index === index) return cached.bytes;
    const width = widthOf(this.size, level, index);
    const name = hashTilePath({ level, index, width: width || tileWidth });
    let bytes = width > 0 ? readChecked(this.source, this.sums, name, this.problem) : null;
    if (!bytes) this.once(name, { code: 'missing-file', file: name, message: `the tile ${name} is missing` });
    else if (bytes.length !== width * 32) {
      this.once(name, { code: 'bad-tile', file: name, message: `${name} holds ${bytes.length} bytes, not the ${width * 32} of ${width} hashes` });
      bytes = null;
    }
    this.cache.set(level, { index, bytes });
    return bytes;
  }

  /** Checks an entry against its level-0 tile and, where the bundle has them, its entry bundle. */
  checkEntry(seq: number, line: number, leaf: Hash, bytes: Uint8Array): void {
    if (seq >= this.size) {
      this.problem({ code: 'changed-entry', file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} is outside the signed tree of ${this.size}` });
      return;
    }
    const index = Math.floor(seq / tileWidth);
    const tile = this.tile(0, index);
    if (tile && !sameHash(tileHash(tile, seq % tileWidth), leaf)) {
      const name = hashTilePath({ level: 0, index, width: widthOf(this.size, 0, index) });
      this.problem(
        this.sums.changed.has(name)
          ? { code: 'bad-tile', file: name, seq, line, message: `${name} does not hold the hash of entry seq ${seq}: the tile was changed` }
          : { code: 'changed-entry', file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} does not match its hash in the signed tree: its bytes were changed` },
      );
    }
    if (!this.hasBundles) return;
    if (this.bundle?.index !== index) {
      const name = entryBundlePath(index, widthOf(this.size, 0, index));
      const data = readChecked(this.source, this.sums, name, this.problem);
      let entries: Uint8Array[] | null = null;
      if (!data) this.once(name, { code: 'missing-file', file: name, message: `the entry bundle ${name} is missing` });
      else {
        try {
          entries = decodeEntryBundle(data);
          if (entries.length !== widthOf(this.size, 0, index)) throw new Error(`it holds ${entries.length} entries, not ${widthOf(this.size, 0, index)}`);
        } catch (error) {
          this.once(name, { code: 'bad-tile', file: name, message: `${name} cannot be read: ${(error as Error).message}` });
          entries = null;
        }
      }
      this.bundle = { index, entries };
    }
    const bundled = this.bundle.entries?.[seq % tileWidth];
    if (this.bundle.entries && (!bundled || !Buffer.from(bundled.buffer, bundled.byteOffset, bundled.byteLength).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))) {
      const name = entryBundlePath(index, widthOf(this.size, 0, index));
      this.problem({ code: 'bad-tile', file: name, seq, line, message: `entry seq ${seq} in ${name} differs from line ${line} of entries.jsonl` });
    }
  }

  /**
   * Checks the tree: every tile present has its name and width in this tree; every tile the entries need is there
   * (every tile of the tree for a whole-log export: `runs` null); every full tile hashes to its hash in the tile
   * above; and the tiles lead to the signed root.
   */
  checkTree(runs: ReadonlyArray<readonly [number, number]> | null, passed: string[]): void {
    const present: Array<TileCoordinate & { name: string }> = [];
    for (const name of new Set([...this.sums.deferred.keys(), ...this.source.names()])) {
      if (!name.startsWith(`${bundleFiles.tiles}/`)) continue;
      const tile = parseTilePath(name);
      if (!tile) this.problem({ code: 'malformed', file: name, message: `${name} is not a tile path (tile/<L>/<N>[.p/<W>])` });
      else if (widthOf(this.size, tile.level, tile.index) !== tile.width) this.problem({ code: 'bad-tile', file: name, message: `${name} is not a tile of a tree of ${this.size} entries` });
      else if (tile.kind === 'hash') present.push({ ...tile, name });
    }
    const required = runs === null ? [...allTiles(this.size)] : this.tilesOf(runs);
    const have = new Set(present.map((t) => t.name));
    for (const tile of required) {
      const name = hashTilePath(tile);
      if (!have.has(name)) this.once(name, { code: 'missing-file', file: name, message: `the tile ${name} is missing` });
    }
    present.sort((a, b) => a.level - b.level || a.index - b.index);
    let bad = 0;
    for (const tile of present) {
      const bytes = this.tile(tile.level, tile.index);
      if (!bytes || tile.width !== tileWidth || tile.level + 1 >= this.levels) continue;
      const parentIndex = Math.floor(tile.index / tileWidth);
      const parent = this.tile(tile.level + 1, parentIndex);
      if (parent && !sameHash(fullTileRoot(bytes), tileHash(parent, tile.index % tileWidth))) {
        bad += 1;
        const parentName = hashTilePath({ level: tile.level + 1, index: parentIndex, width: widthOf(this.size, tile.level + 1, parentIndex) });
        this.problem({ code: 'bad-tile', file: tile.name, message: `${tile.name} does not hash to its entry in ${parentName}: one of the two was changed` });
      }
    }
    let root: Hash | null = null;
    try {
      root = treeRoot(new TileNodes((level, index) => this.tile(level, index)), this.size);
    } catch (error) {
      if (!(error instanceof TileMissingError)) throw error;
    }
    if (root && !sameHash(root, this.checkpoint.root)) {
      this.problem({ code: 'bad-tile', message: `the tiles do not lead to the signed root of the tree of ${this.size}: the tiles or the checkpoint were changed` });
    } else if (root && bad === 0) {
      passed.push(`${present.length} tiles (C2SP tlog-tiles) recomputed: each full tile hashes into the tile above it, and they lead to the signed root`);
    }
  }

  /** The tiles above a set of entries given as runs of sequence numbers, at every level. */
  private tilesOf(runs: ReadonlyArray<readonly [number, number]>): TileCoordinate[] {
    const tiles: TileCoordinate[] = [];
    for (let level = 0; level < this.levels; level += 1) {
      const span = 2 ** (tileHeight * (level + 1));
      let last = -1;
      for (const [first, end] of runs) {
        for (let index = Math.max(last + 1, Math.floor(first / span)); index <= Math.floor(Math.min(end, this.size - 1) / span); index += 1) {
          const width = widthOf(this.size, level, index);
          if (width > 0) tiles.push({ level, index, width });
          last = index;
        }
      }
    }
    return tiles;
  }

  /** Node source over the bundle's tiles, for proofs. */
  nodes(): TileNodes {
    return new TileNodes((level, index) => this.tile(level, index));
  }
}

/** A case export's per-entry proofs, where present, must equal the proofs computed from the tiles. */
function checkCaseProofs(
  source: BundleSource,
  sums: Checksums,
  selection: SelectionTracker,
  checkpoint: Checkpoint,
  noteText: string,
  tiles: TileReader,
  problem: (p: VerifyProblem) => void,
): void {
  const ranges: RangeCache = new Map();
  for (const { seq, line, leaf } of selection.kept()) {
    const file = proofFileName(seq);
    if (!sums.deferred.has(file) || sums.read.has(file)) continue;
    let expected: Hash[] | null = null;
    try {
      expected = inclusionProof(tiles.nodes(), seq, checkpoint.size, ranges);
    } catch (error) {
      if (!(error instanceof TileMissingError)) throw error;
    }
    checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected);
  }
}

/**
 * The entries seen, for the selection check, in constant memory for a whole-log export: runs of consecutive sequence
 * numbers, the digest of every leaf but the last, and the entries themselves only while there are few (case exports).
 */
class SelectionTracker {
  private readonly runs: Array<[number, number]> = [];
  private readonly digest = createHash('sha256');
  private pending: SeenEntry | null = null;
  private closingEntry: ClosingEntry | null = null;
  private few: SeenEntry[] | null = [];
  count = 0;

  add(seq: number, line: number, leaf: Hash): void {
    const entry = { seq, line, leaf };
    if (this.pending) this.digest.update(this.pending.leaf);
    this.pending = entry;
    this.count += 1;
    const last = this.runs[this.runs.length - 1];
    if (last && entry.seq === last[1] + 1) last[1] = entry.seq;
    else this.runs.push([entry.seq, entry.seq]);
    if (this.few) {
      this.few.push(entry);
      if (this.few.length > 100_000) this.few = null;
    }
  }

  /** The last entry with what it says, read from its line (the bytes of the file's last line). */
  closing(lastLine: Uint8Array | null): ClosingEntry | null {
    if (!this.pending || !lastLine) return null;
    let parsed: { action?: unknown; details?: unknown } = {};
    try {
      parsed = JSON.parse(text(lastLine)) as typeof parsed;
    } catch {
      // reported with its line already
    }
    this.closingEntry = { ...this.pending, action: String(parsed.action), details: (parsed.details ?? {}) as Record<string, unknown> };
    return this.closingEntry;
  }

  /** The entries, while few enough were kept (case exports and small logs). */
  kept(): readonly SeenEntry[] {
    return this.few ?? [];
  }

  /** Runs of the sequence numbers seen, the closing entry included. */
  seenRuns(): ReadonlyArray<readonly [number, number]> {
    return this.runs;
  }

  check(checkpoint: Checkpoint, problem: (p: VerifyProblem) => void, passed: string[]): void {
    const last = this.closingEntry;
    if (!last || last.action !== exportAction) {
      problem({ code: 'truncated', file: bundleFiles.entries, message: 'the log is truncated: the closing export entry (which lists the selection) is missing' });
      return;
    }
    if (last.seq !== checkpoint.size - 1) {
      problem({ code: 'truncated', file: bundleFiles.entries, seq: last.seq, message: `the export entry is seq ${last.seq} but the checkpoint covers ${checkpoint.size} entries` });
    }
    const details = last.details;
    const count = Number(details.count);
    const expected = expectedRuns(details, count);
    const seen = withoutSeq(this.runs, last.seq);
    const missing = takeSeqs(runsMinus(expected, seen), 51);
    for (const seq of missing.slice(0, 50)) problem({ code: 'missing-entry', file: bundleFiles.entries, seq, message: `entry seq ${seq} is missing from entries.jsonl` });
    const missingCount = countSeqs(runsMinus(expected, seen));
    if (missingCount > 50) problem({ code: 'missing-entry', file: bundleFiles.entries, message: `${missingCount - 50} more entries are missing` });
    if (expected.length > 0) {
      for (const seq of takeSeqs(runsMinus(seen, expected), 50)) {
        const entry = this.few?.find((e) => e.seq === seq);
        problem({ code: 'changed-entry', file: bundleFiles.entries, seq, line: entry?.line, message: `entry seq ${seq}${entry ? ` on line ${entry.line}` : ''} was not part of the export` });
      }
    }
    const selected = this.count - 1;
    if (selected !== count && missingCount === 0) {
      problem({ code: 'missing-entry', file: bundleFiles.entries, message: `the export lists ${count} entries but entries.jsonl holds ${selected}` });
    }
    // A whole-log export records its size alone (its selection is every leaf of the signed tree before it); older ones
    // and every case or range export also record the digest of the selected leaf hashes.
    const recorded = details.selectionSha256 !== undefined || details.scope !== 'all';
    if (recorded && this.digest.digest('hex') !== details.selectionSha256 && missingCount === 0 && selected === count) {
      problem({ code: 'changed-entry', file: bundleFiles.entries, message: 'the entries differ from the selection the export recorded' });
    }
    if (missingCount === 0 && selected === count) {
      passed.push(`all ${count} selected entries present (${String(details.scope)}), followed by the entry that records this export`);
    }
  }
}

/** The selection an export entry records: a list of seqs (case), runs (time range) or the first `count` (whole log). */
function expectedRuns(details: Record<string, unknown>, count: number): Array<[number, number]> {
  if (Array.isArray(details.runs)) {
    return (details.runs as unknown[]).filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && r.every((n) => Number.isSafeInteger(n)) && r[0] <= r[1]);
  }
  if (Array.isArray(details.seqs)) {
    const runs: Array<[number, number]> = [];
    for (const seq of [...(details.seqs as unknown[])].filter((n): n is number => Number.isSafeInteger(n)).sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && seq <= last[1] + 1) last[1] = Math.max(last[1], seq);
      else runs.push([seq, seq]);
    }
    return runs;
  }
  return details.scope === 'all' && Number.isSafeInteger(count) && count > 0 ? [[0, count - 1]] : [];
}

/** Runs with one sequence number taken out. */
function withoutSeq(runs: ReadonlyArray<readonly [number, number]>, seq: number): Array<[number, number]> {
  return runsMinus(
    runs.map(([a, b]) => [a, b] as [number, number]),
    [[seq, seq]],
  );
}

/** The sequence numbers in runs `a` and not in runs `b` (each sorted, disjoint), as runs. */
function runsMinus(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sortedB = [...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [first, last] of [...a].sort((x, y) => x[0] - y[0])) {
    let from = first;
    for (const [bf, bl] of sortedB) {
      if (bl < from || bf > last) continue;
      if (bf > from) out.push([from, bf - 1]);
      from = Math.max(from, bl + 1);
      if (from > last) break;
    }
    if (from <= last) out.push([from, last]);
  }
  return out;
}

/** The first `limit` sequence numbers of runs. */
function takeSeqs(runs: ReadonlyArray<readonly [number, number]>, limit: number): number[] {
  const seqs: number[] = [];
  for (const [first, last] of runs) for (let s = first; s <= last && seqs.length < limit; s += 1) seqs.push(s);
  return seqs;
}

/** How many sequence numbers runs hold. */
function countSeqs(runs: ReadonlyArray<readonly [number, number]>): number {
  return runs.reduce((n, [first, last]) => n + last - first + 1, 0);
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

/** The tree of an older bundle holding the whole log (seq 0…n−1, n = checkpoint size) when its root is the signed one. */
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
  const bytes = readChecked(source, sums, file, problem);
  if (!bytes) {
    problem({ code: 'missing-file', file, seq, line, message: `the proof of seq ${seq} (${file}) is missing` });
    return;
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

/**
 * Progress for a terminal: a line "verifying entries.jsonl: 42% (190 of 452 MB)" redrawn at most every 5 %, then a
 * newline once done.
 */
export function progressPrinter(write: (text: string) => void): VerifyProgress {
  let shown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (percent < shown + 5 && percent < 100) return;
    if (shown === 100) return;
    shown = percent;
    write(`\rverifying entries.jsonl: ${percent}% (${(done / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB)${percent >= 100 ? '\n' : ''}`);
  };
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
