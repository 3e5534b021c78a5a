import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../native/codecs/zip/zip-write.ts';
import { have, outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { syntheticCorpusCsv } from '../../scripts/synthetic/corpus-file.ts';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { addUser, confirmEvidenceKinds, createCase, cutText, findChromium, logIn, logOut, makePng, setUpAdministrator, sha256Hex, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the clerk tests: ${chromiumFound.reason}`);

/** Screenshots and the downloaded bundles of this test, relative to the repository root. */
const outDir = outDirOf('clerk');

const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const clerk = { username: 'clerk1', displayName: 'Dana Nurlanovna', password: 'clerk-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
const keyPassphrase = 'court-archive-key-2026';
const caseNumber = '2-1234/2025';
const caseVenue = 'Almaty City Forensic Laboratory';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A copy of a bundle zip with one character of the first entry changed (its action's first letter), the rest as it
 * was: unzipped with `unzip`, rezipped with `zip -r` where it exists, else with the repository's own ZipWriter.
 */
function tamperedCopy(zipPath: string, outPath: string): { readonly before: string; readonly after: string } {
  const work = mkdtempSync(join(tmpdir(), 'dalel-e2e-tamper-'));
  try {
    execFileSync('unzip', ['-q', zipPath, '-d', work]);
    const [top] = readdirSync(work);
    const entriesPath = join(work, top!, 'entries.jsonl');
    const text = readFileSync(entriesPath, 'utf8');
    const newline = text.indexOf('\n');
    const before = text.slice(0, newline);
    const after = before.replace(/"action":"(.)/, (_match, first: string) => `"action":"${first === 'x' ? 'y' : 'x'}`);
    expect(after).not.toBe(before);
    writeFileSync(entriesPath, after + text.slice(newline));
    rmSync(outPath, { force: true });
    if (have('zip')) {
      execFileSync('zip', ['-q', '-r', outPath, top!], { cwd: work });
    } else {
      const writer = new ZipWriter(outPath);
      for (const file of filesUnder(join(work, top!))) writer.add(relative(work, file).split('\\').join('/'), new Uint8Array(readFileSync(file)));
      writer.close();
    }
    return { before, after };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const server = useBrowserMode('clerk');

describe.skipIf(chromiumFound.path === null || !have('unzip'))('the clerk audit workflow in Chromium (browser mode)', () => {
  const chromiumPage = useChromium({
    executablePath: chromiumFound.path,
    outDir,
    context: { locale: 'en-US', viewport: { width: 1440, height: 900 }, acceptDownloads: true },
    // The whole page, or only the viewport while a dialog is open (its backdrop covers the viewport only).
    fullPage: true,
    fromTop: true,
  });
  const { shot } = chromiumPage;

  it('signing key → trail and proof → checkpoint → case export with progress → download → VALID → tampered copy INVALID → key rotation', async () => {
    const { page, problems } = chromiumPage;
    const { mode, dataDir } = server;
    const byTestId = (id: string) => page.getByTestId(id);

    // 1. First run: the administrator, who adds a clerk and an expert.
    await page.goto(mode.bridge.url);
    await setUpAdministrator(page, admin);
    // Administrators have the audit screens as a workspace of their own.
    await byTestId('nav-audit').waitFor();
    await addUser(page, clerk, 'clerk');
    await addUser(page, expert, 'expert');
    expect(await byTestId(`user-row-${clerk.username}`).textContent()).toContain('Court clerk');
    await shot('administrator-added-clerk-and-expert');
    await logOut(page);

    // 2. The expert opens a case and imports a PNG.
    await logIn(page, expert, 'expert');
    await createCase(page, { number: caseNumber, venue: caseVenue, type: 'forensic-examination', parties: 'State v. Unknown (firearm discharge)' });
    await byTestId('case-title').waitFor();
    const png = makePng(96, 64, 1);
    const sha = sha256Hex(png);
    await byTestId('evidence-file-input').setInputFiles({ name: 'cartridge-case-01.png', mimeType: 'image/png', buffer: png });
    await confirmEvidenceKinds(page);
    await byTestId(`evidence-row-${sha}`).waitFor();
    await shot('expert-imported-evidence');
    await logOut(page);

    // 3. The clerk: the case list is still the first section, the key state is in view above it.
    await logIn(page, clerk, 'clerk');
    await byTestId('clerk-workspace').waitFor();
    await byTestId(`open-case-${caseNumber}`).waitFor();
    expect(await byTestId('audit-strip-key-state').textContent()).toBe('No signing key yet');
    await shot('clerk-workspace');

    // 4. Unlocking the signing key the first time creates it; its full fingerprint is then shown.
    await byTestId('section-key').click();
    await byTestId('unlock-key-form').waitFor();
    expect(await byTestId('unlock-key-explanation').textContent()).toContain('at least 12 characters');
    await byTestId('unlock-key-passphrase').fill(keyPassphrase);
    await byTestId('unlock-key-confirm').fill(keyPassphrase);
    await shot('create-signing-key');
    await byTestId('unlock-key-submit').click();
    await byTestId('audit-key-fingerprint').waitFor();
    const fingerprint = mode.workstation.keyring.activeKey()!.fingerprint;
    expect(await byTestId('audit-key-fingerprint').textContent()).toBe(fingerprint);
    expect(await byTestId('audit-key-verifier-key').textContent()).toBe(mode.workstation.keyring.activeKey()!.verifierKey);
    expect(await byTestId('audit-strip-key-state').textContent()).toBe('Signing key unlocked');
    expect(await byTestId('unlock-key-form').count()).toBe(0);
    await shot('signing-key-unlocked');

    // 5. The trail, filtered by the case: every row is the case's.
    await byTestId('section-trail').click();
    await byTestId('trail-row-0').waitFor();
    await shot('audit-trail');
    await byTestId('trail-filter-case').selectOption({ label: `${caseNumber} — ${caseVenue}` });
    await byTestId('trail-filter-apply').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="trail-row-0"]') === null);
    const rows = page.getByTestId(/^trail-row-\d+$/);
    await rows.first().waitFor();
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < rowCount; i++) expect(await rows.nth(i).textContent()).toContain(caseNumber);
    const actions = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-action')));
    expect(actions).toContain('case.created');
    // Audit trail: actions in words, the user's display name, what the entry is about; the raw code only in the detail view.
    const createdRow = page.locator('[data-action="case.created"]').first();
    const createdSeq = (await createdRow.getAttribute('data-testid'))!.replace('trail-row-', '');
    expect(await byTestId(`trail-action-${createdSeq}`).textContent()).toBe('Created a case');
    expect(await createdRow.textContent()).toContain(expert.displayName);
    expect(await createdRow.textContent()).toContain(`Case ${caseNumber}`);
    expect(await createdRow.textContent()).not.toContain('case.created');
    const receivedSeq = (await page.locator('[data-action="evidence.received"]').first().getAttribute('data-testid'))!.replace('trail-row-', '');
    expect(await byTestId(`trail-row-${receivedSeq}`).textContent()).toContain('File cartridge-case-01.png');
    await shot('trail-filtered-by-case');

    // 6. One entry's detail: its canonical JSON and inclusion proof (or, if no checkpoint covers it yet, signing one).
    const firstSeq = (await rows.first().getAttribute('data-testid'))!.replace('trail-row-', '');
    await byTestId(`trail-open-${firstSeq}`).click();
    await byTestId('entry-dialog').waitFor();
    expect(await byTestId('entry-json').textContent()).toContain(`"seq": ${firstSeq}`);
    expect(await byTestId('entry-action').textContent()).toMatch(/^[a-z]+\.[a-z-]+$/);
    await page.locator('[data-testid="proof-text"], [data-testid="proof-not-covered"]').first().waitFor();
    if ((await byTestId('proof-not-covered').count()) > 0) {
      await byTestId('proof-sign-checkpoint').click();
      await byTestId('proof-text').waitFor();
    }
    expect(await byTestId('proof-text').textContent()).toContain(`index ${firstSeq}`);
    expect(await byTestId('proof-leaf-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await byTestId('proof-text').scrollIntoViewIfNeeded();
    await shot('entry-proof', false);
    await byTestId('entry-close').click();
    await byTestId('entry-dialog').waitFor({ state: 'detached' });

    // 7. Sign a checkpoint now, from the checkpoint history.
    await byTestId('section-checkpoints').click();
    await byTestId('checkpoints-table').waitFor();
    await byTestId('checkpoint-sign').click();
    await byTestId('checkpoint-notice').waitFor();
    const latest = mode.workstation.checkpoints.latest()!;
    expect(latest.size).toBe(mode.workstation.audit.size());
    expect(await byTestId('checkpoint-notice').textContent()).toContain(`Checkpoint ${latest.id} covers all`);
    await byTestId(`checkpoint-row-${latest.id}`).waitFor();
    await shot('checkpoint-signed');

    // 8. Export the case: the progress bar runs to the result.
    await byTestId('export-open').click();
    await byTestId('export-dialog').waitFor();
    await byTestId('export-scope-case').click();
    await byTestId('export-case').selectOption({ label: `${caseNumber} — ${caseVenue}` });
    await shot('export-dialog', false);
    await byTestId('export-submit').click();
    await byTestId('export-result').waitFor();
    expect(await byTestId('export-progress').getAttribute('data-percent')).toBe('100');
    const bundleName = (await byTestId('export-result-name').textContent())!;
    expect(bundleName).toMatch(/^dalel-audit-case-\d{8}T\d{6}Z-\d+$/);
    const entriesText = (await byTestId('export-result-entries').textContent())!;
    expect(Number(entriesText)).toBe(rowCount + 1);
    await shot('export-result', false);

    // 9. Download the zip through the browser and keep it.
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe(`${bundleName}.zip`);
    const zipPath = join(outDir, `${bundleName}.zip`);
    await download.saveAs(zipPath);
    const zip = readFileSync(zipPath);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.equals(readFileSync(join(dataDir, 'exports', `${bundleName}.zip`)))).toBe(true);
    await byTestId('export-downloaded').waitFor();
    await byTestId('export-close').click();
    await byTestId('export-dialog').waitFor({ state: 'detached' });

    // 10. Verify the downloaded bundle: VALID, signed by this workstation's key.
    await byTestId('section-verify').click();
    await byTestId('verify-file-input').setInputFiles(zipPath);
    await byTestId('verify-verdict').waitFor();
    expect(await byTestId('verify-verdict').textContent()).toBe('VALID');
    expect(await byTestId('verify-fingerprint').textContent()).toBe(fingerprint);
    expect(await byTestId('verify-problems').count()).toBe(0);
    expect(await byTestId('verify-passed').textContent()).toContain('entries each proven included');
    expect(await byTestId('verify-entries').textContent()).toMatch(/^\d+: the \d+ selected entries and one entry that records the export itself$/);
    await shot('verify-valid');

    // 11. One changed byte in the first line of entries.jsonl: INVALID, and the problem names the entry.
    const tamperedPath = join(outDir, `${bundleName}-tampered.zip`);
    copyFileSync(zipPath, join(outDir, 'copy-before-tampering.zip'));
    tamperedCopy(join(outDir, 'copy-before-tampering.zip'), tamperedPath);
    rmSync(join(outDir, 'copy-before-tampering.zip'));
    await byTestId('verify-file-input').setInputFiles(tamperedPath);
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-verdict"]')?.textContent === 'INVALID');
    const changed = page.locator('[data-testid="verify-problem"][data-code="changed-entry"]');
    await changed.first().waitFor();
    const changedText = (await changed.first().textContent())!;
    expect(changedText).toContain('An entry was changed');
    expect(changedText).toMatch(/entry seq \d+ on line 1/);
    expect(changedText).toContain('entries.jsonl');
    await shot('verify-tampered-invalid');

    // Every verification and the download were recorded in the log.
    const recorded = mode.workstation.audit.list({ action: 'audit.bundle-' }).map((r) => r.action);
    expect(recorded).toEqual(['audit.bundle-downloaded', 'audit.bundle-verified', 'audit.bundle-verified']);

    // 12. The administrator rotates the key (typed twice, after a warning); the bundle signed with the old key stays VALID.
    await logOut(page);
    await logIn(page, admin, 'users');
    await byTestId('nav-audit').click();
    await byTestId('audit-workspace').waitFor();
    expect(await byTestId('section-cases').count()).toBe(0);
    await byTestId('audit-key-fingerprint').waitFor();
    await byTestId('rotate-key-button').click();
    await byTestId('rotate-key-passphrase').fill('a-new-archive-key-2026');
    await byTestId('rotate-key-confirm').fill('a-new-archive-key-2026');
    await shot('administrator-rotate-key', false);
    await byTestId('rotate-key-submit').click();
    await byTestId('rotate-key-done').waitFor();
    const rotated = mode.workstation.keyring.activeKey()!.fingerprint;
    expect(rotated).not.toBe(fingerprint);
    await page.waitForFunction((expected) => document.querySelector('[data-testid="audit-key-fingerprint"]')?.textContent === expected, rotated);
    await shot('administrator-key-rotated');
    await byTestId('section-verify').click();
    await byTestId('verify-file-input').setInputFiles(zipPath);
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-verdict"]')?.textContent === 'VALID');
    expect(await byTestId('verify-fingerprint').textContent()).toBe(fingerprint);
    expect(await byTestId('verify-key-match').textContent()).toBe("Not this workstation's current key");

    // 13. In Kazakh, the report and the sections follow.
    await byTestId('language-button').click();
    await byTestId('language-option-kk').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-verdict"]')?.textContent === 'ЖАРАМДЫ');
    await page.getByText('Пакетті тексеру', { exact: true }).first().waitFor();
    await shot('administrator-verify-kazakh');

    // 14. Every role sees the current fingerprint from the top bar.
    await byTestId('audit-info-button').click();
    await byTestId('audit-info-dialog').waitFor();
    expect(await byTestId('audit-info-fingerprint').textContent()).toBe(rotated);
    await shot('audit-info-dialog', false);
    await byTestId('audit-info-close').click();

    expect(problems).toEqual([]);
  });

  it('stale VALID → damaged, administrator settings, reset password, role and name, at 800 px in kk, ru and en with no label cut', async () => {
    const { page, problems } = chromiumPage;
    const { mode, dataDir } = server;
    const byTestId = (id: string) => page.getByTestId(id);
    // The admin is signed in (Kazakh) from the test above, on the audit workspace.
    const bundle = readdirSync(join(dataDir, 'exports')).find((name) => name.endsWith('.zip'))!;
    const bundlePath = join(dataDir, 'exports', bundle);

    const clipped = () => cutText(page);
    const noneCut = async (screen: string) => {
      await page.waitForTimeout(50);
      const found = await clipped();
      if (found.length > 0) await shot(`cut-${screen.replace(/\s+/g, '-')}`);
      expect(found, `${screen} at 800 px`).toEqual([]);
    };
    const language = (lng: 'kk' | 'ru' | 'en') => switchLanguage(page, lng);

    // Stale VALID: after a valid bundle, a damaged .zip shows only "damaged": the old VALID is gone.
    await page.setViewportSize({ width: 1440, height: 900 });
    await language('en');
    await byTestId('section-verify').click();
    await byTestId('verify-file-input').setInputFiles(bundlePath);
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-verdict"]')?.textContent === 'VALID');
    await byTestId('verify-file-input').setInputFiles({ name: 'damaged.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not a zip archive at all') });
    await byTestId('verify-error').waitFor();
    expect(await byTestId('verify-verdict').count()).toBe(0);
    await shot('stale-valid-cleared-by-damaged');
    // …and a valid one after the damaged one shows VALID alone.
    await byTestId('verify-file-input').setInputFiles(bundlePath);
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-verdict"]')?.textContent === 'VALID');
    expect(await byTestId('verify-error').count()).toBe(0);

    await page.setViewportSize({ width: 800, height: 900 });
    // A small corpus, so that the models workspace shows its tables (cases per case type with the retrain controls).
    await byTestId('nav-models').click();
    await byTestId('corpus-import-open').click();
    await byTestId('corpus-import-case-type').selectOption('kz-criminal');
    const corpus = syntheticCorpusCsv(StatutoryBoundsService.open(null), 120, 9).csv;
    await byTestId('corpus-import-input').setInputFiles({ name: 'decided-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(corpus) });
    await byTestId('corpus-import-submit').click();
    await byTestId('corpus-import-dialog').waitFor({ state: 'detached' });
    const temporary = { kk: 'уақытша-құпиясөз-01', ru: 'временный-пароль-01', en: 'temporary-password-01' };
    let clerkPassword = clerk.password;
    for (const lng of ['kk', 'ru', 'en'] as const) {
      await language(lng);
      // The administrator's screens: users, the edit and reset dialogs, settings, audit sections.
      await byTestId('nav-users').click();
      await byTestId(`user-row-${clerk.username}`).waitFor();
      await noneCut(`${lng} users`);
      await shot(`${lng}-800-users`);
      await byTestId(`user-edit-${clerk.username}`).click();
      await byTestId('edit-user-form').waitFor();
      await noneCut(`${lng} edit user`);
      await byTestId('edit-user-display-name').fill(`${clerk.displayName} (${lng})`);
      await shot(`${lng}-800-edit-user`, false);
      await byTestId('edit-user-submit').click();
      await byTestId('edit-user-form').waitFor({ state: 'detached' });
      await page.waitForFunction(([id, name]) => document.querySelector(`[data-testid="user-row-${id}"]`)?.textContent?.includes(name!), [clerk.username, `(${lng})`]);

      await byTestId(`user-reset-${clerk.username}`).click();
      await byTestId('reset-password-form').waitFor();
      await byTestId('reset-password-new').fill(temporary[lng]);
      await byTestId('reset-password-confirm').fill(temporary[lng]);
      await noneCut(`${lng} reset password`);
      await shot(`${lng}-800-reset-password`, false);
      await byTestId('reset-password-submit').click();
      await byTestId('user-reset-done').waitFor();
      await byTestId(`user-must-change-${clerk.username}`).waitFor();

      await byTestId('nav-settings').click();
      await byTestId('settings-form').waitFor();
      await noneCut(`${lng} settings`);
      await shot(`${lng}-800-settings`);

      await byTestId('nav-models').click();
      await byTestId('retrain-days-kz-criminal').waitFor();
      await noneCut(`${lng} models`);
      await shot(`${lng}-800-models`);

      await byTestId('nav-audit').click();
      for (const section of ['key', 'trail', 'checkpoints', 'verify']) {
        await byTestId(`section-${section}`).click();
        await page.waitForTimeout(300);
        await noneCut(`${lng} audit ${section}`);
        await shot(`${lng}-800-audit-${section}`);
      }
      await logOut(page);
      await noneCut(`${lng} login`);
      await shot(`${lng}-800-login`);

      // The clerk must set a new password before anything else.
      await page.getByTestId('login-username').fill(clerk.username);
      await page.getByTestId('login-password').fill(temporary[lng]);
      await page.getByTestId('login-submit').click();
      await byTestId('change-password-form').waitFor();
      await noneCut(`${lng} change password`);
      await shot(`${lng}-800-change-password`);
      expect(await byTestId('nav-clerk').count()).toBe(0);
      clerkPassword = `${clerk.password}-${lng}`;
      await byTestId('change-password-current').fill(temporary[lng]);
      await byTestId('change-password-new').fill(clerkPassword);
      await byTestId('change-password-confirm').fill(clerkPassword);
      await byTestId('change-password-submit').click();
      await byTestId('nav-clerk').waitFor();
      await byTestId(`open-case-${caseNumber}`).waitFor();
      await noneCut(`${lng} clerk workspace`);
      await shot(`${lng}-800-clerk-workspace`);
      for (const section of ['key', 'trail', 'checkpoints', 'verify']) {
        await byTestId(`section-${section}`).click();
        await page.waitForTimeout(300);
        await noneCut(`${lng} clerk ${section}`);
      }
      await byTestId('section-cases').click();
      await byTestId(`open-case-${caseNumber}`).click();
      await byTestId('case-title').waitFor();
      await page.waitForTimeout(300);
      await noneCut(`${lng} case view`);
      await shot(`${lng}-800-case-view`);
      await logOut(page);
      await logIn(page, admin, 'users');
    }

    // The administrator's settings: a new workstation name is shown as the origin the next key will have.
    await byTestId('nav-settings').click();
    await byTestId('settings-workstation-name').fill('Almaty forensic laboratory 1');
    await byTestId('settings-technicalReviewRequired').click();
    await byTestId('settings-save').click();
    await byTestId('settings-saved').waitFor();
    expect(mode.workstation.settings.get()).toMatchObject({ workstationName: 'Almaty forensic laboratory 1', technicalReviewRequired: false });
    expect(await byTestId('settings-next-origin').textContent()).toContain(`Almaty-forensic-laboratory-1/audit/${mode.workstation.id}`);
    expect(await byTestId('settings-origin').textContent()).toContain(mode.workstation.keyring.origin);
    await noneCut('en settings saved');
    await shot('en-800-settings-saved');
    const actions = mode.workstation.audit.list({ limit: 10_000 }).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password-reset', 'user.password-changed', 'user.display-name-changed', 'settings.changed']));
    await page.setViewportSize({ width: 1440, height: 900 });

    expect(problems).toEqual([]);
  });
});
