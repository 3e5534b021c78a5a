import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordInput } from '../../main/cli/password-input.ts';
import { runCli } from '../../main/cli.ts';
import { defaultStaticDir, startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { chromiumArgs, findChromium } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the judge tests: ${chromiumFound.reason}`);

/** Screenshots of this test, relative to the repository root. */
const outDir = join(process.cwd(), 'test-results', 'e2e-judge');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const judge = { username: 'judge1', displayName: 'Marat Abenov', password: 'judge-passphrase-01' };
const caseNumber = '1-188/2026';

/**
 * A small generated kz-criminal file (no corpus of Kazakh verdicts exists, and the demo model may not be installed
 * in this checkout): thefts and frauds whose punishment depends plainly on damage, priors and circumstances.
 */
function syntheticCriminalCsv(n: number): string {
  const random = seededRandom(20261127);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const columns = ['article', 'part', 'offenceCategory', 'damageMrp', 'priorConvictions', 'recidivism', 'guiltyPlea', 'proceduralAgreement', 'damageCompensated', 'mitigating', 'aggravating', 'defendantMinor', 'decidedOn', 'punishment', 'termMonths', 'fineMrp', 'serviceHours', 'defendantSex', 'defendantCitizenship'];
  const rows = Array.from({ length: n }, () => {
    const article = pick(['188', '190']);
    const part = pick([1, 2]);
    const damage = Math.round(random() * 800);
    const priors = Math.floor(random() * random() * 4);
    const plea = random() < 0.6;
    const mitigating = ['53.1.6', '53.1.11'].filter(() => random() < 0.35);
    const aggravating = ['54.1.3', '54.1.12'].filter(() => random() < 0.2);
    const severity = damage / 200 + priors * 1.2 + (part === 2 ? 1.5 : 0) + aggravating.length - mitigating.length * 0.8 - (plea ? 0.5 : 0) + random() * 1.5;
    const punishment = severity < 1.2 ? 'fine' : severity < 2.2 ? 'correctional-work' : severity < 3.2 ? 'restriction-of-freedom' : severity < 4.2 ? 'suspended' : 'imprisonment';
    const term = ['restriction-of-freedom', 'suspended', 'imprisonment'].includes(punishment) ? Math.round(6 + severity * 6) : '';
    const fine = punishment === 'fine' || punishment === 'correctional-work' ? Math.round(100 + severity * 300) : '';
    const year = 2020 + Math.floor(random() * 6);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    return [
      article,
      part,
      part === 1 ? 'minor' : 'medium',
      damage,
      priors,
      priors === 0 ? 'none' : 'recidivism',
      plea,
      random() < 0.1,
      pick(['none', 'partial', 'full']),
      mitigating.join(';'),
      aggravating.join(';'),
      false,
      `${year}-${month}-15`,
      punishment,
      term,
      fine,
      '',
      pick(['female', 'male']),
      'kazakhstan',
    ].join(',');
  });
  return `${columns.join(',')}\n${rows.join('\n')}\n`;
}

let mode: BrowserMode;
let dataDir: string;
let modelSha: string | null = null;

beforeAll(async () => {
  if (!existsSync(join(defaultStaticDir, 'index.html'))) {
    throw new Error(`${defaultStaticDir} has no index.html: build the renderer first (npm run test:e2e does: npm run build:renderer)`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'dalel-e2e-judge-'));
  const installed = join(process.cwd(), 'models', 'kz-criminal');
  if (existsSync(installed) && readdirSync(installed).includes('model.json')) {
    console.log(`[e2e] a kz-criminal demo model exists at ${installed}, but this test trains its own small one so that it does not depend on it`);
  }
  const csv = join(dataDir, 'kz-criminal-synthetic.csv');
  writeFileSync(csv, syntheticCriminalCsv(1500));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['--data-dir', dataDir, '--json', 'train', '--case-type', 'kz-criminal', '--data', csv, '--out', join(dataDir, 'models', 'kz-criminal-e2e'), '--synthetic', '--bags', '2', '--interactions', '0'],
    { out: (t) => out.push(t), err: (t) => err.push(t), passwords: new PasswordInput(Readable.from([''])) },
  );
  if (code !== 0) throw new Error(`dalel train failed (${code}): ${err.join('\n')}`);
  modelSha = (JSON.parse(out.join('\n')) as { sha256: string }).sha256;
  mode = await startBrowserMode({ dataDir, port: 0, scryptParams: { N: 1024, r: 8, p: 1 } });
});

afterAll(async () => {
  await mode?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(chromiumFound.path === null)('the judge consults a model in Chromium (browser mode)', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
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
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The verdict channels may still be placeholders on this branch; their refusals are shown, not thrown.
      if (message.type() === 'error' && !/verdicts\./.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a judge, opens a case, consults the synthetic model and reads the explanation', async () => {
    const byTestId = (id: string) => page.getByTestId(id);
    await page.goto(mode.bridge.url);
    await byTestId('setup-form').waitFor();
    await byTestId('setup-username').fill(admin.username);
    await byTestId('setup-display-name').fill(admin.displayName);
    await byTestId('setup-password').fill(admin.password);
    await byTestId('setup-password-confirm').fill(admin.password);
    await byTestId('setup-submit').click();
    await byTestId('nav-users').waitFor();
    await byTestId('add-user-button').click();
    await byTestId('add-user-username').fill(judge.username);
    await byTestId('add-user-display-name').fill(judge.displayName);
    await byTestId('add-user-role').selectOption('judge');
    await byTestId('add-user-password').fill(judge.password);
    await byTestId('add-user-password-confirm').fill(judge.password);
    await byTestId('add-user-submit').click();
    await byTestId(`user-row-${judge.username}`).waitFor();
    await byTestId('logout-button').click();
    await byTestId('login-username').fill(judge.username);
    await byTestId('login-password').fill(judge.password);
    await byTestId('login-submit').click();
    await byTestId('nav-judge').waitFor();

    await byTestId('new-case-button').click();
    await byTestId('case-number').fill(caseNumber);
    await byTestId('case-venue').fill('Astana District Court No. 2');
    await byTestId('case-type').selectOption('criminal');
    await byTestId('case-parties').fill('State v. K.');
    await byTestId('new-case-submit').click();
    await byTestId('decision-panel').waitFor();
    await expect(byTestId('advisory-banner').textContent()).resolves.toContain('the judge decides');
    await expect(byTestId('model-picker').inputValue()).resolves.toBe(modelSha);
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
    await expect(byTestId('model-card-hash').textContent()).resolves.toBe(modelSha);
    await byTestId('model-card-synthetic').waitFor();
    await shot('model-card');
    await byTestId('model-card-close').click();
    await expect(byTestId('verdict-form').textContent()).resolves.toMatch(/consultation #\d+/);
    expect(problems).toEqual([]);
  });
});
