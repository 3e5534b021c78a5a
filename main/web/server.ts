import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventChannel, EventOf } from '../contract/index.ts';
import { decodeWire, encodeWire } from '../contract/wire.ts';
import { securityHeaders } from '../security-policy.ts';
import type { Dispatcher } from '../services/dispatcher.ts';
import { readStaticFile } from './static-files.ts';

/** The only address browser mode listens on: the bridge must never be reachable from another machine. */
export const loopbackHost = '127.0.0.1';

/** Header that carries the per-launch token (a header, never a cookie, so other sites cannot ride on it). */
export const tokenHeader = 'authorization';
/** Header that identifies one browser tab's session among the token holder's tabs. */
export const clientHeader = 'x-dalel-client';

/** Settings of the loopback bridge. */
export interface WebBridgeOptions {
  readonly dispatcher: Dispatcher;
  /** The built renderer (index.html and assets). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Largest request body accepted (base64 inflates uploads by a third). */
  readonly maxBodyBytes?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  readonly token?: string;
}

/** A running bridge. */
export interface WebBridge {
  readonly server: Server;
  readonly port: number;
  readonly token: string;
  /** The address to open, with the token in the fragment (never sent to the server, never logged by proxies). */
  readonly url: string;
  /** Pushes an event to the browser tabs of one client. */
  emit<E extends EventChannel>(clientKey: string, event: E, payload: EventOf<E>): void;
  close(): Promise<void>;
}

const clientKeyPattern = /^[A-Za-z0-9_-]{16,128}$/;

function send(res: ServerResponse, status: number, body: string | Buffer, contentType = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the renderer and the typed contract over HTTP on 127.0.0.1 only. Every /api request needs the per-launch
 * token in the Authorization header; there are no CORS headers, so other origins cannot read answers, and the Host
 * header must name the loopback address (a defence against DNS rebinding).
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? Math.ceil((1024 ** 3 * 4) / 3) + 4096;
  const streams = new Map<string, Set<ServerResponse>>();
  let port = 0;

  const hostAllowed = (host: string | undefined) => host === `${loopbackHost}:${port}` || host === `localhost:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host)) return send(res, 421, JSON.stringify({ error: 'unexpected Host header' }));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, JSON.stringify({ error: 'method not allowed' }));
      const file = await readStaticFile(options.staticDir, path);
      if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      return send(res, 200, req.method === 'HEAD' ? '' : file.body, file.contentType);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return send(res, 403, JSON.stringify({ error: 'cross-origin request refused' }));
    const auth = req.headers[tokenHeader] ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      return send(res, 401, JSON.stringify({ error: 'missing or wrong launch token' }));
    }
    const clientKey = String(req.headers[clientHeader] ?? '');
    if (!clientKeyPattern.test(clientKey)) return send(res, 400, JSON.stringify({ error: 'missing client key' }));
    if (path === '/api/events' && req.method === 'GET') return openEventStream(clientKey, res);
    const match = /^\/api\/invoke\/([A-Za-z.]+)$/.exec(path);
    if (!match || req.method !== 'POST') return send(res, 404, JSON.stringify({ error: 'no such endpoint' }));
    const body = await readBody(req, maxBody);
    if (body === null) return send(res, 413, JSON.stringify({ error: 'request too large' }));
    let payload: unknown;
    try {
      payload = decodeWire(body === '' ? '{}' : body);
    } catch {
      return send(res, 400, JSON.stringify({ error: 'malformed JSON' }));
    }
    const result = await options.dispatcher.invoke(clientKey, match[1], payload);
    send(res, 200, encodeWire(result));
  }

  function openEventStream(clientKey: string, res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const set = streams.get(clientKey) ?? new Set<ServerResponse>();
    set.add(res);
    streams.set(clientKey, set);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) streams.delete(clientKey);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[dalel] web bridge error:', error);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: 'internal error' }));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://${loopbackHost}:${port}/#token=${token}`,
    emit(clientKey, event, payload) {
      for (const res of streams.get(clientKey) ?? []) res.write(`event: ${event}\ndata: ${encodeWire(payload)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const set of streams.values()) for (const res of set) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
