/** The one application window and the web preferences that keep its renderer without Node. */
import { BrowserWindow, type WebPreferences } from 'electron';
import { appEntryUrl } from './protocol.ts';

/**
 * Web preferences for every renderer: isolated, sandboxed, no Node anywhere (frames and workers included), web
 * security on, and no webview, drag-and-drop navigation or experimental Blink features that would widen the surface.
 */
export function secureWebPreferences(preloadPath: string, options: { readonly devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    // Off in packaged builds: an operator at a court or laboratory has no use for the inspector, an attacker would.
    devTools: options.devTools ?? false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Off because Chromium's spellchecker downloads dictionaries from Google: this workstation makes no outside calls.
    spellcheck: false,
  };
}

/**
 * Creates the main window, shown once its first frame is painted so that no blank window flashes. Developer tools
 * are available only when not packaged.
 */
export function createMainWindow(preloadPath: string, options: { readonly packaged: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Dalel',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, { devTools: !options.packaged }),
  });
  window.once('ready-to-show', () => window.show());
  // A second line of defence should a shortcut or a future menu still open them.
  if (options.packaged) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    console.error(`[dalel] could not load ${appEntryUrl}:`, error);
  });
  return window;
}
