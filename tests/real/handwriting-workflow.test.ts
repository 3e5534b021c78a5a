import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandwritingComparisonResultSchema } from '../../main/contract/index.ts';
import { writerComparisonSummary } from '../../main/services/forensics/handwriting/summary.ts';
import { verbalConclusion } from '../../main/services/forensics/handwriting/verbal-scale.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';
import { call, signAlone } from '../helpers/workstation.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { moduleCase } from '../helpers/module-case.ts';

announceSkipIfMissing('real handwriting workflow');

const page = (name: string) => new Uint8Array(readFileSync(join(sharedDataDir ?? '', 'handwriting', name)));

describe.skipIf(!sharedDataDir)('handwriting in the workstation: pages → writer comparison → finding → summary → signed report', () => {
  it('compares two known CSAFE pages of one writer with a third, with progress, overlays, summary in kk and a report', async () => {
    const { ws, clients, theCase } = await moduleCase('HW-1');
    const catalog = await call(ws, clients.expert, 'forensics.catalog', {});
    expect(catalog.kinds.map((k) => k.id)).toContain('handwriting.page');
    expect(catalog.methods.find((m) => m.id === 'handwriting.writer-comparison')).toMatchObject({ module: 'handwriting', acceptedKinds: ['handwriting.page'] });

    const add = async (name: string) => (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: name, bytes: page(name), category: 'handwriting.page' })).evidence;
    const items = [await add('w0030_s01_pWOZ_r01.png'), await add('w0030_s01_pWOZ_r02.png'), await add('w0030_s01_pWOZ_r03.png')];
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'handwriting.writer-comparison', evidenceIds: items.map((i) => i.id), script: 'latin' });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    expect(run.state).toBe('done');
    const result = HandwritingComparisonResultSchema.parse(await call(ws, clients.judge, 'analysis.result', { runId: run.id }));
    expect(result.known.map((p) => p.evidenceId)).toEqual([items[0]!.id, items[1]!.id]);
    expect(result.questioned.evidenceId).toBe(items[2]!.id);
    expect(result.comparison.score).toBeGreaterThan(0.5);
    console.log(`[handwriting workflow] w0030 r01+r02 vs r03: score ${result.comparison.score?.toFixed(3)}, ${result.comparison.abstention?.reason ?? `SLR ${result.comparison.slr}`}`);

    const [finding] = await call(ws, clients.expert, 'findings.list', { caseId: theCase.id });
    expect(finding).toMatchObject({ module: 'handwriting.writer-comparison', kind: 'writer-comparison', origin: 'model', runId: run.id });
    expect(finding!.overlays).toHaveLength(3);
    expect(finding!.measurements.find((m) => m.key === 'hw.graphs.questioned')!.value).toBe(result.questioned.graphCount);
    // The conclusion is stored as the verbal-scale code of the ratio; screens and reports put it in words.
    const code = verbalConclusion(result.comparison.abstention ? null : result.comparison.log10Slr);
    expect(finding!.conclusion).toBe(code);

    const summary = await call(ws, clients.expert, 'summary.get', { caseId: theCase.id, language: 'kk' });
    const text = summary.paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('');
    expect(text).toContain('Қолжазба үлгілері және зерттелетін бет');
    expect(summary.paragraphs.flatMap((p) => p.parts).some((part) => 'findingId' in part && part.measurementKey === 'hw.graphs.known')).toBe(true);

    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    expect((await signAlone(ws, clients.expert, theCase.id)).state).toBe('signed');
    const report = pdfText((await call(ws, clients.clerk, 'report.export', { caseId: theCase.id, language: 'en' })).pdf);
    const flat = report.replace(/\s+/g, ' ');
    expect(flat).toContain('nearest of 40 published cluster templates (CSAFE handwriter)');
    expect(flat).toContain(`questioned page: ${result.questioned.graphCount} graphs`);
    expect(flat).toContain(`Conclusion ${writerComparisonSummary.phrases.en.conclusions![code]}`);
    expect(flat).not.toMatch(/hw-[a-z]/);
    // The page images and each page's graph overlay are in the report.
    for (const p of [...result.known, result.questioned]) expect(flat).toContain(`${p.name}.graphs.png — Finding 1`);

    const actions = ws.audit.list({ caseId: theCase.id }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['analysis.started', 'analysis.finished', 'review.signed']));
  });

  it('refuses a blank page as BAD_INPUT naming it, and the run stores no finding', async () => {
    const { ws, clients, theCase } = await moduleCase('HW-2');
    const { PNG } = await import('pngjs');
    const blank = new PNG({ width: 300, height: 200 });
    blank.data.fill(255);
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'blank-page.png', bytes: new Uint8Array(PNG.sync.write(blank)), category: 'handwriting.page' })).evidence;
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'handwriting.profile', evidenceIds: [item.id] });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('BAD_INPUT');
    expect(run.error?.message).toContain('blank-page.png');
    expect(await call(ws, clients.expert, 'findings.list', { caseId: theCase.id })).toEqual([]);
  });
});
