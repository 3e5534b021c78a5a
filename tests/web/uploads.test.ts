import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../main/contract/index.ts';
import { decodeWire, encodeWire } from '../../main/contract/wire.ts';
import { sha256Hex } from '../../main/services/intake/evidence-store.ts';
import { startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { loopbackHost, startWebBridge } from '../../main/web/server.ts';
import { makeJpeg } from '../helpers/files.ts';
import { call, fastScrypt, makePng, password, tempDir } from '../helpers/workstation.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request whose body is sent in pieces (chunked unless a Content-Length is given). Resolves with the answer
 * even when the server stops reading and closes the connection early (as it does for a body past the limit).
 */
function send(port: number, path: string, headers: Record<string, string>, body: Iterable<Uint8Array> | Uint8Array | string = '', method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: loopbackHost, port, path, method, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A server that refuses an upload stops reading: the client's next write may fail (EPIPE, ECONNRESET) just
      // before the refusal it already sent is parsed. Give that answer a moment to arrive before failing.
      const refusedMidBody = error.code === 'EPIPE' || error.code === 'ECONNRESET';
      setTimeout(() => {
        if (!answered) reject(error);
      }, refusedMidBody ? 1000 : 0);
    });
    if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else Readable.from(body).on('error', () => {}).pipe(req);
  });
}

/** `count` pieces of `size` bytes each. */
function* pieces(count: number, size: number): Generator<Uint8Array> {
  for (let i = 0; i < count; i += 1) yield new Uint8Array(size).fill(i % 251);
}

const limit = 1024 * 1024;

