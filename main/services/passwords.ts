import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters; stored with each hash so that they can be raised later without breaking old hashes. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's minimum for scrypt: N=2^17, r=8, p=1 (128 MiB and a few hundred milliseconds per login). */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const keyLength = 32;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64 parts). */
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: string; hash: string } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  return { params: { N: Number(n), r: Number(r), p: Number(p) }, salt, hash };
}

/** The cost a stored hash was made with, or null for a malformed hash. */
export function hashParams(stored: string): ScryptParams | null {
  return parse(stored)?.params ?? null;
}

/** True when a stored hash was made with a different cost than `params` (older, cheaper hashes are redone at the next login). */
export function needsRehash(stored: string, params: ScryptParams): boolean {
  const used = hashParams(stored);
  return used === null || used.N !== params.N || used.r !== params.r || used.p !== params.p;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  const key = await scrypt(password, Buffer.from(parsed.salt, 'base64'), parsed.params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
