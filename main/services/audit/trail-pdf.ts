import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { TrailRow } from './trail-row.ts';
import type { TrailSummary } from './trail-summary.ts';

/** What the PDF shows besides the rows. */
export interface TrailPdfInput {
  readonly origin: string;
  readonly scope: string;
  readonly checkpoint: string;
  readonly fingerprint: string;
  readonly rows: readonly TrailRow[];
  /** Entries in the export; more than `rows` when the PDF is capped. */
  readonly total: number;
  /** For a large export: counts by action and month, first and last entry; `rows` are then the latest entries. */
  readonly summary?: TrailSummary | null;
}

const require = createRequire(import.meta.url);

/** DejaVu Sans covers Latin, Cyrillic and the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that names and case numbers use. */
export function loadFont(bold: boolean, family: 'DejaVuSans' | 'DejaVuSansMono' = 'DejaVuSans'): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${family}${bold ? '-Bold' : ''}.ttf`)));
}

const pageSize: [number, number] = [841.89, 595.28]; // A4 landscape
const margin = 36;

/**
 * Text widths from per-character advances, cached: the font's own measure runs a full shaping pass per call, which
 * made long trails take minutes. Table cells need no kerning precision.
 */
export function measurer(font: PDFFont, size: number): (text: string) => number {
  const advances = new Map<string, number>();
  return (text) => {
    let width = 0;
    for (const char of text) {
      let advance = advances.get(char);
      if (advance === undefined) {
        advance = font.widthOfTextAtSize(char, size);
        advances.set(char, advance);
      }
      width += advance;
    }
    return width;
  };
}

/** Breaks text into lines that fit a width, splitting long tokens such as hashes. */
export function wrap(text: string, measure: (text: string) => number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (measure(rest) > width) {
      let cut = rest.length;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut -= 1;
      if (line) lines.push(line);
      lines.push(rest.slice(0, cut));
      line = '';
      rest = rest.slice(cut);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (measure(candidate) > width) {
      lines.push(line);
      line = rest;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Renders the audit trail as a PDF table: who did what, when, on which subjects, with hashes. */
export async function renderTrailPdf(input: TrailPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(loadFont(false), { subset: true });
  const bold = await doc.embedFont(loadFont(true), { subset: true });
  doc.setTitle(`Audit trail ${input.origin}`);
  doc.setCreator('Dalel');
  doc.setProducer('Dalel');

  const columns = [
    { title: 'Seq', width: 40, get: (r: TrailRow) => String(r.seq) },
    { title: 'Time (UTC)', width: 92, get: (r: TrailRow) => r.at.replace('T', ' ').replace('Z', '') },
    { title: 'Actor', width: 100, get: (r: TrailRow) => r.actor },
    { title: 'Action', width: 100, get: (r: TrailRow) => `${r.action}${r.meaning ? ` (${r.meaning})` : ''}${r.supersedes !== null ? ` supersedes #${r.supersedes}` : ''}` },
    { title: 'Subjects', width: 170, get: (r: TrailRow) => r.subjects },
    { title: 'Hashes (SHA-256)', width: 267.89, get: (r: TrailRow) => `${r.hashes}${r.hashes ? ' ' : ''}entry: ${r.entryHash}` },
  ];
  const size = 7;
  const leading = 8.6;
  let page: PDFPage = doc.addPage(pageSize);
  let y = pageSize[1] - margin;

  const text = (p: PDFPage, s: string, x: number, yy: number, f: PDFFont, sz: number) => p.drawText(s, { x, y: yy, size: sz, font: f, color: rgb(0.1, 0.1, 0.1) });
  text(page, 'Audit trail', margin, y - 14, bold, 16);
  y -= 30;
  const summary = input.summary ?? null;
  const listed = summary
    ? ` (a summary and the latest ${input.rows.length} are shown here; entries.jsonl and entries.csv hold all)`
    : input.rows.length < input.total
      ? ` (the first ${input.rows.length} are listed here; entries.jsonl and entries.csv hold all)`
      : '';
  const header = [
    `Log: ${input.origin}`,
    `Selection: ${input.scope}; ${input.total} entries${listed}`,
    `Signed checkpoint: ${input.checkpoint.trim().split('\n').join(' · ')}`,
    `Signing key SHA-256 fingerprint: ${input.fingerprint}`,
  ];
  const measureHeader = measurer(font, 8);
  const line = (s: string, f: PDFFont = font, sz = 8) => {
    for (const piece of wrap(s, measureHeader, pageSize[0] - 2 * margin)) {
      if (y - 11 < margin) {
        page = doc.addPage(pageSize);
        y = pageSize[1] - margin;
      }
      text(page, piece, margin, y, f, sz);
      y -= 11;
    }
  };
  for (const h of header) line(h);
  y -= 6;
  if (summary) {
    const entry = (r: TrailRow) => `#${r.seq} ${r.at} ${r.actor} ${r.action}`;
    line('Summary', bold, 10);
    line(`First entry: ${entry(summary.first)}`);
    line(`Last entry: ${entry(summary.last)}`);
    y -= 4;
    line('Entries by action', bold);
    for (const [action, count] of summary.byAction) line(`${action}: ${count}`);
    y -= 4;
    line('Entries by month (UTC)', bold);
    // Months in rows of six: a log of many years stays a page or two.
    for (let i = 0; i < summary.byMonth.length; i += 6) line(summary.byMonth.slice(i, i + 6).map(([month, count]) => `${month}: ${count}`).join('    '));
    y -= 6;
    line(`Latest ${input.rows.length} entries`, bold, 10);
    y -= 2;
  }

  const measureCell = measurer(font, size);
  const drawHeader = () => {
    let x = margin;
    for (const c of columns) {
      text(page, c.title, x, y, bold, size);
      x += c.width;
    }
    y -= 4;
    page.drawLine({ start: { x: margin, y }, end: { x: pageSize[0] - margin, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    y -= leading;
  };
  if (y - 3 * leading < margin) {
    page = doc.addPage(pageSize);
    y = pageSize[1] - margin;
  }
  drawHeader();
  for (const row of input.rows) {
    const cells = columns.map((c) => wrap(c.get(row), measureCell, c.width - 4));
    const height = Math.max(...cells.map((c) => c.length)) * leading + 2;
    if (y - height < margin) {
      page = doc.addPage(pageSize);
      y = pageSize[1] - margin;
      drawHeader();
    }
    let x = margin;
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => text(page, line, x, y - k * leading, font, size));
      x += columns[i]!.width;
    });
    y -= height;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => text(p, `${input.origin} · page ${i + 1} of ${pages.length}`, margin, margin / 2, font, 7));
  return doc.save();
}
