/**
 * The app:// scheme that serves the built renderer. A custom scheme instead of file:// keeps the renderer an
 * ordinary origin (app://dalel) with no access to the file system (Electron security checklist #18).
 */
import { protocol, type CustomScheme } from 'electron';
import { securityHeaders } from '../security-policy.ts';
import { readStaticFile } from '../web/static-files.ts';

/** The scheme the renderer is served from. */
export const appScheme = 'app';
/** The only host the scheme answers for. */
export const appHost = 'dalel';
/** The renderer's origin; every IPC sender and navigation target must belong to it. */
export const appOrigin = `${appScheme}://${appHost}`;
/** The page the main window opens. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Privileges of app://: standard (a real origin, relative URLs, localStorage), secure (like https, so no mixed-content
 * downgrade) and fetch support for assets. Never bypassCSP: the page's CSP must apply to it like to any other page.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** Declares app:// as privileged; Electron accepts this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

/** True when a URL belongs to the renderer's own origin (app://dalel, no credentials, no port). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    url.startsWith(`${appOrigin}/`)
  );
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-cache' },
  });
}

/** Answers one app:// request from the built renderer folder; every answer, errors included, carries the CSP. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (!isAppUrl(request.url)) return respond(404, 'not found', 'text/plain; charset=utf-8');
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'method not allowed', 'text/plain; charset=utf-8');
  const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return respond(404, 'not found', 'text/plain; charset=utf-8');
  return respond(200, request.method === 'HEAD' ? null : new Uint8Array(file.body), file.contentType);
}

/** Serves app:// from the built renderer; call once the app is ready. */
export function installAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request));
}
