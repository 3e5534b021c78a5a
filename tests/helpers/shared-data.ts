import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-data folder beside the project (`../shared/data`), or null when this checkout has none. */
export const sharedDataDir: string | null = (() => {
  const dir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  return existsSync(dir) ? dir : null;
})();

/** Prints why real-data tests are skipped, so a skip is never silent. */
export function announceSkipIfMissing(suite: string): void {
  if (!sharedDataDir) console.log(`[${suite}] skipped: ../shared/data is not present beside this checkout (real-data tests need it).`);
}
