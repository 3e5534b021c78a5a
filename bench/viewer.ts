/**
 * `npm run bench -- viewer [--opens N] [--steps N]`: the comparison viewer in Chromium (issue 6 targets: ≤ 1 s to
 * first render of two 545×545 scans, pan/zoom frame time p95 ≤ 16 ms), read from the viewer's own Performance-API
 * measures (window.__dalelViewerPerf). Browser mode runs on a temporary data folder seeded through the channels: a case
 * with the processed Fadul pair and a finished cartridge-case comparison. The baseline, measured in the same page, is
 * the bare cost of what a frame must do at least: clear two canvases of the panes' size and drawImage the same decoded
 * surface into each under a new transform.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CartridgeComparisonResultSchema, type RequestChannel, type RequestOf, type ResponseOf } from '../main/contract/index.ts';
import type { Workstation } from '../main/services/workstation.ts';
import { defaultStaticDir, startBrowserMode } from '../main/web/browser-mode.ts';
import { chromiumArgs, findChromium } from '../tests/e2e/helpers.ts';
import { numberOption } from './options.ts';
import { sharedDataMissing } from './shared-data.ts';

const dataDir = fileURLToPath(new URL('../../shared/data/ballistics/', import.meta.url));
const scans = ['fadul1.1_processed.x3p', 'fadul1.2_processed.x3p'] as const;
const expert = { username: 'expert1', password: 'bench-expert-passphrase' };
const caseNumber = 'BENCH-VIEWER-1';

async function call<C extends RequestChannel>(ws: Workstation, client: string, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await ws.dispatcher.invoke(client, channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/** The p-th percentile (0–1) of a list, nearest rank. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Seeds the administrator, an expert, a case with both scans and a finished comparison; returns the run's id. */
async function seed(ws: Workstation): Promise<{ runId: string; sizes: string }> {
  await call(ws, 'bench-admin', 'auth.setupAdmin', { username: 'admin', displayName: 'Bench Administrator', password: 'bench-admin-passphrase' });
  await call(ws, 'bench-admin', 'users.add', { username: expert.username, displayName: 'Bench Expert', role: 'expert', password: expert.password });
  await call(ws, 'bench-expert', 'auth.login', expert);
  const caseId = (await call(ws, 'bench-expert', 'cases.create', { number: caseNumber, venue: 'Bench laboratory', caseType: 'forensic-examination', parties: '' })).id;
  const ids: string[] = [];
  for (const name of scans) {
    const bytes = new Uint8Array(readFileSync(join(dataDir, name)));
    ids.push((await call(ws, 'bench-expert', 'evidence.add', { caseId, fileName: name, bytes })).evidence.id);
  }
  const started = await call(ws, 'bench-expert', 'analysis.start', { caseId, module: 'ballistics.cartridge-case', evidenceIds: ids });
  const run = await ws.analysis.waitFor(started.id);
  if (run.state !== 'done') throw new Error(`the seeded comparison ended ${run.state}: ${run.error?.message ?? ''}`);
  // Sizes from the result, not by drawing the surfaces: the first opening must find the drawn-surface cache cold.
  const result = CartridgeComparisonResultSchema.parse(ws.analysis.result(run.id));
  return { runId: run.id, sizes: [result.a, result.b].map((s) => `${s.width}×${s.height} at ${s.pixelUm} µm`).join(' and ') };
}

/** Opens the comparison from the case page and returns the viewer's time to first render. */
async function openViewer(page: Page, runId: string): Promise<number> {
  await page.getByTestId(`analysis-open-${runId}`).click();
  await page.waitForFunction(() => window.__dalelViewerPerf?.firstRenderMs != null, undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__dalelViewerPerf!.firstRenderMs!);
}

/** One pan or zoom step, then waits until the viewer measured its frame. */
async function step(page: Page, kind: 'pan' | 'zoom', i: number, centre: { x: number; y: number }): Promise<void> {
  const before = await page.evaluate(() => window.__dalelViewerPerf!.frameMs.length);
  if (kind === 'zoom') {
    await page.mouse.move(centre.x + ((i * 37) % 120) - 60, centre.y + ((i * 53) % 80) - 40);
    await page.mouse.wheel(0, i % 4 < 2 ? -120 : 120);
  } else {
    // One drag: press, move past the drag threshold, release; each move is a frame.
    const dx = 20 * Math.cos(i);
    const dy = 20 * Math.sin(i);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + dx, centre.y + dy);
    await page.mouse.up();
  }
  await page.waitForFunction((n) => window.__dalelViewerPerf!.frameMs.length > n, before, { timeout: 10_000 });
}

