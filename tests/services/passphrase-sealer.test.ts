import { describe, expect, it } from 'vitest';
import { DalelError } from '../../main/services/errors.ts';
import { createPassphraseSealer, defaultSealerScryptParams } from '../../main/services/passphrase-sealer.ts';
import { thrownBy } from '../helpers/thrown.ts';

/** Cheap scrypt so the suite stays fast; one test below uses the production cost. */
const fast = { N: 1024, r: 8, p: 1 } as const;
const secret = new Uint8Array(64).map((_, i) => (i * 37) & 0xff);
/** Byte offsets in format version 1: magic(4) version(1) cost(3) salt(16) nonce(12) check(16), then body and tag(16). */
const layout = { version: 4, log2N: 5, salt: 8, nonce: 24, check: 36, body: 52 } as const;

const failure = (run: () => unknown): DalelError => thrownBy(DalelError, run);

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
}

describe('passphrase sealer', () => {
  const sealer = createPassphraseSealer('correct horse battery staple', fast);
  const sealed = sealer.seal(secret);

  it('round-trips bytes, including an empty secret, and never contains the plaintext', () => {
    expect(sealer.open(sealed)).toEqual(secret);
    expect(sealer.open(sealer.seal(new Uint8Array()))).toEqual(new Uint8Array());
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(sealed.length).toBe(layout.body + secret.length + 16);
  });

  it('writes a versioned header and uses a fresh salt and nonce for every seal', () => {
    expect(Buffer.from(sealed.subarray(0, 4)).toString('ascii')).toBe('DLPS');
    expect(sealed[layout.version]).toBe(1);
    expect(sealed[layout.log2N]).toBe(10);
    const again = sealer.seal(secret);
    expect(Buffer.from(again.subarray(layout.salt, layout.nonce))).not.toEqual(Buffer.from(sealed.subarray(layout.salt, layout.nonce)));
    expect(Buffer.from(again.subarray(layout.nonce, layout.check))).not.toEqual(Buffer.from(sealed.subarray(layout.nonce, layout.check)));
  });

  it('opens with another sealer holding the same passphrase (the cost travels in the header)', () => {
    expect(createPassphraseSealer('correct horse battery staple', { N: 2048, r: 8, p: 1 }).open(sealed)).toEqual(secret);
  });

  it('says "wrong passphrase" for a wrong passphrase', () => {
    const error = failure(() => createPassphraseSealer('correct horse battery stapler', fast).open(sealed));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toMatch(/Wrong passphrase/);
  });

  it('normalises the passphrase (NFC), so the same word typed on another keyboard still opens', () => {
    const composed = createPassphraseSealer('qazaq tili \u00e9', fast);
    const decomposed = createPassphraseSealer('qazaq tili e\u0301', fast);
    expect(decomposed.open(composed.seal(secret))).toEqual(secret);
  });

  it.each([
    ['a ciphertext byte', layout.body + 3],
    ['the authentication tag', layout.body + secret.length + 5],
    ['the nonce', layout.nonce + 1],
  ])('detects tampering with %s', (_what, at) => {
    const error = failure(() => sealer.open(flipped(sealed, at)));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.params.reasonCode).toBe('sealed-tampered');
    expect(error.message).toMatch(/altered or damaged/);
  });

  it('detects tampering with the salt or key check (reported as wrong passphrase or altered header)', () => {
    for (const at of [layout.salt, layout.check]) {
      const error = failure(() => sealer.open(flipped(sealed, at)));
      expect(error.code).toBe('INVALID_CREDENTIALS');
      expect(error.message).toMatch(/header has been altered/);
    }
  });

  it('refuses data that is not a sealed secret, a truncated one, or an unknown version', () => {
    expect(failure(() => sealer.open(new TextEncoder().encode('just some text that is long enough to pass the length check'))).params.reasonCode).toBe('not-sealed');
    expect(failure(() => sealer.open(sealed.subarray(0, 40))).params.reasonCode).toBe('not-sealed');
    const future = sealed.slice();
    future[layout.version] = 2;
    expect(failure(() => sealer.open(future)).params.reasonCode).toBe('sealed-version');
  });

  it('refuses a forged header asking for an absurd scrypt cost before spending any memory on it', () => {
    const forged = sealed.slice();
    forged[layout.log2N] = 40;
    expect(failure(() => sealer.open(forged)).code).toBe('VALIDATION');
  });

  it('refuses an empty passphrase and out-of-range costs at creation', () => {
    expect(failure(() => createPassphraseSealer('', fast)).code).toBe('VALIDATION');
    expect(failure(() => createPassphraseSealer('x', { N: 1000, r: 8, p: 1 })).code).toBe('VALIDATION');
  });

  it('round-trips at the production cost', () => {
    expect(defaultSealerScryptParams).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const strong = createPassphraseSealer('a production passphrase');
    expect(strong.open(strong.seal(secret))).toEqual(secret);
  });
});
