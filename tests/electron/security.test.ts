import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addSecurityHeaders,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  installSecurityHooks,
  preventForeignNavigation,
  withSecurityHeaders,
} from '../../main/electron/security.ts';
import { contentSecurityPolicy } from '../../main/security-policy.ts';
import { app, FakeSession, FakeWebContents, repoRoot } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

function preventable() {
  return { preventDefault: vi.fn() };
}

describe('navigation guard', () => {
  it.each(['https://evil.example', 'https://evil.example/app://dalel/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/', 'app://dalel@evil.example/', 'javascript:alert(1)'])(
    'prevents navigation to %s',
    (url) => {
      const event = preventable();
      preventForeignNavigation(event, url);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    },
  );

  it.each(['app://dalel/x', 'app://dalel/index.html#/cases'])('allows navigation within the app to %s', (url) => {
    const event = preventable();
    preventForeignNavigation(event, url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents('app://dalel/index.html', new FakeSession());
    hardenWebContents(contents as unknown as WebContents);
  });

  it.each(['will-navigate', 'will-redirect'])('%s: prevents https://evil.example and allows app://dalel/x', (name) => {
    const evil = preventable();
    contents.emit(name, evil, 'https://evil.example');
    expect(evil.preventDefault).toHaveBeenCalledTimes(1);
    const own = preventable();
    contents.emit(name, own, 'app://dalel/x');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('will-frame-navigate: prevents a frame from leaving app://dalel, like will-navigate', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const details = { ...preventable(), url, isMainFrame: false };
      contents.emit('will-frame-navigate', details);
      expect(details.preventDefault, url).toHaveBeenCalledTimes(1);
    }
    const own = { ...preventable(), url: 'app://dalel/index.html#/cases', isMainFrame: true };
    contents.emit('will-frame-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open, even of an app URL', () => {
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of ['https://evil.example/', 'app://dalel/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(denyWindowOpen({ url: 'https://x.example' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> attachment', () => {
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('cancels the Bluetooth device chooser instead of letting Electron pick the first device', () => {
    const event = preventable();
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'a' }], callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });

  it('hardens the webContents session', () => {
    expect(contents.session.permissionRequestHandler).toBe(denyPermissionRequest);
    expect(contents.session.headersListener).toBe(addSecurityHeaders);
  });
});

describe('session hardening', () => {
  let ses: FakeSession;
  beforeEach(() => {
    ses = new FakeSession();
    hardenSession(ses as unknown as Session);
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies the permission request %s',
    (permission) => {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers false to every permission check and device permission', () => {
    expect(ses.permissionCheckHandler!({}, 'media', 'app://dalel', {})).toBe(false);
    expect(denyPermissionCheck()).toBe(false);
    expect(ses.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('installs its handlers once per session', () => {
    hardenSession(ses as unknown as Session);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
  });

  it('onHeadersReceived adds the CSP and replaces a weaker one in any letter case', () => {
    const callback = vi.fn();
    ses.headersListener!(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'X-Other': ['kept'] } },
      callback,
    );
    const { responseHeaders } = callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> };
    expect(responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(responseHeaders['content-security-policy']).toBeUndefined();
    expect(responseHeaders['X-Other']).toEqual(['kept']);
    expect(responseHeaders['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('adds the CSP when a response had no headers at all', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
  });
});

describe('installSecurityHooks', () => {
  it('hardens every webContents created from then on', () => {
    installSecurityHooks();
    const contents = new FakeWebContents('app://dalel/', new FakeSession());
    app.emit('web-contents-created', {}, contents);
    const event = preventable();
    contents.emit('will-navigate', event, 'https://evil.example');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });
});

describe('main/electron source rules', () => {
  const dir = join(repoRoot, 'main', 'electron');
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

  it('never uses file:// or loadFile', () => {
    for (const { name, text } of sources) {
      expect(code(text), name).not.toMatch(/file:\/\/|loadFile\s*\(/);
    }
  });

  it('never imports shell (so shell.openExternal cannot be reached)', () => {
    for (const { name, text } of sources) {
      expect(code(text), name).not.toMatch(/\bshell\b/);
    }
  });

  it('touches ipcMain only in ipc.ts and ipcRenderer only in preload.ts', () => {
    const users = (word: string) => sources.filter(({ text }) => new RegExp(`\\b${word}\\b`).test(code(text))).map(({ name }) => name);
    expect(users('ipcMain')).toEqual(['ipc.ts']);
    expect(users('ipcRenderer')).toEqual(['preload.ts']);
  });

  it('disables no security default anywhere', () => {
    for (const { name, text } of sources) {
      const source = code(text);
      expect(source, name).not.toMatch(/(contextIsolation|sandbox|webSecurity):\s*false/);
      expect(source, name).not.toMatch(/(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag|bypassCSP):\s*true/);
      expect(source, name).not.toMatch(/enableBlinkFeatures|disableBlinkFeatures|ELECTRON_DISABLE_SECURITY_WARNINGS/);
    }
    expect(relative(repoRoot, dir)).toBe(join('main', 'electron'));
  });
});
