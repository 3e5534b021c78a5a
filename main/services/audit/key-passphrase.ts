import { readFileSync } from 'node:fs';
import { DalelError } from '../errors.ts';
import { createPassphraseSealer } from '../passphrase-sealer.ts';
import type { NamedSealer } from './keyring.ts';

/**
 * The audit key's passphrase sealer from `DALEL_KEY_PASSPHRASE_FILE` (a file readable only by the service account),
 * for unattended browser mode and the CLI; undefined when the variable is unset. Never from a plain variable, whose
 * value other processes of the user can read.
 */
export function passphraseSealerFromEnv(env: NodeJS.ProcessEnv = process.env): NamedSealer | undefined {
  const file = env.DALEL_KEY_PASSPHRASE_FILE;
  if (!file) return undefined;
  let passphrase: string;
  try {
    passphrase = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: the key passphrase file cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
  return { kind: 'passphrase', sealer: createPassphraseSealer(passphrase) };
}
