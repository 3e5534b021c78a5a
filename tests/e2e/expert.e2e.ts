import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticDir, startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { addUser, chromiumArgs, findChromium, logIn, logOut, recordProblems, setUpAdministrator, sha256Hex } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the expert tests: ${chromiumFound.reason}`);
announceSkipIfMissing('e2e expert');

/** True when a command is on the PATH. */
function have(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const popplerFound = have('pdftoppm') && have('pdftotext');
if (!popplerFound) console.log('[e2e] skipping the expert tests: pdftoppm and pdftotext (poppler-utils) are needed to check the report');

/** Screenshots, the exported report and its PNG pages, relative to the repository root. */
const outDir = join(process.cwd(), 'test-results', 'e2e-expert');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
const keyPassphrase = 'court-archive-key-2026';
const caseNumber = 'F-2026/0417';
const caseVenue = 'Almaty City Forensic Laboratory';
// The processed scans (545×545, 6.25 µm) by default; DALEL_E2E_FADUL=raw takes the raw scans (5 MB each, preprocessed
// automatically by the run): about 26 s instead of 19 s on the 2-core build machine.
const variant = process.env.DALEL_E2E_FADUL === 'raw' ? 'raw' : 'processed';
const scans = [`fadul1.1_${variant}.x3p`, `fadul1.2_${variant}.x3p`] as const;
const modes = ['side-by-side', 'overlay', 'swipe', 'difference'] as const;

let mode: BrowserMode;
let dataDir: string;
const ready = chromiumFound.path !== null && sharedDataDir !== null && popplerFound;

beforeAll(async () => {
  if (!ready) return;
  if (!existsSync(join(defaultStaticDir, 'index.html'))) {
    throw new Error(`${defaultStaticDir} has no index.html: build the renderer first (npm run test:e2e does: npm run build:renderer)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'dalel-e2e-expert-'));
  // Cheap scrypt for accounts and for sealing the signing key; production parameters are tested in the service tests.
  mode = await startBrowserMode({ dataDir, port: 0, scryptParams: { N: 1024, r: 8, p: 1 }, sealerScryptParams: { N: 1024, r: 8, p: 1 } });
});

