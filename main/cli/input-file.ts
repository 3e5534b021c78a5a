/** Reading a file named on the command line, with the intake size limit and a refusal that names the file. */
import { readFileSync, statSync } from 'node:fs';
import { DalelError } from '../services/errors.ts';
import { defaultIntakeLimits } from '../services/intake/sniff.ts';

/** Reads a file's bytes (at most maxBytes, by default the evidence intake limit), refusing unreadable or oversized files by name before loading them. */
export function readInputFile(file: string, maxBytes: number = defaultIntakeLimits.maxBytes): Uint8Array {
  try {
    const size = statSync(file).size;
    if (size > maxBytes) throw new Error(`${size} bytes, over the ${maxBytes}-byte limit`);
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new DalelError('BAD_INPUT', `${file}: cannot be read (${(error as Error).message})`, { file, reasonCode: 'unreadable' });
  }
}
