import { describe, expect, it } from 'vitest';
import type { Finding, Measurement } from '../../../main/contract/index.ts';
import { writerComparisonMethod } from '../../../main/services/forensics/handwriting/kinds.ts';
import { writerComparisonSummary } from '../../../main/services/forensics/handwriting/summary.ts';
import { handwritingConclusions, verbalConclusion } from '../../../main/services/forensics/handwriting/verbal-scale.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';
import { renderLabReport, type ReportModel } from '../../../main/services/reports/lab-report.ts';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { summaryLanguages } from '../../../main/services/reports/summary/summary-types.ts';
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };
import kk from '../../../renderer/src/i18n/kk.json' with { type: 'json' };
import ru from '../../../renderer/src/i18n/ru.json' with { type: 'json' };
import { pdfText } from '../../helpers/pdf-text.ts';

const shipped = shippedRegistry().summaries();

const m = (key: string, value: number): Measurement => ({ key, value, unit: null, threshold: null });

/** A writer-comparison finding as the handwriting module records it: the verbal-scale code of its log10 SLR. */
function comparison(id: string, log10Slr: number | null): Finding {
  const measurements = [...(log10Slr === null ? [] : [m('lr', 10 ** log10Slr), m('hw.score', 0.9)]), m('hw.pages.known', 2), m('hw.graphs.known', 640), m('hw.graphs.questioned', 301)];
  if (log10Slr !== null) measurements.push(m('hw.log10Slr', log10Slr));
  return {
    id,
    caseId: '00000000-0000-4000-8000-000000000001',
    runId: null,
    module: writerComparisonMethod,
    kind: 'writer-comparison',
    evidenceIds: ['00000000-0000-4000-8000-0000000000a1'],
    measurements,
    conclusion: verbalConclusion(log10Slr),
    origin: 'model',
    supersedes: null,
    supersededBy: null,
    provenance: { algorithm: 'dalel-handwriting-profile', version: '1.1.0', modelSha256: null, parameters: {}, inputs: [{ name: 'q.png', sha256: 'a'.repeat(64), evidenceId: null }], software: { node: '22' } },
    overlays: [],
    review: null,
    createdBy: 'expert',
    createdAt: '2026-11-27T09:00:00.000Z',
    auditSeq: 10,
  };
}

const findings = [comparison('10000000-0000-4000-8000-000000000001', 3.4), comparison('10000000-0000-4000-8000-000000000002', null)];
const ui = { en, ru, kk } as const;

describe('handwriting conclusions: stored as verbal-scale codes, shown in words', () => {
  it('every code has words in kk, ru and en, in the interface and in the summary tables, and kk/ru are not English', () => {
    for (const language of summaryLanguages) {
      const table = writerComparisonSummary.phrases[language].conclusions!;
      const screen = ui[language].conclusions as Record<string, string>;
      for (const code of handwritingConclusions) {
        expect(table[code], `${language} ${code}`).toBeTruthy();
        expect(screen[code], `${language} ${code}`).toBe(table[code]);
        if (language !== 'en') expect(table[code]).not.toBe(writerComparisonSummary.phrases.en.conclusions![code]);
      }
    }
  });

  it('the summary and the lab report PDF state each conclusion in words of the report language, never the code', async () => {
    expect(findings.map((f) => f.conclusion)).toEqual(['hw-same-strong', 'hw-abstained']);
    for (const language of summaryLanguages) {
      const summary = generateSummary(findings, language, shipped);
      const words = writerComparisonSummary.phrases[language].conclusions!;
      const summaryText = summary.paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('');
      // The ratio's own sentence states the first; the abstention has no ratio and is stated by its code's words.
      expect(summaryText).toContain(words['hw-abstained']);
      expect(summaryText).not.toMatch(/hw-[a-z]/);

      const model: ReportModel = {
        language,
        case: { id: findings[0]!.caseId, number: 'HW-7', venue: 'Lab', caseType: 'forensic-examination', parties: '', createdAt: '2026-11-27T07:00:00.000Z', createdBy: 'expert', evidenceCount: 1 },
        evidence: [],
        images: [],
        findings,
        summary,
        review: null,
        registry: shipped,
        checkpoint: { id: 1, size: 12, rootBase64: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=', note: 'n', reason: 'report', keyId: 'key-1', createdAt: '2026-11-27T09:31:00.000Z', cosignatures: [] },
        generatedAt: '2026-11-27T09:31:00.000Z',
        generatedBy: 'expert',
      };
      const text = pdfText(await renderLabReport(model)).replace(/\s+/g, ' ');
      expect(text).toContain(words['hw-same-strong']);
      expect(text).toContain(words['hw-abstained']);
      expect(text).not.toMatch(/hw-[a-z]/);
      if (language !== 'en') expect(text).not.toContain('support for the same writer');
    }
  });
});