/** The bare drawImage baseline: `frames` frames, each two pane-sized canvases cleared and drawn under a new transform. */
async function baseline(page: Page, png: Uint8Array, pane: { width: number; height: number }, frames: number): Promise<number[]> {
  return page.evaluate(
    async ({ base64, width, height, frames }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ratio = window.devicePixelRatio || 1;
      const canvases = [0, 1].map(() => {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.cssText = `width:${width}px;height:${height}px;position:fixed;left:0;top:0;z-index:9999`;
        document.body.appendChild(canvas);
        return canvas.getContext('2d')!;
      });
      const times: number[] = [];
      const fit = Math.min(width / bitmap.width, height / bitmap.height);
      for (let i = 0; i < frames; i++) {
        const scale = fit * (1 + 0.5 * Math.sin(i / 7));
        const start = performance.now();
        for (const ctx of canvases) {
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
          ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * 10 * Math.cos(i), ratio * 10 * Math.sin(i));
          ctx.imageSmoothingEnabled = scale < 2;
          ctx.drawImage(bitmap, 0, 0);
        }
        times.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      for (const ctx of canvases) ctx.canvas.remove();
      return times;
    },
    { base64: Buffer.from(png).toString('base64'), width: pane.width, height: pane.height, frames },
  );
}

/** Runs the suite. */
export async function run(args: string[]): Promise<void> {
  const opens = Math.max(2, numberOption(args, 'opens', 5));
  const steps = numberOption(args, 'steps', 200);
  if (sharedDataMissing(dataDir, 'viewer', 'ballistics')) return;
  const found = findChromium();
  if (found.path === null) {
    console.log(`viewer bench skipped: ${found.reason}`);
    return;
  }
  if (!existsSync(join(defaultStaticDir, 'index.html'))) {
    console.log('building the renderer first (npm run build:renderer)…');
    execFileSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  }
  console.log(`viewer bench: ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}, Chromium ${found.path} (software rendering: --disable-gpu)`);
  const folder = mkdtempSync(join(tmpdir(), 'dalel-bench-viewer-'));
  const mode = await startBrowserMode({ dataDir: folder, port: 0, scryptParams: { N: 1024, r: 8, p: 1 }, sealerScryptParams: { N: 1024, r: 8, p: 1 } });
  const browser = await chromium.launch({ executablePath: found.path, args: [...chromiumArgs] });
  try {
    const { runId, sizes } = await seed(mode.workstation);
    console.log(`seeded: ${scans.join(' vs ')}; surfaces ${sizes}`);
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1600, height: 1000 }, reducedMotion: 'reduce' })).newPage();
    await page.goto(mode.bridge.url);
    await page.getByTestId('login-username').fill(expert.username);
    await page.getByTestId('login-password').fill(expert.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`open-case-${caseNumber}`).click();
    await page.getByTestId(`analysis-open-${runId}`).waitFor();

    // Time to first render, from the click on Open to both surfaces drawn; the first opening also warms the caches.
    const firsts: number[] = [];
    for (let i = 0; i < opens; i++) {
      firsts.push(await openViewer(page, runId));
      if (i < opens - 1) {
        await page.getByTestId('viewer-close').click();
        await page.getByTestId(`analysis-open-${runId}`).waitFor();
      }
    }

    // Pan and zoom: alternate drags and wheel steps over pane A of the side-by-side view.
    const paneA = page.getByTestId('viewer-pane-a');
    const box = (await paneA.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.evaluate(() => window.__dalelViewerPerf!.frameMs.splice(0));
    for (let i = 0; i < steps; i++) await step(page, i % 2 === 0 ? 'pan' : 'zoom', i, centre);
    const frames = await page.evaluate(() => [...window.__dalelViewerPerf!.frameMs]);
    const viewerP95 = percentile(frames, 0.95);

    const png = (await call(mode.workstation, 'bench-expert', 'analysis.surface', { runId, surface: 0, style: 'relief' })).png;
    const bare = await baseline(page, png, { width: box.width, height: box.height }, steps);
    const bareP95 = percentile(bare, 0.95);

    console.log(`first render (${opens} openings): first, surfaces drawn cold ${ms(firsts[0]!)}; then median ${ms(percentile(firsts.slice(1), 0.5))}, max ${ms(Math.max(...firsts.slice(1)))}  (target ≤ 1000 ms)`);
    console.log(`pan/zoom frames: ${frames.length} measured over ${steps} steps; median ${ms(percentile(frames, 0.5))}, p95 ${ms(viewerP95)}, max ${ms(Math.max(...frames))}  (target p95 ≤ 16 ms)`);
    console.log(`baseline, bare clear + drawImage of the same ${box.width.toFixed(0)}×${box.height.toFixed(0)} pane twice per frame: median ${ms(percentile(bare, 0.5))}, p95 ${ms(bareP95)}`);
    console.log(`ratio viewer p95 / bare p95: ${(viewerP95 / Math.max(bareP95, 0.1)).toFixed(2)}× (bare p95 floored at 0.1 ms, the clock's resolution)`);
  } finally {
    await browser.close();
    await mode.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
