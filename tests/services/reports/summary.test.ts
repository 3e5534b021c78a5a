import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { formatMeasurement, formatNumber, pluralForm } from '../../../main/services/reports/summary/locale.ts';
import { SummaryRegistry } from '../../../main/services/reports/summary/registry.ts';
import { cartridgeCaseSummary } from '../../../main/services/forensics/ballistics/summary-cartridge-case.ts';
import { summaryLanguages, type ModulePhrases, type SummaryModule } from '../../../main/services/reports/summary/summary-types.ts';
import { fixtureFindings, fixtureIds } from './fixture-findings.ts';
import { producerFindings } from './producer-findings.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';

/** The summary templates of the shipped modules. */
const shipped = shippedRegistry().summaries();

const goldenDir = join(import.meta.dirname, 'golden');
// Goldens are rewritten only on purpose (UPDATE_GOLDEN=1), after reading the new output; otherwise compared exactly.
const update = process.env.UPDATE_GOLDEN === '1';

describe('summary generator', () => {
  for (const language of summaryLanguages) {
    it(`matches the reviewed golden summary in ${language}`, () => {
      const summary = generateSummary(fixtureFindings(), language, shipped);
      const file = join(goldenDir, `summary.${language}.json`);
      const json = `${JSON.stringify(summary, null, 2)}\n`;
      if (update) writeFileSync(file, json);
      expect(existsSync(file)).toBe(true);
      expect(json).toBe(readFileSync(file, 'utf8'));
    });

    it(`links every number to an existing finding and measurement (${language})`, () => {
      const findings = fixtureFindings();
      const summary = generateSummary(findings, language, shipped);
      let linked = 0;
      for (const paragraph of summary.paragraphs) {
        for (const part of paragraph.parts) {
          if (!('findingId' in part)) {
            // Unlinked text carries no number at all: every number the reader sees can be traced.
            expect(part.text, `unlinked digits in "${part.text}"`).not.toMatch(/\p{Nd}/u);
            continue;
          }
          linked += 1;
          const finding = findings.find((f) => f.id === part.findingId);
          expect(finding, part.findingId).toBeDefined();
          expect(finding!.supersededBy, 'numbers come from current findings').toBeNull();
          const measurement = finding!.measurements.find((m) => m.key === part.measurementKey);
          expect(measurement, part.measurementKey).toBeDefined();
          const digits = part.measurementKey.startsWith('cmc.consensus') ? 1 : ['manual.distance', 'cmc.pixelUm', 'manual.pixelUm'].includes(part.measurementKey) ? 2 : 3;
          const allowed = [formatMeasurement(measurement!, language, digits)];
          if (measurement!.threshold) allowed.push(formatNumber(measurement!.threshold.value, language, digits));
          expect(allowed).toContain(part.text);
        }
      }
      expect(linked).toBeGreaterThan(15);
    });
  }

  it('uses the amendment, says it was amended, and leaves the rejected finding out of the conclusion', () => {
    const summary = generateSummary(fixtureFindings(), 'en', shipped);
    const linkedIds = new Set(summary.paragraphs.flatMap((p) => p.parts.flatMap((part) => ('findingId' in part ? [part.findingId] : []))));
    expect(linkedIds.has(fixtureIds.bulletAmended)).toBe(true);
    expect(linkedIds.has(fixtureIds.bulletOriginal)).toBe(false);
    expect(linkedIds.has(fixtureIds.rejected)).toBe(false);
    expect(summary.conclusion).toContain('Bullets A and B (land engraved areas): on the AFTE range of conclusions, identification.');
    expect(summary.conclusion).toContain('amended by the expert');
    expect(summary.conclusion).toContain('rejected by the expert');
    expect(summary.conclusion).not.toContain('elimination');
    expect(summary.conclusion).toContain('moderately strong support for the proposition of a common source');
  });

  it('names the files of each finding where two findings would otherwise read alike, and only there', () => {
    const [lrFinding] = fixtureFindings().filter((f) => f.id === fixtureIds.handwriting);
    const page = (n: number) => ({ name: `w00${n}_s01_pWOZ_r01.png`, sha256: String(n % 10).repeat(64), evidenceId: `40000000-0000-4000-8000-00000000000${n}` });
    const comparison = (id: string, known: number, questioned: number, lr: number) => ({
      ...lrFinding!,
      id,
      module: 'handwriting.writer-comparison',
      kind: 'writer-comparison',
      evidenceIds: [page(known).evidenceId, page(questioned).evidenceId],
      provenance: { ...lrFinding!.provenance, inputs: [page(known), page(questioned)] },
      measurements: [{ key: 'lr', value: lr, unit: null, threshold: null }],
    });
    const same = comparison('10000000-0000-4000-8000-0000000000a1', 3, 4, 1995.26);
    const different = comparison('10000000-0000-4000-8000-0000000000a2', 3, 8, 0.0705);
    const both = generateSummary([same, different], 'en', shipped).conclusion;
    expect(both).toContain('Known handwriting and the questioned page (w003_s01_pWOZ_r01.png, w004_s01_pWOZ_r01.png): the likelihood ratio is 1,995.26');
    expect(both).toContain('Known handwriting and the questioned page (w003_s01_pWOZ_r01.png, w008_s01_pWOZ_r01.png): the likelihood ratio is 0.071');
    const alone = generateSummary([same], 'en', shipped).conclusion;
    expect(alone).toContain('Known handwriting and the questioned page: the likelihood ratio is 1,995.26');
  });

  it('puts likelihood ratios on the ENFSI scale in both directions', () => {
    const [lrFinding] = fixtureFindings().filter((f) => f.id === fixtureIds.handwriting);
    const withLr = (value: number) => generateSummary([{ ...lrFinding!, measurements: [{ key: 'lr', value, unit: null, threshold: null }] }], 'en', shipped).conclusion;
    expect(withLr(5)).toContain('weak support for the proposition of a common source');
    expect(withLr(2_000_000)).toContain('extremely strong support');
    expect(withLr(0.001)).toContain('strong support for the proposition of different sources');
    expect(withLr(1)).toContain('support neither proposition');
  });

  it('agrees words with numbers by each language’s plural rules', () => {
    const forms = cartridgeCaseSummary.phrases.ru.words.cell!;
    expect([1, 2, 5, 21, 22, 25].map((n) => pluralForm(forms, n, 'ru'))).toEqual(['ячейка', 'ячейки', 'ячеек', 'ячейка', 'ячейки', 'ячеек']);
    expect([1, 2].map((n) => pluralForm(cartridgeCaseSummary.phrases.en.words.cell!, n, 'en'))).toEqual(['cell', 'cells']);
    expect(formatNumber(1523.44, 'ru', 1)).toBe('1\u00a0523,4');
    expect(formatNumber(1523.44, 'en', 1)).toBe('1,523.4');
  });

  it('keeps two significant digits of a small value, whatever the declared decimals, so no measurement reads as 0', () => {
    // A handwriting likelihood ratio (declared 2 decimals) near the lower ELUB bound, and above 1.
    expect(formatNumber(0.0705, 'en', 2)).toBe('0.071');
    expect(formatNumber(0.0174, 'ru', 2)).toBe('0,017');
    expect(formatNumber(1995.26234, 'en', 2)).toBe('1,995.26');
    expect(formatNumber(0.004, 'en', 2)).toBe('0.0040');
    expect(formatNumber(0.07049, 'ru', 2)).toBe('0,070');
    expect(formatNumber(-0.00042, 'en', 3)).toBe('-0.00042');
    expect(formatNumber(0.41, 'en', 2)).toBe('0.41');
    expect(formatNumber(0, 'en', 2)).toBe('0');
    // The word agrees with the number as written: 0.0015 is "0.0015", not "0".
    const forms = cartridgeCaseSummary.phrases.ru.words.cell!;
    expect(pluralForm(forms, 0.0015, 'ru', 2)).toBe(pluralForm(forms, 0.0015, 'ru', 4));
    expect(pluralForm(forms, 0.0015, 'ru', 2)).not.toBe(pluralForm(forms, 0, 'ru', 2));
  });

  it('summarises a module without templates by listing its measurements, and accepts a registered one', () => {
    const [finding] = fixtureFindings().filter((f) => f.id === fixtureIds.handwriting);
    const generic = generateSummary([finding!], 'en', shipped);
    expect(generic.paragraphs.find((p) => p.heading === 'Measurements')!.parts.map((p) => p.text).join('')).toContain('features.matched: 14.');
    const phrases: ModulePhrases = { subject: { '*': 'Signatures' }, method: {}, measurements: { '*': ['Matched features: {features.matched}.'] }, labels: {}, words: {}, limitations: ['Handwriting limitation.'] };
    const handwriting: SummaryModule = { module: 'handwriting', phrases: { en: phrases, ru: phrases, kk: phrases } };
    const registry = shippedRegistry().summaries();
    registry.register(handwriting);
    const custom = generateSummary([finding!], 'en', registry);
    expect(custom.paragraphs.map((p) => p.parts.map((x) => x.text).join('')).join('\n')).toContain('Signatures. Matched features: 14.');
    expect(() => new SummaryRegistry([handwriting, handwriting])).toThrow(/twice/);
  });

  for (const language of summaryLanguages) {
    it(`names every measurement the analysis runs and the viewer record, never a raw key (${language})`, () => {
      const findings = producerFindings();
      expect(findings.map((f) => f.kind)).toEqual(['cmc-comparison', 'bullet-pair', 'land-pair', 'land-pair', 'distance']);
      const summary = generateSummary(findings, language, shipped);
      const plain = summary.paragraphs.flatMap((p) => [p.heading, ...p.parts.filter((part) => !('findingId' in part)).map((part) => part.text)]).join(' ');
      expect(plain).not.toMatch(/\b(?:cmc|bullet|land|manual)\.[A-Za-z]/);
      // Every recorded measurement reaches the summary, as a linked number or value.
      const linked = new Set(summary.paragraphs.flatMap((p) => p.parts.flatMap((part) => ('findingId' in part ? [`${part.findingId}:${part.measurementKey}`] : []))));
      for (const finding of findings) for (const m of finding.measurements) expect(linked, `${finding.kind} ${m.key}`).toContain(`${finding.id}:${m.key}`);
    });
  }

  it('fails loudly on a template that names an undefined word', () => {
    const broken: SummaryModule = { ...cartridgeCaseSummary, phrases: { ...cartridgeCaseSummary.phrases, en: { ...cartridgeCaseSummary.phrases.en, words: {} } } };
    expect(() => generateSummary(fixtureFindings(), 'en', new SummaryRegistry([broken]))).toThrow(/undefined word 'cell'/);
  });
});
