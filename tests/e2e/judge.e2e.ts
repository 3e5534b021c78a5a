import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticDir, startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { addUser, chromiumArgs, findChromium, logIn, logOut, recordProblems, setUpAdministrator } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the judge tests: ${chromiumFound.reason}`);

/** Screenshots of this test, relative to the repository root. */
const outDir = join(process.cwd(), 'test-results', 'e2e-judge');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const judge = { username: 'judge1', displayName: 'Marat Abenov', password: 'judge-passphrase-01' };
const caseNumber = '1-188/2026';

/**
 * The shipped Kazakhstan demo model of the punishment type (trained on documented synthetic cases, installed into every
 * new data folder); its hash is the SHA-256 of its ONNX file, as the model store computes it.
 */
const demoModelDir = join(process.cwd(), 'assets', 'decision', 'models', 'kz-criminal-punishment-demo');
const demoModelSha = createHash('sha256').update(readFileSync(join(demoModelDir, 'model.onnx'))).digest('hex');

let mode: BrowserMode;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(join(defaultStaticDir, 'index.html'))) {
    throw new Error(`${defaultStaticDir} has no index.html: build the renderer first (npm run test:e2e does: npm run build:renderer)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'dalel-e2e-judge-'));
  mode = await startBrowserMode({ dataDir, port: 0, scryptParams: { N: 1024, r: 8, p: 1 } });
});

afterAll(async () => {
  await mode?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(chromiumFound.path === null)('the judge consults a model in Chromium (browser mode)', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let n = 0;
  const shot = async (step: string) => {
    n += 1;
    await page.screenshot({ path: join(outDir, `${String(n).padStart(2, '0')}-${step}.png`), fullPage: true });
  };

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    browser = await chromium.launch({ executablePath: chromiumFound.path ?? undefined, args: [...chromiumArgs] });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = recordProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a judge, opens a case, consults the synthetic model and reads the explanation', async () => {
    const byTestId = (id: string) => page.getByTestId(id);
    await page.goto(mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, judge, 'judge');
    await logOut(page);
    await logIn(page, judge, 'judge');

    await byTestId('new-case-button').click();
    await byTestId('case-number').fill(caseNumber);
    await byTestId('case-venue').fill('Astana District Court No. 2');
    await byTestId('case-type').selectOption('criminal');
    await byTestId('case-parties').fill('State v. K.');
    await byTestId('new-case-submit').click();
    await byTestId('decision-panel').waitFor();
    await expect(byTestId('advisory-banner').textContent()).resolves.toContain('the judge decides');
    await byTestId('model-picker').selectOption(demoModelSha);
    await byTestId('model-synthetic-chip').waitFor();

    await byTestId('fact-article').fill('188');
    await byTestId('fact-part').fill('2');
    await byTestId('fact-offenceCategory').selectOption('medium');
    await byTestId('fact-damageMrp').fill('350');
    await byTestId('fact-priorConvictions').fill('1');
    await byTestId('fact-recidivism').selectOption('recidivism');
    await byTestId('fact-guiltyPlea').selectOption('true');
    await byTestId('fact-proceduralAgreement').selectOption('false');
    await byTestId('fact-damageCompensated').selectOption('partial');
    await byTestId('fact-defendantMinor').selectOption('false');
    await byTestId('fact-mitigating-53.1.11').check();
    await shot('facts');
    await byTestId('consult-button').click();
    await byTestId('prediction-card').waitFor();
    await byTestId('synthetic-notice').waitFor();
    await expect(page.getByTestId(/^probability-/).count()).resolves.toBe(6);
    // The lawful range of art. 188 part 2 with its article text, and past cases compared fact by fact.
    await byTestId('bounds-panel').waitFor();
    await byTestId('precedents-table').waitFor();
    await expect(page.getByTestId(/^precedent-toggle-/).count()).resolves.toBeGreaterThan(0);
    const sum = byTestId('waterfall-sum');
    const total = Number(await sum.getAttribute('data-total'));
    const score = Number(await sum.getAttribute('data-score'));
    expect(Math.abs(total - score)).toBeLessThan(1e-9);
    await expect(byTestId('prediction-audit-seq').textContent()).resolves.toMatch(/#\d+/);
    await shot('consultation');
    await byTestId('waterfall-table-toggle').click();
    await byTestId('waterfall-table').waitFor();
    await byTestId('model-card-button').click();
    await byTestId('model-card-dialog').waitFor();
    await expect(byTestId('model-card-hash').textContent()).resolves.toBe(demoModelSha);
    await byTestId('model-card-synthetic').waitFor();
    await shot('model-card');
    await byTestId('model-card-close').click();
    await expect(byTestId('verdict-form').textContent()).resolves.toMatch(/consultation #\d+/);
    // The court's own decision, entered after the consultation; whether it left the prediction is recorded, not judged.
    await byTestId('verdict-class').selectOption('fine');
    const value = byTestId('verdict-value');
    if (await value.count()) await value.fill('200');
    await byTestId('verdict-submit').click();
    await byTestId('verdict-result').waitFor();
    await expect(byTestId('verdict-result').getAttribute('data-discrepancy')).resolves.toMatch(/^(none|outside-interval|different-class)$/);
    await shot('verdict');
    expect(problems).toEqual([]);
  });
});
