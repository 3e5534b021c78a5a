/**
 * Secret bytes sealed at rest with the operating system's keystore (Keychain, DPAPI, libsecret/KWallet) through
 * Electron's safeStorage. On Linux without a keyring, Chromium falls back to a hard-coded password ('basic_text'),
 * which would leave signing keys readable to anyone who copies the data folder: that case is refused, not tolerated.
 */
import { safeStorage } from 'electron';
import { DalelError } from '../services/errors.ts';
import type { SecretSealer } from '../services/passphrase-sealer.ts';

/** Seals and opens secret bytes at rest (the interface lives in services so that Node-only code can use it too). */
export type { SecretSealer } from '../services/passphrase-sealer.ts';

/** The safeStorage functions this module uses, so tests can hand in a fake. */
export type SafeStorageLike = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

/** Why the OS keystore cannot be used, or null when it can. */
export function keystoreRefusal(storage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    if (backend === 'unknown') return 'the OS keystore was queried before the app was ready';
    if (backend === 'basic_text') {
      return (
        'No OS keyring (gnome-libsecret or KWallet) is available, so Electron would store keys encrypted with a ' +
        'hard-coded password that anyone with the data folder can undo. Start a keyring (for example gnome-keyring ' +
        'or KWallet) or launch with --password-store=gnome-libsecret, or use the passphrase-protected CLI instead.'
      );
    }
  }
  if (!storage.isEncryptionAvailable()) return 'the OS keystore reports that encryption is not available';
  return null;
}

/**
 * A sealer backed by safeStorage; throws a user-readable DalelError when the OS keystore is missing or would only
 * pretend to protect the keys. Call after app 'ready'.
 */
export function createKeystoreSealer(storage: SafeStorageLike = safeStorage, platform: NodeJS.Platform = process.platform): SecretSealer {
  const refusal = keystoreRefusal(storage, platform);
  if (refusal !== null) {
    throw new DalelError('FORBIDDEN', `Cannot protect secret keys: ${refusal}`, { reasonCode: 'keystore-unavailable', platform });
  }
  // safeStorage takes and returns strings; base64 keeps arbitrary bytes intact through it.
  return {
    seal: (plain) => new Uint8Array(storage.encryptString(Buffer.from(plain).toString('base64'))),
    open: (sealed) => {
      let text: string;
      try {
        text = storage.decryptString(Buffer.from(sealed));
      } catch (error) {
        throw new DalelError('BAD_INPUT', 'The OS keystore could not open this secret: it was sealed by another user or machine, or is damaged.', {
          reasonCode: 'keystore-open-failed',
          cause: error instanceof Error ? error.message : String(error),
        });
      }
      return new Uint8Array(Buffer.from(text, 'base64'));
    },
  };
}
