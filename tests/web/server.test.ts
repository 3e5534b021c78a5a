import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../main/contract/wire.ts';
import { contentSecurityPolicy } from '../../main/security-policy.ts';
import { startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { loopbackHost } from '../../main/web/server.ts';
import { fastScrypt, password, tempDir } from '../helpers/workstation.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls every header (fetch would add Origin and forbid Host). */
function raw(port: number, path: string, method: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: loopbackHost, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode web bridge', () => {
  let mode: BrowserMode;
  let cleanup: () => void;
  let host: string;
  let staticDir: string;
  const sentinel = 'SENTINEL-outside-the-renderer-folder';
  const client = 'test-client-key-0123456789';
  const auth = () => ({ Authorization: `Bearer ${mode.bridge.token}`, 'X-Dalel-Client': client, Host: host });

  beforeAll(async () => {
    const temp = tempDir();
    cleanup = temp.cleanup;
    staticDir = join(temp.dir, 'static');
    writeFileSync(join(temp.dir, 'sentinel.txt'), sentinel);
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dalel</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    mode = await startBrowserMode({ dataDir: join(temp.dir, 'data'), staticDir, port: 0, scryptParams: fastScrypt });
    host = `${loopbackHost}:${mode.bridge.port}`;
  });
  afterAll(async () => {
    await mode.close();
    cleanup();
  });

  it('listens on the loopback address only', () => {
    const address = mode.bridge.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    expect(mode.bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
  });

  it('answers 401 to an API request without the token, and with a wrong one', async () => {
    const none = await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', { Host: host, 'X-Dalel-Client': client }, '{}');
    expect(none.status).toBe(401);
    const wrong = await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', { ...auth(), Authorization: 'Bearer nope' }, '{}');
    expect(wrong.status).toBe(401);
  });

  it('does not accept the token from a cookie or the query string', async () => {
    const cookie = await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', { Host: host, 'X-Dalel-Client': client, Cookie: `token=${mode.bridge.token}` }, '{}');
    expect(cookie.status).toBe(401);
    const query = await raw(mode.bridge.port, `/api/invoke/auth.status?token=${mode.bridge.token}`, 'POST', { Host: host, 'X-Dalel-Client': client }, '{}');
    expect(query.status).toBe(401);
  });

  it('serves the contract with the token', async () => {
    const reply = await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', auth(), encodeWire({}));
    expect(reply.status).toBe(200);
    expect(decodeWire(reply.body)).toEqual({ ok: true, value: { needsSetup: true, session: null } });
    const setup = await raw(mode.bridge.port, '/api/invoke/auth.setupAdmin', 'POST', auth(), encodeWire({ username: 'admin', displayName: 'A', password }));
    expect(decodeWire(setup.body)).toMatchObject({ ok: true, value: { user: { role: 'administrator' } } });
  });

  it('sends no CORS headers and refuses other origins and preflights', async () => {
    const foreign = await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', { ...auth(), Origin: 'https://evil.example' }, '{}');
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw(mode.bridge.port, '/api/invoke/auth.status', 'OPTIONS', { Host: host, Origin: 'https://evil.example' });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await raw(mode.bridge.port, '/', 'GET', { Host: 'attacker.example:80' });
    expect(reply.status).toBe(421);
  });

  it('serves the page with the CSP and refuses paths outside the renderer folder', async () => {
    const page = await raw(mode.bridge.port, '/', 'GET', { Host: host });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await raw(mode.bridge.port, '/assets/app.js', 'GET', { Host: host });
    expect(script.headers['content-type']).toContain('text/javascript');
  });

  it('never serves a file outside the renderer folder, however the path is encoded', async () => {
    // Sentinels where each traversal would land: beside the renderer folder, and the database in the data folder.
    const variants = [
      '/assets/..%2f..%2fdata%2fdalel.sqlite',
      '/assets/..%2f..%2fsentinel.txt',
      '/..%2fsentinel.txt',
      '/assets/%2e%2e/%2e%2e/sentinel.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsentinel.txt',
      '/assets/..%5c..%5csentinel.txt',
      '/%2e%2e%2fdata%2fdalel.sqlite',
      '..%2fsentinel.txt',
      '/assets/%252e%252e%252f%252e%252e%252fsentinel.txt',
      '/assets/..%252f..%252fsentinel.txt',
      '/assets/%2e%2e%2fsentinel.txt%00.js',
    ];
    for (const path of variants) {
      const reply = await raw(mode.bridge.port, path, 'GET', { Host: host });
      expect(reply.body, path).not.toContain('SQLite format');
      expect(reply.body, path).not.toContain(sentinel);
      expect([400, 404], path).toContain(reply.status);
    }
    // The sentinel is reachable by its real name, so the assertions above would see it if a traversal worked.
    expect(readFileSync(join(staticDir, '..', 'sentinel.txt'), 'utf8')).toBe(sentinel);
  });

  it('rejects malformed JSON and unknown endpoints clearly', async () => {
    expect((await raw(mode.bridge.port, '/api/invoke/auth.status', 'POST', auth(), '{not json')).status).toBe(400);
    expect((await raw(mode.bridge.port, '/api/other', 'POST', auth(), '{}')).status).toBe(404);
    const unknown = await raw(mode.bridge.port, '/api/invoke/fs.read', 'POST', auth(), '{}');
    expect(decodeWire(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('pushes session events to the tab that owns the session', async () => {
    const key = 'events-client-key-0123456789';
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: loopbackHost, port: mode.bridge.port, path: '/api/events', method: 'GET', headers: { ...auth(), 'X-Dalel-Client': key } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes('event: session.changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await raw(mode.bridge.port, '/api/invoke/auth.login', 'POST', { ...auth(), 'X-Dalel-Client': key }, encodeWire({ username: 'admin', password }));
    const text = await received;
    expect(text).toContain('"username":"admin"');
  });
});
