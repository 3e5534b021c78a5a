import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventChannel, EventOf } from '../contract/index.ts';
import { decodeWire, encodeWire } from '../contract/wire.ts';
import { securityHeaders } from '../security-policy.ts';
import type { Dispatcher } from '../services/dispatcher.ts';
import { badInput } from '../services/errors.ts';
import type { UploadStore } from '../services/uploads.ts';
import { readStaticFile } from './static-files.ts';

/** The only address browser mode listens on: the bridge must never be reachable from another machine. */
export const loopbackHost = '127.0.0.1';

/** Header that carries the per-launch token (a header, never a cookie, so other sites cannot ride on it). */
export const tokenHeader = 'authorization';
/** Header that identifies one browser tab's session among the token holder's tabs. */
export const clientHeader = 'x-dalel-client';
/** Header naming an uploaded file (percent-encoded), so that a refusal can name it. */
export const fileNameHeader = 'x-dalel-file-name';

/** JSON request bodies above this are refused: files go through the upload endpoint, never inside JSON. */
export const defaultMaxJsonBytes = 4 * 1024 * 1024;
/** Event streams one client (browser tab) may hold open at once; a new one closes the oldest. */
export const defaultMaxStreamsPerClient = 4;
/** Event streams all holders of the launch token may hold open at once; a new one closes the oldest. */
export const defaultMaxStreams = 32;

/** Settings of the loopback bridge. */
export interface WebBridgeOptions {
  readonly dispatcher: Dispatcher;
  /** The built renderer (index.html and assets). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Where streamed uploads are staged (the workstation's), with the upload size limit. */
  readonly uploads: UploadStore;
  /** Largest JSON request body accepted. */
  readonly maxJsonBytes?: number;
  /** Event-stream caps, per client and in all. */
  readonly maxStreamsPerClient?: number;
  readonly maxStreams?: number;
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

/**
 * Answers without reading the rest of the request body, then closes the connection: the client cannot keep the
 * server busy (or fill its memory) with a body it was told will not be accepted.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(JSON.stringify(body), () => req.socket.destroySoon());
  req.pause();
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
}

/** A declared Content-Length, or null when absent or malformed (chunked bodies are counted as they arrive). */
function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function uploadName(req: IncomingMessage): string {
  const raw = req.headers[fileNameHeader];
  if (typeof raw !== 'string' || raw === '') return 'the uploaded file';
  try {
    return decodeURIComponent(raw).slice(0, 255);
  } catch {
    return 'the uploaded file';
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The JSON body as text, or null as soon as it passes the limit (nothing more is read then). */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // destroyOnReturn: false, so that stopping early leaves the socket open for the 413 answer.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
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
  const maxJson = options.maxJsonBytes ?? defaultMaxJsonBytes;
  const maxStreamsPerClient = options.maxStreamsPerClient ?? defaultMaxStreamsPerClient;
  const maxStreams = options.maxStreams ?? defaultMaxStreams;
  const uploads = options.uploads;
  const streams = new Map<string, Set<ServerResponse>>();
  /** Every open stream, oldest first (a Set keeps insertion order). */
  const allStreams = new Set<ServerResponse>();
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
    if (path === '/api/upload' && req.method === 'POST') return receiveUpload(clientKey, req, res);
    const match = /^\/api\/invoke\/([A-Za-z.]+)$/.exec(path);
    if (!match || req.method !== 'POST') return send(res, 404, JSON.stringify({ error: 'no such endpoint' }));
    const tooLarge = { error: `The request is larger than ${mebibytes(maxJson)}; files are sent to /api/upload, not inside JSON.` };
    if ((declaredLength(req) ?? 0) > maxJson) return refuseBody(req, res, 413, tooLarge);
    const body = await readJsonBody(req, maxJson);
    if (body === null) return refuseBody(req, res, 413, tooLarge);
    let payload: unknown;
    try {
      payload = decodeWire(body === '' ? '{}' : body);
    } catch {
      return send(res, 400, JSON.stringify({ error: 'malformed JSON' }));
    }
    const result = await options.dispatcher.invoke(clientKey, match[1], payload);
    send(res, 200, encodeWire(result));
  }

  /**
   * `POST /api/upload`: streams the raw body to a staged file while hashing it and answers `{ upload, size, sha256 }`;
   * the id then stands for the file in a request (`{ upload: id }`). A body past the intake limit is refused with 413
   * naming the file, from its Content-Length before anything is read, or as soon as the count passes the limit.
   */
  async function receiveUpload(clientKey: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = uploadName(req);
    const refuse = (size: number) => {
      const error = badInput(name, 'too-large', `the file is larger than the limit of ${uploads.maxBytes} bytes`, { size, limit: uploads.maxBytes });
      refuseBody(req, res, 413, { error: error.message, refusal: error.toInfo() });
    };
    const declared = declaredLength(req);
    if (declared !== null && declared > uploads.maxBytes) return refuse(declared);
    let outcome;
    try {
      outcome = await uploads.receive(clientKey, req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>);
    } catch (error) {
      // A client that went away mid-upload is not a fault of ours; the staged part is already removed.
      if (req.destroyed || req.readableAborted) return;
      throw error;
    }
    if (outcome.ok) return send(res, 200, JSON.stringify({ upload: outcome.id, size: outcome.size, sha256: outcome.sha256 }));
    if (outcome.reason === 'too-large') return refuse(outcome.received);
    if (outcome.reason === 'no-session') {
      return refuseBody(req, res, 403, { error: 'Log in before sending files.', refusal: { code: 'UNAUTHENTICATED', message: 'Please log in.' } });
    }
    return refuseBody(req, res, 429, { error: `Too many uploads are waiting to be used (at most ${outcome.limit}); add the files one after another.` });
  }

  /**
   * Opens a server-sent event stream. Streams are capped per client and in all; a new stream closes the oldest one
   * rather than being refused, because the oldest is the likeliest to be dead (a reloaded tab whose connection the
   * server has not yet seen close), while refusing would lock a live tab out until the dead ones time out.
   */
  function openEventStream(clientKey: string, res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const set = streams.get(clientKey) ?? new Set<ServerResponse>();
    if (set.size >= maxStreamsPerClient) closeStream([...set][0]);
    if (allStreams.size >= maxStreams) closeStream([...allStreams][0]);
    set.add(res);
    allStreams.add(res);
    streams.set(clientKey, set);
    res.on('close', () => {
      set.delete(res);
      allStreams.delete(res);
      if (set.size === 0 && streams.get(clientKey) === set) streams.delete(clientKey);
    });
  }

  function closeStream(res: ServerResponse | undefined): void {
    if (!res) return;
    allStreams.delete(res);
    for (const set of streams.values()) set.delete(res);
    res.end();
    res.socket?.destroy();
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
