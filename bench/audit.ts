/**
 * Audit-log benchmarks (issue targets in brackets), each next to a baseline measured in the same process:
 * 1. durable appends in batches of 100 against plain INSERTs of the same bytes [ratio ≥ 0.6], with where the time goes
 *    (canonical JSON, hashing, the INSERT with its indexes, the tile nodes, the commit);
 * 2. a whole-log export in the C2SP tlog-tiles layout, folder + zip, against writing the same entries.jsonl bytes once
 *    [≤ 10 s for 1 000 000 entries], and against writing as many bytes as the export wrote (the disk's own floor);
 * 3. verification of that export, zip and folder, against sha256sum over the same files [≤ 10 s, ≤ 3× sha256sum].
 * 4. interactive use of that log: reopening it, appending, the retention view, exporting a case of a few hundred entries.
 * Options: --appends N (default 100000), --entries N (the large log, default 1000000), --skip-export, --skip-verify.
 * A 10-million-entry log (issue: "still opens, appends and exports a case in interactive time") is
 * `--appends 0 --entries 10000000 --skip-export`: building it takes longer than a unit test may.
 * The temporary folder is removed on every way out: normal end, exception, SIGINT, SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { openDatabase } from '../main/db/database.ts';
import { AuditLog, type AuditDraft } from '../main/services/audit/audit-log.ts';
import { exportBundle } from '../main/services/audit/bundle-export.ts';
import { folderSource, verifyBundle, verifyBundleAsync, workersFor, zipFileSource, type BundleSource } from '../main/services/audit/bundle-verify.ts';
import { retentionFacts } from '../main/services/audit/retention.ts';
import { CheckpointService } from '../main/services/audit/checkpoints.ts';
import { AuditKeyring } from '../main/services/audit/keyring.ts';
import { sha256 } from '../main/services/audit/merkle.ts';
import { canonicalBytes, canonicalText } from '../core/canonical-json.ts';
import { systemClock } from '../main/services/clock.ts';
import { createPassphraseSealer } from '../main/services/passphrase-sealer.ts';
import { numberOption } from './options.ts';
import { seconds } from './measure.ts';

const actor = { userId: '6f1c1d0e-8b8a-4f6e-9d7e-2b8c1f0a9e11', username: 'bench-clerk', role: 'clerk' as const };
/** One case in 5 000 entries belongs to this case: the case a clerk exports from a large log. */
const smallCase = '5d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';

function draft(i: number): AuditDraft {
  return {
    action: 'evidence.analysed',
    actor,
    subjects: { caseId: i % 5000 === 0 ? smallCase : '0b7e4a52-5b3e-4c0e-9a51-7d2f3c9e8a10', evidenceId: `e-${i % 1000}` },
    inputs: { evidence: 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2' },
    algorithm: { name: 'cmc', version: '1.0.0' },
    details: { i, cells: 64 },
  };
}

/** The entry the log writes for a draft, as the baseline writes it. */
function entryOf(i: number): Record<string, unknown> {
  const d = draft(i);
  return { v: 1, seq: i, at: new Date().toISOString(), workstation: 'bench-workstation', ...d, actor: { ...d.actor } };
}

function timed<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = work();
  return [value, seconds(start)];
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

function appends(dir: string, n: number): void {
  const { db, log } = openLog(dir, 'appends.sqlite');
  const rate = fill(log, n);
  db.close();
  // Baseline: the same canonical bytes into a plain table, same pragmas, same batches of 100.
  const plain = openDatabase(join(dir, 'plain.sqlite'), []);
  plain.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL)');
  const insert = plain.prepare('INSERT INTO t (seq, bytes) VALUES (?, ?)');
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 100) {
    plain
      .transaction(() => {
        for (let k = i; k < Math.min(n, i + 100); k += 1) insert.run(k, canonicalBytes(entryOf(k) as never));
      })
      .immediate();
  }
  const baseline = n / seconds(start);
  plain.close();
  // Where the time goes, per entry: the pieces alone, in memory.
  const [texts, canonical] = timed(() => Array.from({ length: n }, (_, i) => Buffer.from(`\0${canonicalText(entryOf(i) as never)}`)));
  const [, hashing] = timed(() => texts.forEach((t) => sha256(t)));
  const us = (s: number) => ((s / n) * 1e6).toFixed(1);
  console.log(`appends  ${n} entries, batches of 100, WAL + synchronous=FULL`);
  console.log(`  audit log (entry, leaf hash, indexes, a tile node per 256): ${rate.toFixed(0)} entries/s, ${us(n / rate)} µs each`);
  console.log(`  baseline plain INSERT of the same bytes:                   ${baseline.toFixed(0)} rows/s, ${us(n / baseline)} µs each`);
  console.log(`  ratio audit/baseline: ${(rate / baseline).toFixed(2)}   [target ≥ 0.6]`);
  console.log(`  of which, in memory: canonical JSON ${us(canonical)} µs (both sides), SHA-256 leaf hash ${us(hashing)} µs (audit only)`);
}

