import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, secureWebPreferences } from '../../main/electron/window.ts';
import { BrowserWindow } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['devTools', false],
  ] as const)('sets %s to %s explicitly', (flag, value) => {
    expect(prefs).toHaveProperty(flag, value);
  });

  it('uses the given preload and enables nothing else (no enableBlinkFeatures, no additionalArguments)', () => {
    expect(prefs.preload).toBe('/app/dist/preload.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'preload',
        'contextIsolation',
        'sandbox',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webSecurity',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'webviewTag',
        'navigateOnDragDrop',
        'spellcheck',
        'devTools',
      ].sort(),
    );
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with the secure preferences, loads app://dalel/index.html and shows it when ready', () => {
    const window = createMainWindow('/app/dist/preload.cjs', { packaged: true }) as unknown as BrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/dist/preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://dalel/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});

describe('developer tools', () => {
  it('are off in a packaged build, and closed again should anything open them', () => {
    const window = createMainWindow('/app/dist/preload.cjs', { packaged: true }) as unknown as BrowserWindow;
    expect(window.options.webPreferences).toHaveProperty('devTools', false);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('stay available in development', () => {
    const window = createMainWindow('/app/dist/preload.cjs', { packaged: false }) as unknown as BrowserWindow;
    expect(window.options.webPreferences).toHaveProperty('devTools', true);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.closeDevTools).not.toHaveBeenCalled();
  });
});
