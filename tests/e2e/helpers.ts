import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Where the e2e screenshots go, relative to the repository root. */
export const screenshotDir = join(process.cwd(), 'test-results', 'e2e');

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

/** Empties the screenshot folder and returns a function saving `NN-step.png` in order (of `page`, or another one). */
export function screenshotter(page: Page): (step: string, target?: Page) => Promise<void> {
  rmSync(screenshotDir, { recursive: true, force: true });
  mkdirSync(screenshotDir, { recursive: true });
  let n = 0;
  return async (step, target = page) => {
    n += 1;
    await target.screenshot({ path: join(screenshotDir, `${String(n).padStart(2, '0')}-${step}.png`), fullPage: true });
  };
}
