import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, or why there is none. Mirrors node_modules/electron/index.js without calling it: requiring
 * 'electron' from Node starts a download when the binary is missing, which hangs or fails offline.
 */
export function findElectronBinary(): { path: string } | { why: string } {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { why: 'the electron npm package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { why: `the Electron binary was never downloaded (${pathFile} is missing; the download needs internet access)` };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? { path: executable } : { why: `the Electron binary ${executable} does not exist` };
}
