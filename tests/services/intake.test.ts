import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case, Role } from '../../main/contract/index.ts';
import { sha256Hex } from '../../main/services/intake/evidence-store.ts';
import { makeJpeg, makePdf, makeTiff, makeX3p, pngBombHeader } from '../helpers/files.ts';
import { call, makePng, seedUsers, testWorkstation } from '../helpers/workstation.ts';

function storedBlobs(dataDir: string): string[] {
  const root = join(dataDir, 'evidence', 'sha256');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('evidence intake', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Record<Role, string>;
  let theCase: Case;
  beforeEach(async () => {
    env = testWorkstation({ intakeLimits: { maxBytes: 8 * 1024 * 1024, maxPixels: 100_000_000 } });
    clients = await seedUsers(env.ws);
    theCase = await call(env.ws, clients.expert, 'cases.create', { number: 'KZ-2026-001', venue: 'Almaty forensic centre', caseType: 'criminal', parties: 'State v. Doe' });
  });
  afterEach(() => env.dispose());

  async function add(fileName: string, bytes: Uint8Array) {
    return env.ws.dispatcher.invoke(clients.expert, 'evidence.add', { caseId: theCase.id, fileName, bytes });
  }

  function expectNothingStored(): void {
    expect(storedBlobs(env.ws.dataDir)).toEqual([]);
    expect(env.ws.db.prepare('SELECT COUNT(*) AS n FROM evidence').get()).toEqual({ n: 0 });
    expect(env.ws.db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    expect(readdirSync(join(env.ws.dataDir, 'evidence', 'tmp'))).toEqual([]);
  }

  it('stores a PNG once by SHA-256 with name, size, type, who, when and a custody entry', async () => {
    const png = makePng(64, 48);
    const result = await call(env.ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'breech-face.png', bytes: png });
    expect(result.duplicate).toBe(false);
    expect(result.evidence).toMatchObject({
      sha256: sha256Hex(png),
      originalName: 'breech-face.png',
      sizeBytes: png.length,
      kind: 'png',
      mediaType: 'image/png',
      width: 64,
      height: 48,
      bitDepth: 8,
      addedBy: 'expert',
      hasThumbnail: true,
    });
    const stored = readFileSync(join(env.ws.dataDir, 'evidence', 'sha256', result.evidence.sha256.slice(0, 2), result.evidence.sha256.slice(2, 4), result.evidence.sha256));
    expect(sha256Hex(stored)).toBe(result.evidence.sha256);
    const custody = await call(env.ws, clients.judge, 'evidence.custody', { evidenceId: result.evidence.id });
    expect(custody).toHaveLength(1);
    expect(custody[0]).toMatchObject({ action: 'received', actor: 'expert', actorRole: 'expert' });
    expect(custody[0]?.note).toContain(result.evidence.sha256);
    const thumb = await call(env.ws, clients.clerk, 'evidence.thumbnail', { evidenceId: result.evidence.id });
    expect(thumb.png?.subarray(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it.each([
    ['16-bit PNG', 'scan16.png', () => makePng(20, 10, 3, 16), 'png', 16],
    ['JPEG', 'photo.jpg', () => makeJpeg(32, 16), 'jpeg', 8],
    ['8-bit TIFF', 'page.tif', () => makeTiff(30, 20, 8), 'tiff', 8],
    ['16-bit TIFF', 'page16.tiff', () => makeTiff(30, 20, 16), 'tiff', 16],
    ['X3P at the zip root', 'land.x3p', () => makeX3p(120, 80), 'x3p', null],
    ['X3P in a sub-folder', 'nested.x3p', () => makeX3p(50, 40, 'sample/'), 'x3p', null],
    ['PDF', 'report.pdf', () => makePdf(), 'pdf', null],
  ] as const)('accepts a %s', async (_label, name, make, kind, bitDepth) => {
    const result = await add(name, make());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ evidence: { kind, bitDepth } });
  });

  it('refuses a renamed Windows executable, naming the file and saying what it is', async () => {
    const exe = new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200, 1)]));
    const named = await add('photo.png', exe);
    expect(named).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'photo.png', reasonCode: 'name-mismatch', expected: 'png', detected: 'exe' } } });
    if (!named.ok) expect(named.error.message).toBe("photo.png: the file's content is not a PNG image although its name ends in .png; it is a Windows program");
    const result = await add('photo.dat', exe);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'photo.dat', reasonCode: 'unsupported-type', detected: 'exe' } } });
    if (!result.ok) expect(result.error.message).toMatch(/photo\.dat: the file is a Windows program; accepted are/);
    expectNothingStored();
  });

  it('intake errors say what is wrong: a JPEG named .png, an empty file, a TIFF cut inside its header', async () => {
    const jpeg = await add('scan.png', makeJpeg(16, 16));
    expect(jpeg).toMatchObject({ ok: false, error: { params: { file: 'scan.png', reasonCode: 'name-mismatch', extension: 'png', expected: 'png', detected: 'jpeg' } } });
    if (!jpeg.ok) expect(jpeg.error.message).toBe("scan.png: the file's content is not a PNG image although its name ends in .png; it is a JPEG image");
    const empty = await add('empty.tif', new Uint8Array(0));
    expect(empty).toMatchObject({ ok: false, error: { params: { file: 'empty.tif', reasonCode: 'empty-file' } } });
    if (!empty.ok) expect(empty.error.message).toBe('empty.tif: the file is empty (0 bytes)');
    const shortTiff = await add('short.tif', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08]));
    expect(shortTiff).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'short.tif', reasonCode: 'truncated', format: 'TIFF' } } });
    expectNothingStored();
  });

  it('refuses a truncated PNG', async () => {
    const png = makePng(64, 64);
    const result = await add('cut.png', png.subarray(0, png.length - 30));
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'cut.png', reasonCode: 'truncated' } } });
    expectNothingStored();
  });

  it('refuses a PNG whose data was damaged (CRC)', async () => {
    const png = makePng(32, 32);
    png[60] = png[60]! ^ 0xff;
    expect(await add('flipped.png', png)).toMatchObject({ ok: false, error: { params: { reasonCode: 'corrupt' } } });
    expectNothingStored();
  });

  it('refuses a 50 000 × 50 000 PNG header before decoding anything', async () => {
    const result = await add('bomb.png', pngBombHeader(50_000, 50_000));
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'bomb.png', reasonCode: 'too-many-pixels', width: 50000, height: 50000 } } });
    expectNothingStored();
  });

  it('refuses a truncated JPEG and a truncated TIFF', async () => {
    const jpg = makeJpeg(64, 64);
    expect(await add('cut.jpg', jpg.subarray(0, jpg.length - 10))).toMatchObject({ ok: false, error: { params: { reasonCode: 'truncated' } } });
    const tif = makeTiff(64, 64, 16);
    expect(await add('cut.tif', tif.subarray(0, tif.length - 100))).toMatchObject({ ok: false, error: { params: { reasonCode: 'truncated' } } });
    expectNothingStored();
  });

  it('refuses a TIFF shorter than its 8-byte header as bad input, not an internal error', async () => {
    for (const length of [4, 5, 7]) {
      expect(await add('stub.tif', makeTiff(4, 4, 8).subarray(0, length))).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: 'stub.tif: the file is incomplete: it ends inside the 8-byte TIFF header, before the TIFF data is complete', params: expect.objectContaining({ file: 'stub.tif', reasonCode: 'truncated' }) },
      });
    }
    expectNothingStored();
  });

  it('refuses a TIFF whose header would make the decoder expand a few bytes into gigabytes', async () => {
    // Found by the property test: 241 samples per pixel over 6 × 3 014 661 pixels, from a 154-byte file.
    const tif = Buffer.from(makeTiff(6, 5, 8));
    const entry = (tag: number) => {
      for (let at = 10; at < 8 + 2 + 12 * tif.readUInt16LE(8); at += 12) if (tif.readUInt16LE(at) === tag) return at;
      throw new Error(`no tag ${tag}`);
    };
    tif.writeUInt32LE(0x2e0005, entry(257) + 8);
    expect(await add('bomb.tif', new Uint8Array(tif))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'bomb.tif', reasonCode: 'truncated' } } });
    tif.writeUInt32LE(5, entry(257) + 8);
    tif.writeUInt16LE(241, entry(277) + 8);
    expect(await add('bomb.tif', new Uint8Array(tif))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'bomb.tif', reasonCode: 'corrupt' } } });
    expectNothingStored();
  });

  it('refuses an X3P whose header claims 100 million points, a truncated zip, and a zip that is not an X3P', async () => {
    expect(await add('huge.x3p', makeX3p(10_000, 10_001, '', true))).toMatchObject({ ok: false, error: { params: { reasonCode: 'too-many-pixels' } } });
    const x3p = makeX3p(10, 10);
    expect(await add('cut.x3p', x3p.subarray(0, x3p.length - 30))).toMatchObject({ ok: false, error: { params: { reasonCode: 'truncated' } } });
    const { makeZip } = await import('../helpers/files.ts');
    expect(await add('other.zip', makeZip({ 'readme.txt': 'hello' }))).toMatchObject({ ok: false, error: { params: { reasonCode: 'not-x3p' } } });
    expectNothingStored();
  });

  it('refuses an X3P whose point data is cut short or altered, naming the file, before storing it', async () => {
    const { makeZip } = await import('../helpers/files.ts');
    const { newX3pHeader, x3pMainXml } = await import('../../native/x3p/x3p-write.ts');
    const data = new Uint8Array(10 * 10 * 8).fill(7);
    const md5 = createHash('md5').update(data).digest('hex');
    const x3p = (points: Uint8Array) => makeZip({ 'main.xml': x3pMainXml(newX3pHeader(10, 10, 1e-6), md5), 'bindata/data.bin': points });
    expect(await add('short.x3p', x3p(data.subarray(0, 100)))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^short\.x3p: /), params: { file: 'short.x3p', reasonCode: 'size-mismatch' } } });
    const altered = data.slice();
    altered[5] = 8;
    expect(await add('altered.x3p', x3p(altered))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^altered\.x3p: /), params: { file: 'altered.x3p', reasonCode: 'checksum' } } });
    expect(await add('whole.x3p', x3p(data))).toMatchObject({ ok: true });
  });

  it('refuses files over the size limit and empty files', async () => {
    expect(await add('big.pdf', new Uint8Array(8 * 1024 * 1024 + 1))).toMatchObject({ ok: false, error: { params: { reasonCode: 'too-large' } } });
    expect(await add('empty.png', new Uint8Array(0))).toMatchObject({ ok: false, error: { params: { reasonCode: 'empty-file' } } });
    expectNothingStored();
  });

  it('stores the same bytes once across cases and reports a repeat within a case', async () => {
    const other = await call(env.ws, clients.expert, 'cases.create', { number: 'KZ-2026-002', venue: 'Lab', caseType: 'forensic-examination', parties: '' });
    const png = makePng(16, 16, 9);
    const first = await call(env.ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'a.png', bytes: png });
    const again = await call(env.ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'a-copy.png', bytes: png });
    const elsewhere = await call(env.ws, clients.expert, 'evidence.add', { caseId: other.id, fileName: 'a.png', bytes: png });
    expect(again).toMatchObject({ duplicate: true, evidence: { id: first.evidence.id } });
    expect(elsewhere.duplicate).toBe(false);
    expect(storedBlobs(env.ws.dataDir)).toEqual([sha256Hex(png)]);
    const custody = await call(env.ws, clients.expert, 'evidence.custody', { evidenceId: first.evidence.id });
    expect(custody.map((c) => c.action)).toEqual(['received', 'received-again']);
  });

  it('refuses evidence for a case that does not exist', async () => {
    const result = await env.ws.dispatcher.invoke(clients.expert, 'evidence.add', { caseId: '00000000-0000-4000-8000-000000000000', fileName: 'a.png', bytes: makePng(4, 4) });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectNothingStored();
  });
});
