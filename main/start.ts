/**
 * `npm start`: runs the desktop app when an Electron binary is present; otherwise says why and serves the same app in
 * browser mode on 127.0.0.1, printing the address with its per-launch token.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.ts';
import { passphraseSealerFromEnv } from './services/audit/key-passphrase.ts';
import { defaultDataDir } from './services/paths.ts';
import { startBrowserMode } from './web/browser-mode.ts';

async function main(): Promise<void> {
  const electron = findElectronBinary();
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if ('path' in electron && !noDisplay) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const build = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:main'], { cwd: root, stdio: 'inherit' });
    const built = await new Promise<number>((resolve) => build.on('exit', (code) => resolve(code ?? 1)));
    if (built !== 0) throw new Error('building the main process failed');
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const why = 'why' in electron ? electron.why : 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  console.log(`Electron cannot start here: ${why}. Serving browser mode instead.`);
  const mode = await startBrowserMode({ dataDir: defaultDataDir(), port: Number(process.env.DALEL_PORT ?? 0), keySealer: passphraseSealerFromEnv() });
  console.log(`Data folder: ${mode.workstation.dataDir}`);
  if (!mode.workstation.keyring.isUnlocked()) {
    console.log('The audit signing key is locked: an administrator or clerk unlocks it in the app (or set DALEL_KEY_PASSPHRASE_FILE).');
  }
  console.log(`Dalel is running at ${mode.bridge.url}`);
  const stop = () => {
    void mode.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Dalel could not start: ${(error as Error).message}`);
  process.exit(1);
});
