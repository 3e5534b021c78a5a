/**
 * Hardening applied to every webContents and session the app creates: no navigation away from app://dalel, no new
 * windows, no <webview>, no permissions, and the CSP on every response. shell is deliberately not imported: nothing
 * in this app opens links in the system browser, so untrusted content can never reach shell.openExternal.
 */
import { app, type HandlerDetails, type Session, type WebContents } from 'electron';
import { securityHeaders } from '../security-policy.ts';
import { isAppUrl } from './protocol.ts';

/** The part of an Electron event these handlers use, so that tests can pass a plain object. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** Response headers as webRequest hands them over. */
export type ResponseHeaders = Record<string, string[]>;

function shown(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

/** will-navigate / will-redirect / will-frame-navigate: lets a frame move only within app://dalel. */
export function preventForeignNavigation(event: PreventableEvent, url: string): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  console.warn(`[dalel] blocked navigation to ${shown(url)}`);
}

/** setWindowOpenHandler: the app has exactly one window, so every window.open and target=_blank is refused. */
export function denyWindowOpen(details: Pick<HandlerDetails, 'url'>): { action: 'deny' } {
  console.warn(`[dalel] blocked window.open of ${shown(details.url)}`);
  return { action: 'deny' };
}

/** will-attach-webview: webviewTag is off already; this refuses one even if a future change turned it on. */
export function preventWebviewAttach(event: PreventableEvent): void {
  event.preventDefault();
  console.warn('[dalel] blocked a <webview>');
}

/** Session permission requests (camera, notifications, geolocation...): none is ever granted. */
export function denyPermissionRequest(_webContents: unknown, permission: string, callback: (granted: boolean) => void): void {
  console.warn(`[dalel] denied permission request: ${permission}`);
  callback(false);
}

/** Session permission checks: the synchronous twin of the request handler, also always no. */
export function denyPermissionCheck(): false {
  return false;
}

/** select-bluetooth-device: Electron would pick the first device by itself unless the choice is cancelled. */
export function cancelBluetoothChooser(event: PreventableEvent, _devices: unknown, callback: (deviceId: string) => void): void {
  event.preventDefault();
  callback('');
}

/** Response headers with the app's security headers (CSP first of all) set, replacing any spelling of the same name. */
export function withSecurityHeaders(headers: ResponseHeaders | undefined): ResponseHeaders {
  const names = new Set(Object.keys(securityHeaders).map((name) => name.toLowerCase()));
  const kept = Object.entries(headers ?? {}).filter(([name]) => !names.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...Object.fromEntries(Object.entries(securityHeaders).map(([name, value]) => [name, [value]])) };
}

/** webRequest.onHeadersReceived listener: a second line of defence that puts the CSP on anything the session loads. */
export function addSecurityHeaders(
  details: { readonly responseHeaders?: ResponseHeaders },
  callback: (response: { responseHeaders: ResponseHeaders }) => void,
): void {
  callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
}

const hardenedSessions = new WeakSet<Session>();

/** Installs the deny-all permission handlers and the header hook on a session, once per session. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived(addSecurityHeaders);
}

/** Installs the navigation, window, webview and device guards on one webContents and hardens its session. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => preventForeignNavigation(event, url));
  contents.on('will-redirect', (event, url) => preventForeignNavigation(event, url));
  // will-navigate fires for the main frame only; this covers iframes (and the main frame again, harmlessly).
  contents.on('will-frame-navigate', (details) => preventForeignNavigation(details, details.url));
  contents.on('will-attach-webview', (event) => preventWebviewAttach(event));
  contents.on('select-bluetooth-device', cancelBluetoothChooser);
  contents.setWindowOpenHandler(denyWindowOpen);
  hardenSession(contents.session);
}

/** Hardens every webContents the app will ever create (windows, frames' hosts, devtools included) as it appears. */
export function installSecurityHooks(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
