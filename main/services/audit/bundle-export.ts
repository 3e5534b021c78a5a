import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open as openAsync, writeFile as writeFileAsync } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { ZipWriter } from '../../../native/codecs/zip/zip-write.ts';
import type { AuditLog } from './audit-log.ts';
import { bundleFiles, exportAction, formatConsistencyProofs, proofFileName } from './bundle-verify.ts';
import type { CheckpointService, StoredCheckpoint } from './checkpoints.ts';
import type { AuditKeyring, PublicKeyInfo } from './keyring.ts';
import { inclusionProof, type Hash, type RangeCache } from './merkle.ts';
import { allTiles, encodeEntryBundle, entryBundlePath, hashTilePath, maxBundledEntry, TileNodes, tilesOfLeaf, tileWidth, type TileCoordinate } from './tiles.ts';
import { formatTlogProof, parseCheckpoint, parseNote } from './note.ts';
import { renderTrailPdf } from './trail-pdf.ts';
import { CsvThread, CsvWorkerUnavailable } from './csv-thread.ts';
import { CsvTrailFile } from './csv-trail-file.ts';
import { pdfEntryLimit, pdfLatestEntries, type TrailSummary } from './trail-summary.ts';
import type { TrailLabels } from './trail-labels.ts';
import type { TrailRow } from './trail-row.ts';
import type { TrailLanguage } from './trail-words.ts';

/** Which entries an export holds. */
export type ExportScope =
  | { readonly scope: 'all' }
  | { readonly scope: 'case'; readonly caseId: string }
  | { readonly scope: 'range'; readonly from: string; readonly to: string };

/** What an export produced. */
export interface ExportResult {
  readonly folder: string;
  readonly zip: string;
  readonly entries: number;
  readonly checkpoint: StoredCheckpoint;
  readonly exportSeq: number;
}

/** Progress of an export, for a progress bar. */
export type ExportProgress = (done: number, total: number) => void;

/** What the exporter needs. */
export interface ExportDeps {
  readonly log: AuditLog;
  readonly checkpoints: CheckpointService;
  readonly keyring: AuditKeyring;
}

