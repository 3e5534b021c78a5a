import { homedir } from 'node:os';
import { join } from 'node:path';

/** The application's folder name inside the OS user-data location (as Electron's `app.getPath('userData')`). */
export const appFolderName = 'Dalel';

/**
 * The data folder: `DALEL_DATA_DIR` when set, otherwise the OS user-data folder (XDG config on Linux, Application
 * Support on macOS, %APPDATA% on Windows), matching where Electron keeps the same app's data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DALEL_DATA_DIR) return env.DALEL_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}
