import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserMode } from '../../main/web/browser-mode.ts';
import { makeJpeg } from '../helpers/files.ts';
import { cheapScrypt, outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { confirmEvidenceKinds, createCase, cutText, findChromium, logIn, logOut, makePng, setUpAdministrator, sha256Hex, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the Chromium tests: ${chromiumFound.reason}`);

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };

const server = useBrowserMode('browser');

describe('web bridge boundary', () => {
  it('listens on 127.0.0.1 only and refuses API calls without the launch token', async () => {
    const address = server.mode.bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(new URL(server.mode.bridge.url).hostname).toBe('127.0.0.1');

    const endpoint = `http://127.0.0.1:${server.mode.bridge.port}/api/invoke/auth.status`;
    const clientKey = 'e2e-client-key-0123456789';
    const without = await fetch(endpoint, { method: 'POST', headers: { 'X-Dalel-Client': clientKey }, body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await fetch(endpoint, {
      method: 'POST',
      headers: { Authorization: 'Bearer not-the-token', 'X-Dalel-Client': clientKey },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(endpoint, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.mode.bridge.token}`, 'X-Dalel-Client': clientKey },
      body: '{}',
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ ok: true, value: { needsSetup: true, session: null } });
  });
});

describe.skipIf(chromiumFound.path === null)('the interface in Chromium (browser mode)', () => {
  const chromiumPage = useChromium({
    executablePath: chromiumFound.path,
    outDir: outDirOf(),
    context: { locale: 'en-US', viewport: { width: 1366, height: 768 } },
    fullPage: true,
  });
  const { shot } = chromiumPage;

  it('first run → administrator adds an expert → expert opens a case, imports evidence, reads its custody → Kazakh', async () => {
    const { page, problems } = chromiumPage;
    const byTestId = (id: string) => page.getByTestId(id);

    // 1. First run: the setup form, and the launch token gone from the address bar.
    await page.goto(server.mode.bridge.url);
    await byTestId('setup-form').waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot('first-run-setup');
    // At 800 px wide no label of the setup screen is cut, in any language.
    await page.setViewportSize({ width: 800, height: 768 });
    for (const lng of ['kk', 'ru', 'en'] as const) {
      await switchLanguage(page, lng);
      expect(await cutText(page), `${lng} setup at 800 px`).toEqual([]);
      await shot(`first-run-setup-800-${lng}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // 2. Create the administrator; Enter in the last field submits the form.
    await byTestId('setup-username').fill(admin.username);
    await byTestId('setup-display-name').fill(admin.displayName);
    await byTestId('setup-password').fill(admin.password);
    await byTestId('setup-password-confirm').fill(admin.password);
    await byTestId('setup-password-confirm').press('Enter');
    await byTestId('nav-users').waitFor();
    expect(await byTestId('nav-expert').count()).toBe(0);
    await byTestId(`user-row-${admin.username}`).waitFor();
    await shot('administrator-users');

    // 3. The administrator adds an expert.
    await byTestId('add-user-button').click();
    await byTestId('add-user-username').fill(expert.username);
    await byTestId('add-user-display-name').fill(expert.displayName);
    await byTestId('add-user-role').selectOption('expert');
    await byTestId('add-user-password').fill(expert.password);
    await byTestId('add-user-password-confirm').fill(expert.password);
    await shot('add-expert-dialog');
    await byTestId('add-user-submit').click();
    await byTestId(`user-row-${expert.username}`).waitFor();
    expect(await byTestId(`user-row-${expert.username}`).textContent()).toContain('Forensic expert');
    // Disabling and re-enabling the account round-trips; the administrator cannot disable their own account here.
    await byTestId(`user-toggle-${expert.username}`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="user-status-expert1"]')?.textContent === 'Disabled');
    await byTestId(`user-toggle-${expert.username}`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="user-status-expert1"]')?.textContent === 'Active');
    expect(await byTestId(`user-toggle-${admin.username}`).isDisabled()).toBe(true);
    await shot('expert-added');

    // 4. Log out.
    await logOut(page);
    await shot('logged-out');

    // 5. Log in as the expert: the expert workspace, and no users tab.
    await logIn(page, expert, 'expert');
    expect(await byTestId('nav-users').count()).toBe(0);
    expect(await byTestId('current-user').textContent()).toContain(expert.displayName);
    await byTestId('cases-empty').waitFor();
    await shot('expert-workspace');

    // 6. Create a case; it opens.
    const newCase = { number: '2-1234/2025', venue: 'Almaty City Forensic Laboratory', type: 'forensic-examination', parties: 'State v. Unknown (firearm discharge)' };
    await createCase(page, newCase, () => shot('new-case-dialog'));
    await byTestId('case-title').waitFor();
    expect(await byTestId('case-title').textContent()).toContain('2-1234/2025');
    await byTestId('evidence-empty').waitFor();
    await shot('case-opened');

    // 7. Import a real PNG through the hidden file input; its full SHA-256 is shown.
    const png = makePng(96, 64, 1);
    const sha = sha256Hex(png);
    await byTestId('evidence-file-input').setInputFiles({ name: 'cartridge-case-01.png', mimeType: 'image/png', buffer: png });
    await confirmEvidenceKinds(page);
    await byTestId('intake-result-added').waitFor();
    await byTestId(`evidence-row-${sha}`).waitFor();
    await page.getByText(sha, { exact: true }).first().waitFor();
    expect(await byTestId(`evidence-sha256-${sha}`).textContent()).toBe(sha);
    const row = byTestId(`evidence-row-${sha}`);
    expect(await row.textContent()).toContain('96 × 64 px');
    await row.locator('img').waitFor();
    await shot('evidence-imported');

    // 8. Its chain of custody starts with "received", and the detail view shows the whole hash.
    await byTestId(`evidence-open-${sha}`).click();
    await byTestId('custody-dialog').waitFor();
    await byTestId('custody-event-received').waitFor();
    expect(await byTestId('custody-event-received').textContent()).toContain('Received');
    expect(await byTestId('custody-event-received').textContent()).toContain(expert.username);
    expect(await byTestId('custody-sha256').textContent()).toBe(sha);
    await shot('custody');
    await page.keyboard.press('Escape');
    await byTestId('custody-dialog').waitFor({ state: 'detached' });

    // 9. Intake errors say what is wrong with each file, naming it: a truncated PNG, an empty file and a JPEG renamed
    // .png are refused (all sent through the streamed upload); the same PNG again is reported as a duplicate.
    const truncated = makePng(80, 80, 2).subarray(0, 120);
    await byTestId('evidence-file-input').setInputFiles([
      { name: 'broken-scan.png', mimeType: 'image/png', buffer: Buffer.from(truncated) },
      { name: 'empty-scan.tif', mimeType: 'image/tiff', buffer: Buffer.alloc(0) },
      { name: 'renamed-photo.png', mimeType: 'image/png', buffer: Buffer.from(makeJpeg(24, 16)) },
      { name: 'cartridge-case-01-copy.png', mimeType: 'image/png', buffer: png },
    ]);
    await confirmEvidenceKinds(page);
    await byTestId('intake-result-duplicate').waitFor();
    const failed = (name: string) => page.getByTestId('intake-result-failed').filter({ hasText: name });
    expect(await failed('broken-scan.png').textContent()).toContain('“broken-scan.png” is incomplete: the file ends before its PNG data does');
    expect(await failed('empty-scan.tif').textContent()).toContain('“empty-scan.tif” is empty: it contains no data (0 bytes).');
    expect(await failed('renamed-photo.png').textContent()).toContain(
      'The content of “renamed-photo.png” is not a PNG image although its name ends in .png: it is a JPEG image.',
    );
    expect(await byTestId('intake-result-duplicate').textContent()).toContain('cartridge-case-01-copy.png');
    expect(await page.getByTestId(/^evidence-row-/).count()).toBe(1);
    await shot('intake-errors-en');

    // 10. Switch to Kazakh: the interface (and the document language) follow.
    await byTestId('language-button').click();
    await byTestId('language-option-kk').click();
    await page.getByText('Сарапшының жұмыс орны').waitFor();
    await page.getByText('Дәлелдемелер', { exact: true }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await failed('broken-scan.png').textContent()).toContain('«broken-scan.png» файлы толық емес');
    expect(await failed('empty-scan.tif').textContent()).toContain('«empty-scan.tif» файлы бос');
    expect(await failed('renamed-photo.png').textContent()).toContain('«renamed-photo.png» файлының мазмұны PNG кескіні емес, бірақ атауы .png деп аяқталады: бұл — JPEG кескіні.');
    await shot('kazakh-intake-errors');

    // 10b. The same refusals in Russian, then back to Kazakh.
    await switchLanguage(page, 'ru');
    expect(await failed('empty-scan.tif').textContent()).toContain('Файл «empty-scan.tif» пуст');
    expect(await failed('renamed-photo.png').textContent()).toContain('Содержимое файла «renamed-photo.png» — не изображение PNG, хотя его имя оканчивается на .png: это изображение JPEG.');
    expect(await failed('broken-scan.png').textContent()).toContain('Файл «broken-scan.png» неполный');
    await shot('intake-errors-ru');
    await switchLanguage(page, 'kk');

    // 11. Dark theme; after a reload the tab keeps its session (token and client key live in sessionStorage), the
    // language and the theme (localStorage).
    await byTestId('theme-toggle').click();
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await shot('dark-theme');
    await page.reload();
    await byTestId('nav-expert').waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    expect(darkBackground).toBe('rgb(18, 20, 23)');
    await byTestId('open-case-2-1234/2025').waitFor();
    await shot('reloaded-dark-kazakh');

    // 12. The case search filters on the services' side.
    await byTestId('cases-search').fill('no-such-case');
    await byTestId('cases-empty').waitFor();
    expect(await byTestId('cases-empty').textContent()).toContain('no-such-case');
    await byTestId('cases-search').fill('Almaty');
    await byTestId('open-case-2-1234/2025').waitFor();

    expect(problems).toEqual([]);
  });

  it('locks the screen after the idle time and unlocks with the password', async () => {
    const { browser, problems } = chromiumPage;
    // A second workstation whose sessions lock after two seconds without activity.
    const lockDir = mkdtempSync(join(tmpdir(), 'dalel-e2e-lock-'));
    const quick = await startBrowserMode({
      dataDir: lockDir,
      port: 0,
      scryptParams: cheapScrypt,
      sessionPolicy: { idleLockMs: 2000, reauthValidMs: 60_000 },
    });
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    try {
      const lockPage = await context.newPage();
      lockPage.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      const byTestId = (id: string) => lockPage.getByTestId(id);
      await lockPage.goto(quick.bridge.url);
      await byTestId('setup-form').waitFor();
      // A Russian browser gets the Russian interface on first run.
      await lockPage.getByText('Настройка рабочей станции').waitFor();
      await setUpAdministrator(lockPage, admin);
      // No input for longer than idleLockMs: the client locks the screen by itself.
      await byTestId('lock-form').waitFor({ timeout: 10_000 });
      expect(await byTestId('lock-user').textContent()).toContain(admin.displayName);
      await byTestId('lock-password').fill('wrong-password-123');
      await byTestId('lock-password').press('Enter');
      await byTestId('error-alert').waitFor();
      expect(await byTestId('error-alert').textContent()).toContain('Неверное имя пользователя или пароль');
      await shot('lock-screen-wrong-password', true, lockPage);
      await byTestId('lock-password').fill(admin.password);
      await byTestId('lock-password').press('Enter');
      await byTestId('nav-users').waitFor();
      await byTestId(`user-row-${admin.username}`).waitFor();
    } finally {
      await context.close();
      await quick.close();
      rmSync(lockDir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });
});
