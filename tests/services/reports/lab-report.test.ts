import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../../main/contract/index.ts';
import { renderLabReport, type ReportModel } from '../../../main/services/reports/lab-report.ts';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { makePng } from '../../helpers/workstation.ts';
import { fixtureFindings, fixtureIds } from './fixture-findings.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';

/** The summary templates of the shipped modules. */
const shipped = shippedRegistry().summaries();

const dir = mkdtempSync(join(tmpdir(), 'dalel-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as poppler extracts it. */
function pdfText(pdf: Uint8Array, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const evidence = (index: number, name: string): Evidence => ({
  id: index === 0 ? fixtureIds.evidenceA : index === 1 ? fixtureIds.evidenceB : `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  caseId: fixtureIds.caseId,
  sha256: (index.toString(16).padStart(2, '0') + 'c0ffee').repeat(8).slice(0, 64),
  originalName: name,
  sizeBytes: 1_234_567 + index,
  kind: 'x3p',
  category: 'ballistics.cartridge-case',
  pixelUm: null,
  mediaType: 'application/x-x3p',
  width: 545,
  height: 545,
  bitDepth: null,
  addedBy: 'expert',
  addedAt: '2026-11-27T08:00:00.000Z',
  hasThumbnail: true,
});

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  const findings = fixtureFindings();
  return {
    language: 'en',
    case: { id: fixtureIds.caseId, number: 'LAB-2026/0042', venue: 'Forensic laboratory, Almaty', caseType: 'forensic-examination', parties: 'State v. Doe', createdAt: '2026-11-27T07:00:00.000Z', createdBy: 'expert', evidenceCount: 2 },
    evidence: [evidence(0, 'fadul1-1.x3p'), evidence(1, 'fadul1-2.x3p')],
    images: [{ caption: 'fadul1-1.x3p', sha256: 'd'.repeat(64), mediaType: 'image/png', bytes: makePng(120, 80, 3) }],
    findings,
    summary: generateSummary(findings, 'en', shipped),
    review: {
      caseId: fixtureIds.caseId,
      state: 'signed',
      technicalReviewRequired: false,
      findingsTotal: 6,
      findingsDecided: 6,
      signatures: [{ userId: '20000000-0000-4000-8000-000000000001', username: 'expert', displayName: 'Aigerim Expert', meaning: 'approved', at: '2026-11-27T09:30:00.000Z', auditSeq: 30, current: true }],
      updatedAt: '2026-11-27T09:30:00.000Z',
    },
    checkpoint: {
      id: 3,
      size: 31,
      rootBase64: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=',
      note: 'dalel.kz/audit/ws\n31\nq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n\n— dalel.kz/audit/ws AbCdEf0123456789\n',
      reason: 'report',
      keyId: 'key-1',
      createdAt: '2026-11-27T09:31:00.000Z',
      cosignatures: [],
    },
    generatedAt: '2026-11-27T09:31:00.000Z',
    generatedBy: 'expert',
    ...overrides,
  };
}

describe('lab report PDF', () => {
  it('shows the case number, every evidence SHA-256 in full, the summary, signatures, checkpoint and page footers', async () => {
    const text = pdfText(await renderLabReport(model()), 'basic');
    expect(text).toContain('LAB-2026/0042');
    expect(text).toContain('Forensic examination');
    for (const e of model().evidence) expect(text).toContain(e.sha256);
    expect(text).toContain('Forensic laboratory, Almaty');
    expect(text).toContain('State v. Doe');
    expect(text).toContain('Conclusion');
    expect(text).toContain('on the AFTE range of conclusions, identification');
    expect(text).toContain('Aigerim Expert (expert)');
    expect(text).toContain('approved — 2026-11-27 09:30:00 UTC');
    expect(text).toContain('q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=');
    expect(text).toMatch(/Tree size \(entries\)\s+31/);
    expect(text).toMatch(/Report generated 2026-11-27 09:31:00 UTC \(expert\) · page 1 \/ \d+/);
  });

  it('shows an amended finding with its original and the expert’s reason', async () => {
    const text = pdfText(await renderLabReport(model()), 'amended');
    const original = text.indexOf(`Finding ${fixtureIds.bulletOriginal}`);
    const amendment = text.indexOf(`Finding ${fixtureIds.bulletAmended}`);
    expect(original).toBeGreaterThan(-1);
    expect(amendment).toBeGreaterThan(original);
    expect(text).toContain('Land 3 of bullet B is damaged; the remaining lands agree.');
    expect(text).toMatch(/amended — Reviewer: expert/);
    expect(text).toContain('Amendment of finding');
    expect(text).toContain('model-edited');
    expect(text).toContain('Scan B was taken of the wrong region.');
  });

  it('wraps long text and paginates many items, in Russian and Kazakh letters', async () => {
    const many = Array.from({ length: 60 }, (_, i) => evidence(i, `образец-${i}-${'очень-длинное-имя-файла-'.repeat(3)}.x3p`));
    const findings = fixtureFindings();
    for (const language of ['ru', 'kk'] as const) {
      const pdf = await renderLabReport(model({ language, evidence: many, summary: generateSummary(findings, language, shipped), case: { ...model().case, parties: 'Қазақстан Республикасы '.repeat(40) } }));
      const text = pdfText(pdf, `many-${language}`);
      for (const e of many) expect(text).toContain(e.sha256);
      const pages = Number(/(?:стр\.|бет) 1 \/ (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(2);
      expect(text).toContain(language === 'ru' ? 'Заключение лаборатории' : 'Зертхана қорытындысы');
    }
  });
});
