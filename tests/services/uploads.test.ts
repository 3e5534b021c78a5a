import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../main/services/intake/evidence-store.ts';
import { bytesOf, UploadStore } from '../../main/services/uploads.ts';
import { tempDir } from '../helpers/workstation.ts';

async function* body(...pieces: string[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield new TextEncoder().encode(piece);
}

describe('UploadStore', () => {
  const temp = tempDir();
  const dir = join(temp.dir, 'uploads');
  afterEach(() => new UploadStore(dir, { maxBytes: 1 }).close());
  afterAll(() => temp.cleanup());

  it('hashes while streaming to disk, hands an upload over once, to its own client only', async () => {
    const store = new UploadStore(dir, { maxBytes: 100 });
    const outcome = await store.receive('client-a', body('hello ', 'world'));
    expect(outcome).toEqual({ ok: true, id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), size: 11, sha256: sha256Hex(new TextEncoder().encode('hello world')) });
    if (!outcome.ok) return;
    expect(() => store.take('client-b', outcome.id, 'a.txt')).toThrow(/no longer available/);
    expect(new TextDecoder().decode(bytesOf(store, 'client-a', 'a.txt', { upload: outcome.id }))).toBe('hello world');
    expect(readdirSync(dir)).toEqual([]);
    expect(() => store.take('client-a', outcome.id, 'a.txt')).toThrow(/no longer available/);
  });

  it('removes uploads nobody used in time, and refuses more than the pending cap', async () => {
    const store = new UploadStore(dir, { maxBytes: 100, ttlMs: 1000, maxPendingPerClient: 2 });
    const first = await store.receive('c', body('1'));
    await store.receive('c', body('2'));
    expect(await store.receive('c', body('3'))).toEqual({ ok: false, reason: 'too-many', limit: 2 });
    expect(readdirSync(dir)).toHaveLength(2);
    store.sweep(Date.now() + 2000);
    expect(readdirSync(dir)).toEqual([]);
    if (first.ok) expect(() => store.take('c', first.id, 'x')).toThrow(/no longer available/);
  });

  it('stops at the limit and when the body fails, leaving no file; refuses clients without a session', async () => {
    const store = new UploadStore(dir, { maxBytes: 8, hasSession: (key) => key !== 'stranger' });
    expect(await store.receive('c', body('12345', '67890', 'never read'))).toEqual({ ok: false, reason: 'too-large', received: 10, limit: 8 });
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1, 2]);
      throw new Error('connection reset');
    }
    await expect(store.receive('c', failing())).rejects.toThrow('connection reset');
    expect(await store.receive('stranger', body('x'))).toEqual({ ok: false, reason: 'no-session' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('empties its folder when it opens (files left by a crash)', async () => {
    const store = new UploadStore(dir, { maxBytes: 100 });
    const kept = await store.receive('c', body('left behind'));
    expect(kept.ok && existsSync(join(dir, `${kept.id}.part`)) && readFileSync(join(dir, `${kept.id}.part`), 'utf8')).toBe('left behind');
    new UploadStore(dir, { maxBytes: 100 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
