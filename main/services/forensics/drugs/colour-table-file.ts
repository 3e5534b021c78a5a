/**
 * The shipped colour table (assets/drugs/colour-tests.csv: NIJ Standard-0604.01 Table 1 with CIELAB values; sources in
 * colour-tests.SOURCES.md beside it), found from the source tree or the built tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DalelError } from '../../errors.ts';

/** The table's text, file name and SHA-256. */
export interface ColourTableFile {
  readonly file: string;
  readonly text: string;
  readonly sha256: string;
}

let cached: ColourTableFile | null = null;

/** Reads the shipped table once. */
export function shippedColourTable(): ColourTableFile {
  if (cached) return cached;
  const candidates = ['../../../../', '../../../../../'].map((up) => fileURLToPath(new URL(`${up}assets/drugs/colour-tests.csv`, import.meta.url)));
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new DalelError('INTERNAL', 'the shipped colour table assets/drugs/colour-tests.csv is missing from this installation');
  const text = readFileSync(path, 'utf8');
  cached = { file: 'colour-tests.csv', text, sha256: createHash('sha256').update(text).digest('hex') };
  return cached;
}
