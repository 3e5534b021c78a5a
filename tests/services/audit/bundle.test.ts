import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordInput } from '../../../main/cli/password-input.ts';
import { runCli } from '../../../main/cli.ts';
import { exportBundle, type ExportDeps } from '../../../main/services/audit/bundle-export.ts';
import { CsvThread, CsvWorkerUnavailable } from '../../../main/services/audit/csv-thread.ts';
import { CsvTrailFile } from '../../../main/services/audit/csv-trail-file.ts';
import { folderSource, verifyBundle, verifyBundleAsync, zipSource, type VerifyProblem } from '../../../main/services/audit/bundle-verify.ts';
import { formatCheckpoint, noteSigner, signNote, formatVerifierKey, ed25519NoteType, parseNote, parseTlogProof, formatTlogProof, publicKeyPem } from '../../../main/services/audit/note.ts';
import { hashLeaf, MemoryTree, inclusionProof } from '../../../main/services/audit/merkle.ts';
import { allTiles, encodeEntryBundle, entryBundlePath, hashTilePath } from '../../../main/services/audit/tiles.ts';
import { auditedWorkstation } from '../../helpers/audit.ts';
import { tempDir } from '../../helpers/workstation.ts';
import { readZipDirectory, readZipEntry } from '../../../native/codecs/zip/zip-read.ts';
import { ZipWriter } from '../../../native/codecs/zip/zip-write.ts';

