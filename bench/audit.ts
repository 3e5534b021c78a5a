/**
 * Audit-log benchmarks (issue targets in brackets):
 * 1. durable appends per second in batches of 100, against plain SQLite inserts of the same bytes [≥ 20 000/s];
 * 2. export of 100 000 entries with proofs, with peak memory [≤ 5 s, memory flat];
 * 3. verification of a 1 000 000-entry export, against sha256sum over the same files [≤ 10 s].
 * Options: --appends N (default 100000), --export N (100000), --verify N (1000000), --skip-verify.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/database.ts';
import { AuditLog, type AuditDraft } from '../main/services/audit/audit-log.ts';
import { exportBundle } from '../main/services/audit/bundle-export.ts';
import { folderSource, verifyBundle, zipFileSource, type BundleSource } from '../main/services/audit/bundle-verify.ts';
import { CheckpointService } from '../main/services/audit/checkpoints.ts';
import { AuditKeyring } from '../main/services/audit/keyring.ts';
import { canonicalBytes } from '../core/canonical-json.ts';
import { systemClock } from '../main/services/clock.ts';
import { createPassphraseSealer } from '../main/services/passphrase-sealer.ts';

const actor = { userId: '6f1c1d0e-8b8a-4f6e-9d7e-2b8c1f0a9e11', username: 'bench-clerk', role: 'clerk' as const };

function draft(i: number): AuditDraft {
  return {
    action: 'evidence.analysed',
    actor,
    subjects: { caseId: '0b7e4a52-5b3e-4c0e-9a51-7d2f3c9e8a10', evidenceId: `e-${i % 1000}` },
    inputs: { evidence: 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2' },
    algorithm: { name: 'cmc', version: '1.0.0' },
    details: { i, cells: 64 },
  };
}

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

/** Fills a log with n entries in batches of 100; returns entries per second. */
function fill(log: AuditLog, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 100) log.appendAll(Array.from({ length: Math.min(100, n - i) }, (_, k) => draft(i + k)));
  return n / seconds(start);
}

function openLog(dir: string, name: string) {
  const db = openDatabase(join(dir, name));
  const log = new AuditLog(db, systemClock, 'bench-workstation');
  const keyring = new AuditKeyring(db, systemClock, () => 'bench-workstation/audit/bench');
  keyring.unlock({ kind: 'passphrase', sealer: createPassphraseSealer('bench passphrase 123', { N: 1024, r: 8, p: 1 }) });
  const checkpoints = new CheckpointService(db, log, keyring, systemClock);
  return { db, log, keyring, checkpoints };
}

async function appends(dir: string, n: number): Promise<void> {
  const { db, log } = openLog(dir, 'appends.sqlite');
  const rate = fill(log, n);
  db.close();
  // Baseline: the same canonical bytes into a plain table, same pragmas, same batches of 100.
  const plain = openDatabase(join(dir, 'plain.sqlite'), []);
  plain.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL)');
  const insert = plain.prepare('INSERT INTO t (seq, bytes) VALUES (?, ?)');
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 100) {
    plain.transaction(() => {
      for (let k = i; k < Math.min(n, i + 100); k += 1) insert.run(k, canonicalBytes({ ...draft(k), seq: k, at: new Date().toISOString() } as never));
    }).immediate();
  }
  const baseline = n / seconds(start);
  plain.close();
  console.log(`appends  ${n} entries, batches of 100, WAL + synchronous=FULL`);
  console.log(`  audit log (entry + Merkle subtrees): ${rate.toFixed(0)} entries/s   [target ≥ 20000/s]`);
  console.log(`  baseline plain INSERT of the bytes:  ${baseline.toFixed(0)} rows/s`);
  console.log(`  ratio audit/baseline: ${(rate / baseline).toFixed(2)}`);
}

async function exportRun(dir: string, n: number): Promise<string> {
  const { db, log, keyring, checkpoints } = openLog(dir, `export-${n}.sqlite`);
  fill(log, n);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const result = await exportBundle({ log, checkpoints, keyring }, { scope: 'all' }, actor, join(dir, 'exports'), {
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  const took = seconds(start);
  clearInterval(sampler);
  db.close();
  console.log(`export   ${result.entries} entries with one .tlog-proof each, folder + zip (${(statSync(result.zip).size / 1e6).toFixed(1)} MB)`);
  console.log(`  took ${took.toFixed(2)} s   [target ≤ 5 s]; RSS ${(rssBefore / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB`);
  // Baseline: the bare cost of creating as many files of the same sizes on this disk, with no proof work at all.
  const floorDir = join(dir, `floor-${n}`);
  mkdirSync(floorDir);
  const sample = readFileSync(join(result.folder, 'proofs', readdirSync(join(result.folder, 'proofs'))[0]!));
  const floorStart = process.hrtime.bigint();
  for (let i = 0; i < result.entries; i += 1) writeFileSync(join(floorDir, `${i}.tlog-proof`), sample);
  const floor = seconds(floorStart);
  rmSync(floorDir, { recursive: true, force: true });
  console.log(`  baseline: creating ${result.entries} files of ${sample.length} bytes with writeFileSync takes ${floor.toFixed(2)} s here; export/baseline ${(took / floor).toFixed(2)}`);
  return result.folder;
}

async function verifyRun(dir: string, n: number): Promise<void> {
  const folder = await exportRun(dir, n);
  const timed = (label: string, source: () => BundleSource) => {
    const start = process.hrtime.bigint();
    const report = verifyBundle(source());
    const took = seconds(start);
    if (!report.valid) throw new Error(`benchmark bundle did not verify: ${report.problems[0]?.message}`);
    console.log(`  ${label}: ${took.toFixed(2)} s for ${report.entries} entries   [target ≤ 10 s]`);
    return took;
  };
  console.log(`verify   every file's SHA-256 and CRC, every entry against its proof, the signature, the selection`);
  const zipTook = timed('zip    ', () => zipFileSource(`${folder}.zip`));
  const folderTook = timed('folder ', () => folderSource(folder));
  const hashStart = process.hrtime.bigint();
  execFileSync('sh', ['-c', 'find . -type f -print0 | xargs -0 sha256sum > /dev/null'], { cwd: folder, maxBuffer: 1 << 30 });
  const hashing = seconds(hashStart);
  console.log(`  baseline: sha256sum over the same files ${hashing.toFixed(2)} s; ratio zip/sha256sum ${(zipTook / hashing).toFixed(2)}, folder/sha256sum ${(folderTook / hashing).toFixed(2)}`);
}

/** Runs the audit suite. */
export async function run(args: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-audit-'));
  try {
    await appends(dir, option(args, 'appends', 100_000));
    await exportRun(dir, option(args, 'export', 100_000));
    if (!args.includes('--skip-verify')) await verifyRun(dir, option(args, 'verify', 1_000_000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
