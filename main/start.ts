/**
 * `npm start`: runs the desktop app when an Electron binary is present; otherwise says why and serves the same app in
 * browser mode on 127.0.0.1, printing the address with its per-launch token.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './services/paths.ts';
import { startBrowserMode } from './web/browser-mode.ts';

/** Where the Electron binary is, or why there is none. */
export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package's entry exports the binary's path, and throws when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path !== 'string') return { missing: 'the electron package did not give a binary path' };
    if (!existsSync(path)) return { missing: `the Electron binary is not at ${path}` };
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      return { missing: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
    }
    return { path };
  } catch (error) {
    return { missing: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})` };
  }
}

async function main(): Promise<void> {
  const electron = findElectronBinary();
  if ('path' in electron) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const build = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:main'], { cwd: root, stdio: 'inherit' });
    const built = await new Promise<number>((resolve) => build.on('exit', (code) => resolve(code ?? 1)));
    if (built !== 0) throw new Error('building the main process failed');
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(`Electron cannot start here: ${electron.missing}. Serving browser mode instead.`);
  const mode = await startBrowserMode({ dataDir: defaultDataDir(), port: Number(process.env.DALEL_PORT ?? 0) });
  console.log(`Data folder: ${mode.workstation.dataDir}`);
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
