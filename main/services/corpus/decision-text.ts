/**
 * Reads the text of a decision file: plain text (UTF-8), a PDF's text layer (poppler's pdftotext; a scan without
 * one is refused with a pointer to OCR), or a Word .docx (its word/document.xml, paragraphs and tabs kept).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipDirectory, readZipEntry } from '../../../native/codecs/zip/zip-read.ts';
import { DalelError, tooLarge } from '../errors.ts';

const maxDocumentXml = 50 * 1024 * 1024;
/** The largest decision file read: a decision is a few hundred kilobytes; a scanned PDF a few dozen megabytes. */
export const maxDecisionBytes = 64 * 1024 * 1024;

const bad = (file: string, reasonCode: string, message: string, params: Readonly<Record<string, string>> = {}) =>
  new DalelError('BAD_INPUT', `${file}: ${message}`, { file, reasonCode, ...params });

/** The text of a .docx: paragraphs as lines, tabs and breaks kept, XML entities decoded. */
function docxText(bytes: Uint8Array, file: string): string {
  let xml: string;
  try {
    const entry = readZipDirectory(bytes).find((e) => e.name === 'word/document.xml');
    if (!entry) throw bad(file, 'not-docx', 'not a Word document (no word/document.xml)');
    xml = new TextDecoder().decode(readZipEntry(bytes, entry, maxDocumentXml));
  } catch (error) {
    if (error instanceof DalelError) throw error;
    throw bad(file, 'not-docx', `not a readable Word document (${(error as Error).message})`);
  }
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>|<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The text layer of a PDF. */
function pdfText(bytes: Uint8Array, file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-decision-'));
  try {
    const pdf = join(dir, 'decision.pdf');
    writeFileSync(pdf, bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw bad(file, 'unreadable-pdf', `not a readable PDF (${(error as Error).message.split('\n')[0]})`);
    }
    if (text.replace(/\s/g, '').length < 20) throw bad(file, 'no-text-layer', 'the PDF has no text layer (a scan): recognise it first (dalel ocr) and import the text');
    return text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a decision file, by its content (PDF and ZIP magic) or else as UTF-8 text. An empty file, one that
 * holds only blank space, and one named .pdf or .docx whose content is not one are refused, naming the file, rather
 * than read as a decision with no facts and queued for a clerk.
 */
export function decisionText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw bad(file, 'empty-file', 'the file is empty (0 bytes)');
  if (bytes.length > maxDecisionBytes) throw tooLarge(file, bytes.length, maxDecisionBytes);
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'pdf' && !isPdf) {
    throw bad(file, 'name-mismatch', "the file's content is not a PDF although its name ends in .pdf", { extension: 'pdf', expected: 'pdf', detected: isZip ? 'zip' : 'unknown' });
  }
  if (extension === 'docx' && !isZip) throw bad(file, 'not-docx', "not a Word document: the file's content is not a .docx");
  if (isPdf) return pdfText(bytes, file);
  if (isZip) return docxText(bytes, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw bad(file, 'not-utf8', 'neither a PDF, a .docx nor UTF-8 text');
  }
  if (text.trim() === '') throw bad(file, 'blank-text', 'the file holds no text, only blank space');
  return text;
}
