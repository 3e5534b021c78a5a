import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { DrugsStripSchema, PadCardResultSchema, SpotPlateResultSchema, type Finding, type Measurement } from '../../../main/contract/index.ts';
import { padValueWords, spotValueWords, stripValueWords, drugsValueCodes } from '../../../main/services/forensics/drugs/value-words.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';
import { renderLabReport, type ReportModel } from '../../../main/services/reports/lab-report.ts';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { summaryLanguages, type SummaryLanguage } from '../../../main/services/reports/summary/summary-types.ts';
import { parseColourTable } from '../../../native/drugs/spot/colour-table.ts';
import { NIJ_REAGENTS } from '../../../native/drugs/spot/reagents.ts';
import en from '../../../renderer/src/i18n/en.json';
import kk from '../../../renderer/src/i18n/kk.json';
import ru from '../../../renderer/src/i18n/ru.json';
import { measurementText } from '../../../renderer/src/review/finding-text.ts';
import { createFormatters } from '../../../renderer/src/common/format.ts';
import { formattingLocale } from '../../../renderer/src/i18n/languages.ts';

const registry = shippedRegistry().summaries();
const resources = { en, ru, kk } as const;
const dir = mkdtempSync(join(tmpdir(), 'dalel-drugs-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const m = (key: string, value: number | string | boolean, unit: string | null = null): Measurement => ({ key, value, unit, threshold: null });

const base = {
  caseId: '00000000-0000-4000-8000-000000000001', runId: null, evidenceIds: [], supersedes: null, supersededBy: null, overlays: [], review: null,
  createdBy: 'expert', createdAt: '2026-12-03T09:00:00.000Z', auditSeq: 10, origin: 'model' as const,
};
const provenance = (algorithm: string): Finding['provenance'] => ({ algorithm, version: '1.0.0', modelSha256: null, parameters: {}, inputs: [{ name: 'photo.jpg', sha256: 'a'.repeat(64), evidenceId: null }], software: {} });

/** One finding of each drug kind, every coded text value and conclusion set to a code the tables must turn into words. */
const findings: Finding[] = [
  {
    ...base, id: '10000000-0000-4000-8000-000000000001', module: 'drugs.spot', kind: 'spot-sample',
    measurements: [m('drugs.outcome', 'mixture-possible'), m('drugs.candidate.first', 'Diacetylmorphine HCl'), m('drugs.candidate.firstScore', 0.4), m('drugs.candidates.consistent', 0), m('drugs.wells.tested', 2), m('drugs.calibration.deltaE', 1.2, 'ΔE00'), m('drugs.calibration.model', 'root-polynomial-2'), m('drugs.mixturePossible', true)],
    conclusion: 'mixture-possible', provenance: provenance('drugs-spot-plate'),
  },
  {
    ...base, id: '10000000-0000-4000-8000-000000000002', module: 'drugs.spot', kind: 'spot-well',
    measurements: [m('drugs.well.label', 'A1'), m('drugs.well.reagent', 'ferric-chloride'), m('drugs.well.L', 40), m('drugs.well.a', 20), m('drugs.well.b', -10), m('drugs.well.reacted', true), m('drugs.well.best', 'Diacetylmorphine HCl'), m('drugs.well.bestDeltaE', 3.1, 'ΔE00')],
    conclusion: null, provenance: provenance('drugs-spot-plate'),
  },
  {
    ...base, id: '10000000-0000-4000-8000-000000000003', module: 'drugs.strip', kind: 'strip-panel',
    measurements: [m('drugs.strip.drug', 'THC'), m('drugs.strip.result', 'invalid'), m('drugs.strip.controlAbsorbance', 0.01), m('drugs.strip.testAbsorbance', 0.2), m('drugs.calibration.deltaE', 1.1, 'ΔE00')],
    conclusion: 'invalid', provenance: provenance('drugs-lateral-flow'),
  },
  {
    ...base, id: '10000000-0000-4000-8000-000000000004', module: 'drugs.pad', kind: 'pad-card',
    measurements: [m('drugs.pad.predicted', 'ferrous-sulfate'), m('drugs.pad.probability', 0.5), m('drugs.pad.abstains', true), m('drugs.pad.abstentionReason', 'out-of-distribution')],
    conclusion: 'abstains', provenance: provenance('drugs-pad-card'),
  },
];

/** Codes that must never reach a reader, and (per language) words that must. */
const codes = /consistent-with|mixture-possible|no-reaction|root-polynomial-2|linear-3x3|affine-3x4|ferric-chloride|ferrous-sulfate|out-of-distribution|AFTE|drugs-(?:spot-plate|lateral-flow|pad-card)/;
/** Codes that are also English words: only a Kazakh or Russian text can be checked for them. */
const englishCodes = /\b(?:invalid|abstains|mixture|ferrous)\b/;
const expected: Record<SummaryLanguage, string[]> = {
  en: ['mixture possible', 'root-polynomial', 'Ferric chloride', 'invalid test (no control line)', 'ferrous sulfate', 'unlike the cards the model was trained on', 'the model abstains'],
  ru: ['возможна смесь', 'корне-полиномиальная', 'хлорид железа(III)', 'недействительный тест (нет контрольной линии)', 'сульфат железа(II)', 'не похожа на карты', 'модель воздерживается'],
  kk: ['қоспа болуы мүмкін', 'түбірлі-көпмүшелік', 'темір(III) хлориді', 'жарамсыз тест (бақылау сызығы жоқ)', 'темір(II) сульфаты', 'ұқсамайды', 'модель жауап бермейді'],
};

function reportModel(language: SummaryLanguage): ReportModel {
  return {
    language,
    case: { id: base.caseId, number: 'DRUG-7', venue: 'Lab', caseType: 'forensic-examination', parties: '', createdAt: '2026-12-03T08:00:00.000Z', createdBy: 'expert', evidenceCount: 0 },
    evidence: [],
    images: [],
    findings,
    summary: generateSummary(findings, language, registry),
    review: { caseId: base.caseId, state: 'in-review', technicalReviewRequired: false, findingsTotal: 4, findingsDecided: 0, signatures: [], updatedAt: '2026-12-03T09:30:00.000Z' },
    checkpoint: {
      id: 3, size: 31, rootBase64: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=', note: 'dalel.kz/audit/ws\n31\nq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n', reason: 'report',
      keyId: 'key-1', createdAt: '2026-12-03T09:31:00.000Z', cosignatures: [],
    },
    generatedAt: '2026-12-03T09:31:00.000Z',
    generatedBy: 'expert',
    registry,
  };
}

describe('drug-test findings in words (kk/ru/en), never codes', () => {
  it('has a word in every language for every code a drug finding records', () => {
    const outcome = SpotPlateResultSchema.shape.outcome.options;
    const result = DrugsStripSchema.shape.result.options;
    const abstention = PadCardResultSchema.shape.abstention.unwrap().shape.reason.options;
    const padClasses = (JSON.parse(readFileSync('assets/drugs/pad/model.json', 'utf8')) as { identity: { classes: string[] } }).identity.classes;
    expect(drugsValueCodes.outcomes.sort()).toEqual([...outcome].sort());
    expect(drugsValueCodes.stripResults.sort()).toEqual([...result].sort());
    expect(drugsValueCodes.padAbstention.sort()).toEqual([...abstention].sort());
    expect(drugsValueCodes.padConclusions.sort()).toEqual([...PadCardResultSchema.shape.conclusion.options].sort());
    expect(drugsValueCodes.reagents.sort()).toEqual(NIJ_REAGENTS.map((r) => r.id).sort());
    expect(drugsValueCodes.models.sort()).toEqual(['affine-3x4', 'linear-3x3', 'root-polynomial-2']);
    expect(drugsValueCodes.padIngredients.sort()).toEqual([...padClasses].sort());
    const shippedSubstances = parseColourTable(readFileSync('assets/drugs/colour-tests.csv', 'utf8'), 'colour-tests.csv').rows.map((r) => r.substance);
    expect(drugsValueCodes.substances.sort()).toEqual([...new Set(shippedSubstances)].sort());
    for (const language of summaryLanguages) {
      const tables = { ...spotValueWords(language), ...stripValueWords(language), ...padValueWords(language) };
      const ui = (resources[language] as { measurementValues: Record<string, Record<string, string>> }).measurementValues;
      for (const [key, words] of Object.entries(tables)) {
        // The screen and the summary/report say the same words.
        expect(ui[key.replace(/\./g, '_')], `${language} ${key}`).toEqual(words);
        for (const [code, word] of Object.entries(words)) expect(word.trim(), `${language} ${key} ${code}`).not.toBe('');
      }
    }
  });

  it.each(summaryLanguages)('writes words in the %s summary: outcomes, models, reagents, results, ingredients, reasons, conclusions', (language) => {
    const text = generateSummary(findings, language, registry).paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('');
    expect(text).not.toMatch(codes);
    if (language !== 'en') expect(text).not.toMatch(englishCodes);
    for (const word of expected[language]) expect(text, word).toContain(word);
    // A strip without a cut-off or ratio (invalid) and a card without a Drug % still name their drug and answer.
    expect(text).toContain(`THC: ${stripValueWords(language)['drugs.strip.result'].invalid!}`);
    expect(text).toContain(padValueWords(language)['drugs.pad.predicted']['ferrous-sulfate']!);
    // Units are the measurements' own, written once.
    expect(text).not.toMatch(/ΔE00 ΔE2000|% %|ng\/mL ng\/mL/);
  });

  it.each(['ru', 'kk'] as const)('writes words in the %s lab report: values, conclusions and method names', async (language) => {
    const file = join(dir, `report-${language}.pdf`);
    writeFileSync(file, await renderLabReport(reportModel(language)));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).not.toMatch(codes);
    expect(text).not.toMatch(englishCodes);
    for (const word of expected[language]) expect(text, word).toContain(word);
    expect(text).toContain(language === 'ru' ? 'считывание капельной цветной пробы' : 'тамшы түсті сынамасын');
  });

  it.each(summaryLanguages)('shows words on the %s finding rows (measurement values and yes/no)', async (language) => {
    const i18n = createInstance();
    await i18n.init({ lng: language, resources: { [language]: { translation: resources[language] } }, interpolation: { escapeValue: false } });
    const t = i18n.t as TFunction;
    const text = findings.flatMap((f) => f.measurements.map((x) => measurementText(t, x, createFormatters(language, formattingLocale(language, []), t)))).join(' · ');
    expect(text).not.toMatch(codes);
    expect(text).not.toMatch(/\b(?:true|false)\b/);
    if (language !== 'en') expect(text).not.toMatch(englishCodes);
    for (const word of expected[language].slice(0, 5)) expect(text, word).toContain(word);
    // The NIJ table's substances by their names in the language, as the summary writes them (English as recorded).
    const heroin = { en: 'Diacetylmorphine HCl', ru: 'диацетилморфина гидрохлорид (героин)', kk: 'диацетилморфин гидрохлориді (героин)' }[language];
    expect(text).toContain(`${language === 'en' ? 'First candidate' : language === 'ru' ? 'Первый кандидат' : 'Бірінші үміткер'}: ${heroin}`);
    if (language !== 'en') expect(text).not.toContain('Diacetylmorphine');
  });
});
