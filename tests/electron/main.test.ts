import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result, SessionInfo } from '../../main/contract/index.ts';
import { password, tempDir } from '../helpers/workstation.ts';
import { app, BrowserWindow, FakeSession, ipcMain, Menu, protocol, repoRoot, session } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('main process lifecycle', () => {
  const data = tempDir('dalel-main-');
  let window: BrowserWindow;

  function call(channel: string, payload: unknown): Promise<Result<unknown>> {
    const contents = window.webContents;
    return ipcMain.handlers.get('dalel:invoke')!({ sender: contents, senderFrame: contents.mainFrame }, channel, payload) as Promise<Result<unknown>>;
  }

  beforeAll(async () => {
    vi.stubEnv('DALEL_DATA_DIR', data.dir);
    await import('../../main/electron/main.ts');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    data.cleanup();
  });

  it('before ready: enables the sandbox, registers app:// as privileged and hooks web-contents-created, but opens nothing', () => {
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(ipcMain.handle).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: serves app://, hardens the default session, registers IPC and opens one hardened window', async () => {
    app.fireReady();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    window = BrowserWindow.instances[0]!;
    expect(protocol.handlers.has('app')).toBe(true);
    expect((session.defaultSession as FakeSession).permissionRequestHandler).not.toBeNull();
    expect([...ipcMain.handlers.keys()]).toEqual(['dalel:invoke']);
    expect((window.options.webPreferences as { preload: string }).preload).toBe(join(repoRoot, 'dist', 'preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://dalel/index.html');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    // Not packaged (development): Electron's default menu and the developer tools stay.
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(window.options.webPreferences).toHaveProperty('devTools', true);
  });

  it('opens the workstation in DALEL_DATA_DIR and pushes session.changed to the window on login and logout', async () => {
    const setup = await call('auth.setupAdmin', { username: 'admin', displayName: 'Administrator', password });
    expect(setup.ok).toBe(true);
    const [channel, event, payload] = window.webContents.send.mock.calls.at(-1)! as [string, string, { session: SessionInfo | null }];
    expect([channel, event]).toEqual(['dalel:event', 'session.changed']);
    expect(payload.session?.user.username).toBe('admin');
    await call('auth.logout', {});
    expect(window.webContents.send.mock.calls.at(-1)).toEqual(['dalel:event', 'session.changed', { session: null }]);
  });

  it('logs the user out when the window’s webContents is destroyed', async () => {
    await call('auth.login', { username: 'admin', password });
    window.webContents.destroy();
    const status = await call('auth.status', {});
    expect(status).toEqual({ ok: true, value: { needsSetup: false, session: null } });
  });

  it('focuses the window on a second launch and quits when all windows close (not on macOS)', () => {
    app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the workstation on quit', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    app.emit('will-quit');
    const after = await call('auth.status', {});
    expect(after.ok === false && after.error.code).toBe('INTERNAL');
    errors.mockRestore();
  });

  it('a second instance quits at once without waiting for ready', async () => {
    // A fresh copy of main.ts against the same fake electron, this time losing the single-instance lock.
    vi.resetModules();
    app.requestSingleInstanceLock.mockReturnValue(false);
    app.quit.mockClear();
    app.whenReady.mockClear();
    await import('../../main/electron/main.ts');
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('packaged: installs the minimal application menu and opens the window without developer tools', async () => {
    vi.resetModules();
    app.requestSingleInstanceLock.mockReturnValue(true);
    app.isPackaged = true;
    ipcMain.handlers.clear();
    const other = tempDir('dalel-main-packaged-');
    vi.stubEnv('DALEL_DATA_DIR', other.dir);
    const before = BrowserWindow.instances.length;
    try {
      await import('../../main/electron/main.ts');
      await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(before + 1));
      expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
      expect(BrowserWindow.instances.at(-1)!.options.webPreferences).toHaveProperty('devTools', false);
    } finally {
      app.emit('will-quit');
      app.isPackaged = false;
      other.cleanup();
    }
  });
});
