/**
 * The lab report as PDF: case, evidence with full hashes, images and overlays, findings with their review (amended
 * ones beside their originals), the summary, signatures and the audit checkpoint that covers them. A function of its
 * model alone (no clock, no database): what it shows is exactly what the service gathered and logged.
 */
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { Case, CaseReview, CheckpointInfo, Evidence, Finding } from '../../contract/index.ts';
import { loadFont, measurer, wrap } from '../audit/trail-pdf.ts';
import { labReportLabels, type LabReportLabels } from './lab-report-labels.ts';
import { commonPhrases } from './summary/common-phrases.ts';
import { formatMeasurement, formatModuleMeasurement, formatNumber } from './summary/locale.ts';
import type { SummaryRegistry } from './summary/registry.ts';
import { defaultFractionDigits, type Summary, type SummaryLanguage } from './summary/summary-types.ts';

/** An image the report shows: an evidence item's preview or a finding's overlay. */
export interface ReportImage {
  readonly caption: string;
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** What one signature covered, as its audit entry records it (empty lists when it was not recorded). */
export interface ReportCoverage {
  readonly auditSeq: number;
  readonly findings: ReadonlyArray<{ readonly id: string; readonly sha256: string }>;
  readonly evidence: ReadonlyArray<{ readonly id: string; readonly name: string; readonly sha256: string }>;
}

/** Everything the report shows, gathered by the report service. */
export interface ReportModel {
  readonly language: SummaryLanguage;
  readonly case: Case;
  readonly evidence: readonly Evidence[];
  readonly images: readonly ReportImage[];
  /** Every finding of the case, amended originals included, oldest first. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  readonly review: CaseReview | null;
  /** What each signature covered, by the signature's audit entry. */
  readonly coverage?: readonly ReportCoverage[];
  /** Names of measurements and findings by module (the summary's templates). */
  readonly registry: SummaryRegistry;
  readonly checkpoint: CheckpointInfo;
  /** When the report was generated (ISO time), printed in every page's footer. */
  readonly generatedAt: string;
  readonly generatedBy: string;
}

const pageSize: [number, number] = [595.28, 841.89]; // A4 portrait
const margin = 48;
const footerSpace = 28;
const contentWidth = pageSize[0] - 2 * margin;
const ink = rgb(0.1, 0.1, 0.1);
const grey = rgb(0.45, 0.45, 0.45);

/** Readable UTC time from an ISO time. */
function when(iso: string): string {
  return `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
}

/** Writes text top to bottom, wrapping lines and starting new pages as needed. */
class Layout {
  private page: PDFPage;
  private y = 0;
  private readonly measures = new Map<string, (text: string) => number>();

  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly mono: PDFFont,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage(pageSize);
    this.y = pageSize[1] - margin;
    return this.page;
  }

  private measure(font: PDFFont, size: number): (text: string) => number {
    const key = `${font.name}:${size}`;
    let m = this.measures.get(key);
    if (!m) {
      m = measurer(font, size);
      this.measures.set(key, m);
    }
    return m;
  }

  /** Makes room for `height` points, starting a new page when the current one is full. */
  room(height: number): void {
    if (this.y - height < margin + footerSpace) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A paragraph wrapped to the width, indented by `indent` points. */
  text(value: string, options: { font?: PDFFont; size?: number; indent?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const font = options.font ?? this.font;
    const size = options.size ?? 9.5;
    const indent = options.indent ?? 0;
    const leading = size * 1.3;
    for (const paragraph of value.split('\n')) {
      for (const line of wrap(paragraph, this.measure(font, size), contentWidth - indent)) {
        this.room(leading);
        this.y -= leading;
        this.page.drawText(line, { x: margin + indent, y: this.y + size * 0.25, size, font, color: options.color ?? ink });
      }
    }
  }

  heading(value: string, size = 13): void {
    this.room(size * 3);
    this.gap(size * 0.6);
    this.text(value, { font: this.bold, size });
    this.gap(3);
  }

  /** A label and its value on one line, the value wrapping under itself. */
  field(label: string, value: string, options: { mono?: boolean; indent?: number } = {}): void {
    const size = 9.5;
    const indent = options.indent ?? 0;
    const labelWidth = 150;
    const valueFont = options.mono ? this.mono : this.font;
    // Hashes are set small enough that a full SHA-256 stays on one line.
    const valueSize = options.mono ? 7 : size;
    const lines = value.split('\n').flatMap((line) => wrap(line, this.measure(valueFont, valueSize), contentWidth - indent - labelWidth));
    const labelLines = wrap(label, this.measure(this.bold, size), labelWidth - 6);
    const leading = size * 1.3;
    const count = Math.max(lines.length, labelLines.length);
    this.room(Math.min(count, 3) * leading);
    for (let i = 0; i < count; i += 1) {
      this.room(leading);
      this.y -= leading;
      const labelLine = labelLines[i];
      if (labelLine) this.page.drawText(labelLine, { x: margin + indent, y: this.y + size * 0.25, size, font: this.bold, color: ink });
      const line = lines[i];
      if (line) this.page.drawText(line, { x: margin + indent + labelWidth, y: this.y + size * 0.25, size: valueSize, font: valueFont, color: ink });
    }
  }

  /** A table with a header row; cells wrap inside their column, rows never split across pages. */
  table(columns: ReadonlyArray<{ title: string; width: number; mono?: boolean; size?: number }>, rows: ReadonlyArray<readonly string[]>): void {
    const size = 8;
    const leading = size * 1.3;
    const header = () => {
      this.room(leading * 2);
      this.y -= leading;
      let x = margin;
      for (const c of columns) {
        this.page.drawText(c.title, { x, y: this.y + size * 0.25, size, font: this.bold, color: ink });
        x += c.width;
      }
      this.y -= 3;
      this.page.drawLine({ start: { x: margin, y: this.y }, end: { x: margin + contentWidth, y: this.y }, thickness: 0.5, color: grey });
    };
    header();
    for (const row of rows) {
      const cells = columns.map((c, i) => wrap(row[i] ?? '', this.measure(c.mono ? this.mono : this.font, c.size ?? size), c.width - 6));
      const height = Math.max(...cells.map((c) => c.length)) * leading + 3;
      if (this.y - height < margin + footerSpace) {
        this.newPage();
        header();
      }
      let x = margin;
      cells.forEach((lines, i) => {
        const column = columns[i]!;
        const font = column.mono ? this.mono : this.font;
        lines.forEach((line, k) => this.page.drawText(line, { x, y: this.y - (k + 1) * leading + size * 0.25, size: column.size ?? size, font, color: ink }));
        x += columns[i]!.width;
      });
      this.y -= height;
    }
  }

  /** An image scaled to fit the width and at most a third of a page, with its caption under it. */
  image(image: PDFImage, caption: string): void {
    const maxHeight = (pageSize[1] - 2 * margin) / 3;
    const scale = Math.min(1, contentWidth / image.width, maxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    this.room(height + 30);
    this.y -= height;
    this.page.drawImage(image, { x: margin, y: this.y, width, height });
    this.gap(2);
    this.text(caption, { size: 8, color: grey });
    this.gap(6);
  }

  /**
   * A large diagonal word across every page (DRAFT on an unsigned report), once all pages exist, and the same word
   * with its explanation in the top margin, where it is read (and extracted as text) even when the diagonal is faint.
   */
  watermark(word: string, header: string): void {
    const size = 96;
    const width = this.bold.widthOfTextAtSize(word, size);
    const angle = 45;
    const r = (angle * Math.PI) / 180;
    for (const p of this.doc.getPages()) {
      const [w, h] = [p.getWidth(), p.getHeight()];
      // Centre the rotated word on the page: start half its width back along the diagonal.
      const x = w / 2 - (Math.cos(r) * width) / 2 + (Math.sin(r) * size) / 3;
      const y = h / 2 - (Math.sin(r) * width) / 2 - (Math.cos(r) * size) / 3;
      p.drawText(word, { x, y, size, font: this.bold, color: rgb(0.8, 0.1, 0.1), opacity: 0.18, rotate: degrees(angle) });
      const line = wrap(header, this.measure(this.bold, 7.5), contentWidth)[0] ?? word;
      p.drawText(line, { x: margin, y: h - margin / 2, size: 7.5, font: this.bold, color: rgb(0.7, 0.1, 0.1) });
    }
  }

  /** Page numbers and the generation time on every page, once all pages exist. */
  footer(text: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => p.drawText(text(i + 1, pages.length), { x: margin, y: margin / 2, size: 7.5, font: this.font, color: grey }));
  }
}

/** How the report names things in one language: findings by number and subject, measurements by label. */
interface Words {
  readonly labels: LabReportLabels;
  readonly language: SummaryLanguage;
  readonly registry: SummaryRegistry;
  /** A finding's number in the report (1-based, list order), by id. */
  readonly numbers: ReadonlyMap<string, number>;
  readonly signed: boolean;
}

function findingName(words: Words, finding: Finding | undefined, id: string): string {
  const n = words.numbers.get(id);
  const number = n === undefined ? '' : ` ${n}`;
  if (!finding) return `${words.labels.finding}${number}`;
  const phrases = words.registry.get(finding.module).phrases[words.language];
  const subject = phrases.subject[finding.kind] ?? phrases.subject['*'];
  return `${words.labels.finding}${number}${subject ? ` — ${subject}` : ''}`;
}

function measurementLines(finding: Finding, words: Words): string[] {
  const { labels, language } = words;
  const module = words.registry.get(finding.module);
  const { labels: names, values } = module.phrases[language];
  return finding.measurements.map((m) => {
    // The module's digits, as the summary above and the finding cards write the same value.
    const digits = module.fractionDigits?.[m.key] ?? defaultFractionDigits;
    const threshold = m.threshold ? ` (${labels.threshold} ${m.threshold.rule.replace('>=', '≥').replace('<=', '≤')} ${formatNumber(m.threshold.value, language, digits)})` : '';
    const value = formatModuleMeasurement(m, language, digits, values);
    return `${names[m.key] ?? m.key}: ${value}${threshold}`;
  });
}

/** A parameter's value as text: numbers in the language's notation, ranges of numbers shortened, unset as automatic. */
function parameterValue(value: unknown, words: Words): string | null {
  const { labels, language } = words;
  if (value === null || value === 'auto') return labels.automatic;
  if (typeof value === 'number') return formatNumber(value, language, 6);
  if (typeof value === 'boolean') return formatMeasurement({ key: '', value, unit: null, threshold: null }, language);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    const numbers = value as number[];
    return labels.valuesFromTo.replace('{from}', formatNumber(Math.min(...numbers), language, 3)).replace('{to}', formatNumber(Math.max(...numbers), language, 3)).replace('{count}', String(numbers.length));
  }
  return null;
}

/** The method by name and every parameter the report can name, as labelled values; the rest is counted, never dumped. */
function provenanceLines(finding: Finding, words: Words): { method: string; parameters: string[] } {
  const { labels } = words;
  const p = finding.provenance;
  const method = `${labels.methods[p.algorithm] ?? p.algorithm}, ${p.version}${p.modelSha256 ? `; ${labels.modelHash} ${p.modelSha256}` : ''}`;
  const parameters: string[] = [];
  let other = 0;
  for (const [key, value] of Object.entries(p.parameters)) {
    const name = labels.parameterNames[key];
    const text = parameterValue(value, words);
    if (key === 'preprocess' && value && typeof value === 'object' && 'algorithm' in value) {
      const pre = value as { algorithm?: unknown; version?: unknown };
      parameters.push(`${labels.preprocessing}: ${labels.methods[String(pre.algorithm)] ?? String(pre.algorithm)}, ${String(pre.version)}`);
    } else if (name && text !== null) parameters.push(`${name}: ${text}`);
    else other += 1;
  }
  if (other > 0) parameters.push(`${labels.otherParameters}: ${other}`);
  return { method, parameters };
}

function reviewText(finding: Finding, words: Words): string {
  const { labels } = words;
  const review = finding.review;
  if (review) return `${labels.decisions[review.decision]} — ${labels.reviewer}: ${review.reviewer}, ${when(review.at)}, ${labels.auditEntry} #${review.auditSeq}`;
  // Creating a manual measurement or an amendment was the expert's decision; only an algorithm's finding can be open.
  if (finding.origin !== 'model') return labels.ownWork;
  return words.signed ? labels.none : labels.notReviewed;
}

/** A conclusion code in words: on the module's own scale (e.g. handwriting's verbal scale), else the AFTE range; an expert's own text as typed. */
function conclusionWords(finding: Finding, code: string, words: Words): string {
  // A module with its own scale of conclusions (drug tests, handwriting) names them; toolmark modules use the AFTE range.
  const phrases = words.registry.get(finding.module).phrases[words.language];
  const own = phrases.conclusion?.labels[code] ?? phrases.conclusions?.[code];
  const afte = commonPhrases[words.language].afteLabels as Readonly<Record<string, string>>;
  return own ?? afte[code] ?? code;
}

function drawFinding(out: Layout, finding: Finding, byId: ReadonlyMap<string, Finding>, words: Words, indent: number): void {
  const { labels } = words;
  out.room(60);
  out.text(findingName(words, finding, finding.id), { font: out.bold, size: 10, indent });
  const field = (label: string, value: string, mono = false) => out.field(label, value, { indent: indent + 10, mono });
  field(labels.originLabel, labels.origin[finding.origin]);
  if (finding.supersedes) field(labels.amendmentOf, findingName(words, byId.get(finding.supersedes), finding.supersedes));
  if (finding.supersededBy) field(labels.supersededBy, findingName(words, byId.get(finding.supersededBy), finding.supersededBy));
  field(labels.measurements, measurementLines(finding, words).join('\n') || labels.none);
  field(labels.conclusion, finding.conclusion === null ? labels.noConclusion : conclusionWords(finding, finding.conclusion, words));
  const provenance = provenanceLines(finding, words);
  field(labels.method, provenance.method);
  if (provenance.parameters.length > 0) field(labels.parameters, provenance.parameters.join('\n'));
  field(labels.inputs, finding.provenance.inputs.map((i) => `${i.name}: ${i.sha256}`).join('\n') || labels.none, true);
  field(labels.recorded, `${finding.createdBy}, ${when(finding.createdAt)}, ${labels.auditEntry} #${finding.auditSeq}`);
  field(labels.review, reviewText(finding, words));
  if (finding.review?.reason) field(labels.reason, finding.review.reason);
  out.gap(6);
  // An amendment is shown right under the original it replaces, so both are read together.
  if (finding.supersededBy) {
    const amendment = byId.get(finding.supersededBy);
    if (amendment) drawFinding(out, amendment, byId, words, indent + 16);
  }
}

/** Renders the lab report PDF from its model. */
export async function renderLabReport(model: ReportModel): Promise<Uint8Array> {
  const labels = labReportLabels[model.language];
  // The document's dates are the model's generation time, not the moment of rendering.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(loadFont(false), { subset: true });
  const bold = await doc.embedFont(loadFont(true), { subset: true });
  const mono = await doc.embedFont(loadFont(false, 'DejaVuSansMono'), { subset: true });
  const at = new Date(model.generatedAt);
  doc.setTitle(`${labels.title} ${model.case.number}`);
  doc.setCreator('Dalel');
  doc.setProducer('Dalel');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  doc.setLanguage(model.language);

  const signed = model.review?.state === 'signed';
  const words: Words = { labels, language: model.language, registry: model.registry, numbers: new Map(model.findings.map((f, i) => [f.id, i + 1])), signed };
  const coverage = model.coverage ?? [];
  // The signature in force, and what it covered: exhibits received after it are marked, never counted as signed.
  const currentSignature = model.review?.signatures.filter((s) => s.current).at(-1);
  const currentCoverage = currentSignature ? coverage.find((c) => c.auditSeq === currentSignature.auditSeq) : undefined;
  const out = new Layout(doc, font, bold, mono);
  out.text(labels.title, { font: bold, size: 18 });
  if (!signed) out.text(labels.draftNotice, { font: bold, size: 10, color: rgb(0.7, 0.1, 0.1) });
  out.gap(8);
  out.field(labels.caseNumber, model.case.number);
  out.field(labels.venue, model.case.venue);
  out.field(labels.caseType, labels.caseTypes[model.case.caseType]);
  out.field(labels.parties, model.case.parties || labels.none);

  out.heading(labels.evidence);
  out.table(
    [
      { title: labels.evidenceName, width: 112 },
      { title: labels.evidenceKind, width: 30 },
      { title: labels.evidenceSize, width: 62 },
      // A full SHA-256 in 7-point mono is 270 points wide: the column keeps it on one line, so it can be read and searched.
      { title: 'SHA-256', width: contentWidth - 204, mono: true, size: 7 },
    ],
    model.evidence.map((e) => [e.originalName, e.kind.toUpperCase(), `${formatNumber(e.sizeBytes, model.language, 0)} ${labels.bytes}`, e.sha256]),
  );
  if (currentCoverage && currentCoverage.evidence.length > 0) {
    const coveredIds = new Set(currentCoverage.evidence.map((e) => e.id));
    const later = model.evidence.filter((e) => !coveredIds.has(e.id));
    if (later.length > 0) {
      out.gap(4);
      out.field(labels.notCovered, later.map((e) => `${e.originalName}: ${e.sha256}`).join('\n'), { mono: true });
    }
  }

  if (model.images.length > 0) {
    out.heading(labels.images);
    for (const image of model.images) {
      const caption = `${image.caption} — SHA-256 ${image.sha256}`;
      const embedded = image.mediaType === 'image/png' ? await doc.embedPng(image.bytes) : image.mediaType === 'image/jpeg' ? await doc.embedJpg(image.bytes) : null;
      if (embedded) out.image(embedded, caption);
      else out.text(`${caption} (${image.mediaType}: ${labels.notDrawable})`, { size: 8 });
    }
  }

  out.heading(labels.findings);
  const byId = new Map(model.findings.map((f) => [f.id, f]));
  const roots = model.findings.filter((f) => !f.supersedes || !byId.has(f.supersedes));
  if (roots.length === 0) out.text(labels.noFindings);
  for (const finding of roots) drawFinding(out, finding, byId, words, 0);

  out.heading(labels.summary);
  for (const paragraph of model.summary.paragraphs) {
    out.text(paragraph.heading, { font: bold, size: 10 });
    out.text(paragraph.parts.map((p) => p.text).join(''));
    out.gap(4);
  }

  out.heading(labels.signatures);
  if (model.review) {
    out.field(labels.reviewState, labels.states[model.review.state]);
    if (model.review.signatures.length === 0) out.text(labels.noSignatures);
    for (const s of model.review.signatures) {
      out.field(`${s.displayName} (${s.username})`, `${labels.meanings[s.meaning]} — ${when(s.at)}, ${labels.auditEntry} #${s.auditSeq}${s.current ? '' : ` (${labels.signatureNotCurrent})`}`);
      const covered = coverage.find((c) => c.auditSeq === s.auditSeq);
      if (!covered || (covered.findings.length === 0 && covered.evidence.length === 0)) {
        out.field(labels.covers, labels.coverageNotRecorded, { indent: 10 });
        continue;
      }
      out.text(labels.covers, { font: bold, indent: 10 });
      out.text(labels.coversFindings, { indent: 20 });
      for (const f of covered.findings) {
        out.text(findingName(words, byId.get(f.id), f.id), { indent: 30 });
        out.field('SHA-256', f.sha256, { indent: 40, mono: true });
      }
      out.text(labels.coversEvidence, { indent: 20 });
      for (const e of covered.evidence) out.field(e.name, e.sha256, { indent: 30, mono: true });
    }
  } else {
    out.text(labels.noSignatures);
  }

  out.heading(labels.checkpoint);
  out.text(labels.checkpointCovers);
  out.gap(4);
  out.field(labels.treeSize, String(model.checkpoint.size));
  out.field(labels.rootHash, model.checkpoint.rootBase64, { mono: true });
  out.field(labels.keyId, model.checkpoint.keyId, { mono: true });
  out.field(labels.signedAt, when(model.checkpoint.createdAt));
  out.text(labels.signedNote, { font: bold });
  out.text(model.checkpoint.note.trimEnd(), { font: mono, size: 7.5 });

  if (!signed) out.watermark(labels.draftWatermark, labels.draftHeader);
  const footer = `${labels.caseNumber} ${model.case.number} · ${labels.generated} ${when(model.generatedAt)} (${model.generatedBy})`;
  out.footer((page, pages) => `${footer} · ${labels.page} ${page} / ${pages}`);
  return doc.save();
}
