/**
 * OCR of a case document: PNG, JPEG, TIFF (every page) or PDF. A PDF page with a text layer keeps its text (words
 * and boxes from poppler's pdftotext); other pages are rasterised at 300 dpi (poppler's pdftoppm) and recognised.
 * Each page is prepared first (speckle removal, binarisation by a local threshold when the page is shaded, quarter-turn
 * orientation, deskew) and recognised in the expert's language or, with "auto", in the languages of its script, the page's language then
 * read from the text.
 * Errors name the file and the reason; a document yields all its pages or nothing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import UTIF from 'utif2';
import { binarise, denoise, decodeGrey, encodePng, inkStatistics, isShaded, linesAreHorizontal, measureSkew, rotateSmall, turn, type GreyPage, type QuarterTurn } from '../../../native/ocr/page-ops.ts';
import { openCvVersion } from '../../../native/opencv/opencv-adapter.ts';
import { detectLanguage } from '../legal-text/language.ts';
import { DalelError } from '../errors.ts';
import { serviceError } from '../native-input.ts';
import { engineVersion, ocrLanguages, recognise, textOfWords, type EngineVersion, type OcrLanguage, type OcrWord } from './tesseract.ts';

/** The version of this preparation-and-recognition procedure (bump when a step or parameter changes). */
export const ocrAlgorithmVersion = '1.1.0';

/** What the expert asks for: one language, or "auto" (per page, from its script and then its text). */
export type OcrLanguageChoice = OcrLanguage | 'auto';
/** Every language choice, for checking a request. */
export const ocrLanguageChoices: readonly OcrLanguageChoice[] = [...ocrLanguages, 'auto'];

/** A page read at this mean confidence or better is upright (upside-down text reads far below it). */
const uprightConfidence = 75;

/** Words whose confidence is below this are marked for checking in the viewer. */
export const lowConfidence = 70;

/** One page of a recognised document. */
export interface OcrPage {
  readonly page: number;
  /** 'text-layer' when a PDF page's own text was kept; 'ocr' when recognised; 'blank' for an empty page. */
  readonly source: 'text-layer' | 'ocr' | 'blank';
  readonly language: OcrLanguage | null;
  /** The tesseract languages the page was recognised with ("kaz+rus"). */
  readonly recognisedWith: string | null;
  readonly text: string;
  readonly words: readonly OcrWord[];
  /** Size of the page the word boxes refer to (the prepared, upright page). */
  readonly width: number;
  readonly height: number;
  /** Clockwise quarter turn applied to make the page upright, and the skew removed (degrees). */
  readonly rotation: QuarterTurn;
  readonly skewDegrees: number;
  readonly meanConfidence: number;
  readonly lowConfidenceWords: number;
}

/** Provenance of an OCR result. */
export interface OcrProvenance {
  readonly algorithm: 'dalel-ocr';
  readonly algorithmVersion: string;
  readonly engine: EngineVersion;
  readonly openCv: string;
  readonly inputSha256: string;
  readonly parameters: { readonly language: OcrLanguageChoice; readonly dpi: number; readonly lowConfidence: number };
}

/** A recognised document. */
export interface OcrDocument {
  readonly file: string;
  readonly format: 'png' | 'jpeg' | 'tiff' | 'pdf';
  readonly pages: readonly OcrPage[];
  readonly provenance: OcrProvenance;
}

/** Options of a run: language, progress (pages done of total) and cancellation. */
export interface OcrOptions {
  readonly language?: OcrLanguageChoice;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Pages beyond this are refused (a scanned file of hundreds of pages is a batch job, not one document). */
  readonly maxPages?: number;
}

/** Resolution PDF pages are rasterised at, and text-layer boxes scaled to. */
export const dpi = 300;

/** A BAD_INPUT error naming the file and the reason. */
export function bad(file: string, reasonCode: string, message: string): DalelError {
  return new DalelError('BAD_INPUT', `${file}: ${message}`, { file, reasonCode });
}

/** The format of a document from its first bytes. */
export function sniffDocument(bytes: Uint8Array, file: string): OcrDocument['format'] {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length === 0) throw bad(file, 'empty-file', 'the file is empty');
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) throw bad(file, 'zip-not-document', 'a ZIP archive (perhaps a renamed .docx or a packed folder), not a scan or a PDF');
  throw bad(file, 'unsupported-document', 'not a PNG, JPEG, TIFF or PDF document');
}

/** Runs a poppler tool; never rejects (the caller words the failure, naming the file). */
export function tool(file: string, args: readonly string[], signal?: AbortSignal): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 256 * 1024 * 1024, signal, encoding: 'utf8' }, (error, stdout, stderr) => resolve({ ok: !error, stdout, stderr }));
  });
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new DalelError('CONFLICT', 'OCR cancelled.', { reasonCode: 'cancelled' });
}

