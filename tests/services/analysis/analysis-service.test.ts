import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisStages, CartridgeComparisonResultSchema, type AnalysisRun } from '../../../main/contract/index.ts';
import { AnalysisService, type AnalysisProgressEvent } from '../../../main/services/analysis/analysis-service.ts';
import { childProcessRunner } from '../../../main/services/analysis/analysis-runner.ts';
import { EvidenceStore } from '../../../main/services/intake/evidence-store.ts';
import type { Actor } from '../../../main/services/sessions.ts';
import type { Workstation } from '../../../main/services/workstation.ts';
import { MemorySink, syntheticSurface, x3pOf } from '../../helpers/surfaces.ts';
import { call, makePng, seedUsers, testWorkstation } from '../../helpers/workstation.ts';

// A small surface and a quick rotation range keep each run under a second; the cancel test uses cmcR's full range.
const quick = { thetaMin: -6, thetaMax: 6, thetaStep: 3 };

describe('analysis runs (child process per run)', () => {
  let ws: Workstation;
  let dispose: () => void;
  let sink: MemorySink;
  let events: AnalysisProgressEvent[];
  let service: AnalysisService;
  let actor: Actor;
  let caseId: string;
  let clients: Awaited<ReturnType<typeof seedUsers>>;

  async function addEvidence(name: string, bytes: Uint8Array, toCase = caseId, category?: string): Promise<string> {
    return (await call(ws, clients.expert, 'evidence.add', { caseId: toCase, fileName: name, bytes, ...(category ? { category } : {}) })).evidence.id;
  }

  beforeEach(async () => {
    ({ ws, dispose } = testWorkstation());
    clients = await seedUsers(ws);
    caseId = (await call(ws, clients.expert, 'cases.create', { number: 'B-1', venue: 'Almaty', caseType: 'criminal', parties: 'State v. X' })).id;
    sink = new MemorySink();
    events = [];
    const expert = ws.users.list().find((u) => u.username === 'expert')!;
    actor = { userId: expert.id, username: expert.username, role: 'expert' };
    service = new AnalysisService({
      db: ws.db,
      clock: { now: () => Date.now() },
      store: new EvidenceStore(join(ws.dataDir, 'evidence')),
      cases: ws.cases,
      evidence: ws.evidence,
      audit: ws.audit,
      sink,
      runner: childProcessRunner,
      registry: ws.registry,
      reviews: ws.reviews,
      onProgress: (client, event) => {
        expect(client).toBe('client-1');
        events.push(event);
      },
    });
  });

  afterEach(() => {
    service?.close();
    dispose();
  });

  const actions = () => ws.audit.list({ caseId }).map((r) => r.action).filter((a) => a.startsWith('analysis.'));

  it('runs a comparison: progress in order, result stored, one finding with stable keys, audit-logged', async () => {
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(128, 7)));
    const b = await addEvidence('b.x3p', x3pOf(syntheticSurface(128, 7, { shift: 3, noise: 0.3 })));
    const started = service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds: [a, b], parameters: quick }, actor, 'client-1');
    expect(started.state).toBe('running'); // nothing else is running, so it starts at once
    const run = await service.waitFor(started.id);
    expect(run.error).toBeNull();
    expect(run.state).toBe('done');
    expect(run.progress).toBe(1);
    expect(run.findingIds).toHaveLength(1);
    expect(run.resultSha256).toMatch(/^[0-9a-f]{64}$/);

    const states = events.map((e) => e.state);
    expect(states[0]).toBe('queued');
    expect(states.at(-1)).toBe('done');
    expect(states.filter((s) => s === 'running').length).toBeGreaterThan(10);
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['queued', 'starting', 'sanity', 'load', 'preprocess', 'cmc.aToB', 'cmc.bToA', 'overlay', 'done']));
    // Every stage a run reports is one the renderer names in the user's language (never shown as a raw id).
    for (const e of events) expect(analysisStages).toContain(e.stage);

    const result = CartridgeComparisonResultSchema.parse(service.result(run.id));
    expect(result.aToB.cmcCount).toBeGreaterThanOrEqual(6);
    expect(result.conclusion).toBe('identification');
    expect(result.a.evidenceId).toBe(a);
    expect(result.provenance.inputs.map((i) => i.evidenceId)).toEqual([a, b]);
    const [call1] = sink.calls;
    expect(call1!.runId).toBe(run.id);
    const keys = call1!.drafts[0]!.measurements.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['cmc.count', 'cmc.count.aToB', 'cmc.count.bToA', 'cmc.threshold', 'cmc.consensus.theta']));
    expect(call1!.drafts[0]!.overlays.map((o) => o.mediaType)).toEqual(['image/png', 'image/png']);
    expect(actions()).toEqual(['analysis.started', 'analysis.finished']);
    expect(service.list(caseId).map((r) => r.id)).toEqual([run.id]);
  });

  it('cancel kills the run: state cancelled, no findings, no result, audit-logged', async () => {
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(384, 11)));
    const b = await addEvidence('b.x3p', x3pOf(syntheticSurface(384, 11, { shift: 2 })));
    const started = service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds: [a, b] }, actor, 'client-1');
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!events.some((e) => e.stage.startsWith('cmc.'))) return;
        clearInterval(poll);
        resolve();
      }, 5);
    });
    const cancelled = service.cancel(started.id, actor);
    expect(cancelled.state).toBe('cancelled');
    const run: AnalysisRun = await service.waitFor(started.id);
    expect(run.state).toBe('cancelled');
    expect(run.findingIds).toEqual([]);
    expect(run.resultSha256).toBeNull();
    expect(sink.calls).toHaveLength(0);
    expect(events.at(-1)!.state).toBe('cancelled');
    expect(() => service.result(run.id)).toThrow(/cancelled; it has no result/);
    expect(() => service.cancel(run.id, actor)).toThrow(/already cancelled/);
    expect(actions()).toEqual(['analysis.started', 'analysis.cancelled']);
  });

  it('a failure in the job ends the run failed with the error naming the file', async () => {
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(96, 7)));
    // Intake checks the point data (length, MD5) but not what it measures: a scan with no valid height is found when
    // the surface is read, inside the job.
    const blank = syntheticSurface(96, 8);
    const b = await addEvidence('damaged.x3p', x3pOf({ ...blank, z: new Float32Array(blank.z.length).fill(Number.NaN) }));
    const run = await service.waitFor(service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds: [a, b], parameters: quick }, actor, 'client-1').id);
    expect(run.state).toBe('failed');
    expect(run.error).toEqual({ code: 'BAD_INPUT', message: expect.stringMatching(/^damaged\.x3p: /), params: expect.objectContaining({ file: 'damaged.x3p', reasonCode: expect.any(String) }) });
    expect(sink.calls).toHaveLength(0);
    expect(actions()).toEqual(['analysis.started', 'analysis.failed']);
  });

  it('a run the workstation stopped during is failed at the next start, with a reason the interface can word', async () => {
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(96, 7)));
    const b = await addEvidence('b.x3p', x3pOf(syntheticSurface(96, 7, { shift: 2 })));
    const run = await service.waitFor(service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds: [a, b], parameters: quick }, actor, 'client-1').id);
    // As a crash would leave it: still marked running.
    ws.db.prepare("UPDATE analysis_runs SET state = 'running', result_sha256 = NULL, finished_at = NULL WHERE id = ?").run(run.id);
    service.close();
    service = new AnalysisService({ db: ws.db, clock: { now: () => Date.now() }, store: new EvidenceStore(join(ws.dataDir, 'evidence')), cases: ws.cases, evidence: ws.evidence, audit: ws.audit, sink, runner: childProcessRunner, registry: ws.registry, reviews: ws.reviews });
    const failed = service.get(run.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual({ code: 'INTERNAL', message: 'The workstation stopped during the analysis; start it again.', params: { reasonCode: 'workstation-stopped' } });
    expect(actions()).toEqual(['analysis.started', 'analysis.finished', 'analysis.failed']);
  });

  it('a findings store that refuses leaves the run failed, with nothing half-written', async () => {
    sink.fail = new Error('disk full');
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(96, 7)));
    const b = await addEvidence('b.x3p', x3pOf(syntheticSurface(96, 7, { shift: 2 })));
    const run = await service.waitFor(service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds: [a, b], parameters: quick }, actor, 'client-1').id);
    expect(run.state).toBe('failed');
    expect(run.error?.message).toMatch(/disk full/);
    expect(run.resultSha256).toBeNull();
    expect(run.findingIds).toEqual([]);
    expect(actions()).toEqual(['analysis.started', 'analysis.failed']);
  });

  it('refuses bad input at start, naming the file, and records nothing', async () => {
    const a = await addEvidence('a.x3p', x3pOf(syntheticSurface(96, 7)));
    const png = await addEvidence('photo.png', makePng(40, 30), caseId, 'ballistics.cartridge-case');
    const page = await addEvidence('page.png', makePng(40, 30, 3));
    const start = (evidenceIds: string[], extra = {}) => () => service.start({ caseId, module: 'ballistics.cartridge-case', evidenceIds, ...extra }, actor, 'client-1');
    expect(start([a, png])).toThrow(/^photo\.png: a 2D image carries no lateral scale/);
    // An image nobody declared a breech face is outside the method's domain, whatever its pixel size.
    expect(start([a, page], { pixelUm: { [page]: 1.6 } })).toThrow(/^page\.png: it is declared as "other" evidence; the cartridge-case \(CMC\) method was validated only on "ballistics\.cartridge-case" items/);
    const otherCase = (await call(ws, clients.expert, 'cases.create', { number: 'B-2', venue: 'Almaty', caseType: 'criminal', parties: 'State v. Y' })).id;
    const elsewhere = await addEvidence('other.x3p', x3pOf(syntheticSurface(96, 9)), otherCase);
    expect(start([a, elsewhere])).toThrow(/^other\.x3p: this evidence item belongs to another case/);
    expect(start([a, a])).toThrow(/compared with itself/);
    // A fresh id, never one already stored (changing a stored id's last digit could give the same id back).
    expect(start([a, crypto.randomUUID()])).toThrow(/No such evidence item/);
    expect(start([a, png], { parameters: { cellz: 3 } })).toThrow(/Unknown CMC parameter cellz/);
    expect(service.list(caseId)).toEqual([]);
    expect(actions()).toEqual([]);
  });
});
