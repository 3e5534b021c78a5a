import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The parts of electron-builder.yml the assertions read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer?: string };
  win: { target: string[] };
  mac: { target: string[] };
  extraMetadata?: { main?: string };
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const text = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
const config = parse(text) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

// electron-builder's own validator (the same JSON schema and checks `electron-builder` runs before packaging).
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => {} };

describe('electron-builder.yml', () => {
  it('passes electron-builder 26’s own schema validation', async () => {
    await expect(validateConfiguration(parse(text), quietLogger)).resolves.toBeUndefined();
  });

  it('is not accepted by that validator when a fuse name is misspelt (the check has teeth)', async () => {
    const broken = parse(text) as BuilderConfig;
    broken.electronFuses.runAsnode = false;
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow();
  });

  it('names the app', () => {
    expect(config.appId).toBe('kz.dalel.workstation');
    expect(config.productName).toBe('Dalel');
  });

  it('targets AppImage and deb on Linux, NSIS on Windows and DMG on macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(['Office', 'Utility']).toContain(config.linux.category);
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the built code, the built renderer and package.json into an asar with the SQLite addon unpacked', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'renderer/dist/**/*', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('.node'))).toBe(true);
  });

  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('starts the compiled main process and ships the bundled preload the main process loads', () => {
    const main = config.extraMetadata?.main ?? packageJson.main;
    expect(main).toBe('dist/main/electron/main.js');
    expect(packageJson.scripts['build:main']).toContain('scripts/build-preload.mjs');
    expect(readFileSync(join(repoRoot, 'scripts', 'build-preload.mjs'), 'utf8')).toContain('dist/preload.cjs');
    expect(readFileSync(join(repoRoot, 'main', 'electron', 'main.ts'), 'utf8')).toContain("'dist', 'preload.cjs'");
  });
});
