/**
 * One page of a read document as an image in the frame its word boxes refer to: the scan or the PDF page at 300 dpi,
 * turned and straightened as it was for reading, then reduced for the screen. The viewer draws word boxes (a fact's
 * words, unsure words) over it scaled from `width`×`height`, so what is highlighted is where the words were read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGrey, encodePng, rotateSmall, shrink, turn, type GreyPage } from '../../../native/ocr/page-ops.ts';
import { serviceError } from '../native-input.ts';
import { bad, dpi, sniffDocument, tiffPages, tool, type OcrPage } from './ocr-document.ts';

/** Longest side of a page image sent to the screen, in pixels (an A4 page at about 140 dpi: words stay legible). */
export const pageImageSide = 1600;

/** A page image for the screen and the size of the frame its word boxes are in. */
export interface PageImage {
  readonly png: Uint8Array;
  /** Size of the prepared page the words' boxes refer to (the PNG is this reduced, same proportions). */
  readonly width: number;
  readonly height: number;
}

async function pdfPage(bytes: Uint8Array, file: string, page: number): Promise<GreyPage> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-page-'));
  try {
    const pdf = join(dir, 'document.pdf');
    writeFileSync(pdf, bytes);
    const out = join(dir, 'page');
    const raster = await tool('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-png', '-singlefile', pdf, out]);
    if (!raster.ok) throw bad(file, 'unreadable-pdf', `page ${page} cannot be rasterised (${raster.stderr.trim().split('\n')[0] ?? 'damaged'})`);
    return decodeGrey(readFileSync(`${out}.png`), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page of `bytes` that `read` describes, prepared as it was read (turn, skew) and reduced to `side` pixels. */
export async function pageImage(bytes: Uint8Array, file: string, read: Pick<OcrPage, 'page' | 'rotation' | 'skewDegrees' | 'width' | 'height'>, side = pageImageSide): Promise<PageImage> {
  const format = sniffDocument(bytes, file);
  let raw: GreyPage;
  try {
    if (format === 'pdf') raw = await pdfPage(bytes, file, read.page);
    else if (format === 'tiff') {
      const pages = tiffPages(bytes, file);
      if (read.page > pages.length) throw bad(file, 'no-such-page', `it has no page ${read.page}`);
      raw = pages[read.page - 1]!;
    } else raw = decodeGrey(bytes, file);
  } catch (error) {
    throw serviceError(error);
  }
  const prepared = rotateSmall(turn(raw, read.rotation), read.skewDegrees);
  return { png: encodePng(shrink(prepared, side)), width: read.width, height: read.height };
}
