import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestChannels } from '../../main/contract/index.ts';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from '../../main/contract/wire.ts';
import { password, seedUsers, testWorkstation } from '../helpers/workstation.ts';

describe('contract validation', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  beforeEach(async () => {
    env = testWorkstation();
    clients = await seedUsers(env.ws);
  });
  afterEach(() => env.dispose());

  const caseId = '7b0f4c8e-3a41-4b8e-9d52-6f0c2e1a9b77';
  const malformed: ReadonlyArray<[string, string, unknown]> = [
    ['cases.create', 'expert', { number: 'A-1', venue: 'Lab', caseType: 'burglary', parties: '' }],
    ['cases.create', 'expert', { number: '', venue: 'Lab', caseType: 'criminal', parties: '' }],
    ['cases.create', 'expert', { number: 'A-1', venue: 'Lab', caseType: 'criminal', parties: '', extra: 1 }],
    ['cases.create', 'expert', 'not an object'],
    ['cases.create', 'expert', null],
    ['cases.get', 'expert', { caseId: 'not-a-uuid' }],
    ['evidence.add', 'expert', { caseId, fileName: 'a.png', bytes: 'aGVsbG8=' }],
    ['evidence.add', 'expert', { caseId, fileName: '', bytes: new Uint8Array(4) }],
    ['evidence.add', 'expert', { caseId, fileName: 'x'.repeat(256), bytes: new Uint8Array(4) }],
    ['users.add', 'administrator', { username: 'new', displayName: 'N', role: 'expert', password: 'short' }],
    ['users.add', 'administrator', { username: 'new', displayName: 'N', role: 'superuser', password }],
    ['users.add', 'administrator', { username: 'a b', displayName: 'N', role: 'expert', password }],
    ['auth.reauthenticate', 'judge', { password: 42 }],
  ];

  it.each(malformed)('rejects a malformed %s payload (%s) with VALIDATION', async (channel, role, payload) => {
    const result = await env.ws.dispatcher.invoke(clients[role as keyof typeof clients], channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('rejects an unknown channel', async () => {
    const result = await env.ws.dispatcher.invoke(clients.expert, 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rejects inherited object keys as channel names', async () => {
    const result = await env.ws.dispatcher.invoke(clients.expert, 'constructor', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('accepts a well-formed payload', async () => {
    const result = await env.ws.dispatcher.invoke(clients.expert, 'cases.create', { number: 'A-1', venue: 'Lab', caseType: 'criminal', parties: 'State v. X' });
    expect(result.ok).toBe(true);
  });

  it('declares request and response schemas and an access rule for every channel', () => {
    for (const [name, spec] of Object.entries(requestChannels)) {
      expect(spec.request, name).toBeDefined();
      expect(spec.response, name).toBeDefined();
      expect(spec.access === 'public' || spec.access === 'session' || Array.isArray(spec.access), name).toBe(true);
    }
  });
});

describe('wire codec', () => {
  it('round-trips byte arrays inside payloads', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
    const decoded = decodeWire(encodeWire({ a: { bytes }, n: 1 })) as { a: { bytes: Uint8Array }; n: number };
    expect(decoded.a.bytes).toEqual(bytes);
    expect(decoded.n).toBe(1);
  });

  it('matches Node base64 for every tail length', () => {
    for (let n = 0; n < 10; n += 1) {
      const bytes = new Uint8Array(n).map((_, i) => 250 - i);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
  });

  it('refuses invalid base64', () => {
    expect(() => base64ToBytes('ab$c')).toThrow(/invalid base64/);
  });
});
