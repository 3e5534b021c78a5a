import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { addUser, confirmEvidenceKinds, createCase, findChromium, logIn, logOut, setUpAdministrator, sha256Hex, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the viewer tests: ${chromiumFound.reason}`);
announceSkipIfMissing('e2e viewer');

/** Screenshots, relative to the repository root. */
const outDir = outDirOf('viewer');
const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
const pages = ['w0030_s01_pWOZ_r01.png', 'w0030_s01_pWOZ_r02.png'] as const;
const scans = ['fadul1.1_processed.x3p', 'fadul1.2_processed.x3p'] as const;

const ready = chromiumFound.path !== null && sharedDataDir !== null;

const server = useBrowserMode('viewer', ready);

/** Fraction of a canvas's pixels that something was drawn on (opaque), and a checksum of its colours. */
async function canvasInk(page: Page, testId: string): Promise<{ drawn: number; sum: number }> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) drawn++;
      sum = (sum + data[i]! * 3 + data[i + 1]! * 5 + data[i + 2]! * 7) % 1_000_000_007;
    }
    return { drawn: drawn / (data.length / 4), sum };
  }, testId);
}

/** Pairs of the given elements whose boxes overlap (legends and labels must not). */
async function overlapping(page: Page, testIds: readonly string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const boxes = ids.map((id) => [id, document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect()] as const).filter((b): b is readonly [string, DOMRect] => b[1] !== undefined);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, p] = boxes[i]!;
        const [b, q] = boxes[j]!;
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) out.push(`${a} × ${b}`);
      }
    }
    return out;
  }, [...testIds]);
}

/** Buttons and labels inside the viewer whose text is cut (wider than their box). */
async function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="viewer-dialog"] button, [data-testid="viewer-dialog"] label, [data-testid="viewer-dialog"] h2'))
      .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow !== 'ellipsis')
      .map((e) => e.textContent ?? ''),
  );
}

describe.skipIf(!ready)('the viewer in Chromium (browser mode, real handwriting PNGs and Fadul scans)', () => {
  const chromiumPage = useChromium({
    executablePath: chromiumFound.path,
    outDir,
    context: { locale: 'en-US', viewport: { width: 1400, height: 900 } },
    fullPage: false,
  });
  const { shot } = chromiumPage;

  it('images large and side by side, a comparison followed by stage and percentage, the run in a large view, in en/ru/kk at 800 and 1400 px', async () => {
    const imageFiles = pages.map((name) => join(sharedDataDir!, 'handwriting', name));
    const scanFiles = scans.map((name) => join(sharedDataDir!, 'ballistics', name));
    const [pageA, pageB] = imageFiles.map((f) => sha256Hex(readFileSync(f))) as [string, string];
    const [scanA, scanB] = scanFiles.map((f) => sha256Hex(readFileSync(f))) as [string, string];
    const { page, problems } = chromiumPage;
    const byTestId = (id: string) => page.getByTestId(id);
    /** Ticks (or unticks) the evidence rows of the given hashes. */
    const pick = async (shas: readonly string[], on: boolean) => {
      for (const sha of shas) await (on ? byTestId(`evidence-pick-${sha}`).check() : byTestId(`evidence-pick-${sha}`).uncheck());
    };
    const closeViewer = async () => {
      await byTestId('viewer-close').click();
      await byTestId('viewer-dialog').waitFor({ state: 'detached' });
    };

    await page.goto(server.mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, expert, 'expert');
    await logOut(page);
    await logIn(page, expert, 'expert');
    await createCase(page, { number: 'V-2026/0007', venue: 'Almaty City Forensic Laboratory', type: 'forensic-examination', parties: 'State v. Unknown' });
    await byTestId('case-title').waitFor();
    await byTestId('evidence-file-input').setInputFiles([...imageFiles, ...scanFiles]);
    await confirmEvidenceKinds(page);
    for (const sha of [pageA, pageB, scanA, scanB]) await byTestId(`evidence-row-${sha}`).waitFor();

    // 1. One PNG on its own, large: drawn (not black), pan and zoom, Escape returns to the case.
    await byTestId(`evidence-pick-${pageA}`).check();
    await byTestId('evidence-view-one').click();
    await byTestId('viewer-dialog').waitFor();
    await expect.poll(() => byTestId('comparison-viewer').getAttribute('data-mode')).toBe('single');
    await page.waitForFunction(() => window.__dalelViewerPerf?.firstRenderMs != null);
    await expect.poll(async () => (await canvasInk(page, 'viewer-pane-a')).drawn).toBeGreaterThan(0.3);
    expect(await byTestId('viewer-pane-a-label').textContent()).toBe(pages[0]);
    expect(await byTestId('viewer-surface-error').count()).toBe(0);
    const single = byTestId('viewer-pane-a');
    const box = (await single.boundingBox())!;
    // Large: most of the window, the findings panel taking the rest beside it.
    expect(box.width).toBeGreaterThan(0.6 * 1400);
    expect(box.height).toBeGreaterThan(0.6 * 900);
    await shot('en-1400-image-large');
    const scale = Number(await single.getAttribute('data-scale'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -240);
    await expect.poll(async () => Number(await single.getAttribute('data-scale'))).toBeGreaterThan(scale);
    await shot('en-1400-image-large-zoomed');
    await page.keyboard.press('Escape');
    await byTestId('viewer-dialog').waitFor({ state: 'detached' });

    // 2. Both PNGs side by side: two drawn panes, each named, no "unsupported file type".
    await byTestId(`evidence-pick-${pageB}`).check();
    await byTestId('evidence-view-pair').click();
    await byTestId('viewer-pane-b').waitFor();
    await expect.poll(async () => (await canvasInk(page, 'viewer-pane-b')).drawn).toBeGreaterThan(0.3);
    expect((await canvasInk(page, 'viewer-pane-a')).drawn).toBeGreaterThan(0.3);
    expect(await byTestId('viewer-pane-a-label').textContent()).toBe(pages[0]);
    expect(await byTestId('viewer-pane-b-label').textContent()).toBe(pages[1]);
    expect(await byTestId('viewer-surface-error').count()).toBe(0);
    await shot('en-1400-images-side-by-side');
    await closeViewer();
    await pick([pageA, pageB], false);

    // 3. Compare the Fadul pair: the progress reads as a stage name and a percentage, never a stage id.
    await pick([scanA, scanB], true);
    await byTestId('evidence-compare').click();
    await byTestId('compare-dialog').waitFor();
    await byTestId('compare-start').click();
    await byTestId('compare-dialog').waitFor({ state: 'detached' });
    const runRow = page.locator('[data-testid^="analysis-run-"][data-state]').first();
    await runRow.waitFor();
    const runId = (await runRow.getAttribute('data-testid'))!.replace('analysis-run-', '');
    const seen = new Set<string>();
    while ((await byTestId(`analysis-open-${runId}`).count()) === 0) {
      const stage = byTestId(`analysis-stage-${runId}`);
      const text = (await stage.count()) > 0 ? await stage.textContent().catch(() => null) : null;
      if (text && !seen.has(text)) {
        seen.add(text);
        if (seen.size === 2) {
          await runRow.scrollIntoViewIfNeeded().catch(() => undefined);
          await shot('en-1400-comparison-progress');
        }
      }
      await page.waitForTimeout(100);
    }
    console.log(`[e2e viewer] stages seen: ${[...seen].join(' | ')}`);
    expect(seen.size).toBeGreaterThan(0);
    for (const text of seen) {
      expect(text).toMatch(/^\p{Lu}[\p{L} ]+ · \d{1,3} %$/u);
      expect(text).not.toMatch(/cmc\.|aToB|bToA/);
    }

    // 4. Open the run: a large view with the findings beside it; "Align B to A" only where it changes the picture.
    await byTestId(`analysis-open-${runId}`).click();
    await byTestId('viewer-dialog').waitFor();
    await byTestId('findings-panel').waitFor();
    await page.waitForFunction(() => window.__dalelViewerPerf?.firstRenderMs != null);
    await byTestId('viewer-cmc-count').waitFor();
    expect(await byTestId('viewer-pane-a-label').textContent()).toBe(scans[0]);
    expect(await byTestId('viewer-pane-b-label').textContent()).toBe(scans[1]);
    expect(await byTestId('viewer-align').count()).toBe(0);
    await byTestId('viewer-mode-button-overlay').click();
    await byTestId('viewer-align').waitFor({ state: 'attached' });
    await expect.poll(async () => (await canvasInk(page, 'viewer-pane-a')).drawn).toBeGreaterThan(0.1);
    const aligned = await canvasInk(page, 'viewer-pane-a');
    await byTestId('viewer-align').click();
    await expect.poll(async () => (await canvasInk(page, 'viewer-pane-a')).sum).not.toBe(aligned.sum);
    await byTestId('viewer-align').click();
    await byTestId('viewer-mode-button-side-by-side').click();

    // 5. Every language at 800 and 1400 px: the run and the images in the large view, legends apart, labels whole.
    const legend = ['viewer-scale-bar', 'viewer-height-range', 'viewer-cmc-count', 'viewer-pane-a-label', 'viewer-pane-b-label'];
    await byTestId('viewer-close').click();
    for (const language of ['en', 'ru', 'kk'] as const) {
      await switchLanguage(page, language);
      for (const width of [800, 1400]) {
        await page.setViewportSize({ width, height: 900 });
        await byTestId(`analysis-open-${runId}`).click();
        await byTestId('viewer-dialog').waitFor();
        await byTestId('viewer-cmc-count').waitFor();
        await expect.poll(async () => (await canvasInk(page, 'viewer-pane-b')).drawn).toBeGreaterThan(0.1);
        expect(await overlapping(page, legend)).toEqual([]);
        expect(await cutLabels(page)).toEqual([]);
        // Findings beside the viewer when wide, below it when narrow.
        const viewerBox = (await byTestId('comparison-viewer').boundingBox())!;
        const asideBox = (await byTestId('viewer-aside').boundingBox())!;
        if (width >= 1200) expect(asideBox.x).toBeGreaterThanOrEqual(viewerBox.x + viewerBox.width - 1);
        else expect(asideBox.y).toBeGreaterThanOrEqual(viewerBox.y + viewerBox.height - 1);
        await shot(`${language}-${width}-run`);
        await page.keyboard.press('Escape');
        await byTestId('viewer-dialog').waitFor({ state: 'detached' });

        await pick([scanA, scanB], false);
        await pick([pageA, pageB], true);
        await byTestId('evidence-view-pair').click();
        await expect.poll(async () => (await canvasInk(page, 'viewer-pane-b')).drawn).toBeGreaterThan(0.3);
        expect(await overlapping(page, [...legend, 'viewer-no-scale'])).toEqual([]);
        expect(await cutLabels(page)).toEqual([]);
        await shot(`${language}-${width}-images`);
        await closeViewer();
        await pick([pageA, pageB], false);
        await pick([scanA, scanB], true);
      }
    }
    expect(problems).toEqual([]);
  });
});
