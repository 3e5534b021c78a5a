/**
 * The Electron entry point: one sandboxed window on app://dalel, the workstation's services in this process, and the
 * typed IPC bridge between them. Everything security-related lives in the modules it wires together.
 */
import { join } from 'node:path';
import { app, dialog, safeStorage, session, type BrowserWindow } from 'electron';
import type { NamedSealer } from '../services/audit/keyring.ts';
import { openWorkstation, type Workstation } from '../services/workstation.ts';
import { installApplicationMenu } from './app-menu.ts';
import { createKeystoreSealer, keystoreRefusal } from './keystore.ts';
import { clientKeyOf, registerContractHandlers, sendEvent } from './ipc.ts';
import { installAppProtocol, registerAppScheme } from './protocol.ts';
import { hardenSession, installSecurityHooks } from './security.ts';
import { utilityProcessRunner } from './utility-runner.ts';
import { createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;
let workstation: Workstation | null = null;

/** Tells the window about its own session changes (login, logout, lock), which the renderer's routing follows. */
function pushSession(ws: Workstation, clientKey: string): void {
  const window = mainWindow;
  if (!window || window.isDestroyed() || clientKeyOf(window.webContents) !== clientKey) return;
  const current = ws.sessions.peek(clientKey);
  sendEvent(window.webContents, 'session.changed', { session: current ? ws.sessions.info(current) : null });
}

function openMainWindow(ws: Workstation): void {
  // app.getAppPath() is the folder (or app.asar) holding package.json, in development and when packaged alike.
  const window = createMainWindow(join(app.getAppPath(), 'dist', 'preload.cjs'), { packaged: app.isPackaged });
  const clientKey = clientKeyOf(window.webContents);
  // A closed window logs its user out: a new window must not inherit a session it did not open.
  window.webContents.once('destroyed', () => ws.sessions.close(clientKey));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

/**
 * The OS keystore seals the audit signing key when one is usable; otherwise (no keyring on Linux) the key stays
 * locked until an administrator or clerk unlocks it with a passphrase, and the reason is logged.
 */
function osKeySealer(): NamedSealer | undefined {
  const refusal = keystoreRefusal(safeStorage, process.platform);
  if (refusal) {
    console.warn(`[dalel] audit signing key: ${refusal} The key can be unlocked with a passphrase instead.`);
    return undefined;
  }
  return { kind: 'os-keystore', sealer: createKeystoreSealer() };
}

function start(): void {
  installAppProtocol(join(app.getAppPath(), 'renderer', 'dist'));
  installApplicationMenu(app.isPackaged);
  hardenSession(session.defaultSession);
  const dataDir = process.env.DALEL_DATA_DIR || app.getPath('userData');
  const ws = openWorkstation({
    dataDir,
    onSessionChanged: (clientKey) => pushSession(ws, clientKey),
    onExportProgress: (clientKey, done, total) => {
      const window = mainWindow;
      if (window && !window.isDestroyed() && clientKeyOf(window.webContents) === clientKey) sendEvent(window.webContents, 'audit.exportProgress', { done, total });
    },
    onVerifyProgress: (clientKey, done, total) => {
      const window = mainWindow;
      if (window && !window.isDestroyed() && clientKeyOf(window.webContents) === clientKey) sendEvent(window.webContents, 'audit.verifyProgress', { done, total });
    },
    onAnalysisProgress: (clientKey, event) => {
      const window = mainWindow;
      if (window && !window.isDestroyed() && clientKeyOf(window.webContents) === clientKey) sendEvent(window.webContents, 'analysis.progress', event);
    },
    onDocumentProgress: (clientKey, event) => {
      const window = mainWindow;
      if (window && !window.isDestroyed() && clientKeyOf(window.webContents) === clientKey) sendEvent(window.webContents, 'documents.progress', event);
    },
    keySealer: osKeySealer(),
    analysisRunner: utilityProcessRunner(),
    periodicCheckpoints: true,
  });
  workstation = ws;
  registerContractHandlers(ws.dispatcher, () => mainWindow);
  openMainWindow(ws);
}

function failedToStart(error: unknown): void {
  console.error('[dalel] startup failed:', error);
  dialog.showErrorBox('Dalel could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

// These three must happen before 'ready': Electron ignores sandbox and scheme privileges set later.
app.enableSandbox();
registerAppScheme();
installSecurityHooks();

// One process per data folder: the database, the evidence store and the sessions assume a single owner.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && workstation) openMainWindow(workstation);
  });
  app.on('will-quit', () => {
    workstation?.close();
    workstation = null;
  });
  app.whenReady().then(start).catch(failedToStart);
}
