import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { outDirOf, useBrowserMode, useChromium } from './harness.ts';
import { addUser, confirmEvidenceKinds, createCase, cutText, findChromium, logIn, logOut, setUpAdministrator, switchLanguage } from './helpers.ts';

const chromiumFound = findChromium();
if (chromiumFound.path === null) console.log(`[e2e] skipping the civil tests: ${chromiumFound.reason}`);

/** Screenshots, relative to the repository root. */
const outDir = outDirOf('civil');
const admin = { username: 'admin', displayName: 'Aigerim Seitkali', password: 'admin-passphrase-01' };
const expert = { username: 'expert1', displayName: 'Erlan Dzhaksybekov', password: 'expert-passphrase-01' };
const judge = { username: 'judge1', displayName: 'Marat Abenov', password: 'judge-passphrase-01' };
const caseNumber = '2-555/2026';

/** The claim as the plaintiff wrote it: the debt and its penalty, with their total. */
const claimLines = [
  'ИСКОВОЕ ЗАЯВЛЕНИЕ о взыскании задолженности по договору поставки',
  'Истец ТОО «Алтын Дала» и ответчик ТОО «Береке Трейд» заключили договор поставки № 14.',
  'Истец поставил товар, что подтверждается актом приема-передачи и счетом-фактурой.',
  'Ответчик оплату не произвел, претензию истца оставил без ответа.',
  'Просим взыскать с ответчика основной долг 2 400 000 тенге и неустойку 600 000 тенге,',
  'всего 3 000 000 тенге. Просрочка составляет 8 месяцев.',
];

/** A one-page PDF with the claim as its own text (no recognition needed), in DejaVu Serif for the Cyrillic. */
async function claimPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
  const font = await doc.embedFont(readFileSync(fontPath), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  claimLines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 10, font }));
  return doc.save();
}

const server = useBrowserMode('civil');

