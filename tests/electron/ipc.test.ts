import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Result } from '../../main/contract/index.ts';
import { clientKeyOf, registerContractHandlers, sendEvent, type MainWindowLike } from '../../main/electron/ipc.ts';
import { eventChannel, invokeChannel } from '../../main/electron/ipc-channels.ts';
import type { Dispatcher } from '../../main/services/dispatcher.ts';
import { password, testWorkstation } from '../helpers/workstation.ts';
import { FakeFrame, FakeWebContents, ipcMain } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

interface FakeWindow {
  webContents: FakeWebContents;
  destroyed: boolean;
  isDestroyed(): boolean;
}

function fakeWindow(): FakeWindow {
  return {
    webContents: new FakeWebContents('app://dalel/index.html'),
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
  };
}

describe('registerContractHandlers', () => {
  let env: ReturnType<typeof testWorkstation>;
  let window: FakeWindow | null;
  let invokeSpy: Mock<Dispatcher['invoke']>;
  let unregister: () => void;

  function call(event: { sender: FakeWebContents; senderFrame: FakeFrame | null }, channel: unknown, payload: unknown): Promise<Result<unknown>> {
    const handler = ipcMain.handlers.get(invokeChannel);
    if (!handler) throw new Error('no handler registered');
    return handler(event, channel, payload) as Promise<Result<unknown>>;
  }

  function fromMainFrame(payloadWindow: FakeWindow = window!) {
    return { sender: payloadWindow.webContents, senderFrame: payloadWindow.webContents.mainFrame };
  }

  function expectForbidden(result: Result<unknown>): void {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    expect(invokeSpy).not.toHaveBeenCalled();
  }

  beforeEach(() => {
    env = testWorkstation();
    window = fakeWindow();
    const dispatcher = env.ws.dispatcher;
    invokeSpy = vi.fn<Dispatcher['invoke']>((key, channel, payload) => dispatcher.invoke(key, channel, payload));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    unregister = registerContractHandlers({ invoke: invokeSpy }, () => window as unknown as MainWindowLike | null);
  });
  afterEach(() => {
    unregister();
    env.dispose();
    vi.restoreAllMocks();
  });

  it('registers one handler, on dalel:invoke, and removes it again', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['dalel:invoke']);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = registerContractHandlers({ invoke: invokeSpy }, () => null);
  });

  it('accepts the main frame of the main window on app://dalel and calls the real dispatcher (auth.status)', async () => {
    const result = await call(fromMainFrame(), 'auth.status', {});
    expect(result).toEqual({ ok: true, value: { needsSetup: true, session: null } });
    expect(invokeSpy).toHaveBeenCalledWith(`ipc-${window!.webContents.id}`, 'auth.status', {});
  });

  it('accepts a frame object that is not identical but has the main frame’s process and routing ids', async () => {
    const top = window!.webContents.mainFrame;
    const same = new FakeFrame(top.url, null, top.processId, top.routingId);
    const result = await call({ sender: window!.webContents, senderFrame: same }, 'auth.status', {});
    expect(result.ok).toBe(true);
  });

  it('rejects a sub-frame of the main window, even one on app://dalel', async () => {
    const top = window!.webContents.mainFrame;
    const child = new FakeFrame('app://dalel/index.html', top, top.processId, top.routingId + 1);
    expectForbidden(await call({ sender: window!.webContents, senderFrame: child }, 'auth.status', {}));
  });

  it('rejects the main frame when it shows a foreign URL', async () => {
    window!.webContents.mainFrame.url = 'https://evil.example/';
    const result = await call(fromMainFrame(), 'auth.status', {});
    expectForbidden(result);
    if (!result.ok) expect(result.error.params?.reason).toContain('https://evil.example/');
  });

  it.each(['file:///tmp/index.html', 'app://other/index.html', 'http://127.0.0.1:5173/'])('rejects a main frame on %s', async (url) => {
    window!.webContents.mainFrame.url = url;
    expectForbidden(await call(fromMainFrame(), 'auth.status', {}));
  });

  it('rejects an event whose frame is gone (senderFrame null)', async () => {
    expectForbidden(await call({ sender: window!.webContents, senderFrame: null }, 'auth.status', {}));
  });

  it('rejects another webContents, even one showing app://dalel', async () => {
    const other = fakeWindow();
    expectForbidden(await call(fromMainFrame(other), 'auth.status', {}));
  });

  it('rejects every call when there is no main window or it is destroyed', async () => {
    const event = fromMainFrame();
    window!.destroyed = true;
    expectForbidden(await call(event, 'auth.status', {}));
    window = null;
    expectForbidden(await call(event, 'auth.status', {}));
  });

  it('leaves payload validation, unknown channels and roles to the dispatcher', async () => {
    const bad = await call(fromMainFrame(), 'auth.login', { username: 'x', password: 'y', extra: 1 });
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    const unknown = await call(fromMainFrame(), 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.ok === false && unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const anonymous = await call(fromMainFrame(), 'users.list', {});
    expect(anonymous.ok === false && anonymous.error.code).toBe('UNAUTHENTICATED');
  });

  it('keys sessions by webContents: the window that logged in has the session', async () => {
    const setup = await call(fromMainFrame(), 'auth.setupAdmin', { username: 'admin', displayName: 'Admin', password });
    expect(setup.ok).toBe(true);
    const status = await call(fromMainFrame(), 'auth.status', {});
    expect(status.ok && (status.value as { session: unknown }).session).toBeTruthy();
    expect(env.ws.sessions.peek(clientKeyOf(window!.webContents))).not.toBeNull();
    // A new window (a new webContents) does not inherit it.
    window = fakeWindow();
    const fresh = await call(fromMainFrame(), 'auth.status', {});
    expect(fresh).toEqual({ ok: true, value: { needsSetup: false, session: null } });
  });
});

describe('sendEvent', () => {
  it('sends a contract event on dalel:event', () => {
    const contents = new FakeWebContents();
    sendEvent(contents, 'session.changed', { session: null });
    expect(contents.send).toHaveBeenCalledWith(eventChannel, 'session.changed', { session: null });
  });

  it('skips a destroyed webContents', () => {
    const contents = new FakeWebContents();
    contents.destroy();
    sendEvent(contents, 'session.changed', { session: null });
    expect(contents.send).not.toHaveBeenCalled();
  });
});
