import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** The flags DESIGN.md lists for a headless Chromium that talks to nothing but the page under test. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * The Chromium to drive: $DALEL_CHROMIUM when set (and then only that), else Debian's /usr/bin/chromium; null, with
 * the reason, when there is none.
 */
export function findChromium(): { readonly path: string } | { readonly path: null; readonly reason: string } {
  const chosen = process.env.DALEL_CHROMIUM;
  const candidates = chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const path = candidates.find((p) => existsSync(p));
  if (path) return { path };
  return { path: null, reason: `no Chromium binary found (looked at ${candidates.join(', ')}); install it with "apt-get install -y chromium" or set DALEL_CHROMIUM` };
}

/** A small, real RGB PNG with a deterministic pattern (a gradient with a dark square, like a marked specimen). */
export function makePng(width: number, height: number, seed = 0): Buffer {
  const png = new PNG({ width, height, colorType: 2, bitDepth: 8 });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const inSquare = x > width / 3 && x < (2 * width) / 3 && y > height / 3 && y < (2 * height) / 3;
      png.data[at] = inSquare ? 30 : (x * 255) / width;
      png.data[at + 1] = inSquare ? 30 : (y * 255) / height;
      png.data[at + 2] = (seed * 37) % 256;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

/** Lowercase hex SHA-256, as the workstation shows it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An account as the e2e tests type it in. */
export interface E2eUser {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

/** Collects page errors and console errors of `page`; the tests expect the list to stay empty. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** First run: creates the administrator from the setup form and waits for the users workspace. */
export async function setUpAdministrator(page: Page, admin: E2eUser): Promise<void> {
  await page.getByTestId('setup-form').waitFor();
  await page.getByTestId('setup-username').fill(admin.username);
  await page.getByTestId('setup-display-name').fill(admin.displayName);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-password-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('nav-users').waitFor();
}

/** As the administrator, adds an account with the given role and waits for its row. */
export async function addUser(page: Page, user: E2eUser, role: string): Promise<void> {
  await page.getByTestId('add-user-button').click();
  await page.getByTestId('add-user-username').fill(user.username);
  await page.getByTestId('add-user-display-name').fill(user.displayName);
  await page.getByTestId('add-user-role').selectOption(role);
  await page.getByTestId('add-user-password').fill(user.password);
  await page.getByTestId('add-user-password-confirm').fill(user.password);
  await page.getByTestId('add-user-submit').click();
  await page.getByTestId(`user-row-${user.username}`).waitFor();
}

/** Logs in from the login form and waits for the given workspace tab. */
export async function logIn(page: Page, user: Pick<E2eUser, 'username' | 'password'>, workspace: string): Promise<void> {
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(`nav-${workspace}`).waitFor();
}

/** Logs out and waits for the login form. */
export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await page.getByTestId('login-form').waitFor();
}

/** A case as the e2e tests type it into the new-case dialog. */
export interface E2eCase {
  readonly number: string;
  readonly venue: string;
  readonly type: string;
  readonly parties: string;
}

/**
 * Opens the new-case dialog, fills it in and submits it; `beforeSubmit` runs with the dialog filled (a screenshot).
 * The caller waits for what the new case shows.
 */
export async function createCase(page: Page, entry: E2eCase, beforeSubmit?: () => Promise<void>): Promise<void> {
  await page.getByTestId('new-case-button').click();
  await page.getByTestId('case-number').fill(entry.number);
  await page.getByTestId('case-venue').fill(entry.venue);
  await page.getByTestId('case-type').selectOption(entry.type);
  await page.getByTestId('case-parties').fill(entry.parties);
  await beforeSubmit?.();
  await page.getByTestId('new-case-submit').click();
}

/** Switches the interface language from the top bar and waits until the document says it. */
export async function switchLanguage(page: Page, language: 'kk' | 'ru' | 'en'): Promise<void> {
  await page.getByTestId('language-button').click();
  await page.getByTestId(`language-option-${language}`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Confirms the evidence kinds suggested for the files just chosen (the intake asks before storing anything). */
export async function confirmEvidenceKinds(page: Page): Promise<void> {
  await page.getByTestId('declare-kind-dialog').waitFor();
  await page.getByTestId('declare-kind-store').click();
  await page.getByTestId('declare-kind-dialog').waitFor({ state: 'detached' });
}

/**
 * Every visible element with text whose content is wider than its box (a cut label: scrollWidth > clientWidth), that
 * reaches past the window, or a table wider than its box (columns hidden behind a sideways scroll).
 */
export function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, [role="tab"], label, th, td, h1, h2, h3, h4, h5, h6, p, dt, dd, li, .MuiChip-label, .MuiInputLabel-root, .MuiFormHelperText-root, .MuiAlert-message, .MuiTypography-root';
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // The outlined input's notch repeats its label invisibly; aria-hidden parts are decoration.
      if (element.closest('.MuiOutlinedInput-notchedOutline, [aria-hidden="true"]')) continue;
      const text = element.innerText?.trim();
      if (!text) continue;
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.visibility === 'hidden') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const where = `${element.tagName.toLowerCase()}${element.dataset.testid ? `[${element.dataset.testid}]` : ''} "${text.slice(0, 60)}"`;
      if (element.scrollWidth > element.clientWidth + 1) found.push(`${where} is cut (${element.scrollWidth} > ${element.clientWidth})`);
      else if (box.right > window.innerWidth + 1 && !element.closest('.MuiTableContainer-root')) found.push(`${where} reaches past the window`);
    }
    for (const table of document.querySelectorAll<HTMLElement>('.MuiTableContainer-root')) {
      if (table.offsetParent !== null && table.scrollWidth > table.clientWidth + 1) {
        found.push(`table "${table.querySelector('th')?.innerText ?? ''}…" scrolls sideways (${table.scrollWidth} > ${table.clientWidth})`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    return found;
  });
}
