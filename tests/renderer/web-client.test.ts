import { describe, expect, it, vi } from 'vitest';
import { decodeWire, encodeWire } from '../../main/contract/wire.ts';
import { BridgeError } from '../../renderer/src/api/bridge-error.ts';
import { createWebApi } from '../../renderer/src/api/client.ts';
import { SseParser, type ServerSentEvent } from '../../renderer/src/api/event-stream.ts';
import { base64Url, takeLaunchToken, tabClientKey, type CredentialEnvironment } from '../../renderer/src/api/web-credentials.ts';

function memoryEnvironment(hash: string): CredentialEnvironment & { replaced: string[]; store: Map<string, string> } {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  return {
    store,
    replaced,
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)) },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    random: { getRandomValues: <T extends ArrayBufferView | null>(array: T) => crypto.getRandomValues(array as Uint8Array) as unknown as T },
  };
}

describe('launch token and client key', () => {
  it('takes the token from the fragment, keeps it for this tab and clears the address bar', () => {
    const env = memoryEnvironment('#token=abc_DEF-123');
    expect(takeLaunchToken(env)).toBe('abc_DEF-123');
    expect(env.replaced).toEqual(['/']);
    expect(env.store.get('dalel.launchToken')).toBe('abc_DEF-123');
    // After the reload the fragment is gone, the stored token is used.
    const reloaded = { ...env, location: { hash: '', pathname: '/', search: '' } };
    expect(takeLaunchToken(reloaded)).toBe('abc_DEF-123');
  });

  it('has no token when neither the address nor the tab holds one', () => {
    expect(takeLaunchToken(memoryEnvironment(''))).toBeNull();
  });

  it('creates a random base64url client key of at least 22 characters, once per tab', () => {
    const env = memoryEnvironment('');
    const key = tabClientKey(env);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22,128}$/);
    expect(tabClientKey(env)).toBe(key);
    expect(tabClientKey(memoryEnvironment(''))).not.toBe(key);
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });
});

describe('SseParser', () => {
  it('parses events split across chunks, with CRLF, comments and multi-line data', () => {
    const events: ServerSentEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    for (const chunk of [': connected\n\nevent: session.cha', 'nged\r', '\ndata: {"a":1}\r\n\r', '\ndata: x\ndata: y\n', '\n']) parser.push(chunk);
    expect(events).toEqual([
      { event: 'session.changed', data: '{"a":1}' },
      { event: 'message', data: 'x\ny' },
    ]);
  });
});

function response(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

describe('createWebApi', () => {
  it('streams a file to /api/upload as raw bytes and sends only its reference in the request', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const fetchMock = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url) === '/api/upload' ? response(JSON.stringify({ upload: 'AAAAAAAAAAAAAAAAAAAAAA', size: 7, sha256: 'x' })) : response(encodeWire({ ok: true, value: 'stored' })),
    );
    const api = createWebApi({ token: 'tok', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const caseId = '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f';
    await api.invoke('evidence.add', { caseId, fileName: 'Сурет 1.png', bytes });
    const [uploadUrl, uploadInit] = fetchMock.mock.calls[0]!;
    expect(uploadUrl).toBe('/api/upload');
    expect(uploadInit?.headers).toMatchObject({ Authorization: 'Bearer tok', 'X-Dalel-Client': 'client-key-0123456789abc', 'X-Dalel-File-Name': encodeURIComponent('Сурет 1.png') });
    expect(new Uint8Array(await new Response(uploadInit?.body).arrayBuffer())).toEqual(bytes);
    const [invokeUrl, invokeInit] = fetchMock.mock.calls[1]!;
    expect(invokeUrl).toBe('/api/invoke/evidence.add');
    expect(JSON.parse(String(invokeInit?.body))).toEqual({ caseId, fileName: 'Сурет 1.png', bytes: { upload: 'AAAAAAAAAAAAAAAAAAAAAA' } });
  });

  it('turns an upload refused as too large into the service error result, without calling the channel', async () => {
    const refusal = { code: 'BAD_INPUT', message: 'big.tif: the file is larger than the limit', params: { file: 'big.tif', reasonCode: 'too-large', size: 5, limit: 4 } };
    const fetchMock = vi.fn(async () => response(JSON.stringify({ error: refusal.message, refusal }), 413));
    const api = createWebApi({ token: 'tok', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const result = await api.invoke('evidence.add', { caseId: '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f', fileName: 'big.tif', bytes: new Uint8Array(5) });
    expect(result).toEqual({ ok: false, error: refusal });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('posts the wire-encoded payload with the token and client key and decodes the envelope', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      response(encodeWire({ ok: true, value: { png: bytes } })),
    );
    const api = createWebApi({ token: 'tok', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const result = await api.invoke('evidence.thumbnail', { evidenceId: '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f' });
    expect(result).toEqual({ ok: true, value: { png: bytes } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/invoke/evidence.thumbnail');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok', 'X-Dalel-Client': 'client-key-0123456789abc' });
    expect(decodeWire(String(init?.body))).toEqual({ evidenceId: '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f' });
  });

  it('passes error results through for a file sent by upload (request bytes no longer travel as {$bytes})', async () => {
    const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url) === '/api/upload') return response(JSON.stringify({ upload: 'BBBBBBBBBBBBBBBBBBBBBB', size: 3, sha256: 'x' }));
      expect(String(init?.body)).not.toContain('$bytes');
      return response(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'x.png: truncated', params: { file: 'x.png', reasonCode: 'truncated' } } }));
    });
    const api = createWebApi({ token: 't', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const caseId = '5b1d6c9e-2f7a-4c1e-9d3b-0a1b2c3d4e5f';
    const result = await api.invoke('evidence.add', { caseId, fileName: 'x.png', bytes: new Uint8Array([1, 2, 3]) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params).toEqual({ file: 'x.png', reasonCode: 'truncated' });
  });

  it('rejects with a BridgeError when the bridge refuses the token', async () => {
    const fetchMock = vi.fn(async () => response(JSON.stringify({ error: 'missing or wrong launch token' }), 401));
    const api = createWebApi({ token: 'bad', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const failure = await api.invoke('auth.status', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BridgeError);
    expect((failure as BridgeError).status).toBe(401);
    expect((failure as BridgeError).message).toBe('missing or wrong launch token');
  });

  it('reads session.changed events from the authenticated event stream and closes it with the last listener', async () => {
    const session = { user: { id: 'u', username: 'expert1', displayName: 'E', role: 'expert', disabled: false, createdAt: '2026-01-01T00:00:00.000Z' }, locked: true, idleLockMs: 600000 };
    let aborted: AbortSignal | undefined;
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      aborted = init?.signal ?? undefined;
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(': connected\n\nevent: session.changed\ndata: '));
          controller.enqueue(encoder.encode(`${encodeWire({ session })}\n\n`));
          // Stay open like a real stream until aborted.
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    const api = createWebApi({ token: 'tok', clientKey: 'client-key-0123456789abc', fetch: fetchMock as typeof fetch });
    const received = new Promise<unknown>((resolve) => {
      const off = api.on('session.changed', (payload) => {
        off();
        resolve(payload);
      });
    });
    expect(await received).toEqual({ session });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/events');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok' });
    expect(aborted?.aborted).toBe(true);
  });
});
