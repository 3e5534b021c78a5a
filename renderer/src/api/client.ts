import {
  isEventChannel,
  type DalelApi,
  type ErrorInfo,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '../../../main/contract/index.ts';
import { decodeWire, encodeWire } from '../../../main/contract/wire.ts';
import { BridgeError } from './bridge-error.ts';
import { SseParser } from './event-stream.ts';
import { takeLaunchToken, tabClientKey } from './web-credentials.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly api?: DalelApi;
  }
}

/** Settings of the web-bridge client. */
export interface WebApiOptions {
  readonly token: string;
  readonly clientKey: string;
  /** Origin of the bridge; '' means the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** First reconnection delay of the event stream; it doubles up to ten seconds. */
  readonly retryMs?: number;
}

type Listener = (payload: never) => void;

function bridgeMessage(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `HTTP ${status}`;
}

/** What the upload endpoint answers: the reference to use in the request, or the service's refusal (413). */
type UploadAnswer = { readonly upload: string } | { readonly refusal: ErrorInfo };

function isRefusal(value: unknown): value is { refusal: ErrorInfo } {
  const refusal = (value as { refusal?: { code?: unknown } } | null)?.refusal;
  return typeof refusal === 'object' && refusal !== null && typeof refusal.code === 'string';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The `DalelApi` over the loopback web bridge: `POST /api/invoke/<channel>` with the launch token and the tab's client
 * key (files first streamed to `POST /api/upload` and sent by reference), and one `GET /api/events` stream (read with fetch, since EventSource cannot send headers) shared by all
 * listeners, opened with the first listener, closed with the last, and reopened after a dropped connection.
 * Bridge failures (wrong token, network) reject with a BridgeError; service errors resolve as error results.
 */
export function createWebApi(options: WebApiOptions): DalelApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const firstRetry = options.retryMs ?? 500;
  const headers = { Authorization: `Bearer ${options.token}`, 'X-Dalel-Client': options.clientKey };
  const listeners = new Map<EventChannel, Set<Listener>>();
  let stream: AbortController | null = null;

  function deliver(name: string, data: string): void {
    if (!isEventChannel(name)) return;
    const payload = decodeWire(data) as never;
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
  }

  /** Streams one file to `POST /api/upload`: raw bytes, never inside JSON. */
  async function upload(fileName: string, bytes: Uint8Array): Promise<UploadAnswer> {
    const response = await doFetch(`${base}/api/upload`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/octet-stream', 'X-Dalel-File-Name': encodeURIComponent(fileName) },
      // The bytes as they are (no copy); the contract's bytes are always backed by a plain ArrayBuffer.
      body: bytes as Uint8Array<ArrayBuffer>,
      cache: 'no-store',
    });
    const text = await response.text();
    if (response.ok) return { upload: (JSON.parse(text) as { upload: string }).upload };
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: reported by status below.
    }
    if (isRefusal(body)) return { refusal: body.refusal };
    throw new BridgeError(response.status, bridgeMessage(text, response.status));
  }

  /**
   * Replaces every file (a top-level byte array) in a request by the reference of its streamed upload; the contract
   * accepts either (`fileBody`). A refusal (a file over the size limit) comes back as the service's error result.
   */
  async function withUploads(payload: unknown): Promise<{ payload: unknown } | { refusal: ErrorInfo }> {
    if (typeof payload !== 'object' || payload === null) return { payload };
    const fields = Object.entries(payload as Record<string, unknown>);
    if (!fields.some(([, value]) => value instanceof Uint8Array)) return { payload };
    const name = (payload as { fileName?: unknown }).fileName;
    const out: Record<string, unknown> = {};
    for (const [key, value] of fields) {
      if (!(value instanceof Uint8Array)) {
        out[key] = value;
        continue;
      }
      const answer = await upload(typeof name === 'string' ? name : key, value);
      if ('refusal' in answer) return answer;
      out[key] = { upload: answer.upload };
    }
    return { payload: out };
  }

  async function readStream(signal: AbortSignal): Promise<void> {
    let delay = firstRetry;
    while (!signal.aborted) {
      try {
        const response = await doFetch(`${base}/api/events`, { headers, signal, cache: 'no-store' });
        if (response.status === 401 || response.status === 400) {
          // A wrong token will not become right by retrying; requests will report it to the user.
          console.error(`[dalel] event stream refused: ${bridgeMessage(await response.text(), response.status)}`);
          return;
        }
        if (!response.ok || !response.body) throw new BridgeError(response.status, 'event stream unavailable');
        delay = firstRetry;
        const parser = new SseParser((event) => deliver(event.event, event.data));
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch (error) {
        if (signal.aborted) return;
        console.warn('[dalel] event stream interrupted, reconnecting:', error);
      }
      await sleep(delay, signal);
      delay = Math.min(delay * 2, 10_000);
    }
  }

  return {
    async invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      const prepared = await withUploads(payload);
      if ('refusal' in prepared) return { ok: false, error: prepared.refusal };
      const response = await doFetch(`${base}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: encodeWire(prepared.payload),
        cache: 'no-store',
      });
      const text = await response.text();
      if (!response.ok) throw new BridgeError(response.status, bridgeMessage(text, response.status));
      return decodeWire(text) as Result<ResponseOf<C>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      if (!stream) {
        stream = new AbortController();
        void readStream(stream.signal);
      }
      return () => {
        set.delete(listener as Listener);
        if (set.size === 0) listeners.delete(event);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}

/** How the interface reaches the services: Electron's preload API, the web bridge, or nothing (no launch token). */
export type Connection = { readonly kind: 'electron' | 'web'; readonly api: DalelApi } | { readonly kind: 'no-token' };

/** Picks the transport: `window.api` under Electron, otherwise the web bridge with the launch token from the address. */
export function connect(): Connection {
  if (window.api) return { kind: 'electron', api: window.api };
  const token = takeLaunchToken();
  if (!token) return { kind: 'no-token' };
  return { kind: 'web', api: createWebApi({ token, clientKey: tabClientKey() }) };
}
