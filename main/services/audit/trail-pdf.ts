import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { trailPdfLabels } from './trail-pdf-labels.ts';
import type { TrailRow } from './trail-row.ts';
import type { TrailSummary } from './trail-summary.ts';
import { TrailWords, type TrailLanguage } from './trail-words.ts';

/** Which entries the PDF covers, as the reader knows them: the case by its number, a range by its times. */
export type TrailScope = { readonly scope: 'all' } | { readonly scope: 'case'; readonly caseNumber: string } | { readonly scope: 'range'; readonly from: string; readonly to: string };

/** What the PDF shows besides the rows. */
export interface TrailPdfInput {
  /** The language of the user who exports: every label, action and role is in it. */
  readonly language: TrailLanguage;
  readonly origin: string;
  readonly scope: TrailScope;
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

/** Breaks text into lines that fit a width, splitting long tokens such as hashes; a newline always starts a line. */
export function wrap(text: string, measure: (text: string) => number, width: number): string[] {
  if (text.includes('\n')) return text.split('\n').flatMap((paragraph) => wrap(paragraph, measure, width));
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

/** An entry's time as the table shows it: UTC, to the millisecond, without the ISO letters. */
function shownTime(at: string): string {
  return at.replace('T', ' ').replace('Z', '');
}

/** How one row is worded in the reader's language: names instead of ids, actions and roles in words. */
class RowWords {
  readonly labels;
  constructor(private readonly words: TrailWords) {
    this.labels = trailPdfLabels[words.language];
  }

  actor(row: TrailRow): string {
    if (!row.actor) return this.words.phrase('audit.workstationActor');
    const role = this.words.role(row.actor.role);
    const name = row.names?.actorName ?? row.actor.username;
    return role ? `${name} (${role})` : name;
  }

  action(row: TrailRow): string {
    const parts = [this.words.action(row.action)];
    const meaning = row.meaning ? this.words.meaning(row.meaning) : null;
    if (meaning) parts.push(`${this.words.phrase('review.meaning')}: ${meaning}`);
    if (row.supersedes !== null) parts.push(this.labels.supersedes(row.supersedes));
    return parts.join('; ');
  }

  /** What the entry is about, as the trail screen says it (entry-words.ts): never ids; the entry itself has them. */
  about(row: TrailRow): string {
    const about: string[] = [];
    const caseNumber = row.names?.caseNumber;
    if (caseNumber) about.push(this.words.phrase('audit.about.case', { number: caseNumber }));
    const fileName = row.details.fileName;
    const file = row.names?.evidenceName ?? (typeof fileName === 'string' ? fileName : null);
    if (file) about.push(this.words.phrase('audit.about.file', { name: file }));
    const username = row.details.username;
    const user = row.names?.subjectUserName ?? (typeof username === 'string' && row.action.startsWith('user.') ? username : null);
    if (user && !row.action.startsWith('auth.')) about.push(this.words.phrase('audit.about.user', { name: user }));
    const to = row.details.to;
    const role = row.action === 'user.role-changed' && typeof to === 'string' ? this.words.role(to) : null;
    if (role) about.push(this.words.phrase('audit.about.newRole', { role }));
    return about.join('; ');
  }

  hashes(row: TrailRow): string {
    const { input, output, entry } = this.labels;
    return [...Object.values(row.inputs).map((h) => `${input}: ${h}`), ...Object.values(row.outputs).map((h) => `${output}: ${h}`), `${entry}: ${row.entryHash}`].join('\n');
  }

  /** The one-line form of the summary's first and last entry. */
  line(row: TrailRow): string {
    return `${this.words.phrase('audit.trail.seq')} ${row.seq} · ${shownTime(row.at)} · ${this.actor(row)} · ${this.words.action(row.action)}`;
  }
}

/** Renders the audit trail as a PDF table in the reader's language: who did what, when, about what, with hashes. */
export async function renderTrailPdf(input: TrailPdfInput): Promise<Uint8Array> {
  const words = new TrailWords(input.language);
  const worded = new RowWords(words);
  const labels = worded.labels;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(loadFont(false), { subset: true });
  const bold = await doc.embedFont(loadFont(true), { subset: true });
  doc.setTitle(`${labels.title} ${input.origin}`);
  doc.setLanguage(input.language);
  doc.setCreator('Dalel');
  doc.setProducer('Dalel');

  // The hashes column fits a 64-digit SHA-256 on one line (the columns add up to the page width less the margins).
  const columns = [
    { title: words.phrase('audit.trail.seq'), width: 34, get: (r: TrailRow) => String(r.seq) },
    { title: `${words.phrase('audit.trail.time')} (UTC)`, width: 80, get: (r: TrailRow) => shownTime(r.at) },
    { title: words.phrase('audit.trail.actorColumn'), width: 100, get: (r: TrailRow) => worded.actor(r) },
    { title: words.phrase('audit.trail.action'), width: 125, get: (r: TrailRow) => worded.action(r) },
    { title: words.phrase('audit.trail.about'), width: 125, get: (r: TrailRow) => worded.about(r) },
    { title: labels.hashes, width: 305.89, get: (r: TrailRow) => worded.hashes(r) },
  ];
  const size = 7;
  const leading = 8.6;
  let page: PDFPage = doc.addPage(pageSize);
  let y = pageSize[1] - margin;

  const text = (p: PDFPage, s: string, x: number, yy: number, f: PDFFont, sz: number) => p.drawText(s, { x, y: yy, size: sz, font: f, color: rgb(0.1, 0.1, 0.1) });
  text(page, labels.title, margin, y - 14, bold, 16);
  y -= 30;
  const summary = input.summary ?? null;
  const listed = summary ? ` (${labels.listedSummary(input.rows.length)})` : input.rows.length < input.total ? ` (${labels.listedFirst(input.rows.length)})` : '';
  const scope = input.scope.scope === 'case' ? words.phrase('audit.about.case', { number: input.scope.caseNumber }) : input.scope.scope === 'range' ? labels.scopeRange(input.scope.from, input.scope.to) : words.phrase('audit.exporting.scopes.all');
  const header = [
    `${words.phrase('audit.origin')}: ${input.origin}`,
    `${labels.selection}: ${scope}; ${labels.entryCount(input.total)}${listed}`,
    `${labels.checkpoint}: ${input.checkpoint.trim().split('\n').join(' · ')}`,
    `${labels.fingerprint}: ${input.fingerprint}`,
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
    line(labels.summary, bold, 10);
    line(`${labels.firstEntry}: ${worded.line(summary.first)}`);
    line(`${labels.lastEntry}: ${worded.line(summary.last)}`);
    y -= 4;
    line(labels.byAction, bold);
    for (const [action, count] of summary.byAction) line(`${words.action(action)}: ${count}`);
    y -= 4;
    line(labels.byMonth, bold);
    // Months in rows of six: a log of many years stays a page or two.
    for (let i = 0; i < summary.byMonth.length; i += 6) line(summary.byMonth.slice(i, i + 6).map(([month, count]) => `${month}: ${count}`).join(' · '));
    y -= 6;
    line(labels.latest(input.rows.length), bold, 10);
    y -= 2;
  }

  const measureCell = measurer(font, size);
  const measureTitle = measurer(bold, size);
  // Column titles wrap like cells: a Kazakh or Russian title can be wider than its column.
  const titles = columns.map((c) => wrap(c.title, measureTitle, c.width - 4));
  const titleLines = Math.max(...titles.map((t) => t.length));
  const drawHeader = () => {
    let x = margin;
    titles.forEach((lines, i) => {
      lines.forEach((piece, k) => text(page, piece, x, y - k * leading, bold, size));
      x += columns[i]!.width;
    });
    y -= (titleLines - 1) * leading + 4;
    page.drawLine({ start: { x: margin, y }, end: { x: pageSize[0] - margin, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    y -= leading;
  };
  if (y - (titleLines + 2) * leading < margin) {
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
      lines.forEach((piece, k) => text(page, piece, x, y - k * leading, font, size));
      x += columns[i]!.width;
    });
    y -= height;
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => text(p, `${input.origin} · ${labels.page(i + 1, pages.length)}`, margin, margin / 2, font, 7));
  return doc.save();
}
