import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxCodeTextBytes } from '../../main/services/laws/laws-handlers.ts';
import type { Workstation } from '../../main/services/workstation.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';

describe('importing a code: files that are not one code’s text', () => {
  let ws: Workstation;
  let dispose: () => void;
  let admin: string;
  beforeAll(async () => {
    ({ ws, dispose } = testWorkstation());
    admin = (await seedUsers(ws)).administrator;
  });
  afterAll(() => dispose());

  /** The error envelope of an import (the dispatcher answers with it; it never throws across the boundary). */
  const refusal = async (fileName: string, bytes: Uint8Array) => {
    const result = await ws.dispatcher.invoke(admin, 'laws.import', { code: 'criminal', version: '2026-01-01', language: 'ru', fileName, body: bytes });
    return result.ok ? null : result.error;
  };

  it('refuses a file past the size limit before decoding it, naming the file, the size and the limit, and stores nothing', async () => {
    expect(await refusal('code.txt', new Uint8Array(maxCodeTextBytes + 1))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^code\.txt: the file is 67108865 bytes/), params: { file: 'code.txt', reasonCode: 'too-large', size: maxCodeTextBytes + 1, limit: maxCodeTextBytes } });
    expect(await call(ws, admin, 'laws.versions', { code: 'criminal' })).toEqual([]);
  });

  it('refuses a file that is not UTF-8 text, naming the file', async () => {
    expect(await refusal('code.txt', new Uint8Array([0xff, 0xfe, 0x81]))).toMatchObject({ code: 'BAD_INPUT', params: { file: 'code.txt', reasonCode: 'text-not-utf8' } });
  });
});