/** Writes the bytes of a file once, in 4 MiB pieces, and syncs it: the floor under any export of it. */
function writeOnce(from: string, to: string): number {
  const start = process.hrtime.bigint();
  const out = openSync(to, 'w');
  const src = openSync(from, 'r');
  const chunk = Buffer.allocUnsafe(4 << 20);
  for (;;) {
    const n = readSync(src, chunk, 0, chunk.length, null);
    if (n === 0) break;
    writeSync(out, chunk, 0, n);
  }
  fsyncSync(out);
  closeSync(out);
  closeSync(src);
  return seconds(start);
}

/**
 * Writes `total` bytes (the file's, repeated) in 4 MiB pieces and syncs them: what the disk alone takes for as many
 * bytes as an export writes, folder and zip together.
 */
function writeBytes(from: string, to: string, total: number): number {
  const chunk = Buffer.allocUnsafe(4 << 20);
  const src = openSync(from, 'r');
  const n = readSync(src, chunk, 0, chunk.length, 0);
  closeSync(src);
  const start = process.hrtime.bigint();
  const out = openSync(to, 'w');
  for (let done = 0; done < total; ) done += writeSync(out, chunk, 0, Math.min(n, total - done));
  fsyncSync(out);
  closeSync(out);
  return seconds(start);
}

/** The files under a folder, counted (the tiles and entry bundles of an export are thousands of small files). */
function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/**
 * Creates `count` empty files in a new folder, one after another, then syncs the folder: what this machine's file
 * system takes to make as many files as the export makes, before a byte goes into them. On a file system whose inode
 * allocation is slow this is a large share of a whole-log export, and a cost no change to the export can remove while
 * the C2SP layout asks for a file per tile and per entry bundle.
 */
function createFiles(folder: string, count: number): number {
  mkdirSync(folder, { recursive: true });
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) closeSync(openSync(join(folder, String(i)), 'wx'));
  const fd = openSync(folder, 'r');
  fsyncSync(fd);
  closeSync(fd);
  return seconds(start);
}

/**
 * Writes the export's own files again, folder and zip, each copied by the kernel (no hashing, no formatting), the large
 * ones and the folder synced as the export syncs them: the floor for this layout on this machine's disk and file system.
 */