/** Finds the prebuilt offline verifier shipped in assets/ (source tree and dist/ alike). */
function verifierScript(): Uint8Array {
  for (const up of ['../../../', '../../../../']) {
    const path = fileURLToPath(new URL(`${up}assets/audit/verify.mjs`, import.meta.url));
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  throw new DalelError('INTERNAL', 'assets/audit/verify.mjs is missing: run `npm run build:verifier`.');
}

/** Writes files into the bundle folder and its zip at once, keeping their SHA-256 for SHA256SUMS. */
class BundleWriter {
  private readonly zip: ZipWriter;
  /** SHA256SUMS is written as files are added (never held in memory), then copied into the zip last. */
  private readonly sums: number;
  private readonly made = new Set<string>();
  /** Files still open: the large streamed ones and SHA256SUMS, closed by `abandon` if the export fails. */
  private readonly open = new Set<number>();

  constructor(
    private readonly folder: string,
    private readonly zipPath: string,
    private readonly top: string,
  ) {
    mkdirSync(folder, { recursive: true });
    this.zip = new ZipWriter(zipPath);
    this.sums = openSync(join(folder, bundleFiles.sums), 'wx+');
    this.open.add(this.sums);
  }

  /**
   * Gives up the export after `settle`: closes every file still open and removes the partial zip. A descriptor left
   * open would keep a removed file's disk space until the workstation quits.
   */
  abandon(): void {
    for (const fd of this.open) closeSync(fd);
    this.open.clear();
    this.zip.abandon(this.zipPath);
  }

  private sumLines: string[] = [];
  /** fsyncs running on libuv's thread pool while the export goes on; `finish` waits for them. */
  private readonly syncs: Array<Promise<unknown>> = [];
  /**
   * Small files (tiles, entry bundles) being written on the thread pool: creating a file costs far more than its 8 KiB,
   * and a million entries make eight thousand of them. The first failure is kept for `backlog` and `finish`.
   */
  private readonly writing = new Set<Promise<void>>();
  private writeFailure: unknown = null;

  /** Waits while more than `limit` files are still being written, so memory stays bounded; throws a failed write. */
  async backlog(limit = 64): Promise<void> {
    while (this.writing.size > limit) await Promise.race(this.writing);
    if (this.writeFailure) throw this.writeFailure;
  }

  /** Waits for every write and sync started, failed or not (before the partial folder is removed). */
  async settle(): Promise<void> {
    await Promise.all([...this.writing, ...this.syncs]);
  }

  /**
   * Starts flushing a complete file to disk on a pool thread: the large files then reach the disk while the tiles, the
   * PDF and the zip are written, instead of the export stopping for each. A failure surfaces in `finish`.
   */
  private syncInBackground(path: string): void {
    const done = (async () => {
      const handle = await openAsync(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    })();
    const settled = done.then(
      () => null,
      (error: unknown) => error,
    );
    this.syncs.push(settled);
  }

  private sum(name: string, digest: string): void {
    this.sumLines.push(`${digest}  ${name}\n`);
    if (this.sumLines.length >= 10_000) this.flushSums();
  }

  private flushSums(): void {
    writeSync(this.sums, this.sumLines.join(''));
    this.sumLines = [];
  }

  /** The folder of a file, made once (tiles nest several deep). */
  private pathOf(name: string): string {
    const path = join(this.folder, name);
    const parent = dirname(path);
    if (!this.made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.made.add(parent);
    }
    return path;
  }

  add(name: string, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const write: Promise<void> = writeFileAsync(this.pathOf(name), bytes).then(
      () => void this.writing.delete(write),
      (error: unknown) => {
        this.writeFailure ??= error;
        this.writing.delete(write);
      },
    );
    this.writing.add(write);
    // Stored, not deflated: every byte of the zip is then either content (under CRC-32 and SHA256SUMS) or a header
    // field the reader cross-checks, and exports skip the compression time.
    this.zip.add(`${this.top}/${name}`, bytes, false);
    this.sum(name, createHash('sha256').update(bytes).digest('hex'));
  }

  /**
   * A large file written in pieces into the folder alone, so memory stays flat however long the log; `copyToZip`
   * adds it to the zip once complete (zip entries cannot interleave, and tiles go into the zip meanwhile).
   */
  folderStream(name: string): FolderStream {
    const fd = openSync(this.pathOf(name), 'wx');
    this.open.add(fd);
    const hash = createHash('sha256');
    // Copied into one reused 4 MiB buffer: a million entries make no garbage of their own on the way out.
    const buffer = Buffer.allocUnsafe(4 << 20);
    let used = 0;
    const flush = () => {
      let done = 0;
      while (done < used) done += writeSync(fd, buffer, done, used - done);
      hash.update(buffer.subarray(0, used));
      used = 0;
    };
    const write = (data: Uint8Array | string) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (used + bytes.length > buffer.length) flush();
      if (bytes.length > buffer.length) {
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
        hash.update(bytes);
        return;
      }
      buffer.set(bytes, used);
      used += bytes.length;
    };
    return {
      write,
      line: (data) => {
        write(data);
        if (used + 1 > buffer.length) flush();
        buffer[used++] = 0x0a;
      },
      end: () => {
        flush();
        closeSync(fd);
        this.open.delete(fd);
        this.sum(name, hash.digest('hex'));
        this.syncInBackground(join(this.folder, name));
      },
    };
  }

  /** A folder file written elsewhere (entries.csv, by CsvTrailFile on either thread): listed in SHA256SUMS and synced. */
  adopt(name: string, sha256: string): void {
    this.sum(name, sha256);
    this.syncInBackground(join(this.folder, name));
  }

  /** Copies a complete folder file into the zip, reading it back in large pieces (it is still in the page cache). */
  copyToZip(name: string): void {
    const fd = openSync(join(this.folder, name), 'r');
    const entry = this.zip.begin(`${this.top}/${name}`);
    const chunk = Buffer.allocUnsafe(4 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      entry.write(n >= 1 << 20 ? chunk.subarray(0, n) : Buffer.from(chunk.subarray(0, n)));
    }
    closeSync(fd);
    entry.end();
  }

  /**
   * Writes SHA256SUMS into the zip and closes it; returns once every file is written, the large ones (entries.jsonl,
   * entries.csv, SHA256SUMS, the zip, which holds every file) synced, and the folder's entries synced.
   */
  async finish(): Promise<void> {
    this.flushSums();
    const entry = this.zip.begin(`${this.top}/${bundleFiles.sums}`);
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0; ; ) {
      const n = readSync(this.sums, chunk, 0, chunk.length, at);
      if (n === 0) break;
      entry.write(chunk.subarray(0, n));
      at += n;
    }
    entry.end();
    closeSync(this.sums);
    this.open.delete(this.sums);
    this.syncInBackground(join(this.folder, bundleFiles.sums));
    this.zip.close(false);
    this.syncInBackground(this.zipPath);
    await this.backlog(0);
    for (const failure of await Promise.all(this.syncs)) if (failure) throw failure;
    // Directory entries are durable only once the folder itself is synced.
    const fd = openSync(this.folder, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
}

/** A large folder file written in pieces through one reused buffer. */
interface FolderStream {
  write(data: Uint8Array | string): void;
  /** Writes the bytes and a newline. */
  line(data: Uint8Array): void;
  end(): void;
}

/** What VERIFY.md says about one export. */
interface GuideFacts {
  readonly origin: string;
  readonly key: PublicKeyInfo;
  readonly checkpoint: StoredCheckpoint;
  readonly entries: number;
  readonly hasTimestamp: boolean;
  readonly scope: ExportScope['scope'];
  /** Why the entry bundles were left out of a whole-log export, if they were. */
  readonly bundlesOmitted: string | null;
}

function verifyGuide({ origin, key, checkpoint, entries, hasTimestamp, scope, bundlesOmitted }: GuideFacts): string {
  return `# Verifying this audit export

Log: \`${origin}\` · tree size ${checkpoint.size} · ${entries} entries in this bundle · checkpoint signed ${checkpoint.createdAt}

Signing key (Ed25519) SHA-256 fingerprint: \`${key.fingerprint}\`
Note verifier key: \`${key.verifierKey}\`

Compare the fingerprint with the one shown on the workstation (Clerk workspace → Checkpoints) or published by the
laboratory or court: a bundle can only prove what the key holder signed.

## 1. Files unchanged since export

    sha256sum -c SHA256SUMS

Every file of the bundle is listed, the tiles too; a changed, missing or added file shows here (an added file is one
that \`find . -type f\` lists and SHA256SUMS does not).

## 2. The checkpoint signature, with OpenSSL alone

    openssl pkeyutl -verify -pubin -inkey log.pub.pem -rawin -in checkpoint.body -sigfile checkpoint.sig

\`checkpoint.body\` is the signed checkpoint text (origin, tree size, root hash); \`checkpoint.sig\` is the raw 64-byte
Ed25519 signature; \`checkpoint\` is the same, as a C2SP signed note.

## 3. Entries, tiles, the selection and the signature (Node.js 18 or later, no packages needed)

    node verify.mjs --trusted-key '${key.verifierKey}' --progress

One pass over the entries: each entry is hashed and found in its level-0 tile, every full tile is hashed into the
tile above it, and the tiles lead to the signed root. Add \`--trusted-checkpoint FILE\` with a checkpoint you kept from
earlier to check that this log extends it (nothing was rewritten), and \`--witness-key KEY\` for each witness whose
cosignature you require. Exit code 0 means valid.

## 4. On a Dalel workstation

    dalel audit verify <this folder or its .zip> --trusted-key '${key.verifierKey}' --progress
${
  hasTimestamp
    ? `
## 5. The RFC 3161 timestamp of the checkpoint

    openssl ts -verify -in timestamp.tsr -data checkpoint -CAfile TSA-CA.pem

(\`TSA-CA.pem\`: the timestamp authority's certificate chain, obtained from the authority.)
`
    : ''
}
## What the files are

- \`entries.jsonl\`: the entries, exactly as stored (canonical JSON), one per line, in log order. The last one records
  this export and lists the selected entries.
- \`tile/<L>/<N>[.p/<W>]\`: the Merkle tree in the C2SP tlog-tiles layout (c2sp.org/tlog-tiles). Level 0 holds the
  entries' leaf hashes, SHA-256(0x00 || entry), 256 to a tile; each hash of level L+1 is the RFC 9162 tree hash of a
  full tile of level L; \`.p/W\` marks the partial tile of W hashes at the right edge; \`N\` is written in groups of
  three digits (\`x001/x234/067\` is tile 1234067). Any inclusion or consistency proof can be computed from them.
${
  scope === 'all'
    ? bundlesOmitted
      ? `- No entry bundles: ${bundlesOmitted}.\n`
      : '- `tile/entries/<N>[.p/<W>]`: the same entries as C2SP entry bundles, 256 to a bundle, each entry preceded by its\n  length as a big-endian 16-bit number; entry i of bundle N is line 256·N + i + 1 of entries.jsonl.\n'
    : `- Only the tiles that the exported entries need are included (a ${scope} export holds part of the log); entry
  bundles are left out, since each would carry 256 consecutive entries, most of them outside the selection.
`
}${
    scope === 'case' ? '- `proofs/NNNNNNNNNN.tlog-proof`: for each entry, its RFC 9162 inclusion proof in the C2SP tlog-proof format, computed\n  from the tiles, for readers who check one entry at a time.\n' : ''
  }- \`consistency-proofs.txt\`: proofs that this log extends each earlier checkpoint of the workstation.
- \`entries.csv\`: every entry, a row each, for spreadsheets.
- \`trail.pdf\`: the trail for reading, in the language of the user who exported it (Kazakh, Russian or English), with
  actions, roles, people, cases and files in words rather than codes and ids (entries.jsonl holds them exactly): ${
    entries > pdfEntryLimit
      ? `with ${entries} entries (more than ${pdfEntryLimit}), a summary (entries by action and by month, the first and the last
  entry, the signed checkpoint) and the latest ${pdfLatestEntries} entries; entries.jsonl and entries.csv hold every entry.`
      : `every entry (an export of more than ${pdfEntryLimit} gets a summary and its latest ${pdfLatestEntries} instead).`
  }
`;
}

/** Consecutive sequence numbers as [first, last] runs: a time range is usually one run, however many entries. */
export function toRuns(seqs: Iterable<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const seq of seqs) {
    const last = runs[runs.length - 1];
    if (last && seq === last[1] + 1) last[1] = seq;
    else runs.push([seq, seq]);
  }
  return runs;
}

/**
 * The selection an export records. A case or a time range: every sequence number and the digest of their leaf hashes.
 * The whole log: its size alone, since entries 0 … size − 1 are exactly the leaves of the signed tree the export closes
 * (a digest of them would repeat what the checkpoint's root already binds, at the price of reading every row once more).
 */
function select(log: AuditLog, request: ExportScope): { seqs: number[] | null; count: number; digest: string | null } {
  if (request.scope === 'all') return { seqs: null, count: log.size(), digest: null };
  const digest = createHash('sha256');
  const filter = request.scope === 'case' ? { caseId: request.caseId } : { from: request.from, to: request.to };
  const seqs: number[] = [];
  let count = 0;
  for (const { seq, leaf } of log.selection(filter)) {
    digest.update(leaf);
    seqs.push(seq);
    count += 1;
  }
  return { seqs, count, digest: digest.digest('hex') };
}

/**
 * Raised inside a whole-log export on meeting an entry longer than an entry bundle can carry: the export then starts
 * its files again without entry bundles. Such entries are rare (a case export listing thousands of entries), so the
 * log is not read an extra time to look for them first.
 */
class EntryTooLongForBundle extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** How an export runs besides its scope. */
export interface ExportOptions {
  readonly onProgress?: ExportProgress;
  readonly timestampResponse?: Uint8Array;
  readonly now?: Date;
  /** The language of the clerk's trail.pdf: the exporting user's; English when a caller gives none. */
  readonly language?: TrailLanguage;
  /** Names for the PDF (users, case numbers, file names) from the workstation's records; ids are never shown. */
  readonly labels?: TrailLabels;
  /** How many entries a whole-log export needs for its CSV to be written on a worker thread (default `csvWorkerFrom`). */
  readonly csvWorkerFrom?: number;
  /** The CSV worker's code (default: csv-worker.ts or .js beside this file); the tests name one that cannot run. */
  readonly csvWorkerFile?: string;
}

/** The PDF's rows and summary with their names looked up, in one batch. */
function withNames(labels: TrailLabels, rows: TrailRow[], summary: TrailSummary | null): { rows: TrailRow[]; summary: TrailSummary | null } {
  const all = summary ? [...rows, summary.first] : rows;
  const names = labels.label(all.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor?.username ?? null, role: r.actor?.role ?? null, action: r.action, caseId: r.subjects.caseId ?? null, bytes: r.bytes })));
  const named = all.map((r, i) => ({ ...r, names: names[i]! }));
  const listed = named.slice(0, rows.length);
  return { rows: listed, summary: summary ? { ...summary, first: named[rows.length]!, last: listed[listed.length - 1]! } : null };
}