describe('browser-mode uploads, request size and event streams', () => {
  let mode: BrowserMode;
  let cleanup: () => void;
  let host: string;
  let dataDir: string;
  let theCase: Case;
  const expert = 'expert-client-key-0123456789';
  const other = 'other-client-key-0123456789';
  const stagingDir = () => join(dataDir, 'evidence', 'uploads');
  const staged = () => readdirSync(stagingDir());
  const auth = (client = expert) => ({ Authorization: `Bearer ${mode.bridge.token}`, 'X-Dalel-Client': client, Host: host });
  const upload = (body: Uint8Array | Iterable<Uint8Array>, name: string, client = expert, extra: Record<string, string> = {}) =>
    send(mode.bridge.port, '/api/upload', { ...auth(client), 'Content-Type': 'application/octet-stream', 'X-Dalel-File-Name': encodeURIComponent(name), ...extra }, body);
  const invoke = (channel: string, payload: unknown, client = expert) => send(mode.bridge.port, `/api/invoke/${channel}`, { ...auth(client), 'Content-Type': 'application/json' }, encodeWire(payload));

  beforeAll(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    dataDir = join(temp.dir, 'data');
    const staticDir = join(temp.dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dalel</title>');
    // A crash's leftover in the staging folder: removed when the workstation opens.
    mkdirSync(join(dataDir, 'evidence', 'uploads'), { recursive: true });
    writeFileSync(join(dataDir, 'evidence', 'uploads', 'left-by-a-crash.part'), 'partial');
    mode = await startBrowserMode({ dataDir, staticDir, port: 0, scryptParams: fastScrypt, intakeLimits: { maxBytes: limit, maxPixels: 250_000_000 } });
    host = `${loopbackHost}:${mode.bridge.port}`;
    const ws = mode.workstation;
    await call(ws, 'admin-client-key-0123456789', 'auth.setupAdmin', { username: 'admin', displayName: 'Administrator', password });
    await call(ws, 'admin-client-key-0123456789', 'users.add', { username: 'expert', displayName: 'An expert', role: 'expert', password });
    for (const client of [expert, other]) await call(ws, client, 'auth.login', { username: 'expert', password });
    theCase = await call(ws, expert, 'cases.create', { number: 'KZ-2026-UP', venue: 'Lab', caseType: 'forensic-examination', parties: '' });
  });
  afterAll(async () => {
    await mode.close();
    cleanup();
  });

  it('empties the staging folder when the workstation opens', () => {
    expect(staged()).toEqual([]);
  });

  it('streams an upload to a staged file while hashing it; evidence.add takes the reference and moves the file into the store', async () => {
    const png = makePng(40, 30, 3);
    const reply = await upload([png.subarray(0, 100), png.subarray(100)], 'scan.png');
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.body) as { upload: string; size: number; sha256: string };
    expect(answer).toEqual({ upload: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), size: png.length, sha256: sha256Hex(png) });
    expect(staged()).toHaveLength(1);
    const added = decodeWire((await invoke('evidence.add', { caseId: theCase.id, fileName: 'scan.png', bytes: { upload: answer.upload } })).body);
    expect(added).toMatchObject({ ok: true, value: { duplicate: false, evidence: { sha256: sha256Hex(png), sizeBytes: png.length, kind: 'png', width: 40, hasThumbnail: true } } });
    expect(staged()).toEqual([]);
    const sha = sha256Hex(png);
    expect(existsSync(join(dataDir, 'evidence', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    // Used once: the same reference again is refused, naming the file.
    const again = decodeWire((await invoke('evidence.add', { caseId: theCase.id, fileName: 'scan.png', bytes: { upload: answer.upload } })).body);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', params: { file: 'scan.png' } } });
  });

  it('removes the staged file when intake refuses it (a JPEG named .png), and keeps uploads to the client that sent them', async () => {
    const jpeg = JSON.parse((await upload(makeJpeg(16, 16), 'photo.png')).body) as { upload: string };
    const refused = decodeWire((await invoke('evidence.add', { caseId: theCase.id, fileName: 'photo.png', bytes: { upload: jpeg.upload } })).body);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'photo.png', reasonCode: 'name-mismatch' } } });
    expect(staged()).toEqual([]);
    const mine = JSON.parse((await upload(makePng(8, 8), 'mine.png')).body) as { upload: string };
    const stolen = decodeWire((await invoke('evidence.add', { caseId: theCase.id, fileName: 'mine.png', bytes: { upload: mine.upload } }, other)).body);
    expect(stolen).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const missingCase = decodeWire((await invoke('evidence.add', { caseId: '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f', fileName: 'mine.png', bytes: { upload: mine.upload } })).body);
    expect(missingCase).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(staged()).toEqual([]);
  });

  it('library.add and audit.verify take uploads too, and use each one up', async () => {
    const admin = 'admin-client-key-0123456789';
    const scan = JSON.parse((await upload(makePng(8, 8), 'not-a-scan.png')).body) as { upload: string };
    const library = decodeWire(
      (await invoke('library.add', { fileName: 'not-a-scan.png', bytes: { upload: scan.upload }, firearmMake: '', firearmModel: '', calibre: '', caseNumber: '', notes: '' })).body,
    );
    expect(library).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'not-a-scan.png', reasonCode: 'unsupported-type' } } });
    const bundle = JSON.parse((await upload(new TextEncoder().encode('not a zip at all'), 'bundle.zip', admin)).body) as { upload: string };
    const verified = decodeWire((await invoke('audit.verify', { fileName: 'bundle.zip', zip: { upload: bundle.upload } }, admin)).body);
    expect(verified).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', params: { file: 'bundle.zip', reasonCode: 'corrupt' } } });
    expect(staged()).toEqual([]);
  });

  it('takes files only from a client with a session', async () => {
    const stranger = 'no-session-client-key-0123456789';
    const reply = await upload(makePng(8, 8), 'scan.png', stranger);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ refusal: { code: 'UNAUTHENTICATED' } });
    expect(staged()).toEqual([]);
  });

  it('refuses an upload past the limit with 413 naming the file, from its Content-Length before reading it', async () => {
    const reply = await upload(new Uint8Array(limit + 1), 'huge scan.tif', expert, { 'Content-Length': String(limit + 1) });
    expect(reply.status).toBe(413);
    const body = JSON.parse(reply.body) as { error: string; refusal: { code: string; params: Record<string, unknown> } };
    expect(body.error).toMatch(/^huge scan\.tif: the file is larger than the limit of 1048576 bytes/);
    expect(body.refusal).toMatchObject({ code: 'BAD_INPUT', params: { file: 'huge scan.tif', reasonCode: 'too-large', size: limit + 1, limit } });
    expect(staged()).toEqual([]);
  });

  it('refuses a chunked upload as soon as it passes the limit, stops reading and leaves no staged file', async () => {
    let sent = 0;
    function* counted(): Generator<Uint8Array> {
      for (const piece of pieces(64, 1024 * 1024)) {
        sent += piece.length;
        yield piece;
      }
    }
    const reply = await upload(counted(), 'endless.bin');
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ refusal: { params: { file: 'endless.bin', reasonCode: 'too-large' } } });
    // The client could push only what the socket buffers held before the server stopped reading.
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 50));
    expect(staged()).toEqual([]);
  });

  it('removes the staged file when the client drops the connection mid-upload', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: loopbackHost, port: mode.bridge.port, path: '/api/upload', method: 'POST', headers: { ...auth(), 'Content-Length': String(limit) } });
      req.on('error', () => resolve());
      req.write(new Uint8Array(1000), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(staged()).toEqual([]);
  });

  it('refuses a JSON request body above 4 MiB with 413 and a clear message', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024);
    const reply = await send(mode.bridge.port, '/api/invoke/auth.status', { ...auth(), 'Content-Type': 'application/json' }, [Buffer.from(`{"pad":"${big}"}`)]);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toMatch(/larger than 4 MiB; files are sent to \/api\/upload/);
    const declared = await send(mode.bridge.port, '/api/invoke/auth.status', { ...auth(), 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) }, new Uint8Array(5 * 1024 * 1024));
    expect(declared.status).toBe(413);
    // Small requests still pass.
    expect((await invoke('auth.status', {})).status).toBe(200);
  });

  it('caps event streams per client: a fifth stream closes the oldest', async () => {
    const client = 'streams-client-key-0123456789';
    const opened: { closed: boolean; destroy: () => void }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const state = { closed: false, destroy: () => {} };
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: loopbackHost, port: mode.bridge.port, path: '/api/events', method: 'GET', headers: auth(client) }, (res) => {
          res.once('data', () => resolve());
          res.on('close', () => (state.closed = true));
          res.on('error', () => (state.closed = true));
        });
        req.on('error', reject);
        state.destroy = () => req.destroy();
        req.end();
      });
      opened.push(state);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(opened.map((s) => s.closed)).toEqual([true, false, false, false, false]);
    for (const s of opened) s.destroy();
  });

  it('caps event streams in all (per launch token): past the cap, the oldest stream is closed', async () => {
    const bridge = await startWebBridge({ dispatcher: mode.workstation.dispatcher, uploads: mode.workstation.uploads, staticDir: dataDir, maxStreams: 2 });
    try {
      const closed: boolean[] = [];
      const requests: ReturnType<typeof request>[] = [];
      for (let i = 0; i < 3; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const headers = { Authorization: `Bearer ${bridge.token}`, 'X-Dalel-Client': `stream-tab-${i}-key-0123456789`, Host: `${loopbackHost}:${bridge.port}` };
          const req = request({ host: loopbackHost, port: bridge.port, path: '/api/events', method: 'GET', headers }, (res) => {
            closed[i] = false;
            res.once('data', () => resolve());
            res.on('close', () => (closed[i] = true));
            res.on('error', () => (closed[i] = true));
          });
          req.on('error', reject);
          requests.push(req);
          req.end();
        });
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toEqual([true, false, false]);
      for (const req of requests) req.destroy();
    } finally {
      await bridge.close();
    }
  });
});
