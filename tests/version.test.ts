import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../main/services/paths.ts';
import { appVersion } from '../core/version.ts';

describe('project metadata', () => {
  it('keeps the app version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; name: string; bin: Record<string, string> };
    expect(appVersion).toBe(pkg.version);
    expect(pkg.name).toBe('dalel');
    expect(Object.keys(pkg.bin)).toEqual(['dalel']);
  });

  it('puts the data folder where the OS keeps user data, unless DALEL_DATA_DIR says otherwise', () => {
    expect(defaultDataDir({ DALEL_DATA_DIR: '/srv/dalel' }, 'linux')).toBe('/srv/dalel');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/Dalel');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming[\\/]Dalel$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Dalel$/);
  });
});
