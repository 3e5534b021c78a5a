import { describe, expect, it } from 'vitest';
import { shippedModules } from '../../main/services/forensics/modules.ts';
import { call, makePng, signAlone } from '../helpers/workstation.ts';
import { InkResultSchema, inkCoverageModule } from './ink-coverage-module.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { moduleCase } from '../helpers/module-case.ts';

// Issue 11: a module is a folder plus one registration line; the runner, findings, review, summary, report and audit
// code are the shipped ones, unchanged, driven through the channels the interface uses.
describe('a test-only forensic module through run → finding → summary → review → report', () => {
  it('registers into a workstation and goes all the way with the core code untouched', async () => {
    const { ws, clients, theCase } = await moduleCase('INK-1', [...shippedModules, inkCoverageModule]);

    const catalog = await call(ws, clients.expert, 'forensics.catalog', {});
    expect(catalog.methods.find((m) => m.id === 'ink.coverage')).toEqual({ id: 'ink.coverage', module: 'ink', acceptedKinds: ['ink.page'], arity: { min: 1, max: 1 } });
    // The module's kind is never suggested by itself: the expert declares it.
    expect((await call(ws, clients.expert, 'evidence.suggestKind', { fileName: 'p.png', bytes: makePng(20, 20, 1) })).category).toBe('other');

    const bytes = makePng(40, 30, 7);
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'page.png', bytes, category: 'ink.page' })).evidence;
    // A method refuses what it was not validated on, whichever module it belongs to.
    const refused = await ws.dispatcher.invoke(clients.expert, 'analysis.start', { caseId: theCase.id, module: 'ballistics.cartridge-case', evidenceIds: [item.id, item.id] });
    expect(refused.ok).toBe(false);

    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'ink.coverage', evidenceIds: [item.id] });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.error).toBeNull();
    expect(run.state).toBe('done');
    const result = InkResultSchema.parse(await call(ws, clients.judge, 'analysis.result', { runId: run.id }));
    expect(result.pixels).toBe(1200);
    expect(result.meanGrey).toBeGreaterThan(0);

    const [finding] = await call(ws, clients.expert, 'findings.list', { caseId: theCase.id });
    expect(finding).toMatchObject({ module: 'ink.coverage', kind: 'page-coverage', origin: 'model', runId: run.id, evidenceIds: [item.id] });
    const mean = finding!.measurements.find((m) => m.key === 'ink.meanGrey')!.value as number;
    expect(mean).toBeCloseTo(result.meanGrey, 12);

    const summary = await call(ws, clients.expert, 'summary.get', { caseId: theCase.id, language: 'kk' });
    const text = summary.paragraphs.flatMap((p) => p.parts.map((part) => part.text)).join('');
    expect(text).toContain('Зерттелетін бет');
    expect(text).toContain('Орташа сұр деңгейі');
    expect(summary.paragraphs.flatMap((p) => p.parts).some((part) => 'findingId' in part && part.measurementKey === 'ink.fraction')).toBe(true);

    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    // One expert signs alone here: the laboratory's technical review by a second expert is switched off.
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    expect((await signAlone(ws, clients.expert, theCase.id)).state).toBe('signed');

    const report = await call(ws, clients.clerk, 'report.export', { caseId: theCase.id, language: 'en' });
    const pdf = pdfText(report.pdf);
    // Findings are numbered in the report (never shown by id); the module's finding is the only one.
    expect(pdf).toMatch(/Finding 1\b/);
    expect(pdf).not.toContain(finding!.id);
    expect(pdf).toContain('The grey level of every pixel was measured');
    expect(pdf).toContain(mean.toFixed(3));

    const actions = ws.audit.list({ caseId: theCase.id }).map((e) => e.action);
    for (const action of ['analysis.started', 'findings.recorded', 'analysis.finished', 'finding.reviewed', 'review.signed', 'report.exported']) expect(actions).toContain(action);
  });
});
