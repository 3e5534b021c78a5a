import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { addUser, createCase, cutText, findChromium, logIn, logOut, setUpAdministrator, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the judge tests: ${chromiumFound.reason}`);

/** Screenshots of this test, relative to the repository root. */
const outDir = outDirOf('judge');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const judge = { username: 'judge1', displayName: 'Marat Abenov', password: 'judge-passphrase-01' };
const caseNumber = '1-188/2026';

/**
 * The shipped Kazakhstan demo model of the punishment type (trained on documented synthetic cases, installed into every
 * new data folder); its hash is the SHA-256 of its ONNX file, as the model store computes it.
 */
const demoModelDir = join(process.cwd(), 'assets', 'decision', 'models', 'kz-criminal-punishment-demo');
const demoModelSha = createHash('sha256').update(readFileSync(join(demoModelDir, 'model.onnx'))).digest('hex');

const server = useBrowserMode('judge');

describe.skipIf(chromiumFound.path === null)('the judge consults a model in Chromium (browser mode)', () => {
  const chromiumPage = useChromium({
    executablePath: chromiumFound.path,
    outDir,
    context: { locale: 'en-US', viewport: { width: 1366, height: 900 } },
    fullPage: true,
  });
  const { shot } = chromiumPage;

  it('sets up a judge, opens a case, consults the synthetic models and reads the explanation', async () => {
    const { page, problems } = chromiumPage;
    const byTestId = (id: string) => page.getByTestId(id);
    const language = (code: 'kk' | 'ru' | 'en') => switchLanguage(page, code);
    /** Screenshots the screen in English, Kazakh and Russian, and returns to English. */
    const shotInEachLanguage = async (name: string) => {
      await shot(`${name}-en`);
      for (const code of ['kk', 'ru'] as const) {
        await language(code);
        await shot(`${name}-${code}`);
      }
      await language('en');
    };
    await page.goto(server.mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, judge, 'judge');
    await logOut(page);
    await logIn(page, judge, 'judge');

    await createCase(page, { number: caseNumber, venue: 'Astana District Court No. 2', type: 'criminal', parties: 'State v. K.' });
    await byTestId('decision-panel').waitFor();
    await expect(byTestId('advisory-banner').textContent()).resolves.toContain('the judge decides');
    // Judge sees the forensic work: this case has no findings, and the view says so.
    await expect(byTestId('forensic-none').textContent()).resolves.toContain('No forensic findings');
    // The model picker opens on the case's own case type (a criminal case: the kz-criminal punishment model).
    await expect(byTestId('model-picker').inputValue()).resolves.toBe(demoModelSha);
    await byTestId('model-synthetic-chip').waitFor();

    // An unknown article is refused at entry: only the articles the statutes hold are offered.
    const articles = await byTestId('fact-article').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(articles).toContain('188');
    expect(articles).not.toContain('999');
    await byTestId('fact-article').selectOption('188');
    await byTestId('fact-part').fill('2');
    await byTestId('fact-offenceCategory').selectOption('medium');
    await byTestId('fact-damageMrp').fill('350');
    await byTestId('fact-priorConvictions').fill('0');
    await byTestId('fact-recidivism').selectOption('none');
    await byTestId('fact-guiltyPlea').selectOption('true');
    await byTestId('fact-proceduralAgreement').selectOption('false');
    await byTestId('fact-damageCompensated').selectOption('full');
    await byTestId('fact-defendantMinor').selectOption('false');
    await byTestId('fact-mitigating-53.1.11').check();
    await shot('facts');
    await byTestId('consult-button').click();
    // Models that contradict each other are shown together: the punishment, and the term conditional on custody.
    const punishment = byTestId('consultation-punishment');
    const term = byTestId('consultation-term-months');
    await punishment.getByTestId('prediction-card').waitFor();
    await term.getByTestId('prediction-card').waitFor();
    await expect(term.getByTestId('conditional-estimate').textContent()).resolves.toContain('conditional on a custodial punishment');
    await punishment.getByTestId('synthetic-notice').waitFor();
    await expect(punishment.getByTestId(/^probability-/).count()).resolves.toBe(6);
    // Statutory bounds: the sanction's own range, and after art. 55 with the part and circumstance (parts 1 and 2 here).
    await expect(byTestId('bounds-stated-range').textContent()).resolves.toContain('60');
    await expect(byTestId('bounds-cap-part-1').textContent()).resolves.toContain('voluntarily compensated');
    await expect(byTestId('bounds-cap-part-2').textContent()).resolves.toContain('mitigating');
    await byTestId('precedents-table').waitFor();
    await expect(page.getByTestId(/^precedent-toggle-/).count()).resolves.toBeGreaterThan(0);
    // Explanations: measured from the reference case, in probability points, adding up exactly; no bar for a
    // circumstance that is absent, every bar labelled "fact: value", no label cut.
    const sum = punishment.getByTestId('waterfall-sum');
    const total = Number(await sum.getAttribute('data-total'));
    const score = Number(await sum.getAttribute('data-score'));
    expect(Math.abs(total - score)).toBeLessThan(1e-9);
    await expect(punishment.getByTestId('waterfall').getAttribute('data-unit')).resolves.toBe('points');
    const labels = await punishment.locator('[data-testid="waterfall-bar-term"]').evaluateAll((bars) => bars.map((b) => (b as HTMLElement).dataset.label ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/: /);
    expect(labels.filter((l) => /^54\.1\./.test(l) || /^Recidivism/.test(l))).toEqual([]);
    const clipped = await page.locator('[data-testid="waterfall-label"]').evaluateAll((nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await expect(punishment.getByTestId('prediction-audit-seq').textContent()).resolves.toMatch(/#\d+/);
    await shot('consultation-en');
    await language('ru');
    await expect(byTestId('bounds-panel').textContent()).resolves.toContain('ч. 2 ст. 188 УК РК');
    await shot('consultation-ru');
    await language('kk');
    await expect(byTestId('bounds-panel').textContent()).resolves.toContain('ҚР ҚК 188-бабының 2-бөлігі');
    await expect(byTestId('advice-criminal-appeal-deadline').textContent()).resolves.toContain('тәулік');
    await shot('consultation-kk');
    // Nothing on the consultation is cut or makes the page scroll sideways, at 1366 px and at 800 px, in Kazakh (the
    // longest of the three) and English.
    expect(await cutText(page)).toEqual([]);
    await page.setViewportSize({ width: 800, height: 900 });
    expect(await cutText(page)).toEqual([]);
    await language('en');
    expect(await cutText(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    await punishment.getByTestId('waterfall-table-toggle').click();
    await punishment.getByTestId('waterfall-table').waitFor();
    await expect(punishment.getByTestId('waterfall-table').textContent()).resolves.toContain('log-odds');
    await shot('explanation-table');
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
    // One final verdict per case: a correction is an amendment with a reason, and the history keeps both.
    await byTestId('verdict-correct').click();
    await expect(byTestId('verdict-mode').getAttribute('data-amending')).resolves.toBe('true');
    await byTestId('verdict-class').selectOption('community-service');
    if (await value.count()) await value.fill('240');
    await byTestId('verdict-reason').fill('The hours were entered as a fine by mistake.');
    await byTestId('verdict-submit').click();
    await byTestId('verdict-result').waitFor();
    await byTestId('past-verdict-amended').waitFor();
    // Reopening the case shows its past verdicts and consultations.
    await byTestId('back-to-cases').click();
    await byTestId(`open-case-${caseNumber}`).click();
    await byTestId('history-section').waitFor();
    // The history loads after its section appears: wait for it rather than count at once.
    await expect.poll(() => page.getByTestId('past-consultation').count()).toBe(2);
    await expect(byTestId('past-verdict-final').textContent()).resolves.toContain('240 hours');
    await expect(byTestId('past-verdict-reason').textContent()).resolves.toContain('by mistake');
    await shotInEachLanguage('reopened-history');
    // Discrepancies monitor the model: the administrator sees them by model, article and month; the judge gets no notice.
    await expect(page.getByTestId('nav-models').count()).resolves.toBe(0);
    await logOut(page);
    await logIn(page, admin, 'users');
    await byTestId('nav-models').click();
    await byTestId('discrepancy-dashboard').waitFor();
    await expect(page.getByTestId('dashboard-row').count()).resolves.toBe(1);
    await shotInEachLanguage('model-monitoring');
    expect(problems).toEqual([]);
  });
});
