import { describe, expect, it, vi } from 'vitest';
import { createKeystoreSealer, keystoreRefusal, type SafeStorageLike } from '../../main/electron/keystore.ts';
import { DalelError } from '../../main/services/errors.ts';
import { safeStorage } from './fake-electron.ts';
import { thrownBy } from '../helpers/thrown.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

function storage(backend: string, available = true): SafeStorageLike {
  safeStorage.backend = backend;
  safeStorage.available = available;
  return safeStorage as unknown as SafeStorageLike;
}

const refusal = (run: () => unknown): DalelError => thrownBy(DalelError, run);

describe('keystore sealer', () => {
  it('refuses basic_text on Linux with an explanation naming the missing keyring and the hard-coded password', () => {
    const error = refusal(() => createKeystoreSealer(storage('basic_text'), 'linux'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.params.reasonCode).toBe('keystore-unavailable');
    expect(error.message).toMatch(/gnome-libsecret/);
    expect(error.message).toMatch(/KWallet/);
    expect(error.message).toMatch(/hard-coded password/);
  });

  it('refuses on Linux before ready (backend unknown) and wherever encryption is unavailable', () => {
    expect(refusal(() => createKeystoreSealer(storage('unknown'), 'linux')).message).toMatch(/before the app was ready/);
    expect(refusal(() => createKeystoreSealer(storage('gnome_libsecret', false), 'linux')).code).toBe('FORBIDDEN');
    expect(refusal(() => createKeystoreSealer(storage('basic_text', false), 'darwin')).message).toMatch(/not available/);
  });

  it.each([
    ['linux', 'gnome_libsecret'],
    ['linux', 'kwallet6'],
    ['win32', 'unknown'],
    ['darwin', 'unknown'],
  ] as const)('round-trips arbitrary bytes on %s with backend %s', (platform, backend) => {
    const sealer = createKeystoreSealer(storage(backend), platform);
    const secret = new Uint8Array(256).map((_, i) => i);
    const sealed = sealer.seal(secret);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(Buffer.from(sealed).includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    expect(sealer.open(sealed)).toEqual(secret);
    expect(safeStorage.encryptString).toHaveBeenCalled();
    expect(safeStorage.decryptString).toHaveBeenCalled();
  });

  it('only consults the Linux backend on Linux', () => {
    expect(keystoreRefusal(storage('basic_text'), 'win32')).toBeNull();
    expect(keystoreRefusal(storage('basic_text'), 'linux')).not.toBeNull();
  });

  it('turns a blob the OS keystore cannot open into a typed error', () => {
    const sealer = createKeystoreSealer(storage('gnome_libsecret'), 'linux');
    const error = refusal(() => sealer.open(new Uint8Array([1, 2, 3])));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.params.reasonCode).toBe('keystore-open-failed');
  });
});
