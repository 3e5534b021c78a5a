import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PadCardResultSchema, SpotPlateResultSchema } from '../../main/contract/index.ts';
import { classifyPadFeatures } from '../../main/services/forensics/drugs/pad/index.ts';
import { encodeJpeg, encodePng } from '../../native/drugs/image/rgba-image.ts';
import { parseColourTable } from '../../native/drugs/spot/colour-table.ts';
import { renderPadCard } from '../helpers/drugs/synthetic-pad-card.ts';
import { renderScene } from '../helpers/drugs/synthetic-photo.ts';
import { sharedDataDir } from '../helpers/shared-data.ts';
import { call } from '../helpers/workstation.ts';
import { moduleCase } from '../helpers/module-case.ts';

const table = parseColourTable(readFileSync(new URL('../../assets/drugs/colour-tests.csv', import.meta.url), 'utf8'), 'colour-tests.csv');
const row = (reagent: string, substance: string) => table.rows.find((r) => r.reagentId === reagent && r.substance.startsWith(substance))!;

describe('the drug-test module in a workstation', () => {
  it('reads a spot plate into findings with an overlay and a summary in kk/ru/en', async () => {
    const { ws, clients, theCase } = await moduleCase('DRUG-1');
    const catalog = await call(ws, clients.expert, 'forensics.catalog', {});
    expect(catalog.methods.map((m) => m.id)).toEqual(expect.arrayContaining(['drugs.spot', 'drugs.strip']));

    const wells = [{ label: 'A1', lab: row('marquis', 'Methylphenidate').lab }, { label: 'A2', lab: row('simon', 'Methylphenidate').lab }, { label: 'A3', lab: null }, { label: 'A4', lab: null }];
    const { image } = renderScene({ seed: 31, illuminant: 'fluorescent', wells, width: 900, height: 600, exposure: 0.8 });
    const bytes = encodeJpeg(image, 95);
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'plate.jpg', bytes, category: 'drugs.spot-plate' })).evidence;

    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'drugs.spot', evidenceIds: [item.id], methodOptions: { reagents: 'A1=Marquis,A2=Simon\'s,A4=Marquis:blank' } });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    const result = SpotPlateResultSchema.parse(await call(ws, clients.expert, 'analysis.result', { runId: run.id }));
    expect(result.outcome).toBe('consistent-with');
    expect(result.candidates[0]!.substance).toBe('Methylphenidate HCl');

    const findings = await call(ws, clients.expert, 'findings.list', { caseId: theCase.id });
    const sample = findings.find((f) => f.kind === 'spot-sample')!;
    expect(sample.conclusion).toBe('consistent-with');
    expect(sample.overlays.length).toBe(1);
    expect(findings.filter((f) => f.kind === 'spot-well')).toHaveLength(2);

    // The NIJ table's substance by its name in each language.
    const named = [['en', 'most consistent with', 'Methylphenidate HCl'], ['ru', 'наиболее согласуются', 'метилфенидата гидрохлорид'], ['kk', 'ең алдымен', 'метилфенидат гидрохлориді']] as const;
    for (const [language, phrase, substance] of named) {
      const summary = await call(ws, clients.expert, 'summary.get', { caseId: theCase.id, language });
      const text = summary.paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('');
      expect(text).toContain(phrase);
      expect(text).toContain(substance);
      expect(summary.paragraphs.flatMap((p) => p.parts).some((part) => 'findingId' in part && part.measurementKey === 'drugs.calibration.deltaE')).toBe(true);
    }
  });

  it('refuses a photo without a target and stores nothing', async () => {
    const { ws, clients, theCase } = await moduleCase('DRUG-2');
    const { image } = renderScene({ seed: 32, withoutTarget: true, wells: [{ label: 'A1', lab: [40, 30, 10] }], width: 600, height: 400 });
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'bare.jpg', bytes: encodeJpeg(image), category: 'drugs.spot-plate' })).evidence;
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'drugs.spot', evidenceIds: [item.id], methodOptions: { reagents: 'A1=Marquis' } });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.state).toBe('failed');
    expect(run.error?.message).toContain('bare.jpg');
    // The reason is kept with the run, so that the interface can word it in the expert's language.
    const listed = (await call(ws, clients.expert, 'analysis.list', { caseId: theCase.id })).find((r) => r.id === run.id);
    expect(listed?.error?.params).toMatchObject({ file: 'bare.jpg', reasonCode: 'target-not-found' });
    expect(await call(ws, clients.expert, 'findings.list', { caseId: theCase.id })).toEqual([]);
  });

  it('refuses an over-exposed photo (clipped target patches) by name and stores nothing', async () => {
    const { ws, clients, theCase } = await moduleCase('DRUG-3');
    const { image } = renderScene({ seed: 4, width: 720, height: 480, exposure: 2.2, wells: [{ label: 'A1', lab: [40, 30, 10] }] });
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'bright.png', bytes: encodePng(image), category: 'drugs.spot-plate' })).evidence;
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'drugs.spot', evidenceIds: [item.id], methodOptions: { reagents: 'A1=Marquis' } });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.state).toBe('failed');
    expect(run.error?.message).toContain('bright.png');
    expect(run.error?.message).toMatch(/clipped|over-exposed/i);
    expect(await call(ws, clients.expert, 'findings.list', { caseId: theCase.id })).toEqual([]);
  });
});

describe.skipIf(!sharedDataDir)('PAD cards in the workstation (a card rendered from ../shared/data/drugs/pad_cards_train.csv)', () => {
  it('reads a card photo into a finding with the model hash and an overlay, and a summary', async () => {
    const text = readFileSync(join(sharedDataDir!, 'drugs/pad_cards_train.csv'), 'utf8').split('\n');
    const header = text[0]!.split(',');
    const row = text[1]!.split(',');
    const first = header.indexOf('A1-R');
    const features = row.slice(first, first + 360).map(Number);
    const contains = row[header.indexOf('Contains')]!;
    const { ws, clients, theCase } = await moduleCase('PAD-1');
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'card.png', bytes: encodePng(renderPadCard(features)), category: 'drugs.pad-card' })).evidence;
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'drugs.pad', evidenceIds: [item.id] });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    const result = PadCardResultSchema.parse(await call(ws, clients.expert, 'analysis.result', { runId: run.id }));
    expect(result.located).toBe('fiducials');
    expect(result.regions).toHaveLength(120);
    expect(result.provenance.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    const [finding] = await call(ws, clients.expert, 'findings.list', { caseId: theCase.id });
    expect(finding).toMatchObject({ module: 'drugs.pad', kind: 'pad-card' });
    expect(finding!.overlays).toHaveLength(1);
    // The method hands the model exactly what the reader measured (the PAD helper's tests judge the model itself).
    const direct = await classifyPadFeatures(result.regions.flatMap((r) => r.rgb));
    expect(result.predicted).toBe(direct.predicted);
    expect(Object.keys(result.probabilities)).toContain(contains);
    const summary = await call(ws, clients.expert, 'summary.get', { caseId: theCase.id, language: 'ru' });
    expect(summary.paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('')).toContain('Бумажная аналитическая карта');
  });
});
