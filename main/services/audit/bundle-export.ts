import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { ZipWriter } from '../../../native/codecs/zip/zip-write.ts';
import type { AuditLog } from './audit-log.ts';
import { bundleFiles, exportAction, formatConsistencyProofs, proofFileName } from './bundle-verify.ts';
import type { CheckpointService, StoredCheckpoint } from './checkpoints.ts';
import type { AuditKeyring, PublicKeyInfo } from './keyring.ts';
import { hashLeaf, type Hash, type RangeCache } from './merkle.ts';
import { formatTlogProof, parseCheckpoint, parseNote } from './note.ts';
import { renderTrailPdf, type TrailRow } from './trail-pdf.ts';

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

/** The PDF lists at most this many entries (a bigger trail stays complete in entries.jsonl and entries.csv). */
export const pdfEntryLimit = 1000;

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

const csvCell = (value: string | number | null | undefined): string => {
  let s = value === null || value === undefined ? '' : String(value);
  // Spreadsheets run cells that start with these as formulas; a leading apostrophe keeps them text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes files into the bundle folder and its zip at once, keeping their SHA-256 for SHA256SUMS. */
class BundleWriter {
  private readonly zip: ZipWriter;
  /** SHA256SUMS is written as files are added (never held in memory), then copied into the zip last. */
  private readonly sums: number;

  constructor(
    private readonly folder: string,
    zipPath: string,
    private readonly top: string,
  ) {
    mkdirSync(join(folder, bundleFiles.proofs), { recursive: true });
    this.zip = new ZipWriter(zipPath);
    this.sums = openSync(join(folder, bundleFiles.sums), 'wx+');
  }

  private sumLines: string[] = [];

  private sum(name: string, digest: string): void {
    this.sumLines.push(`${digest}  ${name}\n`);
    if (this.sumLines.length >= 10_000) this.flushSums();
  }

  private flushSums(): void {
    writeSync(this.sums, this.sumLines.join(''));
    this.sumLines = [];
  }

  add(name: string, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeFileSync(join(this.folder, name), bytes);
    // Stored, not deflated: every byte of the zip is then either content (under CRC-32 and SHA256SUMS) or a header
    // field the reader cross-checks, and exports skip the compression time.
    this.zip.add(`${this.top}/${name}`, bytes, false);
    this.sum(name, createHash('sha256').update(bytes).digest('hex'));
  }

  /** A file written in pieces, for the large ones (entries, CSV), so memory stays flat however long the log. */
  stream(name: string): { write(data: Uint8Array | string): void; end(): void } {
    const fd = openSync(join(this.folder, name), 'wx');
    const entry = this.zip.begin(`${this.top}/${name}`);
    const hash = createHash('sha256');
    const pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      const chunk = Buffer.concat(pending);
      pending.length = 0;
      pendingBytes = 0;
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
      entry.write(chunk);
      hash.update(chunk);
    };
    return {
      write: (data) => {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= 1 << 20) flush();
      },
      end: () => {
        flush();
        fsyncSync(fd);
        closeSync(fd);
        entry.end();
        this.sum(name, hash.digest('hex'));
      },
    };
  }

  finish(): void {
    this.flushSums();
    fsyncSync(this.sums);
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
    this.zip.close();
    // Directory entries are durable only once the folder itself is synced.
    const fd = openSync(this.folder, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
}

function verifyGuide(origin: string, key: PublicKeyInfo, checkpoint: StoredCheckpoint, entries: number, hasTimestamp: boolean): string {
  return `# Verifying this audit export

Log: \`${origin}\` · tree size ${checkpoint.size} · ${entries} entries in this bundle · checkpoint signed ${checkpoint.createdAt}

Signing key (Ed25519) SHA-256 fingerprint: \`${key.fingerprint}\`
Note verifier key: \`${key.verifierKey}\`

Compare the fingerprint with the one shown on the workstation (Clerk workspace → Checkpoints) or published by the
laboratory or court: a bundle can only prove what the key holder signed.

## 1. Files unchanged since export

    sha256sum -c SHA256SUMS

## 2. The checkpoint signature, with OpenSSL alone

    openssl pkeyutl -verify -pubin -inkey log.pub.pem -rawin -in checkpoint.body -sigfile checkpoint.sig

\`checkpoint.body\` is the signed checkpoint text (origin, tree size, root hash); \`checkpoint.sig\` is the raw 64-byte
Ed25519 signature; \`checkpoint\` is the same, as a C2SP signed note.

## 3. Every entry, proof, the selection and the signature (Node.js 18 or later, no packages needed)

    node verify.mjs --trusted-key '${key.verifierKey}'

Add \`--trusted-checkpoint FILE\` with a checkpoint you kept from earlier to check that this log extends it (nothing
was rewritten), and \`--witness-key KEY\` for each witness whose cosignature you require. Exit code 0 means valid.

## 4. On a Dalel workstation

    dalel audit verify <this folder or its .zip> --trusted-key '${key.verifierKey}'
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
- \`proofs/NNNNNNNNNN.tlog-proof\`: for each entry, its RFC 9162 inclusion proof in the C2SP tlog-proof format.
- \`consistency-proofs.txt\`: proofs that this log extends each earlier checkpoint of the workstation.
- \`entries.csv\`, \`trail.pdf\`: the same trail for spreadsheets and for reading.
`;
}

/** A trail row plus the raw JSON columns the CSV carries. */
interface ExportRow extends TrailRow {
  readonly role: string;
  readonly caseId: string;
  readonly subjectsJson: string;
  readonly inputsJson: string;
  readonly outputsJson: string;
}

function entryRow(bytes: Uint8Array, leaf: Hash): ExportRow {
  const e = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
    seq: number;
    at: string;
    actor: { username: string; role: string } | null;
    action: string;
    subjects?: Record<string, string>;
    inputs?: Record<string, string>;
    outputs?: Record<string, string>;
    meaning?: string;
    supersedes?: number;
  };
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor ? `${e.actor.username} (${e.actor.role})` : 'workstation',
    role: e.actor?.role ?? '',
    action: e.action,
    caseId: e.subjects?.caseId ?? '',
    subjects: Object.entries(e.subjects ?? {}).map(([k, v]) => `${k}=${v}`).join(' '),
    subjectsJson: JSON.stringify(e.subjects ?? {}),
    inputsJson: JSON.stringify(e.inputs ?? {}),
    outputsJson: JSON.stringify(e.outputs ?? {}),
    hashes: [...Object.entries(e.inputs ?? {}), ...Object.entries(e.outputs ?? {})].map(([k, v]) => `${k}: ${v}`).join(' '),
    meaning: e.meaning ?? '',
    supersedes: e.supersedes ?? null,
    entryHash: Buffer.from(leaf).toString('hex'),
  };
}

