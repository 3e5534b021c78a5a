import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { addUser, createCase, findChromium, logIn, logOut, setUpAdministrator, sha256Hex, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the handwriting tests: ${chromiumFound.reason}`);
announceSkipIfMissing('e2e handwriting');

/** Screenshots, relative to the repository root. */
const outDir = outDirOf('handwriting');
const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
// Two known pages of writer w0030; the questioned page is a third page of the same writer, then a page of w0238.
const known = ['w0030_s01_pWOZ_r01.png', 'w0030_s01_pWOZ_r02.png'] as const;
const sameWriter = 'w0030_s01_pWOZ_r03.png';
const otherWriter = 'w0238_s01_pWOZ_r01.png';

const ready = chromiumFound.path !== null && sharedDataDir !== null;
const server = useBrowserMode('handwriting', ready);

describe.skipIf(!ready)('a handwriting examination in Chromium (browser mode, real CSAFE pages, Kazakh and Russian)', () => {
  const chromiumPage = useChromium({ executablePath: chromiumFound.path, outDir, context: { locale: 'kk-KZ', viewport: { width: 1400, height: 900 } }, fullPage: true, fromTop: true });
  const { shot } = chromiumPage;

  it('two comparisons against the same known pages: each run and finding names its pages, the viewer puts the run shown first, the summary tells them apart', async () => {
    const { page, problems } = chromiumPage;
    const byTestId = (id: string) => page.getByTestId(id);
    const names = [...known, sameWriter, otherWriter];
    const shas = names.map((name) => sha256Hex(readFileSync(join(sharedDataDir!, 'handwriting', name))));
    const [k1, k2, same, other] = shas as [string, string, string, string];
    const workstation = () => server.mode.workstation;
    const seen = new Set<string>();
    /** Picks exactly these items, starts the writer comparison (the last picked is questioned), waits for it and gives its id. */
    const compare = async (caseId: string, picked: readonly string[]): Promise<string> => {
      for (const sha of shas) await byTestId(`evidence-pick-${sha}`).setChecked(picked.includes(sha));
      await byTestId('evidence-compare').click();
      await byTestId('compare-dialog').waitFor();
      expect(await byTestId('compare-module-handwriting.writer-comparison').isChecked()).toBe(true);
      await byTestId('compare-start').click();
      await byTestId('compare-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => workstation().analysis.list(caseId).filter((r) => !seen.has(r.id)).length).toBe(1);
      const run = workstation().analysis.list(caseId).find((r) => !seen.has(r.id))!;
      seen.add(run.id);
      await byTestId(`analysis-open-${run.id}`).waitFor({ timeout: 150_000 });
      return run.id;
    };

    await page.goto(server.mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, expert, 'expert');
    await logOut(page);
    await logIn(page, expert, 'expert');
    await switchLanguage(page, 'kk');
    await createCase(page, { number: 'Q-2026/0031', venue: 'Алматы қалалық сот-сараптама зертханасы', type: 'forensic-examination', parties: 'Мемлекет v. Белгісіз' });
    await byTestId('case-title').waitFor();
    await byTestId('evidence-file-input').setInputFiles(names.map((name) => join(sharedDataDir!, 'handwriting', name)));
    await byTestId('declare-kind-dialog').waitFor();
    // The four pages declared at once.
    await byTestId('declare-kind-all').selectOption('handwriting.page');
    for (const index of names.keys()) expect(await byTestId(`declare-kind-${index}`).inputValue()).toBe('handwriting.page');
    await shot('kk-declare-pages', false);
    await byTestId('declare-kind-store').click();
    for (const sha of shas) await byTestId(`evidence-row-${sha}`).waitFor();
    const caseId = workstation().cases.list().find((c) => c.number === 'Q-2026/0031')!.id;

    const sameRun = await compare(caseId, [k1, k2, same]);
    const otherRun = await compare(caseId, [k1, k2, other]);
    // Each run says which pages it compared, known and questioned, in Kazakh.
    expect(await byTestId(`analysis-items-${sameRun}`).textContent()).toBe(`Үлгілер: ${known.join(', ')} → зерттелетін: ${sameWriter}`);
    expect(await byTestId(`analysis-items-${otherRun}`).textContent()).toBe(`Үлгілер: ${known.join(', ')} → зерттелетін: ${otherWriter}`);
    await shot('kk-two-comparisons');

    // Open the second: its finding comes first and is selected; the first run's finding stands under the case's others.
    const findings = workstation().findings.list(caseId);
    const otherFinding = findings.find((f) => f.runId === otherRun)!;
    const sameFinding = findings.find((f) => f.runId === sameRun)!;
    await byTestId(`analysis-open-${otherRun}`).click();
    await byTestId('viewer-dialog').waitFor();
    await byTestId('handwriting-outcome').waitFor();
    expect(await byTestId('findings-of-run').locator(`[data-testid="finding-row-${otherFinding.id}"]`).count()).toBe(1);
    expect(await byTestId('findings-others').locator(`[data-testid="finding-row-${sameFinding.id}"]`).count()).toBe(1);
    expect(await byTestId(`finding-row-${otherFinding.id}`).getAttribute('aria-selected')).toBe('true');
    // The likelihood ratio reads the same in the viewer and on the finding card.
    const lr = otherFinding.measurements.find((m) => m.key === 'lr')!.value as number;
    const card = (await byTestId(`finding-measurements-${otherFinding.id}`).textContent())!;
    const shown = /: ([\d\s,]+)/.exec(card)![1]!.trim();
    expect(Number(shown.replace(/\s/g, '').replace(',', '.'))).toBeCloseTo(lr, 1);
    expect((await byTestId('handwriting-outcome').textContent())!.replace(/\s/g, ' ')).toContain(shown.replace(/\s/g, ' '));
    await shot('kk-second-comparison-in-viewer', false);
    await page.keyboard.press('Escape');
    await byTestId('viewer-dialog').waitFor({ state: 'detached' });

    // The summary names each comparison's pages, since both have the same subject.
    await switchLanguage(page, 'ru');
    await expect.poll(() => byTestId('summary-panel').textContent()).toContain(`(${known.join(', ')}, ${otherWriter})`);
    expect(await byTestId('summary-panel').textContent()).toContain(`(${known.join(', ')}, ${sameWriter})`);
    await shot('ru-summary');
    expect(problems).toEqual([]);
  });
});
