import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appSchemePrivileges,
  installAppProtocol,
  isAppUrl,
  registerAppScheme,
  serveAppRequest,
} from '../../main/electron/protocol.ts';
import { contentSecurityPolicy, securityHeaders } from '../../main/security-policy.ts';
import { tempDir } from '../helpers/workstation.ts';
import { protocol } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
}

describe('app:// scheme privileges', () => {
  it('is standard, secure and fetch-capable, and never bypasses CSP', () => {
    expect(appSchemePrivileges.scheme).toBe('app');
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false });
    expect(appSchemePrivileges.privileges?.allowServiceWorkers).not.toBe(true);
  });

  it('registers exactly that scheme as privileged', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appSchemePrivileges]);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://dalel/', true],
    ['app://dalel/index.html', true],
    ['app://dalel/cases/1?x=2#y', true],
    ['app://dalel', false],
    ['app://other/index.html', false],
    ['app://dalel.evil.example/', false],
    ['app://dalel@evil.example/', false],
    ['app://user:pw@dalel/', false],
    ['app://dalel:8080/', false],
    ['https://dalel/', false],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('serveAppRequest', () => {
  let root: ReturnType<typeof tempDir>;
  let rendererDir: string;
  beforeAll(() => {
    root = tempDir('dalel-protocol-');
    rendererDir = join(root.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dalel</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(root.dir, 'secret.txt'), 'TOP SECRET');
  });
  afterAll(() => root.cleanup());

  it('serves index.html with the CSP and every security header', async () => {
    const response = await serveAppRequest(rendererDir, new Request('app://dalel/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<title>Dalel</title>');
  });

  it('serves assets with their content type and falls back to index.html for client routes', async () => {
    const asset = await serveAppRequest(rendererDir, new Request('app://dalel/assets/app.js'));
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(asset);
    const route = await serveAppRequest(rendererDir, new Request('app://dalel/cases/42'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Dalel</title>');
  });

  it.each(['app://other/index.html', 'app://dalel.evil/index.html', 'app://dalel:8080/index.html'])(
    'answers 404 (with the CSP) for the foreign host %s',
    async (url) => {
      const response = await serveAppRequest(rendererDir, new Request(url));
      expect(response.status).toBe(404);
      expectSecurityHeaders(response);
    },
  );

  it('answers 404 with the CSP for a missing asset', async () => {
    const response = await serveAppRequest(rendererDir, new Request('app://dalel/assets/missing.js'));
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(rendererDir, new Request('app://dalel/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await serveAppRequest(rendererDir, new Request(`app://dalel${path}`));
      expect(await response.text()).not.toContain('TOP SECRET');
    }
  });

  it('installAppProtocol registers a handler for app: that serves the renderer folder', async () => {
    installAppProtocol(rendererDir);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://dalel/'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });
});