/** The pages of a TIFF as grey images (UTIF decodes every page, where OpenCV reads only the first). */
export function tiffPages(bytes: Uint8Array, file: string): GreyPage[] {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buffer).filter((ifd) => ifd.t256 !== undefined);
    if (ifds.length === 0) throw new Error('no image in the file');
    return ifds.map((ifd) => {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const data = new Uint8Array(ifd.width * ifd.height);
      for (let i = 0; i < data.length; i += 1) data[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
      return { width: ifd.width, height: ifd.height, data };
    });
  } catch (error) {
    throw bad(file, 'undecodable-image', `not a readable TIFF (${(error as Error).message})`);
  }
}

/** Words of a PDF page's text layer with their boxes, scaled to `dpi` (pdftotext -bbox gives points). */
function textLayerWords(html: string): { words: OcrWord[]; width: number; height: number }[] {
  const pages: { words: OcrWord[]; width: number; height: number }[] = [];
  const scale = dpi / 72;
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const page of html.split(/<page /).slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1] ?? 0) * scale;
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0) * scale;
    const words: OcrWord[] = [];
    let line = 0;
    let lastBottom = -1;
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) * scale) as [number, number, number, number];
      if (Math.abs(y1 - lastBottom) > (y1 - y0) / 2) line += 1;
      lastBottom = y1;
      words.push({ text: decode(m[5]!), left: Math.round(x0), top: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0), confidence: 100, block: 1, paragraph: 1, line });
    }
    pages.push({ words, width: Math.round(width), height: Math.round(height) });
  }
  return pages;
}

type RawPage = { kind: 'image'; image: GreyPage } | { kind: 'text'; words: OcrWord[]; width: number; height: number };

