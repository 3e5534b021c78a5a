import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { profilePage } from '../../../native/handwriting/profile.ts';
import { InputError } from '../../../native/input-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'dalel-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text =
  'Within a short time she was walking briskly toward the Emerald City, her silver shoes tinkling merrily on the hard, yellow roadbed. ' +
  'The sun shone bright and the birds sang sweetly and Dorothy did not feel nearly so bad as you might think a little girl would who had ' +
  'been suddenly whisked away from her own country and set down in the midst of a strange land.';

/** A page of printed text, rendered to a grey PNG by poppler (as a photographed or scanned printed page would be). */
async function printedPage(font: StandardFonts, size: number, dpi: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const embedded = await doc.embedFont(font);
  const page = doc.addPage([612, 792]);
  let line = '';
  let y = 740;
  for (const word of text.split(' ')) {
    const longer = line ? `${line} ${word}` : word;
    if (embedded.widthOfTextAtSize(longer, size) > 540) {
      page.drawText(line, { x: 36, y, size, font: embedded });
      y -= size * 1.8;
      line = word;
    } else line = longer;
  }
  page.drawText(line, { x: 36, y, size, font: embedded });
  const base = join(dir, `${font}-${size}-${dpi}`);
  writeFileSync(`${base}.pdf`, await doc.save());
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-gray', '-singlefile', `${base}.pdf`, base]);
  return new Uint8Array(readFileSync(`${base}.png`));
}

describe('a page of machine print is not profiled as handwriting', () => {
  it.each([
    [StandardFonts.TimesRoman, 14, 72],
    [StandardFonts.Helvetica, 11, 100],
    [StandardFonts.Courier, 12, 150],
  ])('%s %ipt at %i dpi is refused naming the file', async (font, size, dpi) => {
    const bytes = await printedPage(font, size, dpi);
    let error: unknown = null;
    try {
      profilePage(bytes, 'printed.png');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reasonCode).toBe('print-only');
    expect((error as InputError).message).toMatch(/^printed\.png: the page looks machine-printed/);
  });
});
