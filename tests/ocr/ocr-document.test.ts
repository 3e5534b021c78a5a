import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blur, encodePng, isShaded, turn, type GreyPage } from '../../native/ocr/page-ops.ts';
import { ocrDocument } from '../../main/services/ocr/ocr-document.ts';
import { characterErrorRate, renderPage, scannerNoise, unevenLight } from '../../bench/ocr-pages.ts';
import { DalelError } from '../../main/services/errors.ts';
import { runDalel } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workstation.ts';
import { tesseractHas } from '../helpers/tesseract.ts';

const require = createRequire(import.meta.url);

const installed = tesseractHas('kaz');
if (!installed) console.log('OCR tests skipped: tesseract with Kazakh data is not installed (scripts/setup-system.sh installs it)');

const kazakh = 'Сотталушы кінәсін толық мойындады, жәбірленушіге келтірілген залалды өтеді.\nҒимараттың ұзындығы он үш метр, Һ әрпі де танылуы керек.';

async function expectBadInput(run: Promise<unknown>, file: string, reasonCode: string): Promise<void> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DalelError);
  expect((error as DalelError).code).toBe('BAD_INPUT');
  expect((error as DalelError).message).toContain(file);
  expect((error as DalelError).params.reasonCode).toBe(reasonCode);
}

describe.skipIf(!installed)('OCR of case documents', () => {
  let page: GreyPage;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    page = await renderPage(kazakh);
    ({ dir, cleanup } = tempDir());
  }, 60_000);
  afterAll(() => cleanup());

  it('reads a Kazakh page with every Kazakh letter, with word boxes, confidences and versions', async () => {
    const doc = await ocrDocument(encodePng(page), 'page.png', { language: 'auto' });
    const [result] = doc.pages;
    expect(result!.source).toBe('ocr');
    expect(result!.language).toBe('kaz');
    expect(characterErrorRate(kazakh, result!.text)).toBeLessThanOrEqual(0.02);
    for (const letter of 'әғқңөұүһі') expect(result!.text.toLowerCase()).toContain(letter);
    const word = result!.words.find((w) => w.text.startsWith('Сотталушы'))!;
    expect(word.left).toBeGreaterThan(100);
    expect(word.width).toBeGreaterThan(50);
    expect(word.confidence).toBeGreaterThan(70);
    expect(doc.provenance.engine.engine).toBe('tesseract');
    expect(doc.provenance.engine.languageData.map((d) => d.language)).toEqual(expect.arrayContaining(['kaz', 'rus', 'eng']));
    expect(doc.provenance.engine.languageData[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.provenance.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it('turns an upside-down, blurred page upright before reading it', async () => {
    const doc = await ocrDocument(encodePng(turn(blur(page, 1), 180)), 'flipped.png', { language: 'kaz' });
    expect(doc.pages[0]!.rotation).toBe(180);
    expect(characterErrorRate(kazakh, doc.pages[0]!.text)).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it('reads a photo lit from one side, whose dark corner a global threshold would take for ink', async () => {
    const shaded = unevenLight(page, 0.7);
    expect(isShaded(shaded)).toBe(true);
    expect(isShaded(page)).toBe(false);
    expect(isShaded(scannerNoise(page, 18, 0.004))).toBe(false);
    const doc = await ocrDocument(encodePng(shaded), 'photo.png', { language: 'kaz' });
    expect(doc.pages[0]!.rotation).toBe(0);
    expect(characterErrorRate(kazakh, doc.pages[0]!.text)).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it('keeps the text layer of a PDF page and recognises its scanned page', async () => {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), { subset: true });
    pdf.addPage([595.28, 841.89]).drawText('Исковое заявление о взыскании задолженности по договору поставки', { x: 50, y: 780, size: 12, font });
    const scan = await pdf.embedPng(encodePng(page));
    pdf.addPage([595.28, 841.89]).drawImage(scan, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const doc = await ocrDocument(await pdf.save(), 'claim.pdf', { language: 'auto' });
    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr']);
    expect(doc.pages[0]!.text).toBe('Исковое заявление о взыскании задолженности по договору поставки');
    expect(doc.pages[0]!.language).toBe('rus');
    expect(characterErrorRate(kazakh, doc.pages[1]!.text)).toBeLessThanOrEqual(0.02);
  }, 180_000);

  it('refuses an empty page, a photograph of nothing, a ZIP named .pdf and a broken PDF, naming the file', async () => {
    const blank = { width: 1200, height: 1600, data: new Uint8Array(1200 * 1600).fill(250) };
    await expectBadInput(ocrDocument(encodePng(blank), 'blank.png'), 'blank.png', 'empty-page');
    // A photograph of a textured surface: smooth random shading, no letters.
    const noise = new Uint8Array(800 * 600);
    let seed = 7;
    for (let i = 0; i < noise.length; i += 1) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = seed >>> 24;
    }
    const photo = blur({ width: 800, height: 600, data: noise }, 6);
    await expectBadInput(ocrDocument(encodePng(photo), 'wall.jpg'), 'wall.jpg', 'no-text');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    await expectBadInput(ocrDocument(zip, 'scan.pdf'), 'scan.pdf', 'zip-not-document');
    await expectBadInput(ocrDocument(Buffer.from('%PDF-1.7\nthis is not a PDF body'), 'broken.pdf'), 'broken.pdf', 'unreadable-pdf');
    await expectBadInput(ocrDocument(new Uint8Array(0), 'nothing.png'), 'nothing.png', 'empty-file');
  }, 120_000);

  it('dalel ocr prints pages with words and versions as JSON', async () => {
    const file = join(dir, 'page.png');
    writeFileSync(file, encodePng(page));
    const run = await runDalel(join(dir, 'data'), ['--json', 'ocr', file, '--lang', 'kaz']);
    expect(run.err).toBe('');
    const [doc] = JSON.parse(run.out) as Array<{ file: string; pages: Array<{ text: string; words: unknown[] }>; provenance: { engine: { version: string } } }>;
    expect(doc!.file).toBe(file);
    expect(doc!.pages[0]!.words.length).toBeGreaterThan(10);
    expect(doc!.provenance.engine.version).toMatch(/^\d+\.\d+/);
  }, 120_000);
});