const have = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('audit export bundles', () => {
  let ctx: Awaited<ReturnType<typeof auditedWorkstation>>;
  let work: ReturnType<typeof tempDir>;
  let all: { folder: string; zip: string };
  let byCase: { folder: string; zip: string };
  let byRange: { folder: string; zip: string };
  let trustedKey: string;
  let earlierCheckpoint: string;

  beforeAll(async () => {
    ctx = await auditedWorkstation();
    work = tempDir('dalel-bundle-');
    const ws = ctx.env.ws;
    const clerk = { userId: 'c', username: 'clerk', role: 'clerk' as const };
    earlierCheckpoint = ws.checkpoints.sign('test').note;
    await ws.dispatcher.invoke(ctx.clients.expert, 'cases.get', { caseId: ctx.theCase.id });
    const deps = { log: ws.audit, checkpoints: ws.checkpoints, keyring: ws.keyring };
    all = await exportBundle(deps, { scope: 'all' }, clerk, join(work.dir, 'exports'));
    byCase = await exportBundle(deps, { scope: 'case', caseId: ctx.theCase.id }, clerk, join(work.dir, 'exports'));
    const times = ws.audit.list().map((r) => r.at);
    byRange = await exportBundle(deps, { scope: 'range', from: times[2]!, to: times[6]! }, clerk, join(work.dir, 'exports'));
    trustedKey = ws.keyring.activeKey()!.verifierKey;
  });
  afterAll(() => {
    ctx.env.dispose();
    work.cleanup();
  });

  /** A copy of a bundle folder to tamper with. */
  function copyOf(folder: string): string {
    const dir = join(work.dir, `tamper-${Math.random().toString(36).slice(2)}`);
    cpSync(folder, dir, { recursive: true });
    return dir;
  }
  const codes = (problems: VerifyProblem[]) => [...new Set(problems.map((p) => p.code))].sort();
  const entriesOf = (dir: string) => readFileSync(join(dir, 'entries.jsonl'), 'utf8').split('\n').slice(0, -1);
  const writeEntries = (dir: string, lines: string[]) => writeFileSync(join(dir, 'entries.jsonl'), lines.map((l) => `${l}\n`).join(''));

  it('refuses a zip bundle that holds two entries of one name, instead of reading either copy', () => {
    const original = new Uint8Array(readFileSync(all.zip));
    const path = join(work.dir, 'duplicate.zip');
    const zip = new ZipWriter(path);
    for (const entry of readZipDirectory(original)) zip.add(entry.name, readZipEntry(original, entry, 1 << 30));
    const entriesName = readZipDirectory(original).find((e) => e.name.endsWith('/entries.jsonl'))!.name;
    zip.add(entriesName, Buffer.from('{"forged":true}\n'));
    zip.close();
    expect(() => zipSource(new Uint8Array(readFileSync(path)))).toThrow(`the zip archive holds two entries named ${entriesName}`);
  });

  it('verifies, folder and zip, with the trusted key and the earlier checkpoint', () => {
    for (const source of [folderSource(all.folder), zipSource(new Uint8Array(readFileSync(all.zip)))]) {
      const report = verifyBundle(source, { trustedKeys: [trustedKey], trustedCheckpoint: earlierCheckpoint });
      expect(report.problems).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.keyTrusted).toBe(true);
    }
    const partial = verifyBundle(folderSource(byCase.folder), { trustedKeys: [trustedKey] });
    expect(partial.problems).toEqual([]);
    expect(partial.entries).toBe(5); // case.created, two evidence.received, case.consulted, and the export entry
  });

  it('entries proven included and selected entries present: one count, explained (the export records itself)', () => {
    const report = verifyBundle(folderSource(byCase.folder), { trustedKeys: [trustedKey] });
    const selected = entriesOf(byCase.folder).length - 1;
    expect(report.entries).toBe(selected + 1);
    expect(report.selectedEntries).toBe(selected);
    const included = report.passed.find((p) => p.includes('entries each proven included'))!;
    const present = report.passed.find((p) => p.includes('selected entries present'))!;
    expect(included).toContain(`${selected + 1} entries each proven included`);
    expect(included).toContain(`${selected} selected entries and the export's own entry`);
    expect(present).toContain(`all ${selected} selected entries present`);
    expect(present).toContain('followed by the entry that records this export');
  });

  it('passes sha256sum -c, the openssl pkeyutl command and the bundled verify.mjs', () => {
    if (have('sha256sum')) execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: all.folder });
    else console.log('[bundle] sha256sum not installed: skipped that check');
    if (have('openssl')) {
      const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'log.pub.pem', '-rawin', '-in', 'checkpoint.body', '-sigfile', 'checkpoint.sig'], { cwd: all.folder }).toString();
      expect(out).toContain('Signature Verified Successfully');
    } else console.log('[bundle] openssl not installed: skipped that check');
    const verify = spawnSync(process.execPath, ['verify.mjs', '--trusted-key', trustedKey], { cwd: all.folder });
    expect(verify.stdout.toString()).toContain('VALID');
    expect(verify.status).toBe(0);
    const guide = readFileSync(join(all.folder, 'VERIFY.md'), 'utf8');
    expect(guide).toContain('sha256sum -c SHA256SUMS');
    expect(guide).toContain('openssl pkeyutl -verify -pubin -inkey log.pub.pem -rawin -in checkpoint.body -sigfile checkpoint.sig');
  });

  it('passes dalel audit verify, and fails it with exit code 1 when tampered', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), passwords: new PasswordInput(Readable.from([''])) };
    expect(await runCli(['audit', 'verify', all.zip, '--trusted-key', trustedKey], io)).toBe(0);
    const dir = copyOf(all.folder);
    const lines = entriesOf(dir);
    writeEntries(dir, [lines[1]!, lines[0]!, ...lines.slice(2)]);
    expect(await runCli(['audit', 'verify', dir, '--trusted-key', trustedKey], io)).toBe(1);
    expect(out.join('\n')).toContain('out of order');
  });

  it('rejects an edited entry', () => {
    const dir = copyOf(all.folder);
    const lines = entriesOf(dir);
    lines[2] = lines[2]!.replace('"auth.login"', '"auth.logon"');
    writeEntries(dir, lines);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(report.valid).toBe(false);
    expect(report.problems.find((p) => p.code === 'changed-entry')).toMatchObject({ line: 3, seq: 2 });
  });

  it('rejects a deleted line, naming the missing entry', () => {
    const dir = copyOf(byCase.folder);
    const lines = entriesOf(dir);
    writeEntries(dir, [lines[0]!, ...lines.slice(2)]);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    const missing = report.problems.find((p) => p.code === 'missing-entry');
    expect(missing?.message).toMatch(/entry seq \d+ is missing/);
  });

  it('rejects swapped lines', () => {
    const dir = copyOf(all.folder);
    const lines = entriesOf(dir);
    writeEntries(dir, [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(codes(report.problems)).toContain('reordered');
  });

  it('rejects a truncated log: cut mid-line, or its last entries removed', () => {
    const cut = copyOf(all.folder);
    const text = readFileSync(join(cut, 'entries.jsonl'));
    writeFileSync(join(cut, 'entries.jsonl'), text.subarray(0, text.length - 40));
    expect(codes(verifyBundle(folderSource(cut), { trustedKeys: [trustedKey] }).problems)).toContain('truncated');
    const shortened = copyOf(all.folder);
    writeEntries(shortened, entriesOf(shortened).slice(0, -3));
    const report = verifyBundle(folderSource(shortened), { trustedKeys: [trustedKey] });
    expect(report.problems.find((p) => p.code === 'truncated')?.message).toMatch(/export entry .* is missing/);
  });

  it('rejects a proof that does not match (case exports carry one per entry)', () => {
    const dir = copyOf(byCase.folder);
    const name = readdirSync(join(dir, 'proofs'))[1]!;
    const file = join(dir, 'proofs', name);
    const proof = parseTlogProof(readFileSync(file, 'utf8'));
    const hashes = [...proof.hashes];
    hashes[0] = new Uint8Array(32).fill(7);
    writeFileSync(file, formatTlogProof({ ...proof, hashes }));
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(report.problems.find((p) => p.code === 'bad-proof')?.message).toMatch(new RegExp(`does not prove seq ${proof.index}`));
  });

  it('lays out the whole log as C2SP tiles and entry bundles, a range by the tiles it needs, a case with proofs too', () => {
    const size = entriesOf(all.folder).length;
    for (const tile of allTiles(size)) expect(existsSync(join(all.folder, hashTilePath(tile))), hashTilePath(tile)).toBe(true);
    expect(existsSync(join(all.folder, entryBundlePath(0, size)))).toBe(true);
    expect(existsSync(join(all.folder, 'proofs'))).toBe(false);
    expect(existsSync(join(byRange.folder, 'proofs'))).toBe(false);
    expect(existsSync(join(byRange.folder, 'tile', 'entries'))).toBe(false);
    expect(readdirSync(join(byCase.folder, 'proofs'))).toHaveLength(entriesOf(byCase.folder).length);
    const closing = JSON.parse(entriesOf(byRange.folder).at(-1)!) as { details: { runs: number[][]; count: number } };
    const selected = entriesOf(byRange.folder).slice(0, -1).map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(closing.details.runs).toEqual([[selected[0], selected.at(-1)]]); // one run however many entries
    const report = verifyBundle(folderSource(byRange.folder), { trustedKeys: [trustedKey] });
    expect(report.problems).toEqual([]);
    expect(report.selectedEntries).toBe(selected.length);
    expect(report.passed.join('\n')).toMatch(/tiles \(C2SP tlog-tiles\) recomputed/);
  });

  /** Rewrites SHA256SUMS for the files as they are now: what a forger who changed them would do. */
  function resum(dir: string): void {
    rmSync(join(dir, 'SHA256SUMS'));
    const sums = execFileSync('sh', ['-c', 'find . -type f ! -name SHA256SUMS | sed s,^./,, | sort | xargs sha256sum'], { cwd: dir });
    writeFileSync(join(dir, 'SHA256SUMS'), sums);
  }

  it('rejects a changed tile even with SHA256SUMS rewritten: it no longer hashes into the tile above, nor to the root', () => {
    const dir = copyOf(all.folder);
    const name = hashTilePath([...allTiles(entriesOf(dir).length)][0]!);
    const tile = readFileSync(join(dir, name));
    tile[40] = tile[40]! ^ 1;
    writeFileSync(join(dir, name), tile);
    resum(dir);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(report.valid).toBe(false);
    expect(codes(report.problems)).toEqual(expect.arrayContaining(['bad-tile']));
  });

  it('rejects an entry bundle that differs from entries.jsonl, and a missing tile', () => {
    const dir = copyOf(all.folder);
    const lines = entriesOf(dir);
    const name = entryBundlePath(0, lines.length);
    writeFileSync(join(dir, name), encodeEntryBundle(lines.map((l, i) => Buffer.from(i === 1 ? l.replace('"v":1', '"v":2') : l))));
    resum(dir);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(report.problems.find((p) => p.code === 'bad-tile' && p.file === name)?.seq).toBe(1);
    const gone = copyOf(all.folder);
    const tile = hashTilePath([...allTiles(lines.length)][0]!);
    rmSync(join(gone, tile));
    resum(gone);
    expect(verifyBundle(folderSource(gone), { trustedKeys: [trustedKey] }).problems.find((p) => p.code === 'missing-file')?.file).toBe(tile);
  });

  it('still verifies an older bundle with one .tlog-proof per entry and no tiles', () => {
    const dir = copyOf(all.folder);
    rmSync(join(dir, 'tile'), { recursive: true });
    const lines = entriesOf(dir);
    const tree = new MemoryTree();
    for (const l of lines) tree.appendLeafHash(hashLeaf(Buffer.from(l)));
    const note = readFileSync(join(dir, 'checkpoint'), 'utf8');
    mkdirSync(join(dir, 'proofs'));
    lines.forEach((_, i) => writeFileSync(join(dir, 'proofs', `${String(i).padStart(10, '0')}.tlog-proof`), formatTlogProof({ index: i, hashes: inclusionProof(tree, i, tree.size), checkpoint: note })));
    resum(dir);
    const report = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey], trustedCheckpoint: earlierCheckpoint });
    expect(report.problems).toEqual([]);
    const edited = copyOf(dir);
    const changed = entriesOf(edited);
    changed[2] = changed[2]!.replace('"auth.login"', '"auth.logon"');
    writeEntries(edited, changed);
    expect(verifyBundle(folderSource(edited), { trustedKeys: [trustedKey] }).problems.find((p) => p.code === 'changed-entry')).toMatchObject({ seq: 2 });
  });

  it('reports progress through the asynchronous verifier and verify.mjs --progress', async () => {
    const seen: number[] = [];
    const report = await verifyBundleAsync(zipSource(new Uint8Array(readFileSync(all.zip))), { trustedKeys: [trustedKey] }, (done, total) => seen.push(done / total));
    expect(report.valid).toBe(true);
    expect(seen.at(-1)).toBe(1);
    const verify = spawnSync(process.execPath, ['verify.mjs', '--trusted-key', trustedKey, '--progress', '--workers', '2'], { cwd: all.folder });
    expect(verify.stderr.toString()).toMatch(/verifying entries.jsonl: 100%/);
    expect(verify.stdout.toString()).toContain('VALID');
    expect(verify.status).toBe(0);
  });

  it('rejects a history rewritten and re-signed with another key, everything else made consistent', () => {
    const dir = copyOf(all.folder);
    const lines = entriesOf(dir).map((l) => l.replace('"expert"', '"forger"'));
    writeEntries(dir, lines);
    // The forger rebuilds tree, proofs, checkpoint, signatures and checksums, all with a key of their own.
    const origin = ctx.env.ws.keyring.origin;
    const forger = noteSigner(origin, new Uint8Array(32).fill(9));
    const tree = new MemoryTree();
    for (const l of lines) tree.appendLeafHash(hashLeaf(Buffer.from(l)));
    const body = formatCheckpoint({ origin, size: tree.size, root: tree.root() });
    const note = signNote(body, forger);
    writeFileSync(join(dir, 'checkpoint'), note);
    writeFileSync(join(dir, 'checkpoint.body'), body);
    writeFileSync(join(dir, 'log.vkey'), `${formatVerifierKey(origin, ed25519NoteType, forger.publicKey)}\n`);
    for (const tile of allTiles(tree.size)) {
      const bytes = Buffer.concat(Array.from({ length: tile.width }, (_, i) => tree.node(8 * tile.level, tile.index * 256 + i)));
      writeFileSync(join(dir, hashTilePath(tile)), bytes);
    }
    writeFileSync(join(dir, entryBundlePath(0, lines.length)), encodeEntryBundle(lines.map((l) => Buffer.from(l))));
    writeFileSync(join(dir, 'checkpoint.sig'), parseNote(note).signatures[0]!.bytes.subarray(4));
    writeFileSync(join(dir, 'log.pub.pem'), publicKeyPem(forger.publicKey));
    resum(dir);
    const withTrust = verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] });
    expect(withTrust.problems.map((p) => p.code)).toContain('unknown-key');
    const againstEarlier = verifyBundle(folderSource(dir), { trustedCheckpoint: earlierCheckpoint });
    expect(againstEarlier.valid).toBe(false);
  });

  it('rejects an export that is older than a checkpoint the verifier holds', async () => {
    await ctx.env.ws.dispatcher.invoke(ctx.clients.judge, 'cases.get', { caseId: ctx.other.id });
    const later = ctx.env.ws.checkpoints.sign('later').note;
    const report = verifyBundle(folderSource(byCase.folder), { trustedKeys: [trustedKey], trustedCheckpoint: later });
    expect(report.problems.find((p) => p.code === 'truncated')?.message).toMatch(/trusted checkpoint has \d+ entries/);
  });

  it('detects any single flipped byte anywhere in the exported folder', () => {
    const files = folderSource(all.folder).names();
    const dir = copyOf(all.folder);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.integer({ min: 1, max: 255 }), (name, offset, mask) => {
        const path = join(dir, name);
        const original = readFileSync(path);
        if (original.length === 0) return;
        const flipped = Buffer.from(original);
        const at = offset % flipped.length;
        flipped[at] = flipped[at]! ^ mask;
        writeFileSync(path, flipped);
        try {
          expect(verifyBundle(folderSource(dir), { trustedKeys: [trustedKey] }).valid, `${name} byte ${at}`).toBe(false);
        } finally {
          writeFileSync(path, original);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('detects a flipped byte in the zip, except in the zip fields that carry no content (times, version, attributes)', () => {
    const zip = new Uint8Array(readFileSync(all.zip));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (offset, mask) => {
        const copy = new Uint8Array(zip);
        const at = offset % copy.length;
        copy[at] = copy[at]! ^ mask;
        let valid: boolean;
        try {
          valid = verifyBundle(zipSource(copy), { trustedKeys: [trustedKey] }).valid;
        } catch {
          valid = false;
        }
        if (valid) expect(contentFree(zip, at), `byte ${at}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

/** True when byte `at` of a zip lies in a header field that carries no content: versions, flags, times, attributes, disk numbers, comments. */
function contentFree(zip: Uint8Array, at: number): boolean {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; ) {
    const signature = dv.getUint32(i, true);
    if (signature === 0x04034b50) {
      const size = dv.getUint32(i + 18, true);
      const nameLength = dv.getUint16(i + 26, true);
      const extra = dv.getUint16(i + 28, true);
      if ((at >= i + 4 && at < i + 8) || (at >= i + 10 && at < i + 14)) return true; // version needed, flags, time/date
      i += 30 + nameLength + extra + size;
    } else if (signature === 0x02014b50) {
      const nameLength = dv.getUint16(i + 28, true);
      const extra = dv.getUint16(i + 30, true);
      const comment = dv.getUint16(i + 32, true);
      if ((at >= i + 4 && at < i + 10) || (at >= i + 12 && at < i + 16) || (at >= i + 34 && at < i + 42)) return true; // versions, flags, time/date, disk, attributes
      i += 46 + nameLength + extra + comment;
    } else if (signature === 0x06054b50) {
      return (at >= i + 4 && at < i + 10) || at >= i + 20; // disk numbers, entries on this disk, comment
    } else return false;
  }
  return false;
}

/** A workstation of its own for one test, with what an export needs and a temporary folder, disposed of after it. */
async function withOwnLog(prefix: string, test: (own: { ws: Awaited<ReturnType<typeof auditedWorkstation>>['env']['ws']; deps: ExportDeps; dir: string }) => Promise<void>): Promise<void> {
  const ctx = await auditedWorkstation();
  const work = tempDir(prefix);
  try {
    const ws = ctx.env.ws;
    await test({ ws, deps: { log: ws.audit, checkpoints: ws.checkpoints, keyring: ws.keyring }, dir: work.dir });
  } finally {
    ctx.env.dispose();
    work.cleanup();
  }
}

describe('a tiled export over several tiles and levels', () => {
  it('verifies 700 entries (full and partial tiles at two levels), zip and folder, and catches a changed full tile', async () => {
    await withOwnLog('dalel-tiles-', async ({ ws, deps, dir }) => {
      const actor = { userId: 'u', username: 'bulk', role: 'clerk' as const };
      ws.audit.appendAll(Array.from({ length: 700 - ws.audit.size() }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })));
      const result = await exportBundle(deps, { scope: 'all' }, actor, join(dir, 'exports'));
      const key = ws.keyring.activeKey()!.verifierKey;
      const names = readdirSync(join(result.folder, 'tile', '0'));
      expect(names.sort()).toEqual(['000', '001', '002.p']);
      expect(existsSync(join(result.folder, 'tile', '1', '000.p', '2'))).toBe(true);
      expect(verifyBundle(folderSource(result.folder), { trustedKeys: [key] }).problems).toEqual([]);
      const parallel = await verifyBundleAsync(zipSource(new Uint8Array(readFileSync(result.zip))), { trustedKeys: [key], workers: 2 });
      expect(parallel.problems).toEqual([]);
      const changed = join(dir, 'changed');
      cpSync(result.folder, changed, { recursive: true });
      const tile = readFileSync(join(changed, 'tile', '0', '001'));
      tile[100] = tile[100]! ^ 1;
      writeFileSync(join(changed, 'tile', '0', '001'), tile);
      const problems = verifyBundle(folderSource(changed), { trustedKeys: [key] }).problems;
      expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['checksum-mismatch', 'bad-tile']));
      expect(problems.find((p) => p.code === 'bad-tile')?.seq).toBe(259);
    });
  });
});

describe('a whole-log export past the PDF list limit', () => {
  it.skipIf(!have('pdftotext'))('summarises 1 100 entries in trail.pdf, lists every one in entries.csv with the hash its level-0 tile holds, and verifies', async () => {
    await withOwnLog('dalel-summary-', async ({ ws, deps, dir }) => {
      const actor = { userId: 'u', username: 'bulk', role: 'clerk' as const };
      ws.audit.appendAll(Array.from({ length: 1100 - ws.audit.size() }, (_, i) => ({ action: 'bulk.item', actor, subjects: { caseId: `=case-${i}` }, details: { i } })));
      const result = await exportBundle(deps, { scope: 'all' }, actor, join(dir, 'exports'));
      expect(result.entries).toBe(1101);
      expect(verifyBundle(folderSource(result.folder), { trustedKeys: [ws.keyring.activeKey()!.verifierKey] }).problems).toEqual([]);
      const csv = readFileSync(join(result.folder, 'entries.csv'), 'utf8').split('\n').slice(1, -1);
      expect(csv).toHaveLength(1101);
      const tiles = [0, 1, 2, 3].map((n) => readFileSync(join(result.folder, 'tile', '0', `00${n}`)));
      for (const seq of [0, 255, 256, 700, 1023]) {
        const row = csv[seq]!;
        expect(row.startsWith(`${seq},`)).toBe(true);
        expect(row.endsWith(`,${tiles[seq >> 8]!.subarray((seq % 256) * 32, (seq % 256) * 32 + 32).toString('hex')}`)).toBe(true);
      }
      expect(csv[1050]).toContain(",'=case-");
      expect(readFileSync(join(result.folder, 'VERIFY.md'), 'utf8')).toContain('with 1101 entries (more than 1000), a summary');
      const pdf = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(result.folder, 'trail.pdf'), '-'], { encoding: 'utf8' });
      expect(pdf).toContain('Entries by action');
      // An action this version has no words for is named as such, never by its code.
      expect(pdf).toMatch(/Other action \(see the entry\): 10\d\d/);
      expect(pdf).toMatch(/Exported the audit trail: 1\b/);
      expect(pdf).not.toContain('bulk.item');
      expect(pdf).toContain('Latest 50 entries');
    });
  });
});

describe('a whole-log export holding an entry longer than an entry bundle can carry', () => {
  it.each([
    ['on the export thread', Number.POSITIVE_INFINITY],
    ['on a worker thread, stopped when the export starts again', 0],
  ])('starts its files again without entry bundles, says why in VERIFY.md, and verifies (CSV %s)', async (_, csvWorkerFrom) => {
    await withOwnLog('dalel-long-entry-', async ({ ws, deps, dir }) => {
      const actor = { userId: 'u', username: 'clerk', role: 'clerk' as const };
      // Past the first page the export reads (4 096 entries): it has written bundles, and handed the CSV worker a page,
      // when it meets the long entry.
      ws.audit.appendAll(Array.from({ length: 4200 - ws.audit.size() }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })));
      const longSeq = ws.audit.append({ action: 'bulk.item', actor, details: { note: 'x'.repeat(70_000) } });
      ws.audit.append({ action: 'bulk.item', actor, details: { after: true } });
      const exports = join(dir, 'exports');
      const result = await exportBundle(deps, { scope: 'all' }, actor, exports, { csvWorkerFrom });
      // The first attempt's files, the CSV worker's included, were closed (not only removed) before it started again.
      const held = existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').map((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return ''; } }) : [];
      expect(held.filter((target) => target.startsWith(exports))).toEqual([]);
      expect(existsSync(join(result.folder, 'tile', 'entries'))).toBe(false);
      expect(existsSync(join(result.folder, 'tile', '0', '016.p', String(result.entries - 16 * 256)))).toBe(true);
      expect(readFileSync(join(result.folder, 'VERIFY.md'), 'utf8')).toContain(`No entry bundles: entry ${longSeq} is ${ws.audit.entryBytes(longSeq).length} bytes long, more than the 65535 bytes`);
      // Nothing of the first attempt is left: no partial folder or zip, and the zip lists no entry bundle.
      expect(readdirSync(exports).sort()).toEqual([`${result.folder.split('/').pop()}`, `${result.zip.split('/').pop()}`].sort());
      const zipped = readZipDirectory(new Uint8Array(readFileSync(result.zip))).map((e) => e.name);
      expect(zipped.some((n) => n.includes('/tile/entries/'))).toBe(false);
      const key = ws.keyring.activeKey()!.verifierKey;
      for (const source of [folderSource(result.folder), zipSource(new Uint8Array(readFileSync(result.zip)))]) {
        const report = verifyBundle(source, { trustedKeys: [key] });
        expect(report.problems).toEqual([]);
        expect(report.entries).toBe(result.entries);
      }
      const closing = JSON.parse(readFileSync(join(result.folder, 'entries.jsonl'), 'utf8').split('\n').at(-2)!) as { details: Record<string, unknown> };
      expect(closing.details).toEqual({ scope: 'all', count: result.entries - 1 });
    });
  });
});

describe('entries.csv of a whole-log export written on a worker thread', () => {
  it('gives the bytes the export thread gives, escapes and formula starts included, and a SHA256SUMS line that verifies', async () => {
    await withOwnLog('dalel-csv-worker-', async ({ ws, deps, dir }) => {
      const actor = { userId: 'u', username: '=clerk, "quoted"', role: 'clerk' as const };
      ws.audit.appendAll(
        Array.from({ length: 700 }, (_, i) => ({ action: i % 7 === 0 ? 'bulk.odd' : 'bulk.item', actor, subjects: { caseId: i % 5 === 0 ? `+case\\${i}` : `case-${i}` }, details: { i, text: 'line\nbreak "q"' } })),
      );
      const here = await exportBundle(deps, { scope: 'all' }, actor, join(dir, 'here'), { csvWorkerFrom: Number.POSITIVE_INFINITY });
      const worker = await exportBundle(deps, { scope: 'all' }, actor, join(dir, 'worker'), { csvWorkerFrom: 0 });
      const rowsOf = (folder: string) => readFileSync(join(folder, 'entries.csv'), 'utf8').split('\n');
      const a = rowsOf(here.folder);
      const b = rowsOf(worker.folder);
      expect(b).toHaveLength(a.length + 1); // the second export also lists the entry recording the first
      expect(b.slice(0, a.length - 2)).toEqual(a.slice(0, -2)); // every row but the first export's own, and the end
      expect(a.some((row) => row.includes("'+case\\"))).toBe(true);
      const key = ws.keyring.activeKey()!.verifierKey;
      for (const source of [folderSource(worker.folder), zipSource(new Uint8Array(readFileSync(worker.zip)))]) expect(verifyBundle(source, { trustedKeys: [key] }).problems).toEqual([]);
      if (have('pdftotext')) {
        // trail.pdf is made from what the worker collected on its scan: every entry, the first export's record too.
        const pdf = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(worker.folder, 'trail.pdf'), '-'], { encoding: 'utf8' });
        expect(pdf).toContain('Exported the audit trail');
        expect(pdf).not.toContain('bulk.odd'); // actions in words, never codes
        expect(pdf).toContain('=clerk, "quoted"');
      }
    });
  });

  it('falls back to the export thread where the worker cannot run (its code missing), with the same bytes', async () => {
    await withOwnLog('dalel-csv-fallback-', async ({ ws, deps, dir }) => {
      const actor = { userId: 'u', username: 'clerk', role: 'clerk' as const };
      ws.audit.appendAll(Array.from({ length: 300 }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })));
      const missing = join(dir, 'no-such-worker.js');
      expect(() => new CsvThread(join(dir, 'a.csv'), missing)).not.toThrow(); // it fails later, on its thread
      await expect(new CsvThread(join(dir, 'b.csv'), missing).end()).rejects.toBeInstanceOf(CsvWorkerUnavailable);
      const result = await exportBundle(deps, { scope: 'all' }, actor, join(dir, 'exports'), { csvWorkerFrom: 0, csvWorkerFile: missing });
      const key = ws.keyring.activeKey()!.verifierKey;
      expect(verifyBundle(folderSource(result.folder), { trustedKeys: [key] }).problems).toEqual([]);
      expect(readFileSync(join(result.folder, 'entries.csv'), 'utf8').split('\n')).toHaveLength(result.entries + 2);
    });
  });

  it('runs on its own thread (not only through the fallback) and writes what CsvTrailFile writes here', async () => {
    const work = tempDir('dalel-csv-thread-');
    try {
      const lines = ['{"action":"case.created","actor":{"role":"expert","username":"=a"},"at":"2026-01-01T00:00:00.000Z","seq":0,"v":1}', '{"action":"x.y","actor":null,"at":"2026-02-01T00:00:00.000Z","details":{"q":"a\\"b"},"seq":1,"v":1}'];
      const joined = Buffer.from(lines.join('\n'));
      const starts = Int32Array.from([0, lines[0]!.length + 1, joined.length + 1]);
      const leaves = Buffer.alloc(64, 7);
      const thread = new CsvThread(join(work.dir, 'worker.csv'));
      await thread.page({ first: 0, count: 2, joined: Buffer.from(joined), starts, leaves });
      const fromWorker = await thread.end(); // rejects with CsvWorkerUnavailable if the worker's code cannot load
      const here = new CsvTrailFile(join(work.dir, 'here.csv'));
      for (let k = 0; k < 2; k += 1) here.add(k, joined.subarray(starts[k], starts[k + 1]! - 1), leaves.subarray(k * 32, k * 32 + 32));
      expect(fromWorker.sha256).toBe(here.end());
      expect(readFileSync(join(work.dir, 'worker.csv'))).toEqual(readFileSync(join(work.dir, 'here.csv')));
      expect(fromWorker.rows.map((r) => r.action)).toEqual(['case.created', 'x.y']);
    } finally {
      work.cleanup();
    }
  });

  it('reports an entry it cannot write, naming its seq, even when the worker stopped before the file was to end', async () => {
    const work = tempDir('dalel-csv-thread-');
    try {
      const thread = new CsvThread(join(work.dir, 'entries.csv'));
      const joined = Buffer.from('not an entry');
      await thread.page({ first: 41, count: 1, joined, starts: Int32Array.from([0, joined.length + 1]), leaves: Buffer.alloc(32) });
      // Let the worker fail and exit first: end() must not wait for news that will never come.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(thread.end()).rejects.toThrow('audit entry 41 cannot be written to entries.csv');
      await thread.stop();
    } finally {
      work.cleanup();
    }
  });

  it('reports why the worker could not write the file, naming it', async () => {
    const work = tempDir('dalel-csv-thread-');
    try {
      const path = join(work.dir, 'entries.csv');
      writeFileSync(path, 'already here');
      const thread = new CsvThread(path);
      await expect(thread.end()).rejects.toThrow(/EEXIST.*entries\.csv/);
      expect(readFileSync(path, 'utf8')).toBe('already here');
    } finally {
      work.cleanup();
    }
  });
});
