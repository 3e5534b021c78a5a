import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { defaultStaticDir, startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { liveView } from '../helpers/live-view.ts';
import { chromiumArgs, recordProblems } from './helpers.ts';

/**
 * Cheap scrypt for accounts and for sealing the signing key, so that account creation, login and key creation stay
 * fast; production parameters are tested in the service tests.
 */
export const cheapScrypt = { N: 1024, r: 8, p: 1 } as const;

/** Where a suite's screenshots and downloads go, relative to the repository root: test-results/e2e-SUITE (no suite: e2e). */
export function outDirOf(suite?: string): string {
  return join(process.cwd(), 'test-results', suite ? `e2e-${suite}` : 'e2e');
}

/** True when a command is on the PATH. */
export function have(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The browser-mode workstation a suite drives, and its temporary data folder. */
export interface ServedWorkstation {
  readonly mode: BrowserMode;
  readonly dataDir: string;
}

/**
 * Starts browser mode on a fresh data folder (dalel-e2e-SUITE-…) before the file's tests and closes it and removes the
 * folder after them; with `when` false (a suite that skips) it starts nothing. Throws when the renderer is not built.
 */
export function useBrowserMode(suite: string, when = true): ServedWorkstation {
  let started: ServedWorkstation | undefined;
  beforeAll(async () => {
    if (!when) return;
    if (!existsSync(join(defaultStaticDir, 'index.html'))) {
      throw new Error(`${defaultStaticDir} has no index.html: build the renderer first (npm run test:e2e does: npm run build:renderer)`);
    }
    const dataDir = mkdtempSync(join(tmpdir(), `dalel-e2e-${suite}-`));
    try {
      started = { dataDir, mode: await startBrowserMode({ dataDir, port: 0, scryptParams: cheapScrypt, sealerScryptParams: cheapScrypt }) };
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  });
  afterAll(async () => {
    await started?.mode.close();
    if (started) rmSync(started.dataDir, { recursive: true, force: true });
  });
  const served = (): ServedWorkstation => {
    if (!started) throw new Error('the e2e workstation is not started (read it inside a test, not at load time)');
    return started;
  };
  return liveView(served, ['mode', 'dataDir']);
}

/** How a suite's Chromium page is opened and where its screenshots go. */
export interface ChromiumOptions {
  /** The Chromium binary (findChromium().path). */
  readonly executablePath: string | null;
  /** Emptied before the browser starts; screenshots are saved there as NN-name.png. */
  readonly outDir: string;
  /** The page's context: locale, viewport, downloads; motion is always reduced. */
  readonly context: BrowserContextOptions;
  /** Whether a shot takes the whole page (true) or the viewport only, unless the call says otherwise. */
  readonly fullPage: boolean;
  /** Scroll to the top before a full-page shot: a scrolled page's sticky top bar is painted where the viewport was. */
  readonly fromTop?: boolean;
}

/** Saves the next numbered screenshot `NN-name.png` of the suite's page, or of `target`. */
export type Shot = (name: string, fullPage?: boolean, target?: Page) => Promise<void>;

/** A suite's browser, its page, the page's errors (the tests expect none) and its screenshot function. */
export interface ChromiumPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly problems: string[];
  readonly shot: Shot;
  /** How many screenshots `shot` has saved so far. */
  readonly taken: number;
}

/**
 * Launches Chromium with a fresh temporary profile and opens one page before the describe block's tests (call it
 * inside the block), and closes the browser after them.
 */
export function useChromium(options: ChromiumOptions): ChromiumPage {
  let opened: { browser: Browser; page: Page; problems: string[] } | undefined;
  let step = 0;
  beforeAll(async () => {
    rmSync(options.outDir, { recursive: true, force: true });
    mkdirSync(options.outDir, { recursive: true });
    // chromium.launch() gives the browser a fresh temporary profile (user-data-dir), removed when it closes.
    const browser = await chromium.launch({ executablePath: options.executablePath ?? undefined, args: [...chromiumArgs] });
    // Reduced motion: the app then turns MUI's animations off, so screenshots never catch a dialog half faded in.
    const context = await browser.newContext({ ...options.context, reducedMotion: 'reduce' });
    const page = await context.newPage();
    opened = { browser, page, problems: recordProblems(page) };
  });
  afterAll(async () => {
    await opened?.browser.close();
  });
  const current = () => {
    if (!opened) throw new Error('the e2e browser is not open (read it inside a test, not at load time)');
    return opened;
  };
  const shot: Shot = async (name, fullPage = options.fullPage, target = current().page) => {
    step += 1;
    if (fullPage && options.fromTop) await target.evaluate(() => window.scrollTo(0, 0));
    await target.screenshot({ path: join(options.outDir, `${String(step).padStart(2, '0')}-${name}.png`), fullPage });
  };
  // `shot` is a plain property: suites take it apart at load time, before the browser is open.
  const view = liveView<Omit<ChromiumPage, 'shot'>>(() => ({ ...current(), taken: step }), ['browser', 'page', 'problems', 'taken']);
  return Object.assign(view, { shot });
}
