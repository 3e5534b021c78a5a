import { existsSync } from 'node:fs';

/** True, after printing that `suite` is skipped, when its folder ../shared/data/FOLDER (`dir`) is not beside the checkout. */
export function sharedDataMissing(dir: string, suite: string, folder: string): boolean {
  if (existsSync(dir)) return false;
  console.log(`${suite} bench skipped: ../shared/data/${folder} is not present beside this checkout`);
  return true;
}