/**
 * Exports a selection of the audit log as a verifiable bundle: records the export as an entry listing the selection,
 * signs a checkpoint covering it, then streams entries, per-entry proofs, keys, checksums, the guide, the offline
 * verifier, CSV and PDF into a folder and a zip. Files appear under their final names only when complete.
 */
export async function exportBundle(
  deps: ExportDeps,
  request: ExportScope,
  actor: Actor,
  exportsDir: string,
  options: { readonly onProgress?: ExportProgress; readonly timestampResponse?: Uint8Array; readonly now?: Date } = {},
): Promise<ExportResult> {
  const { log, checkpoints, keyring } = deps;
  const key = keyring.activeKey();
  if (!key) throw new DalelError('CONFLICT', 'There is no signing key yet: unlock the signing key first.', { reason: 'no-signing-key' });
  keyring.signer();

  const filter = request.scope === 'case' ? { caseId: request.caseId } : request.scope === 'range' ? { from: request.from, to: request.to } : {};
  // Select and record in one transaction, so no entry can slip in between the selection and its record.
  const { exportSeq, seqs } = log.atomically(() => {
    const selected = request.scope === 'all' ? null : log.list(filter).map((r) => r.seq);
    const size = log.size();
    const digest = createHash('sha256');
    const count = selected ? selected.length : size;
    if (selected) for (const seq of selected) digest.update(hashLeaf(log.entryBytes(seq)));
    else for (const { bytes } of log.iterate(0, size)) digest.update(hashLeaf(bytes));
    const seq = log.append({
      action: exportAction,
      actor,
      subjects: request.scope === 'case' ? { caseId: request.caseId } : {},
      details: {
        scope: request.scope,
        ...(request.scope === 'range' ? { from: request.from, to: request.to } : {}),
        count,
        ...(selected ? { seqs: selected } : {}),
        selectionSha256: digest.digest('hex'),
      },
    });
    return { exportSeq: seq, seqs: selected };
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
  rmSync(partial, { recursive: true, force: true });
  rmSync(`${zipPath}.partial`, { force: true });
  const writer = new BundleWriter(partial, `${zipPath}.partial`, name);

  try {
    const all = seqs === null;
    const selection = all ? null : [...seqs, exportSeq];
    const total = all ? size : selection!.length;
    // Each pass reads the selection again from the database instead of holding it: memory stays flat however long
    // the log, and zip entries, which cannot interleave, are written one after another.
    function* selected(): Generator<{ seq: number; bytes: Uint8Array }> {
      if (all) yield* log.iterate(0, size);
      else for (const seq of selection!) yield { seq, bytes: log.entryBytes(seq) };
    }
    let done = 0;
    const tick = async () => {
      done += 1;
      if (done % 250 === 0) {
        options.onProgress?.(Math.floor(done / 3), total);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    const jsonl = writer.stream(bundleFiles.entries);
    for (const { bytes } of selected()) {
      jsonl.write(bytes);
      jsonl.write('\n');
      await tick();
    }
    jsonl.end();

    const csv = writer.stream('entries.csv');
    csv.write('seq,at,actor,role,action,case_id,subjects,inputs,outputs,meaning,supersedes,entry_sha256\n');
    const pdfRows: TrailRow[] = [];
    for (const { bytes } of selected()) {
      const row = entryRow(bytes, hashLeaf(bytes));
      csv.write(
        [row.seq, row.at, row.actor, row.role, row.action, row.caseId, row.subjectsJson, row.inputsJson, row.outputsJson, row.meaning, row.supersedes ?? '', row.entryHash]
          .map(csvCell)
          .join(',') + '\n',
      );
      if (pdfRows.length < pdfEntryLimit) pdfRows.push(row);
      await tick();
    }
    csv.end();

    const ranges: RangeCache = new Map();
    for (const { seq } of selected()) {
      writer.add(proofFileName(seq), formatTlogProof({ index: seq, hashes: log.inclusionProof(seq, size, ranges), checkpoint: note }));
      await tick();
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
    writer.add(
      'trail.pdf',
      await renderTrailPdf({
        origin: parseCheckpoint(parsed.text).origin,
        scope: request.scope === 'case' ? `case ${request.caseId}` : request.scope === 'range' ? `${request.from} – ${request.to}` : 'entire log',
        checkpoint: parsed.text,
        fingerprint: key.fingerprint,
        rows: pdfRows,
        total,
      }),
    );
    writer.add('VERIFY.md', verifyGuide(parseCheckpoint(parsed.text).origin, key, checkpoint, total, options.timestampResponse !== undefined));
    writer.add('verify.mjs', verifierScript());
    writer.finish();
    options.onProgress?.(total, total);
    renameSync(partial, folder);
    renameSync(`${zipPath}.partial`, zipPath);
    return { folder, zip: zipPath, entries: total, checkpoint, exportSeq };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    rmSync(`${zipPath}.partial`, { force: true });
    throw error;
  }
}

/** The bundle's folder name, for display. */
export function bundleName(result: ExportResult): string {
  return basename(result.folder);
}
