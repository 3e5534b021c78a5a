/**
 * Sealing of secret bytes (signing keys and the like) under a passphrase, for the CLI and browser mode where no OS
 * keyring is at hand. scrypt stretches the passphrase; AES-256-GCM encrypts and authenticates. The header (format,
 * version, scrypt cost, salt, nonce, key check) is authenticated too, so no field can be changed unnoticed.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { DalelError } from './errors.ts';
import type { ScryptParams } from './passwords.ts';

/** Seals and opens secret bytes at rest; implemented by the OS keystore (Electron) and by a passphrase. */
export interface SecretSealer {
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

/** scrypt cost for sealing: OWASP's recommended N=2^17, r=8, p=1 (about 128 MiB, a fraction of a second, once per unlock). */
export const defaultSealerScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const magic = Buffer.from('DLPS', 'ascii');
const version = 1;
const saltLength = 16;
const nonceLength = 12;
const checkLength = 16;
const tagLength = 16;
const headerLength = magic.length + 4 + saltLength + nonceLength + checkLength;
/** Bounds on the cost read back from a sealed blob, so a forged header cannot make us allocate gigabytes. */
const limits = { log2N: [10, 22], r: [1, 32], p: [1, 16] } as const;

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}

function costBytes(params: ScryptParams): [number, number, number] {
  const log2N = Math.log2(params.N);
  if (!within(log2N, limits.log2N) || !within(params.r, limits.r) || !within(params.p, limits.p)) {
    throw new DalelError('VALIDATION', `Unsupported scrypt cost N=${params.N}, r=${params.r}, p=${params.p}.`);
  }
  return [log2N, params.r, params.p];
}

/** The encryption key and the key-check value a passphrase gives for one salt. */
function derive(passphrase: string, salt: Uint8Array, params: ScryptParams): { key: Buffer; check: Buffer } {
  const maxmem = 256 * params.N * params.r * params.p + 1024 * 1024;
  const material = scryptSync(passphrase.normalize('NFC'), salt, 64, { N: params.N, r: params.r, p: params.p, maxmem });
  // The check value lets a wrong passphrase be told apart from a damaged blob; it comes from the half of the scrypt
  // output that is not the key, through HMAC, so it reveals nothing about the key.
  const check = createHmac('sha256', material.subarray(32)).update('dalel passphrase check v1').digest().subarray(0, checkLength);
  return { key: material.subarray(0, 32), check };
}

/** A sealer bound to one passphrase; each seal uses a fresh salt and nonce. */
export function createPassphraseSealer(passphrase: string, params: ScryptParams = defaultSealerScryptParams): SecretSealer {
  if (passphrase.length === 0) throw new DalelError('VALIDATION', 'The passphrase must not be empty.', { field: 'passphrase' });
  const cost = costBytes(params);
  return {
    seal(plain) {
      const salt = randomBytes(saltLength);
      const nonce = randomBytes(nonceLength);
      const { key, check } = derive(passphrase, salt, params);
      const header = Buffer.concat([magic, Buffer.from([version, ...cost]), salt, nonce, check]);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
      cipher.setAAD(header);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return new Uint8Array(Buffer.concat([header, body, cipher.getAuthTag()]));
    },
    open(sealed) {
      const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (blob.length < headerLength + tagLength || !blob.subarray(0, magic.length).equals(magic)) {
        throw new DalelError('BAD_INPUT', 'This is not a Dalel passphrase-sealed secret.', { reasonCode: 'not-sealed' });
      }
      const at = magic.length;
      if (blob[at] !== version) {
        throw new DalelError('BAD_INPUT', `Sealed secret format version ${blob[at]} is not supported (expected ${version}).`, {
          reasonCode: 'sealed-version',
        });
      }
      const stored: ScryptParams = { N: 2 ** blob[at + 1]!, r: blob[at + 2]!, p: blob[at + 3]! };
      costBytes(stored);
      const salt = blob.subarray(at + 4, at + 4 + saltLength);
      const nonce = blob.subarray(at + 4 + saltLength, at + 4 + saltLength + nonceLength);
      const storedCheck = blob.subarray(headerLength - checkLength, headerLength);
      const { key, check } = derive(passphrase, salt, stored);
      if (!timingSafeEqual(check, storedCheck)) {
        throw new DalelError('INVALID_CREDENTIALS', 'Wrong passphrase for the sealed secret (or its header has been altered).', { reasonCode: 'wrong-passphrase' });
      }
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
      decipher.setAAD(blob.subarray(0, headerLength));
      decipher.setAuthTag(blob.subarray(blob.length - tagLength));
      try {
        return new Uint8Array(Buffer.concat([decipher.update(blob.subarray(headerLength, blob.length - tagLength)), decipher.final()]));
      } catch {
        throw new DalelError('BAD_INPUT', 'The sealed secret has been altered or damaged: its authentication tag does not match.', {
          reasonCode: 'sealed-tampered',
        });
      }
    },
  };
}
