/**
 * The OCR engine: Debian's tesseract binary (5.x, LSTM) with the tesseract-ocr-kaz/-rus/-eng/-osd language data,
 * run as a child process on a PNG given on standard input. It returns words with boxes and confidences (TSV output)
 * and, for orientation, the OSD verdict. The versions of the engine and of each language-data file (package
 * version and SHA-256) go into every result's provenance.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DalelError } from '../errors.ts';

/** The languages the workstation recognises, as tesseract names its data. */
export const ocrLanguages = ['kaz', 'rus', 'eng'] as const;
/** A recognition language. */
export type OcrLanguage = (typeof ocrLanguages)[number];

/** One recognised word: text, box in page pixels (of the page as recognised) and confidence 0–100. */
export interface OcrWord {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly confidence: number;
  /** Block, paragraph and line numbers, so the text can be laid out again. */
  readonly block: number;
  readonly paragraph: number;
  readonly line: number;
}

/** A language-data file as provenance: its language, Debian package version and SHA-256. */
export interface LanguageDataVersion {
  readonly language: string;
  readonly packageVersion: string;
  readonly sha256: string;
}

/** The engine and its data, for provenance. */
export interface EngineVersion {
  readonly engine: string;
  readonly version: string;
  readonly languageData: readonly LanguageDataVersion[];
}

const binary = process.env.DALEL_TESSERACT ?? 'tesseract';

function run(args: readonly string[], input: Uint8Array | null, timeoutMs: number, signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1' }, signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => {
      clearTimeout(timer);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new DalelError('INTERNAL', 'The OCR engine (tesseract) is not installed: run scripts/setup-system.sh.'));
      } else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/** Parses tesseract's TSV output into words (rows of level 5 with text). */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    const n = (i: number) => Number(cells[i]);
    words.push({ block: n(2), paragraph: n(3), line: n(4), left: n(6), top: n(7), width: n(8), height: n(9), confidence: Math.max(0, n(10)), text });
  }
  return words;
}

/** The page text from its words: words of a line joined by spaces, lines by newlines, blocks by a blank line. */
export function textOfWords(words: readonly OcrWord[]): string {
  let text = '';
  let previous: OcrWord | null = null;
  for (const word of words) {
    if (previous) {
      if (word.block !== previous.block) text += '\n\n';
      else if (word.paragraph !== previous.paragraph || word.line !== previous.line) text += '\n';
      else text += ' ';
    }
    text += word.text;
    previous = word;
  }
  return text;
}

/** Recognises one page image (PNG bytes) in the given languages ("kaz+rus"); words in reading order. */
export async function recognise(png: Uint8Array, languages: string, options: { dpi?: number; signal?: AbortSignal } = {}): Promise<OcrWord[]> {
  const args = ['-', '-', '-l', languages, '--psm', '3', '--oem', '1', '--dpi', String(options.dpi ?? 300), 'tsv'];
  const result = await run(args, png, 120_000, options.signal);
  if (result.code !== 0) throw new DalelError('INTERNAL', `tesseract failed (${result.code}): ${result.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return parseTsv(result.stdout);
}

/** Orientation and script by tesseract's OSD: the clockwise turn that makes the page upright; null when unsure. */
export async function detectOrientation(png: Uint8Array, signal?: AbortSignal): Promise<{ rotate: 0 | 90 | 180 | 270; confidence: number; script: string } | null> {
  const result = await run(['-', '-', '--psm', '0', '-l', 'osd', '--dpi', '300'], png, 60_000, signal);
  const rotate = /Rotate:\s*(\d+)/.exec(result.stdout);
  const confidence = /Orientation confidence:\s*([\d.]+)/.exec(result.stdout);
  const script = /Script:\s*(\S+)/.exec(result.stdout);
  if (result.code !== 0 || !rotate || !confidence) return null;
  const degrees = Number(rotate[1]);
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return null;
  return { rotate: degrees, confidence: Number(confidence[1]), script: script?.[1] ?? 'unknown' };
}

let cachedVersion: Promise<EngineVersion> | null = null;

function execText(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve) => execFile(file, args, (error, stdout, stderr) => resolve(error ? '' : `${stdout}${stderr}`)));
}

/** Where tesseract keeps its language data (TESSDATA_PREFIX, else Debian's folder). */
function tessdataDir(): string {
  const candidates = [process.env.TESSDATA_PREFIX, '/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata'].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(join(d, 'eng.traineddata'))) ?? candidates[0]!;
}

/** The engine version and each language-data file's package version and hash (computed once per process). */
export function engineVersion(): Promise<EngineVersion> {
  cachedVersion ??= (async () => {
    const versionText = await execText(binary, ['--version']);
    const version = /tesseract\s+(\S+)/i.exec(versionText)?.[1];
    if (!version) throw new DalelError('INTERNAL', 'The OCR engine (tesseract) is not installed: run scripts/setup-system.sh.');
    const dir = tessdataDir();
    const languageData: LanguageDataVersion[] = [];
    for (const language of [...ocrLanguages, 'osd']) {
      const file = join(dir, `${language}.traineddata`);
      if (!existsSync(file)) continue;
      const packageVersion = (await execText('dpkg-query', ['-W', '-f=${Version}', `tesseract-ocr-${language}`])).trim() || 'unknown';
      languageData.push({ language, packageVersion, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    }
    return { engine: 'tesseract', version, languageData };
  })();
  return cachedVersion;
}

/** The recognition languages whose data is installed. */
export async function installedLanguages(): Promise<OcrLanguage[]> {
  const { languageData } = await engineVersion();
  return ocrLanguages.filter((l) => languageData.some((d) => d.language === l));
}
