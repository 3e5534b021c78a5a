/**
 * Drives the real Electron app with Playwright's `_electron`, where an Electron binary exists. On a machine without
 * one (the npm package installs without it and the download needs the internet) the test is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/electron-binary.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

const electron = findElectronBinary();
if ('why' in electron) console.log(`[e2e] Electron test skipped: ${electron.why}.`);

/** Compiles the main process and bundles the preload, as `npm run build:main` does. */
function buildMain(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.main.json'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-preload.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

describe.skipIf(!('path' in electron))('Electron app', () => {
  let app: ElectronApplication;
  let dataDir: string;

  beforeAll(async () => {
    if (!('path' in electron)) return;
    if (!existsSync(join(repoRoot, 'renderer', 'dist', 'index.html'))) {
      throw new Error('renderer/dist is missing: run `npm run build:renderer` first (npm run test:e2e does).');
    }
    buildMain();
    dataDir = mkdtempSync(join(tmpdir(), 'dalel-electron-e2e-'));
    // Chromium's OS sandbox cannot start as root (containers); the renderer's own sandbox: true is unaffected.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath: electron.path,
      args: [...rootOnly, repoRoot],
      env: { ...process.env, DALEL_DATA_DIR: dataDir },
      timeout: 60_000,
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window on app://dalel showing the first-run setup form', async () => {
    const page = await app.firstWindow();
    await page.waitForSelector('[data-testid="setup-form"]', { timeout: 30_000 });
    expect(page.url().startsWith('app://dalel/')).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('gives the page window.api and no Node', async () => {
    const page = await app.firstWindow();
    const globals = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = scope.api as Record<string, unknown> | undefined;
      return { require: typeof scope.require, process: typeof scope.process, invoke: typeof api?.invoke, on: typeof api?.on };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', invoke: 'function', on: 'function' });
  });

  it('refuses window.open and navigation away from app://dalel', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.open('https://evil.example/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://dalel/')).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('answers contract calls through the preload', async () => {
    const page = await app.firstWindow();
    const status = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: { invoke(channel: string, payload: unknown): Promise<unknown> } }).api;
      return api.invoke('auth.status', {});
    });
    expect(status).toEqual({ ok: true, value: { needsSetup: true, session: null } });
  });
});