function copySameFiles(folder: string, zip: string, to: string): number {
  const start = process.hrtime.bigint();
  const synced: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const target = join(to, relative(folder, from));
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(from, target);
      if (statSync(from).size >= 1 << 20) synced.push(target);
    }
  }
  copyFileSync(zip, `${to}.zip`);
  for (const path of [...synced, `${to}.zip`, to]) {
    const fd = openSync(path, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
  return seconds(start);
}

/** Reopens a large log and uses it as a clerk would: the figures that must stay interactive however long the log. */
async function interactive(dir: string, file: string): Promise<void> {
  const [opened, openTook] = timed(() => openLog(dir, file));
  const { db, log, keyring, checkpoints } = opened;
  const [, appendTook] = timed(() => log.appendAll(Array.from({ length: 100 }, (_, k) => draft(k))));
  const [facts, retentionTook] = timed(() => retentionFacts(db));
  const start = process.hrtime.bigint();
  const result = await exportBundle({ log, checkpoints, keyring }, { scope: 'case', caseId: smallCase }, actor, join(dir, 'case-exports'));
  const caseTook = seconds(start);
  const [report, caseVerifyTook] = timed(() => verifyBundle(folderSource(result.folder)));
  if (!report.valid) throw new Error(`case bundle did not verify: ${report.problems[0]?.message}`);
  db.close();
  console.log(`at scale a log of ${facts.entries} entries (${(facts.databaseBytes / 1e9).toFixed(2)} GB database):`);
  console.log(`  open + unlock ${openTook.toFixed(2)} s; append 100 (first append reloads the tree's right edge) ${appendTook.toFixed(3)} s; retention view ${retentionTook.toFixed(3)} s`);
  console.log(`  case export of ${result.entries} entries with proofs from tiles ${caseTook.toFixed(2)} s, its verification ${caseVerifyTook.toFixed(2)} s`);
}

async function exportAndVerify(dir: string, n: number, exporting: boolean, verify: boolean): Promise<void> {
  const { db, log, keyring, checkpoints } = openLog(dir, `export-${n}.sqlite`);
  console.log(`export   filling a log of ${n} entries…`);
  const [, fillTook] = timed(() => fill(log, n));
  console.log(`  filled in ${fillTook.toFixed(0)} s`);
  if (!exporting) {
    db.close();
    await interactive(dir, `export-${n}.sqlite`);
    return;
  }
  // The fill leaves the database's pages dirty in memory; were they still being written back, the export would share the
  // disk with them while the baselines below (measured later) would not.
  const [, settling] = timed(() => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    execFileSync('sync');
  });
  console.log(`  settled before timing: the log's write-ahead file checkpointed and every dirty page written (${settling.toFixed(1)} s)`);
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
  const folderBytes = Number(execFileSync('du', ['-sb', result.folder]).toString().split('\t')[0]);
  console.log(`  whole log, C2SP tiles + entry bundles + entries.jsonl/CSV/PDF, folder (${(folderBytes / 1e6).toFixed(0)} MB) + zip (${(statSync(result.zip).size / 1e6).toFixed(0)} MB)`);
  console.log(`  took ${took.toFixed(2)} s for ${result.entries} entries   [target ≤ 10 s for 1 000 000]; RSS ${(rssBefore / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB`);
  const floor = writeOnce(join(result.folder, 'entries.jsonl'), join(dir, 'floor.jsonl'));
  rmSync(join(dir, 'floor.jsonl'));
  console.log(`  baseline: writing the same entries.jsonl bytes once (${(statSync(join(result.folder, 'entries.jsonl')).size / 1e6).toFixed(0)} MB, synced) ${floor.toFixed(2)} s; export/baseline ${(took / floor).toFixed(2)}`);
  const exportBytes = folderBytes + statSync(result.zip).size;
  const disk = writeBytes(join(result.folder, 'entries.jsonl'), join(dir, 'floor.bin'), exportBytes);
  rmSync(join(dir, 'floor.bin'));
  console.log(`  the disk alone: writing as many bytes as the export wrote (folder + zip, ${(exportBytes / 1e6).toFixed(0)} MB, synced) ${disk.toFixed(2)} s; export/that ${(took / disk).toFixed(2)}`);
  const files = countFiles(result.folder) + 1;
  const creating = createFiles(join(dir, 'empty-files'), files);
  console.log(`  the file system alone: creating as many empty files as the export made (${files}, folder + zip) ${creating.toFixed(2)} s, ${((creating / files) * 1e6).toFixed(0)} µs each`);
  // Before any of these files is deleted: on this file system, creating files just after deleting thousands is slower.
  const same = copySameFiles(result.folder, result.zip, join(dir, 'same-files'));
  rmSync(join(dir, 'empty-files'), { recursive: true });
  rmSync(join(dir, 'same-files'), { recursive: true, force: true });
  rmSync(join(dir, 'same-files.zip'), { force: true });
  console.log(`  the same files again: the export's folder and zip copied by the kernel, large files synced as the export syncs them ${same.toFixed(2)} s; export/that ${(took / same).toFixed(2)}`);
  if (!verify) {
    await interactive(dir, `export-${n}.sqlite`);
    return;
  }

  // As `dalel audit verify` and the clerk's panel run it: worker threads where the bundle is large enough (workersFor).
  const check = async (label: string, source: () => BundleSource) => {
    const workers = workersFor(source());
    const [report, seconds] = await timedAsync(() => verifyBundleAsync(source(), { workers }));
    if (!report.valid) throw new Error(`benchmark bundle did not verify: ${report.problems[0]?.message}`);
    console.log(`  ${label}: ${seconds.toFixed(2)} s for ${report.entries} entries, ${workers ? `${workers} worker threads` : 'no worker thread'}   [target ≤ 10 s for 1 000 000]`);
    return seconds;
  };
  console.log(`verify   every file's SHA-256 (and CRC in the zip), every entry hashed into its tile and bundle, every tile, the root, the signature, the selection`);
  const zipTook = await check('zip    ', () => zipFileSource(result.zip));
  const folderTook = await check('folder ', () => folderSource(result.folder));
  const [, hashing] = timed(() => execFileSync('sh', ['-c', 'find . -type f -print0 | xargs -0 sha256sum > /dev/null'], { cwd: result.folder, maxBuffer: 1 << 30 }));
  console.log(`  baseline: sha256sum over the same files ${hashing.toFixed(2)} s; ratio zip/sha256sum ${(zipTook / hashing).toFixed(2)}, folder/sha256sum ${(folderTook / hashing).toFixed(2)}   [target ≤ 3]`);
  const [single, singleTook] = timed(() => verifyBundle(zipFileSource(result.zip)));
  if (!single.valid) throw new Error('benchmark bundle did not verify in one thread');
  console.log(`  zip in this thread alone (--workers 0): ${singleTook.toFixed(2)} s; ratio to sha256sum ${(singleTook / hashing).toFixed(2)}`);
  rmSync(result.folder, { recursive: true, force: true });
  rmSync(result.zip, { force: true });
  await interactive(dir, `export-${n}.sqlite`);
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, seconds(start)];
}

/** Runs the audit suite. */
export async function run(args: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-audit-'));
  // A run stopped by a time limit once left 30 GB behind: the folder goes on every way out.
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    console.error(`\n[bench] ${signal}: removed ${dir}`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', cleanup);
  try {
    const count = numberOption(args, 'appends', 100_000);
    if (count > 0) appends(dir, count);
    await exportAndVerify(dir, numberOption(args, 'entries', 1_000_000), !args.includes('--skip-export'), !args.includes('--skip-verify'));
  } finally {
    cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', cleanup);
  }
}