/**
 * Exports a selection of the audit log as a verifiable bundle in the C2SP tlog-tiles layout: records the export as an
 * entry describing the selection, signs a checkpoint covering it, then writes entries.jsonl, the hash tiles (all of
 * them for the whole log, those the selection needs otherwise), entry bundles (whole log), per-entry proofs computed
 * from the tiles (case exports), keys, checksums, the guide, the offline verifier, CSV and PDF into a folder and a
 * zip. Files appear under their final names only when complete.
 */
export async function exportBundle(
  deps: ExportDeps,
  request: ExportScope,
  actor: Actor,
  exportsDir: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { log, checkpoints, keyring } = deps;
  const key = keyring.activeKey();
  if (!key) throw new DalelError('CONFLICT', 'There is no signing key yet: unlock the signing key first.', { reason: 'no-signing-key' });
  keyring.signer();

  // Select and record in one transaction, so no entry can slip in between the selection and its record.
  const { exportSeq, seqs } = log.atomically(() => {
    const selection = select(log, request);
    const seq = log.append({
      action: exportAction,
      actor,
      subjects: request.scope === 'case' ? { caseId: request.caseId } : {},
      details: {
        scope: request.scope,
        ...(request.scope === 'range' ? { from: request.from, to: request.to } : {}),
        count: selection.count,
        // A case lists its entries; a time range, usually consecutive, records them as runs to stay small.
        ...(request.scope === 'case' ? { seqs: selection.seqs! } : {}),
        ...(request.scope === 'range' ? { runs: toRuns(selection.seqs!) } : {}),
        ...(selection.digest === null ? {} : { selectionSha256: selection.digest }),
      },
    });
    return { exportSeq: seq, seqs: selection.seqs };
  });
  const checkpoint = checkpoints.sign('export');
  const note = checkpoints.cosignedNote(checkpoint);
  const size = checkpoint.size;

  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = `dalel-audit-${request.scope}-${stamp}-${exportSeq}`;
  mkdirSync(exportsDir, { recursive: true });
  const folder = join(exportsDir, name);
  const partial = `${folder}.partial`;
  const zipPath = `${folder}.zip`;
  const all = seqs === null;
  const selection = all ? null : [...seqs, exportSeq];
  const total = all ? size : selection!.length;

  /**
   * Writes the bundle's files, with entry bundles unless `bundlesOmitted` says why not (whole-log exports only), and
   * the CSV of a large whole-log export on a worker thread unless `csvHere`.
   */
  const writeFiles = async (bundlesOmitted: string | null, csvHere: boolean): Promise<ExportResult> => {
    rmSync(partial, { recursive: true, force: true });
    rmSync(`${zipPath}.partial`, { force: true });
    const writer = new BundleWriter(partial, `${zipPath}.partial`, name);
    // A large whole-log export formats its CSV on a second thread (seconds of work for a million rows).
    const csvThread = all && !csvHere && total >= (options.csvWorkerFrom ?? csvWorkerFrom) ? new CsvThread(join(partial, 'entries.csv'), options.csvWorkerFile) : null;
    let csvFile: CsvTrailFile | null = null;

    try {
      let done = 0;
      const pause = () => new Promise((resolve) => setImmediate(resolve));

      // One pass: entries.jsonl and the CSV into the folder, entry bundles and level-0 tiles into folder and zip.
      const jsonl = writer.folderStream(bundleFiles.entries);
      csvFile = csvThread ? null : new CsvTrailFile(join(partial, 'entries.csv'));
      /** The CSV row of one entry, and the PDF's note of it, on this thread. */
      const rowOf = (seq: number, entry: Buffer, leaf: Buffer) => {
        try {
          csvFile!.add(seq, entry, leaf);
        } catch (error) {
          throw new DalelError('INTERNAL', (error as Error).message);
        }
      };

      if (all) {
        // The whole log in pages of whole tiles: entries.jsonl takes each page's joined entries as they are, the level-0
        // tiles are slices of its leaf hashes (no second read, nothing hashed again), and the entry bundles its entries.
        const newline = Buffer.from('\n');
        for (const page of log.pages(0, size, 16 * tileWidth)) {
          jsonl.write(page.joined);
          jsonl.write(newline);
          let bundle: Buffer[] = [];
          for (let k = 0; k < page.count; k += 1) {
            const seq = page.first + k;
            const entry = page.joined.subarray(page.starts[k], page.starts[k + 1]! - 1);
            if (!csvThread) rowOf(seq, entry, page.leaves.subarray(k * 32, k * 32 + 32));
            if (!bundlesOmitted) {
              if (entry.length > maxBundledEntry) {
                throw new EntryTooLongForBundle(`entry ${seq} is ${entry.length} bytes long, more than the ${maxBundledEntry} bytes an entry bundle can carry; entries.jsonl holds every entry`);
              }
              bundle.push(entry);
            }
            if ((seq + 1) % tileWidth === 0 || k === page.count - 1) {
              const index = Math.floor(seq / tileWidth);
              const width = (seq % tileWidth) + 1;
              if (!bundlesOmitted) writer.add(entryBundlePath(index, width), encodeEntryBundle(bundle));
              const from = (k + 1 - width) * 32;
              writer.add(hashTilePath({ level: 0, index, width }), page.leaves.subarray(from, from + width * 32));
              bundle = [];
            }
          }
          done += page.count;
          if (csvThread) await csvThread.page(page).catch(csvFailure);
          options.onProgress?.(done, total);
          await writer.backlog();
          await pause();
        }
      } else {
        for (const seq of selection!) {
          const entry = asBuffer(log.entryBytes(seq));
          jsonl.line(entry);
          rowOf(seq, entry, asBuffer(log.node(0, seq)));
          done += 1;
          if (done % 2000 === 0) {
            options.onProgress?.(done, total);
            await writer.backlog();
            await pause();
          }
        }
      }
      if (done !== total) throw new DalelError('INTERNAL', `the audit log gave ${done} entries for an export of ${total}`);
      jsonl.end();
      const csvTrail = csvThread ? await csvThread.end().catch(csvFailure) : { sha256: csvFile!.end(), ...csvFile!.trail.result() };
      writer.adopt('entries.csv', csvTrail.sha256);
      writer.copyToZip(bundleFiles.entries);
      writer.copyToZip('entries.csv');

      // The hash tiles: every tile of the tree for the whole log, the tiles above each selected entry otherwise. Proofs
      // of a case export are computed from exactly these tiles, as a reader of the bundle would.
      const wanted = all ? [...allTiles(size)].filter((tile) => tile.level > 0) : uniqueTiles(selection!.flatMap((seq) => tilesOfLeaf(size, seq)));
      const kept = new Map<string, Uint8Array>();
      for (const [n, tile] of wanted.entries()) {
        const hashes = log.tile(tile.level, tile.index, tile.width);
        writer.add(hashTilePath(tile), hashes);
        if (n % 256 === 255) await writer.backlog();
        if (request.scope === 'case') kept.set(`${tile.level}/${tile.index}`, hashes);
      }
      if (request.scope === 'case') {
        const fromTiles = new TileNodes((level, index) => kept.get(`${level}/${index}`) ?? null);
        const ranges: RangeCache = new Map();
        for (const [n, seq] of selection!.entries()) {
          writer.add(proofFileName(seq), formatTlogProof({ index: seq, hashes: inclusionProof(fromTiles, seq, size, ranges), checkpoint: note }));
          if (n % 256 === 255) await writer.backlog();
        }
      }

      writer.add(bundleFiles.checkpoint, note);
      const parsed = parseNote(checkpoint.note);
      writer.add(bundleFiles.checkpointBody, parsed.text);
      writer.add(bundleFiles.checkpointSig, parsed.signatures[0]!.bytes.subarray(4));
      writer.add(bundleFiles.publicKeyPem, key.pem);
      writer.add(bundleFiles.verifierKey, `${key.verifierKey}\n`);
      const earlier = new Map<number, Hash[]>();
      for (const c of checkpoints.history(10_000)) if (c.size < size && !earlier.has(c.size)) earlier.set(c.size, log.consistencyProof(c.size, size));
      writer.add(bundleFiles.consistency, `# RFC 9162 consistency proofs from each earlier checkpoint size to ${size}: "size N", then base64 hashes.\n${formatConsistencyProofs(earlier)}`);
      if (options.timestampResponse) writer.add('timestamp.tsr', options.timestampResponse);
      const origin = parseCheckpoint(parsed.text).origin;
      const { rows: pdfRows, summary } = csvTrail;
      const named = options.labels ? withNames(options.labels, pdfRows, summary) : { rows: pdfRows, summary };
      const caseNumber = request.scope === 'case' ? (options.labels?.caseNumber(request.caseId) ?? request.caseId) : '';
      writer.add(
        'trail.pdf',
        await renderTrailPdf({
          language: options.language ?? 'en',
          origin,
          scope: request.scope === 'case' ? { scope: 'case', caseNumber } : request.scope === 'range' ? { scope: 'range', from: request.from, to: request.to } : { scope: 'all' },
          checkpoint: parsed.text,
          fingerprint: key.fingerprint,
          rows: named.rows,
          summary: named.summary,
          total,
        }),
      );
      writer.add('VERIFY.md', verifyGuide({ origin, key, checkpoint, entries: total, hasTimestamp: options.timestampResponse !== undefined, scope: request.scope, bundlesOmitted }));
      writer.add('verify.mjs', verifierScript());
      await writer.finish();
      options.onProgress?.(total, total);
      renameSync(partial, folder);
      renameSync(`${zipPath}.partial`, zipPath);
      return { folder, zip: zipPath, entries: total, checkpoint, exportSeq };
    } catch (error) {
      await csvThread?.stop();
      csvFile?.close();
      await writer.settle();
      writer.abandon();
      rmSync(partial, { recursive: true, force: true });
      throw error;
    }
  };

  // Starts again, at most twice, on learning what the first attempt could not know: an entry too long for an entry
  // bundle, or a CSV worker that cannot run here.
  const attempt = async (bundlesOmitted: string | null, csvHere: boolean, left: number): Promise<ExportResult> => {
    try {
      return await writeFiles(bundlesOmitted, csvHere);
    } catch (error) {
      if (left > 0 && error instanceof EntryTooLongForBundle) return attempt(error.reason, csvHere, left - 1);
      if (left > 0 && error instanceof CsvWorkerUnavailable) return attempt(bundlesOmitted, true, left - 1);
      throw error instanceof CsvWorkerUnavailable ? new DalelError('INTERNAL', error.message) : error;
    }
  };
  return attempt(null, false, 2);
}

/** Whole-log exports of this many entries write entries.csv on a worker thread; below, starting it costs about what it saves. */
export const csvWorkerFrom = 20_000;

/** The CSV worker's failure as the export reports it (a worker that could not run is passed on: the export retries without). */
function csvFailure(error: unknown): never {
  if (error instanceof CsvWorkerUnavailable) throw error;
  throw new DalelError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/** The same bytes as a Buffer, without a copy (rows from the database are Buffers already). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Tiles without repeats, in level then index order. */
function uniqueTiles(tiles: readonly TileCoordinate[]): TileCoordinate[] {
  const byKey = new Map(tiles.map((t) => [`${t.level}/${t.index}`, t]));
  return [...byKey.values()].sort((a, b) => a.level - b.level || a.index - b.index);
}

/** The bundle's folder name, for display. */
export function bundleName(result: ExportResult): string {
  return basename(result.folder);
}