describe.skipIf(chromiumFound.path === null)('a civil claim in Chromium (browser mode): the claim document and a question fill the judge’s facts', () => {
  const chromiumPage = useChromium({ executablePath: chromiumFound.path, outDir, context: { locale: 'ru-RU', viewport: { width: 1366, height: 900 } }, fullPage: true });
  const { shot } = chromiumPage;

  it('bad files are refused by name, the claim’s total and the defence’s payment reach the form, and the consultation reads in every language', async () => {
    const { page, problems } = chromiumPage;
    const byTestId = (id: string) => page.getByTestId(id);
    const files = mkdtempSync(join(tmpdir(), 'dalel-e2e-civil-'));
    const pdf = await claimPdf();
    const claimPath = join(files, 'isk.pdf');
    writeFileSync(claimPath, pdf);
    writeFileSync(join(files, 'empty.pdf'), new Uint8Array());
    writeFileSync(join(files, 'notes.pdf'), 'this is a note saved with the wrong name\n');
    writeFileSync(join(files, 'cut.pdf'), pdf.slice(0, Math.floor(pdf.length / 2)));

    await page.goto(server.mode.bridge.url);
    await setUpAdministrator(page, admin);
    await addUser(page, judge, 'judge');
    await addUser(page, expert, 'expert');
    await logOut(page);

    // The expert files the claim; three bad files are refused by name, and nothing of them is stored.
    await logIn(page, expert, 'expert');
    await switchLanguage(page, 'ru');
    await createCase(page, { number: caseNumber, venue: 'СМЭС г. Алматы', type: 'civil', parties: 'ТОО «Алтын Дала» v. ТОО «Береке Трейд»' });
    await byTestId('case-title').waitFor();
    for (const [name, words] of [
      ['empty.pdf', 'пуст'],
      ['notes.pdf', 'не документ PDF'],
      ['cut.pdf', 'неполный'],
    ] as const) {
      await byTestId('evidence-file-input').setInputFiles(join(files, name));
      await expect.poll(() => page.getByTestId('intake-result-failed').filter({ hasText: `«${name}»` }).count()).toBe(1);
      await expect(page.getByTestId('intake-result-failed').filter({ hasText: `«${name}»` }).textContent()).resolves.toContain(words);
    }
    await shot('bad-files-ru');
    await expect(page.locator('[data-testid^="evidence-row-"]').count()).resolves.toBe(0);
    await byTestId('evidence-file-input').setInputFiles(claimPath);
    await confirmEvidenceKinds(page);
    await page.locator('[data-testid^="evidence-open-"]').first().click();
    await byTestId('custody-dialog').waitFor();
    await byTestId('document-text-recognise').click();
    await byTestId('document-text-summary').waitFor({ timeout: 60_000 });
    // The PDF carried its own text: the summary says nothing was recognised, and names no OCR engine.
    await expect(byTestId('document-text-summary').textContent()).resolves.toContain('распознавание не потребовалось');
    await expect(byTestId('document-text-summary').textContent()).resolves.not.toContain('tesseract');
    await shot('claim-text-ru');
    await page.keyboard.press('Escape');
    await byTestId('custody-dialog').waitFor({ state: 'detached' });
    await logOut(page);

    // The judge reads the facts from the claim: the whole sum claimed is the stated total, not the debt alone.
    await logIn(page, judge, 'judge');
    await byTestId(`open-case-${caseNumber}`).click();
    await byTestId('decision-panel').waitFor();
    await byTestId('document-fill-read').click();
    await byTestId('document-fill-facts').waitFor();
    await expect(byTestId('document-fact-claimAmountKzt').textContent()).resolves.toContain('3 000 000');
    await expect(byTestId('document-fact-penaltyClaimedKzt').textContent()).resolves.toContain('600 000');
    await expect(byTestId('document-fact-monthsSinceBreach').textContent()).resolves.toContain('8');
    for (const field of ['claimAmountKzt', 'penaltyClaimedKzt', 'monthsSinceBreach']) await page.locator(`[data-testid="document-fact-tick-${field}"] input`).check();
    for (const tick of await page.locator('[data-testid^="document-fact-tick-documents"] input').all()) await tick.check();
    await shot('document-facts-ru');
    await byTestId('document-fill-accept').click();
    await expect(byTestId('fact-claimAmountKzt').inputValue()).resolves.toBe('3000000');
    await expect(byTestId('fact-penaltyClaimedKzt').inputValue()).resolves.toBe('600000');
    await expect(byTestId('fact-documents-invoice').isChecked()).resolves.toBe(true);

    // A question in the judge's words: the defence's demand and its payment after the claim, not a second penalty.
    await byTestId('question-input').fill('Ответчик заявил об уменьшении неустойки, а после подачи иска оплатил 400 000 тенге долга. Что решит суд?');
    await byTestId('question-ask').click();
    await byTestId('question-answer').waitFor();
    await expect(page.getByTestId('question-fact-penaltyClaimedKzt').count()).resolves.toBe(0);
    await page.locator('[data-testid="question-fact-penaltyReductionRequested"] input').check();
    await page.locator('[data-testid="question-fact-paidAfterClaimKzt"] input').check();
    await shot('question-ru');
    await byTestId('question-accept').click();
    await expect(byTestId('fact-paidAfterClaimKzt').inputValue()).resolves.toBe('400000');
    await byTestId('fact-limitationInvoked').selectOption('false');
    await byTestId('fact-simplifiedProcedure').selectOption('false');
    await byTestId('consult-button').click();
    await byTestId('consultation').waitFor();
    await expect.poll(() => page.getByTestId('prediction-card').count()).toBe(2);
    await shot('consultation-ru');
    // Nothing is cut, at the narrowest two-column width and at 1366 px, in each language.
    for (const language of ['ru', 'kk', 'en'] as const) {
      await switchLanguage(page, language);
      for (const width of [1000, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await cutText(page), `${language} at ${width} px`).toEqual([]);
      }
      await shot(`consultation-${language}`);
    }
    expect(problems).toEqual([]);
  });
});
