import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Evidence, Finding } from '../../../main/contract/index.ts';
import { renderLabReport, type ReportModel } from '../../../main/services/reports/lab-report.ts';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { defaultBulletParameters } from '../../../native/bullet/bullet-params.ts';
import { defaultCmcParameters } from '../../../native/cmc/cmc-params.ts';
import { makePng } from '../../helpers/workstation.ts';
import { producerFindings } from './producer-findings.ts';
import { fixtureFindings, fixtureIds } from './fixture-findings.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';
import { pdfText } from '../../helpers/pdf-text.ts';

/** The summary templates of the shipped modules. */
const shipped = shippedRegistry().summaries();

const dir = mkdtempSync(join(tmpdir(), 'dalel-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    registry: shipped,
    ...overrides,
  };
}

describe('lab report PDF', () => {
  it('shows the case number, every evidence SHA-256 in full, the summary, signatures, checkpoint and page footers', async () => {
    const text = pdfText(await renderLabReport(model()));
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

  it('writes a measurement with the digits the summary and the finding cards give it, a threshold too', async () => {
    // A key its module declares no digits for takes the shared default (3), not six decimals of its own.
    const findings = fixtureFindings().map((f, i): Finding => (i === 0 ? { ...f, measurements: [...f.measurements, { key: 'cmc.meanCcf', value: 0.71234567, unit: null, threshold: { value: 0.60000049, rule: '>=' } }] } : f));
    const text = pdfText(await renderLabReport(model({ findings, summary: generateSummary(findings, 'en', shipped) })));
    expect(text).toMatch(/cmc\.meanCcf: 0\.712 \(threshold ≥ 0\.6\)/);
    expect(text).not.toContain('0.712346');
    // A declared key keeps its module's digits (θ: one decimal).
    expect(text).toContain('consensus rotation: -3.3°');
    expect(text).not.toContain('-3.25°');
  });

  it('shows an amended finding with its original and the expert’s reason', async () => {
    const text = pdfText(await renderLabReport(model()));
    // Findings by their number in the list (the original is the second, its amendment the third), never by UUID.
    expect(model().findings.map((f) => f.id).slice(1, 3)).toEqual([fixtureIds.bulletOriginal, fixtureIds.bulletAmended]);
    const original = text.indexOf('Finding 2 — Bullets A and B');
    const amendment = text.indexOf('Finding 3 — Bullets A and B');
    expect(original).toBeGreaterThan(-1);
    expect(amendment).toBeGreaterThan(original);
    expect(text).toContain('Land 3 of bullet B is damaged; the remaining lands agree.');
    expect(text).toMatch(/amended — Reviewer: expert/);
    expect(text).toMatch(/Amendment of finding\s+Finding 2/);
    expect(text).toContain('algorithm finding amended by the expert');
    expect(text).not.toContain('model-edited');
    expect(text).toContain('Scan B was taken of the wrong region.');
  });

  it('wraps long text and paginates many items, in Russian and Kazakh letters', async () => {
    const many = Array.from({ length: 60 }, (_, i) => evidence(i, `образец-${i}-${'очень-длинное-имя-файла-'.repeat(3)}.x3p`));
    const findings = fixtureFindings();
    for (const language of ['ru', 'kk'] as const) {
      const pdf = await renderLabReport(model({ language, evidence: many, summary: generateSummary(findings, language, shipped), case: { ...model().case, parties: 'Қазақстан Республикасы '.repeat(40) } }));
      const text = pdfText(pdf);
      for (const e of many) expect(text).toContain(e.sha256);
      const pages = Number(/(?:стр\.|бет) 1 \/ (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(2);
      expect(text).toContain(language === 'ru' ? 'Заключение лаборатории' : 'Зертхана қорытындысы');
    }
  });

  const languages = ['kk', 'ru', 'en'] as const;
  const watermark = { kk: 'ЖОБА', ru: 'ЧЕРНОВИК', en: 'DRAFT' } as const;

  /** Each page's text, by pdftotext -f N -l N. */
  function pageTexts(pdf: Uint8Array, name: string): string[] {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  }

  it.each(languages)('Reports: an unsigned report is watermarked DRAFT on every page, in its language (%s); a signed one is not', async (language) => {
    const many = Array.from({ length: 40 }, (_, i) => evidence(i, `item-${i}.x3p`));
    const unsigned = model({ language, evidence: many, summary: generateSummary(fixtureFindings(), language, shipped), review: { ...model().review!, state: 'verified', signatures: [] } });
    const pages = pageTexts(await renderLabReport(unsigned), `draft-${language}`);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(watermark[language]);
    const signedPages = pageTexts(await renderLabReport(model({ language, evidence: many, summary: generateSummary(fixtureFindings(), language, shipped) })), `signed-${language}`);
    for (const page of signedPages) expect(page).not.toContain(watermark[language]);
  });

  /** The findings the app really records, with the provenance the real runs write, reviewed and signed. */
  function realFindings(): Finding[] {
    return producerFindings().map((f, i) => ({
      ...f,
      id: `50000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      provenance:
        f.module === 'manual'
          ? { ...f.provenance, algorithm: 'manual.distance', parameters: {} }
          : f.module === 'ballistics.bullet'
            ? { ...f.provenance, algorithm: 'bullet-land-signatures', parameters: { ...defaultBulletParameters } }
            : { ...f.provenance, algorithm: 'congruent-matching-cells', parameters: { ...defaultCmcParameters, thetas: [...defaultCmcParameters.thetas], preprocess: { algorithm: 'cartridge-case-preprocess', version: '1.0.0', a: { ms: 3 }, b: { ms: 4 } } } },
      review: f.origin === 'model' ? { decision: 'accepted' as const, reason: null, reviewer: 'expert', at: '2026-11-27T09:10:00.000Z', auditSeq: 20 + i } : null,
    }));
  }

  it.each(['kk', 'ru'] as const)('Reports: no raw keys, UUIDs, JSON, "model (…)" or English words in a %s report; parameters as labelled values', async (language) => {
    const findings = realFindings();
    const theCase = { ...model().case, number: '7-2026', venue: 'Алматы', parties: 'Мемлекет' };
    const report = model({ language, case: theCase, findings, summary: generateSummary(findings, language, shipped), evidence: [evidence(0, 'fadul1.1_processed.x3p'), evidence(1, 'fadul1.2_processed.x3p')], images: [] });
    const text = pdfText(await renderLabReport(report));
    const own = text.slice(0, text.indexOf(language === 'ru' ? 'Контрольная точка журнала аудита' : 'Аудит журналының бақылау нүктесі'));
    expect(own).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(own).not.toMatch(/\b(?:cmc|bullet|land|manual)\.[A-Za-z]/);
    expect(own).not.toMatch(/[{}"]|\[\[/);
    expect(own).not.toMatch(/model \(|model-edited|congruent-matching|bullet-land-signatures|ccfThreshold|cellsX/);
    expect(own).not.toMatch(/\b(?:inconclusive|identification|elimination|accepted|not reviewed)\b/);
    // Apart from the recorded names (files, the reviewer's user name) and the abbreviations of the field, no Latin words.
    const residue = own
      .replace(/fadul1\.[12]_processed\.x3p|B[12]-L\d\.x3p/g, '')
      .replace(/\bexpert\b/g, '')
      .replace(/\b[0-9a-f]{64}\b/g, '')
      .match(/[A-Za-z]{2,}/g);
    const allowed = new Set(['X3P', 'UTC', 'SHA', 'CMC', 'CCF', 'CMS', 'AFTE', 'Aigerim', 'Expert']);
    expect((residue ?? []).filter((w) => !allowed.has(w))).toEqual([]);
    expect(own).toMatch(language === 'ru' ? /наименьшая взаимная корреляция: 0,5/ : /ең аз өзара корреляция: 0,5/);
    expect(own).toMatch(language === 'ru' ? /от −?-?30 до 30, 21 значений/ : /-?−?30 бастап 30 дейін, 21 мән/);
    expect(own).toContain(language === 'ru' ? 'идентификация' : 'сәйкестендіру');
  });

  it('Reports: "not reviewed yet" never appears inside a signed report; a manual measurement reads as the expert\'s own decision', async () => {
    const signed = pdfText(await renderLabReport(model()));
    expect(signed).not.toContain('not reviewed yet');
    expect(signed).toContain("decided: the expert's own measurement or amendment");
    const draft = pdfText(await renderLabReport(model({ review: { ...model().review!, state: 'in-review', signatures: [] } })));
    expect(draft).toContain('not reviewed yet');
  });

  it('says a finding of measurements only draws no conclusion, in words that cannot be read as a negative one', async () => {
    const text = pdfText(await renderLabReport(model()));
    expect(text).toContain('none drawn (measurements only)');
    const ru = pdfText(await renderLabReport(model({ language: 'ru' })));
    expect(ru).toContain('не делается (только измерения)');
  });
});
