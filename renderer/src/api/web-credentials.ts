import { bytesToBase64 } from '../../../main/contract/wire.ts';

const tokenStorageKey = 'dalel.launchToken';
const clientStorageKey = 'dalel.clientKey';
/** The same shape the bridge accepts; at least 22 characters (128 bits) are ever generated. */
const clientKeyPattern = /^[A-Za-z0-9_-]{22,128}$/;

/** The browser facilities the credentials code touches, injectable for tests. */
export interface CredentialEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly random: Pick<Crypto, 'getRandomValues'>;
}

function browserEnvironment(): CredentialEnvironment {
  return { location: window.location, history: window.history, storage: window.sessionStorage, random: window.crypto };
}

/**
 * The launch token: taken from the address fragment (`#token=…`) on first load, kept in this tab's sessionStorage so a
 * reload keeps working, and removed from the address bar at once so it is not bookmarked, shared or left on screen.
 */
export function takeLaunchToken(env: CredentialEnvironment = browserEnvironment()): string | null {
  const fragment = env.location.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(fragment).get('token');
  if (fromHash) {
    env.storage.setItem(tokenStorageKey, fromHash);
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  return env.storage.getItem(tokenStorageKey);
}

/** Base64url without padding, the alphabet the bridge's client-key check accepts. */
export function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This tab's client key (one server session per tab): random, created once, kept in sessionStorage. */
export function tabClientKey(env: CredentialEnvironment = browserEnvironment()): string {
  const existing = env.storage.getItem(clientStorageKey);
  if (existing && clientKeyPattern.test(existing)) return existing;
  const bytes = new Uint8Array(24);
  env.random.getRandomValues(bytes);
  const key = base64Url(bytes);
  env.storage.setItem(clientStorageKey, key);
  return key;
}