afterAll(async () => {
  await mode?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!ready)('the expert verification workflow in Chromium (browser mode, real Fadul scans)', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let step = 0;

  /** Saves `NN-name.png` under test-results/e2e-expert/: the whole page, or the viewport while a dialog is open. */
  async function shot(name: string, fullPage = true): Promise<void> {
    step += 1;
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(outDir, `${String(step).padStart(2, '0')}-${name}.png`), fullPage });
  }

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumFound.path ?? undefined, args: [...chromiumArgs] });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1600, height: 1000 }, reducedMotion: 'reduce', acceptDownloads: true });
    page = await context.newPage();
    problems = recordProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('import fadul1.1/1.2 → compare → viewer in every mode → measure → accept, amend → sign → PDF with the case number and hashes', async () => {
    const started = performance.now();
    const byTestId = (id: string) => page.getByTestId(id);
    const files = scans.map((name) => ({ name, path: join(sharedDataDir!, 'ballistics', name) }));
    const [shaA, shaB] = files.map((f) => sha256Hex(readFileSync(f.path))) as [string, string];

    // 1. The administrator sets up, adds the expert and opens the audit signing key (the report needs a signed checkpoint).
    await page.goto(mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, expert, 'expert');
    await byTestId('nav-audit').click();
    await byTestId('section-key').click();
    await byTestId('unlock-key-passphrase').fill(keyPassphrase);
    await byTestId('unlock-key-confirm').fill(keyPassphrase);
    await byTestId('unlock-key-submit').click();
    await byTestId('audit-key-fingerprint').waitFor();
    await shot('administrator-added-expert-and-opened-key');
    await logOut(page);

    // 2. The expert opens a case and imports both scans.
    await logIn(page, expert, 'expert');
    await byTestId('new-case-button').click();
    await byTestId('case-number').fill(caseNumber);
    await byTestId('case-venue').fill(caseVenue);
    await byTestId('case-type').selectOption('forensic-examination');
    await byTestId('case-parties').fill('State v. Unknown (cartridge cases from two scenes)');
    await byTestId('new-case-submit').click();
    await byTestId('case-title').waitFor();
    await byTestId('evidence-file-input').setInputFiles(files.map((f) => f.path));
    // Before anything is stored the expert confirms what each file is: both scans are suggested as cartridge cases.
    await byTestId('declare-kind-dialog').waitFor();
    for (const index of [0, 1]) expect(await byTestId(`declare-kind-${index}`).inputValue()).toBe('ballistics.cartridge-case');
    await shot('expert-declares-kinds', false);
    await byTestId('declare-kind-store').click();
    await byTestId('declare-kind-dialog').waitFor({ state: 'detached' });
    await byTestId(`evidence-row-${shaA}`).waitFor();
    await byTestId(`evidence-row-${shaB}`).waitFor();
    await shot('expert-imported-scans');

    // 3. Pick both, Compare, start: the run shows its progress and ends done.
    await byTestId(`evidence-pick-${shaA}`).check();
    await byTestId(`evidence-pick-${shaB}`).check();
    await byTestId('evidence-compare').click();
    await byTestId('compare-dialog').waitFor();
    expect(await byTestId('compare-module-ballistics.cartridge-case').isChecked()).toBe(true);
    await shot('compare-dialog', false);
    await byTestId('compare-start').click();
    await byTestId('compare-dialog').waitFor({ state: 'detached' });
    const runRow = page.locator('[data-testid^="analysis-run-"][data-state]').first();
    await runRow.waitFor();
    const runId = (await runRow.getAttribute('data-testid'))!.replace('analysis-run-', '');
    const progressBar = byTestId(`analysis-progress-${runId}`);
    if ((await progressBar.count()) > 0) await shot('comparison-running');
    await byTestId(`analysis-open-${runId}`).waitFor({ timeout: 90_000 });
    expect(await runRow.getAttribute('data-state')).toBe('done');
    const run = mode.workstation.analysis.get(runId);
    expect(run.evidenceIds).toHaveLength(2);
    const caseId = run.caseId;
    const cmcFinding = mode.workstation.findings.list(caseId).find((f) => f.kind === 'cmc-comparison')!;
    expect(cmcFinding).toMatchObject({ origin: 'model', runId, conclusion: 'identification' });
    await byTestId(`finding-row-${cmcFinding.id}`).waitFor();
    // Measurements by their names, never by their raw keys; the summary likewise.
    expect(await byTestId(`finding-measurements-${cmcFinding.id}`).textContent()).toMatch(/^CMC count: \d+ · CMC count A→B: \d+/);
    await expect.poll(() => byTestId('summary-panel').textContent()).toContain('Cells compared');
    expect(await byTestId('summary-panel').textContent()).not.toMatch(/\b(?:cmc|manual)\.[A-Za-z]/);
    await shot('comparison-done');

    // 4. Open it in the viewer: both surfaces drawn, the CMC count shown.
    await byTestId(`analysis-open-${runId}`).click();
    await byTestId('comparison-viewer').waitFor();
    await page.waitForFunction(() => window.__dalelViewerPerf?.firstRenderMs != null);
    const firstRenderMs = await page.evaluate(() => window.__dalelViewerPerf!.firstRenderMs!);
    console.log(`[e2e expert] viewer first render ${firstRenderMs.toFixed(0)} ms`);
    await byTestId('viewer-pane-b').waitFor();
    expect(await byTestId('viewer-cmc-count').textContent()).toMatch(/\d+/);
    await byTestId('viewer-scale-bar').waitFor();

    // 5. Every mode, then false colour and back to relief; drag and wheel keep the panes in sync.
    for (const m of modes) {
      await byTestId(`viewer-mode-button-${m}`).click();
      await byTestId(`viewer-mode-${m}`).waitFor();
      expect(await byTestId('comparison-viewer').getAttribute('data-mode')).toBe(m);
      await shot(`viewer-${m}`);
    }
    await byTestId('viewer-mode-button-side-by-side').click();
    await byTestId('viewer-style-false-colour').click();
    await expect.poll(() => byTestId('viewer-style-false-colour').getAttribute('aria-pressed')).toBe('true');
    await shot('viewer-false-colour');
    await byTestId('viewer-style-relief').click();
    await expect.poll(() => byTestId('viewer-style-relief').getAttribute('aria-pressed')).toBe('true');
    const paneA = byTestId('viewer-pane-a');
    const box = (await paneA.boundingBox())!;
    const scaleBefore = Number(await paneA.getAttribute('data-scale'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -240);
    await expect.poll(async () => Number(await paneA.getAttribute('data-scale'))).toBeGreaterThan(scaleBefore);
    expect(await byTestId('viewer-pane-b').getAttribute('data-scale')).toBe(await paneA.getAttribute('data-scale'));
    await byTestId('viewer-zoom-reset').click();
    await expect.poll(async () => Number(await paneA.getAttribute('data-scale'))).toBeCloseTo(scaleBefore, 6);
    await shot('viewer-relief');

    // 6. Measure a distance on surface A and save it: a manual finding.
    await byTestId('viewer-tool-distance').click();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.6);
    await expect.poll(() => byTestId('viewer-measure-result').textContent()).toMatch(/\d+\.\d\d\s*µm/);
    await shot('viewer-distance-measured');
    await byTestId('viewer-measure-save').click();
    await expect.poll(() => mode.workstation.findings.list(caseId).filter((f) => f.origin === 'manual').length).toBe(1);
    const manual = mode.workstation.findings.list(caseId).find((f) => f.origin === 'manual')!;
    expect(manual.kind).toBe('distance');
    expect(manual.evidenceIds).toEqual([run.evidenceIds[0]]);
    await byTestId(`finding-row-${manual.id}`).waitFor();
    const measured = manual.measurements.find((m) => m.key === 'manual.distance')!;
    expect(typeof measured.value === 'number' && measured.value > 0).toBe(true);

    // 7. Accept the CMC finding.
    await byTestId(`finding-accept-${cmcFinding.id}`).click();
    await expect.poll(() => byTestId(`finding-state-${cmcFinding.id}`).textContent()).toBe('Accepted');
    await shot('cmc-finding-accepted');

    // 8. Amend the measured distance with a reason: the amendment is in force, the original shown beneath it.
    await byTestId(`finding-amend-${manual.id}`).click();
    await byTestId('review-dialog').waitFor();
    const amendedValue = Number(((measured.value as number) + 12.5).toFixed(2));
    await byTestId('amend-value-manual.distance').fill(String(amendedValue));
    const reason = 'Second point re-placed on the firing pin impression edge after zooming in.';
    await byTestId('review-reason').fill(reason);
    await shot('amend-dialog', false);
    await byTestId('review-submit').click();
    await byTestId('review-dialog').waitFor({ state: 'detached' });
    const amendmentOf = () => mode.workstation.findings.list(caseId).find((f) => f.supersedes === manual.id);
    await expect.poll(amendmentOf).toBeTruthy();
    const amendment = amendmentOf()!;
    expect(amendment.measurements.find((m) => m.key === 'manual.distance')!.value).toBe(amendedValue);
    const original = byTestId(`finding-original-${amendment.id}`);
    await original.waitFor();
    expect(await original.textContent()).toContain(reason);
    expect(await original.textContent()).toContain(String(measured.value));
    expect(await byTestId(`finding-measurements-${amendment.id}`).textContent()).toContain(String(amendedValue));
    expect(await byTestId(`finding-row-${manual.id}`).count()).toBe(0);
    expect(await byTestId(`finding-state-${amendment.id}`).textContent()).toBe("Decided: the expert's own work");
    await shot('manual-finding-amended');

    // 9. Every finding decided: verify, then sign with re-authentication and a meaning.
    await expect.poll(() => byTestId('review-progress').textContent()).toContain('2');
    if ((await byTestId('review-submit-case').count()) > 0) await byTestId('review-submit-case').click();
    await byTestId('review-verify').click();
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('verified');
    await byTestId('review-sign').click();
    await byTestId('sign-dialog').waitFor();
    await byTestId('sign-meaning-approved').check();
    await byTestId('sign-password').fill(expert.password);
    await shot('sign-dialog', false);
    await byTestId('sign-submit').click();
    await byTestId('sign-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('signed');
    const signature = page.locator('[data-testid^="review-signature-"]').first();
    expect(await signature.textContent()).toContain(expert.displayName);
    expect(await signature.textContent()).toMatch(/approved/i);
    expect(await byTestId(`finding-accept-${cmcFinding.id}`).count()).toBe(0);
    await shot('case-signed');

    // 10. Export the lab report, keep the download, turn it into PNG pages and read its text.
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^report-.*-en-.*\.pdf$/);
    const pdfPath = join(outDir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The export was audit-logged with the SHA-256 of exactly the bytes the browser saved.
    const exports = mode.workstation.audit.list({ action: 'report.exported' }).map((row) => JSON.parse(Buffer.from(row.bytes).toString('utf8')) as { outputs?: Record<string, string> });
    expect(exports.map((entry) => entry.outputs?.report)).toContain(sha256Hex(pdf));
    const pagesDir = join(outDir, 'report-pages');
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(pagesDir, 'page')]);
    const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const name of pages) expect(readFileSync(join(pagesDir, name)).subarray(1, 4).toString('latin1')).toBe('PNG');
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    // Long values wrap inside their table cells; compare with the line breaks and spaces taken out.
    const joined = text.replace(/\s+/g, '');
    expect(text).toContain(caseNumber);
    expect(text).toContain('Forensic examination');
    expect(joined).toContain(shaA);
    expect(joined).toContain(shaB);
    expect(joined).toContain(expert.displayName.replace(/\s+/g, ''));
    await shot('report-exported');

    expect(problems).toEqual([]);
    console.log(`[e2e expert] ${variant} scans, ${step} screenshots, ${pages.length} report pages, wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