/** The pages of a PDF: text-layer pages as words, the others rasterised at 300 dpi. */
async function pdfPages(bytes: Uint8Array, file: string, maxPages: number, signal?: AbortSignal): Promise<RawPage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-ocr-'));
  try {
    const pdf = join(dir, 'document.pdf');
    writeFileSync(pdf, bytes);
    const info = await tool('pdfinfo', [pdf], signal);
    const count = Number(/^Pages:\s*(\d+)/m.exec(info.stdout)?.[1] ?? NaN);
    if (!info.ok || !Number.isFinite(count)) throw bad(file, 'unreadable-pdf', `not a readable PDF (${info.stderr.trim().split('\n')[0] ?? 'damaged'})`);
    if (count === 0) throw bad(file, 'empty-pdf', 'the PDF has no pages');
    if (count > maxPages) throw bad(file, 'too-many-pages', `${count} pages, more than the ${maxPages} one document may have`);
    const layer = await tool('pdftotext', ['-bbox', pdf, '-'], signal);
    const layerPages = layer.ok ? textLayerWords(layer.stdout) : [];
    const pages: RawPage[] = [];
    for (let i = 1; i <= count; i += 1) {
      checkCancelled(signal);
      const words = layerPages[i - 1]?.words ?? [];
      // A page with a real text layer keeps its text; a few stray characters (a scanner's stamp) do not count.
      if (words.map((w) => w.text).join('').length >= 20) {
        pages.push({ kind: 'text', words, width: layerPages[i - 1]!.width, height: layerPages[i - 1]!.height });
        continue;
      }
      const out = join(dir, `page-${i}`);
      const raster = await tool('pdftoppm', ['-f', String(i), '-l', String(i), '-r', String(dpi), '-gray', '-png', '-singlefile', pdf, out], signal);
      if (!raster.ok) throw bad(file, 'unreadable-pdf', `page ${i} cannot be rasterised (${raster.stderr.trim().split('\n')[0] ?? 'damaged'})`);
      pages.push({ kind: 'image', image: decodeGrey(readFileSync(`${out}.png`), file) });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function meanConfidence(words: readonly OcrWord[]): number {
  if (words.length === 0) return 0;
  const total = words.reduce((s, w) => s + w.confidence * w.text.length, 0);
  return total / words.reduce((s, w) => s + w.text.length, 0);
}

/** A page is blank when it has almost no ink or no contrast (an empty scan, a grey photo of nothing). */
function isBlank(page: GreyPage): boolean {
  const { inkFraction, contrast } = inkStatistics(page);
  return inkFraction < 0.0005 || contrast < 6;
}

/** Languages to recognise a page with: the expert's, or for "auto" all three (the page's language is then read from its text). */
function languagesFor(choice: OcrLanguageChoice): string {
  return choice === 'auto' ? 'kaz+rus+eng' : choice;
}

/** Prepares and recognises one page image. */
async function recognisePage(image: GreyPage, index: number, choice: OcrLanguageChoice, signal?: AbortSignal): Promise<OcrPage> {
  const empty = { page: index, language: null, recognisedWith: null, text: '', words: [], width: image.width, height: image.height, rotation: 0 as QuarterTurn, skewDegrees: 0, meanConfidence: 0, lowConfidenceWords: 0 };
  if (isBlank(image)) return { ...empty, source: 'blank' };
  // A shaded photo is binarised by a local threshold first: a global one takes its dark corner for ink, which misleads
  // the line-direction test and tesseract's own (global) binarisation alike. A flat scan keeps its grey levels, from
  // which tesseract reads grainy pages better (measured: 0.05 % against 17 % CER on the noisy page, bench/ocr.ts).
  const denoised = denoise(image);
  const clean = isShaded(denoised) ? binarise(denoised) : denoised;
  // Quarter turn: the direction of the text lines (projection profiles) leaves two turns; the page is read at the
  // first and, unless that reads well, at the opposite one, and the better-read turn wins. (Tesseract's own
  // orientation detection costs as much as reading the page and was no more accurate on the measured pages.)
  const candidates: QuarterTurn[] = linesAreHorizontal(clean) ? [0, 180] : [90, 270];
  let best: { page: OcrPage; score: number } | null = null;
  for (const rotation of candidates) {
    const upright = turn(clean, rotation);
    const skew = measureSkew(upright);
    const straight = rotateSmall(upright, skew);
    const languages = languagesFor(choice);
    const words = await recognise(encodePng(straight), languages, { dpi, signal });
    checkCancelled(signal);
    const text = textOfWords(words);
    const detected = detectLanguage(text)?.language ?? null;
    const language: OcrLanguage | null = choice === 'auto' ? detected : choice;
    const mean = meanConfidence(words);
    const page: OcrPage = {
      page: index,
      source: 'ocr',
      language,
      recognisedWith: languages,
      text,
      words,
      width: straight.width,
      height: straight.height,
      rotation,
      skewDegrees: skew,
      meanConfidence: Math.round(mean * 10) / 10,
      lowConfidenceWords: words.filter((w) => w.confidence < lowConfidence).length,
    };
    if (!best || mean > best.score) best = { page, score: mean };
    if (mean >= uprightConfidence) break;
  }
  return best!.page;
}

/** Recognises a document; throws BAD_INPUT naming the file for unreadable, empty or text-free input. */
export async function ocrDocument(bytes: Uint8Array, file: string, options: OcrOptions = {}): Promise<OcrDocument> {
  const choice = options.language ?? 'auto';
  const format = sniffDocument(bytes, file);
  const engine = await engineVersion();
  const maxPages = options.maxPages ?? 500;
  let raw: RawPage[];
  try {
    if (format === 'pdf') raw = await pdfPages(bytes, file, maxPages, options.signal);
    else if (format === 'tiff') raw = tiffPages(bytes, file).map((image) => ({ kind: 'image' as const, image }));
    else raw = [{ kind: 'image', image: decodeGrey(bytes, file) }];
  } catch (error) {
    // A cancelled run fails as cancelled, not as whatever the killed poppler tool left behind.
    checkCancelled(options.signal);
    throw serviceError(error);
  }
  if (raw.length > maxPages) throw bad(file, 'too-many-pages', `${raw.length} pages, more than the ${maxPages} one document may have`);
  const pages: OcrPage[] = [];
  options.onProgress?.(0, raw.length);
  for (const [i, page] of raw.entries()) {
    checkCancelled(options.signal);
    if (page.kind === 'text') {
      const text = textOfWords(page.words);
      const language = options.language && options.language !== 'auto' ? options.language : (detectLanguage(text)?.language ?? null);
      pages.push({ page: i + 1, source: 'text-layer', language, recognisedWith: null, text, words: page.words, width: page.width, height: page.height, rotation: 0, skewDegrees: 0, meanConfidence: 100, lowConfidenceWords: 0 });
    } else {
      try {
        pages.push(await recognisePage(page.image, i + 1, choice, options.signal));
      } catch (error) {
        // The engine killed by the signal fails with an AbortError: the run is reported as cancelled.
        checkCancelled(options.signal);
        throw error;
      }
    }
    options.onProgress?.(i + 1, raw.length);
  }
  const readable = pages.filter((p) => p.words.some((w) => w.confidence >= 50 && /\p{L}{2,}/u.test(w.text)));
  if (readable.length === 0) {
    const reason = pages.every((p) => p.source === 'blank') ? (pages.length === 1 ? 'the page is empty' : 'every page is empty') : 'no text was found (is it a photograph of a document?)';
    throw bad(file, pages.every((p) => p.source === 'blank') ? 'empty-page' : 'no-text', reason);
  }
  return {
    file,
    format,
    pages,
    provenance: {
      algorithm: 'dalel-ocr',
      algorithmVersion: ocrAlgorithmVersion,
      engine,
      openCv: openCvVersion(),
      inputSha256: createHash('sha256').update(bytes).digest('hex'),
      parameters: { language: choice, dpi, lowConfidence },
    },
  };
}
