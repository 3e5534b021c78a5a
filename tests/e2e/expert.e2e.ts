import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { have, outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { addUser, createCase, findChromium, logIn, logOut, setUpAdministrator, sha256Hex, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the expert tests: ${chromiumFound.reason}`);
announceSkipIfMissing('e2e expert');

const popplerFound = have('pdftoppm') && have('pdftotext');
if (!popplerFound) console.log('[e2e] skipping the expert tests: pdftoppm and pdftotext (poppler-utils) are needed to check the report');

/** Screenshots, the exported report and its PNG pages, relative to the repository root. */
const outDir = outDirOf('expert');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
// The laboratory's default requires a technical review by a second expert before signing.
const reviewer = { username: 'expert2', displayName: 'Madina Nurlanova', password: 'expert-passphrase-02' };
const keyPassphrase = 'court-archive-key-2026';
const caseNumber = 'F-2026/0417';
const caseVenue = 'Almaty City Forensic Laboratory';
// The processed scans (545×545, 6.25 µm) by default; DALEL_E2E_FADUL=raw takes the raw scans (5 MB each, preprocessed
// automatically by the run): about 26 s instead of 19 s on the 2-core build machine.
const variant = process.env.DALEL_E2E_FADUL === 'raw' ? 'raw' : 'processed';
const scans = [`fadul1.1_${variant}.x3p`, `fadul1.2_${variant}.x3p`] as const;
const modes = ['side-by-side', 'overlay', 'swipe', 'difference'] as const;

const ready = chromiumFound.path !== null && sharedDataDir !== null && popplerFound;

const server = useBrowserMode('expert', ready);

describe.skipIf(!ready)('the expert verification workflow in Chromium (browser mode, real Fadul scans)', () => {
  const chromiumPage = useChromium({
    executablePath: chromiumFound.path,
    outDir,
    context: { locale: 'en-US', viewport: { width: 1600, height: 1000 }, acceptDownloads: true },
    // The whole page, or the viewport while a dialog is open.
    fullPage: true,
    fromTop: true,
  });
  const { shot } = chromiumPage;

  it('import fadul1.1/1.2 → compare → viewer in every mode → measure → accept, amend by points → submit → second expert verifies → sign without a key (dead end said plainly) → frozen → key created → PDFs in en, ru, kk → reopen', async () => {
    const started = performance.now();
    const { page, problems } = chromiumPage;
    const { mode } = server;
    const byTestId = (id: string) => page.getByTestId(id);
    const files = scans.map((name) => ({ name, path: join(sharedDataDir!, 'ballistics', name) }));
    const [shaA, shaB] = files.map((f) => sha256Hex(readFileSync(f.path))) as [string, string];

    // 1. The administrator sets up and adds two experts; the audit signing key is not created yet (see step 11).
    await page.goto(mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, expert, 'expert');
    await addUser(page, reviewer, 'expert');
    await shot('administrator-added-experts');
    await logOut(page);

    // 2. The expert opens a case and imports both scans.
    await logIn(page, expert, 'expert');
    await createCase(page, { number: caseNumber, venue: caseVenue, type: 'forensic-examination', parties: 'State v. Unknown (cartridge cases from two scenes)' });
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

    // 8. Amendments stay consistent: the distance is amended by moving its second point; the value is recomputed.
    await byTestId(`finding-amend-${manual.id}`).click();
    await byTestId('review-dialog').waitFor();
    expect(await byTestId('amend-value-manual.distance').count()).toBe(0);
    expect(await byTestId('amend-value-manual.points').count()).toBe(0);
    const pointsBefore = JSON.parse(manual.measurements.find((m) => m.key === 'manual.points')!.value as string) as Array<[number, number]>;
    const pixelUm = manual.measurements.find((m) => m.key === 'manual.pixelUm')!.value as number;
    const movedX = Number((pointsBefore[1]![0] + 2).toFixed(2));
    await byTestId('amend-point-2-x').fill(String(movedX));
    const amendedValue = Number((Math.hypot(movedX - pointsBefore[0]![0], pointsBefore[1]![1] - pointsBefore[0]![1]) * pixelUm).toFixed(2));
    await expect.poll(() => byTestId('amend-derived-manual.distance').inputValue()).toBe(String(amendedValue));
    expect(await byTestId('amend-derived-manual.distance').isDisabled()).toBe(true);
    const reason = 'Second point re-placed on the firing pin impression edge after zooming in.';
    await byTestId('review-reason').fill(reason);
    await shot('amend-dialog', false);
    await byTestId('review-submit').click();
    await byTestId('review-dialog').waitFor({ state: 'detached' });
    const amendmentOf = () => mode.workstation.findings.list(caseId).find((f) => f.supersedes === manual.id);
    await expect.poll(amendmentOf).toBeTruthy();
    const amendment = amendmentOf()!;
    expect(amendment.measurements.find((m) => m.key === 'manual.distance')!.value).toBe(amendedValue);
    expect(JSON.parse(amendment.measurements.find((m) => m.key === 'manual.points')!.value as string)[1][0]).toBe(movedX);
    const original = byTestId(`finding-original-${amendment.id}`);
    await original.waitFor();
    expect(await original.textContent()).toContain(reason);
    // Measured values as the English interface writes them (grouped thousands: 1,940.63).
    const shown = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(value);
    expect(await original.textContent()).toContain(shown(measured.value as number));
    expect(await byTestId(`finding-measurements-${amendment.id}`).textContent()).toContain(shown(amendedValue));
    expect(await byTestId(`finding-row-${manual.id}`).count()).toBe(0);
    expect(await byTestId(`finding-state-${amendment.id}`).textContent()).toBe("Decided: the expert's own work");
    await shot('manual-finding-amended');

    // 9. Review policy: deciding every finding leaves the case a draft; submitting is the expert's own action, and the
    // expert who decided the findings cannot verify them: a second expert's technical review is required.
    await expect.poll(() => byTestId('review-progress').textContent()).toContain('2 of 2');
    expect(await byTestId('review-state').getAttribute('data-state')).toBe('draft');
    await byTestId('review-submit-case').click();
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('in-review');
    expect(await byTestId('review-technical-policy').textContent()).toContain('second expert');
    expect(await byTestId('review-verify').textContent()).toBe('Verify as technical reviewer');
    await byTestId('review-verify').click();
    await byTestId('sign-password').fill(expert.password);
    await byTestId('sign-submit').click();
    await expect.poll(() => byTestId('sign-error').textContent()).toContain('The technical review must be done by a second expert');
    await shot('same-expert-cannot-verify', false);
    await byTestId('sign-cancel').click();
    expect(await byTestId('review-state').getAttribute('data-state')).toBe('in-review');
    // The review happened beside the viewer, which opens over the window: close it before signing out.
    await byTestId('viewer-close').click();
    await byTestId('viewer-dialog').waitFor({ state: 'detached' });
    await logOut(page);
    const openCase = async () => {
      await byTestId(`case-row-${caseNumber}`).click();
      await byTestId('case-title').waitFor();
      await byTestId('review-bar').waitFor();
    };
    await logIn(page, reviewer, 'expert');
    await openCase();
    await byTestId('review-verify').click();
    await byTestId('sign-dialog').waitFor();
    await byTestId('sign-password').fill(reviewer.password);
    await shot('second-expert-technical-review', false);
    await byTestId('sign-submit').click();
    await byTestId('sign-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('verified');
    await logOut(page);

    // 10. Export dead end: the first expert signs while the workstation has no signing key; the dialog says so plainly.
    await logIn(page, expert, 'expert');
    await openCase();
    await byTestId('review-sign').click();
    await byTestId('sign-dialog').waitFor();
    await expect.poll(() => byTestId('sign-key-state').getAttribute('data-state')).toBe('none');
    expect(await byTestId('sign-key-state').textContent()).toContain('until a clerk or administrator creates the key (Audit → Signing key)');
    await byTestId('sign-meaning-approved').check();
    await byTestId('sign-password').fill(expert.password);
    await shot('sign-dialog-without-key', false);
    await byTestId('sign-submit').click();
    await byTestId('sign-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('signed');
    const signatures = page.locator('[data-testid^="review-signature-"]');
    await expect.poll(() => signatures.count()).toBe(2);
    expect(await signatures.nth(0).textContent()).toContain(reviewer.displayName);
    expect(await signatures.nth(0).textContent()).toMatch(/technical review/);
    expect(await signatures.nth(1).textContent()).toContain(expert.displayName);
    expect(await signatures.nth(1).textContent()).toMatch(/approved/i);
    expect(await byTestId(`finding-accept-${cmcFinding.id}`).count()).toBe(0);
    // The shield dialog does not claim a signed log either.
    await byTestId('audit-info-button').click();
    await expect.poll(() => byTestId('audit-info-intro').getAttribute('data-key-state')).toBe('none');
    expect(await byTestId('audit-info-intro').textContent()).toContain('it has no signing key yet, so nothing is signed');
    await shot('audit-dialog-without-key', false);
    await byTestId('audit-info-close').click();
    await byTestId('report-export').click();
    await expect.poll(() => byTestId('review-bar-error').textContent()).toContain('A clerk or administrator must create it in Audit → Signing key');
    expect(await byTestId('review-bar-error').textContent()).not.toContain('under “Signing key”');
    expect(mode.workstation.audit.list({ action: 'report.exported' })).toHaveLength(0);

    // 11. Signed must mean frozen: no intake, Compare disabled with the reason, Reopen offered; the service refuses too.
    await byTestId('evidence-frozen').waitFor();
    expect(await byTestId('evidence-file-input').count()).toBe(0);
    await byTestId(`evidence-pick-${shaA}`).check();
    await byTestId(`evidence-pick-${shaB}`).check();
    expect(await byTestId('evidence-compare').isDisabled()).toBe(true);
    await byTestId('review-reopen').waitFor();
    await shot('case-signed-frozen-export-refused');
    const expertUser = mode.workstation.users.list().find((u) => u.username === expert.username)!;
    const lateBytes = new Uint8Array(readFileSync(files[0]!.path));
    expect(() => mode.workstation.evidence.add(caseId, 'late.x3p', lateBytes, { userId: expertUser.id, username: expertUser.username, role: 'expert' })).toThrow(/the case is signed; an expert must reopen it first/);
    expect(mode.workstation.evidence.list(caseId)).toHaveLength(2);
    await logOut(page);

    // 12. The administrator creates the signing key where the message said.
    await logIn(page, admin, 'users');
    await byTestId('nav-audit').click();
    await byTestId('section-key').click();
    await byTestId('unlock-key-passphrase').fill(keyPassphrase);
    await byTestId('unlock-key-confirm').fill(keyPassphrase);
    await byTestId('unlock-key-submit').click();
    await byTestId('audit-key-fingerprint').waitFor();
    await shot('administrator-created-key');
    await logOut(page);

    // 13. The expert exports the signed report in English, Russian and Kazakh: pages to PNG, text read back.
    await logIn(page, expert, 'expert');
    await openCase();
    const pagesDir = join(outDir, 'report-pages');
    mkdirSync(pagesDir, { recursive: true });
    const exportReport = async (language: 'en' | 'ru' | 'kk', tag: string): Promise<{ text: string; pages: string[] }> => {
      await switchLanguage(page, language);
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId('report-export').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^report-.*-${language}-.*\\.pdf$`));
      const pdfPath = join(outDir, `${tag}-${download.suggestedFilename()}`);
      await download.saveAs(pdfPath);
      const pdf = readFileSync(pdfPath);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The export was audit-logged with the SHA-256 of exactly the bytes the browser saved.
      const exported = mode.workstation.audit.list({ action: 'report.exported' }).map((row) => JSON.parse(Buffer.from(row.bytes).toString('utf8')) as { outputs?: Record<string, string> });
      expect(exported.map((entry) => entry.outputs?.report)).toContain(sha256Hex(pdf));
      execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(pagesDir, `${tag}-${language}`)]);
      const pages = readdirSync(pagesDir).filter((name) => name.startsWith(`${tag}-${language}`) && name.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(1);
      for (const name of pages) expect(readFileSync(join(pagesDir, name)).subarray(1, 4).toString('latin1')).toBe('PNG');
      const pageTexts = pages.map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
      return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }), pages: pageTexts };
    };
    const english = await exportReport('en', 'signed');
    // Long values wrap inside their table cells; compare with the line breaks and spaces taken out.
    const joined = english.text.replace(/\s+/g, '');
    expect(english.text).toContain(caseNumber);
    expect(english.text).toContain('Forensic examination');
    expect(joined).toContain(shaA);
    expect(joined).toContain(shaB);
    expect(joined).toContain(expert.displayName.replace(/\s+/g, ''));
    expect(joined).toContain(reviewer.displayName.replace(/\s+/g, ''));
    // What the signature covered: the findings in force and both scans by name and SHA-256.
    const covered = english.text.slice(english.text.lastIndexOf('What this signature covers'));
    for (const file of files) expect(covered).toContain(file.name);
    expect(covered.replace(/\s+/g, '')).toContain(shaA);
    expect(english.text).not.toContain('not reviewed yet');
    for (const text of english.pages) expect(text).not.toContain('DRAFT');
    for (const language of ['ru', 'kk'] as const) {
      const { text } = await exportReport(language, 'signed');
      const own = text.slice(0, text.indexOf(language === 'ru' ? 'Контрольная точка журнала аудита' : 'Аудит журналының бақылау нүктесі'));
      expect(own).toContain(caseNumber);
      expect(own).not.toMatch(/\b(?:inconclusive|identification|accepted|model|manual|not reviewed)\b/);
      expect(own).not.toMatch(/\b(?:cmc|manual|bullet)\.[A-Za-z]/);
      expect(own).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      expect(own).not.toMatch(/[{}]|\[\[/);
      expect(own).toContain(language === 'ru' ? 'идентификация' : 'сәйкестендіру');
    }
    await shot('report-exported-kk');

    // 14. Reopen with a reason (audit-logged): intake is back, and a report now is a DRAFT on every page.
    await byTestId('review-reopen').click();
    await byTestId('reopen-dialog').waitFor();
    await byTestId('reopen-submit').click();
    await byTestId('reopen-reason').waitFor();
    expect(await byTestId('reopen-dialog').textContent()).toContain('Себебін көрсетіңіз.');
    const reopenReason = 'The court sent a third cartridge case from the same scene.';
    await byTestId('reopen-reason').fill(reopenReason);
    await shot('reopen-dialog-kk', false);
    await byTestId('reopen-submit').click();
    await byTestId('reopen-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => byTestId('review-state').getAttribute('data-state')).toBe('in-review');
    const reopened = mode.workstation.audit.list({ action: 'review.reopened' }).map((row) => JSON.parse(Buffer.from(row.bytes).toString('utf8')) as { details: { reason: string } });
    expect(reopened.map((e) => e.details.reason)).toEqual([reopenReason]);
    await expect.poll(() => signatures.nth(1).getAttribute('data-current')).toBe('false');
    expect(await signatures.nth(1).textContent()).toContain('күші жойылды: одан кейін іс қайта ашылды');
    await byTestId('evidence-file-input').waitFor({ state: 'attached' });
    expect(await byTestId('evidence-frozen').count()).toBe(0);
    const draft = await exportReport('ru', 'reopened');
    for (const text of draft.pages) expect(text).toContain('ЧЕРНОВИК');
    await shot('case-reopened-ru');
    await switchLanguage(page, 'en');
    await shot('case-reopened-en');

    expect(problems).toEqual([]);
    console.log(`[e2e expert] ${variant} scans, ${chromiumPage.taken} screenshots, wall ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
