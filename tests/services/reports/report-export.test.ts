import { afterEach, describe, expect, it } from 'vitest';
import type { FindingDraft } from '../../../main/services/findings/finding-draft.ts';
import { toCheckpointInfo } from '../../../main/services/audit/audit-handlers.ts';
import type { CustodyLog } from '../../../main/services/custody.ts';
import { sha256Hex } from '../../../main/services/intake/evidence-store.ts';
import { ReportService, type ReportSources } from '../../../main/services/reports/report-service.ts';
import type { Workstation } from '../../../main/services/workstation.ts';
import { call, makePng, password, signAlone } from '../../helpers/workstation.ts';
import { cmcDraft, findingsWorkstation } from '../findings/fixtures.ts';
import { pdfText } from '../../helpers/pdf-text.ts';

const runId = '30000000-0000-4000-8000-000000000001';

function bulletDraft(evidenceIds: readonly string[]): FindingDraft {
  return {
    module: 'ballistics.bullet',
    kind: 'bullet-pair',
    evidenceIds,
    measurements: [
      { key: 'bullet.score', value: 0.42, unit: null, threshold: { value: 0.5, rule: '>=' } },
      { key: 'bullet.landThreshold', value: 0.5, unit: null, threshold: null },
    ],
    conclusion: 'inconclusive',
    provenance: { algorithm: 'bullet-lea', version: '1.0.0', modelSha256: null, parameters: { stepUm: 1.5625 }, inputs: [], software: {} },
    overlays: [],
  };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** What a report reads about a case, from the workstation's own services (signing is left to each test). */
function caseSources(ws: Workstation): Omit<ReportSources, 'keyState' | 'checkpoint'> {
  return {
    case: (id) => ws.cases.get(id),
    evidence: (id) => ws.evidence.list(id),
    thumbnail: (id) => ws.evidence.thumbnail(id),
    findings: (id) => ws.findings.list(id),
    overlay: (id, sha) => ws.findings.readOverlay(id, sha),
    review: (id) => ws.reviews.get(id),
    coverage: (id) => ws.reviews.coverage(id),
  };
}

describe('report export', () => {
  it('exports a signed case: checkpoint covers its findings, audit and custody record the PDF hash, amendment shown with its original', async () => {
    const { env, clients, theCase, evidenceIds, actors } = await findingsWorkstation();
    cleanups.push(env.dispose);
    const { ws } = env;
    const [cmc, bullet] = ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds), bulletDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: cmc!.id, decision: 'accepted' });
    const reason = 'Land 3 of bullet B is damaged; the five remaining lands agree.';
    const amended = await call(ws, clients.expert, 'findings.review', {
      findingId: bullet!.id,
      decision: 'amended',
      reason,
      amended: { measurements: [...bulletDraft(evidenceIds).measurements], conclusion: 'identification' },
    });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' });
    // The laboratory's default: a second expert's technical review before the signature.
    await call(ws, clients.expert2, 'auth.reauthenticate', { password });
    await call(ws, clients.expert2, 'review.transition', { caseId: theCase.id, action: 'verify' });
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    const review = await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' });
    expect(review.state).toBe('signed');

    const summary = await call(ws, clients.judge, 'summary.get', { caseId: theCase.id, language: 'ru' });
    const linked = summary.paragraphs.flatMap((p) => p.parts.filter((part) => 'findingId' in part));
    expect(linked.length).toBeGreaterThan(3);
    expect(summary.conclusion).toContain('изменён экспертом');

    const sizeBefore = ws.audit.size();
    const report = await call(ws, clients.clerk, 'report.export', { caseId: theCase.id, language: 'en' });
    expect(report.sha256).toBe(sha256Hex(report.pdf));
    expect(report.fileName).toMatch(/^report-A-1-2026-en-.*\.pdf$/);

    const text = pdfText(report.pdf);
    expect(text).toContain(theCase.number);
    const evidence = ws.evidence.list(theCase.id);
    for (const item of evidence) expect(text).toContain(item.sha256);
    // Findings are numbered in list order (the amendment, third, right under the original it replaces), never by UUID.
    expect(amended.amendment!.supersedes).toBe(bullet!.id);
    expect(text).toContain('Finding 2 — Bullets A and B');
    expect(text).toContain('Finding 3 — Bullets A and B');
    expect(text.indexOf('Finding 3 —')).toBeGreaterThan(text.indexOf('Finding 2 —'));
    // (The checkpoint's signed note names the log's origin as recorded; everything the report itself writes has no UUID.)
    expect(text.slice(0, text.indexOf('Audit checkpoint'))).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).toContain(reason);
    expect(text).toContain('approved —');
    expect(text).toContain('cells-a.png');

    // The checkpoint the report names was signed before the export's own entries and covers every finding and signature.
    const checkpoint = ws.checkpoints.latest()!;
    expect(text).toContain(Buffer.from(checkpoint.root).toString('base64'));
    expect(checkpoint.size).toBeGreaterThanOrEqual(sizeBefore);
    expect(checkpoint.size).toBeGreaterThan(review.signatures[0]!.auditSeq);

    const exported = ws.audit.list({ caseId: theCase.id, action: 'report.exported' });
    expect(exported).toHaveLength(1);
    expect(exported[0]!.seq).toBe(report.auditSeq);
    const entry = JSON.parse(Buffer.from(exported[0]!.bytes).toString('utf8')) as { outputs: Record<string, string>; actor: { username: string } };
    expect(entry.outputs.report).toBe(report.sha256);
    for (const item of evidence) {
      const reported = ws.custody.list(item.id).filter((e) => e.action === 'reported');
      expect(reported).toHaveLength(1);
      expect(reported[0]!.note).toContain(report.sha256);
      expect(reported[0]!.actor).toBe('clerk');
    }
  });

  it('refuses to export without an unlocked signing key, and records nothing', async () => {
    const { env, clients, theCase, evidenceIds, actors } = await findingsWorkstation();
    cleanups.push(env.dispose);
    env.ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds)], actors.expert);
    env.ws.keyring.lock();
    const result = await env.ws.dispatcher.invoke(clients.expert, 'report.export', { caseId: theCase.id, language: 'kk' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'KEY_LOCKED', params: { reason: 'signing-key-locked' } });
    if (!result.ok) expect(result.error.message).toMatch(/a clerk or administrator must unlock it \(Audit → Signing key\)/);
    expect(env.ws.audit.list({ action: 'report.exported' })).toHaveLength(0);
  });

  it('Export dead end: with no signing key at all the refusal says a clerk or administrator must create it, and where', async () => {
    const { env, theCase, evidenceIds, actors } = await findingsWorkstation();
    cleanups.push(env.dispose);
    const { ws } = env;
    ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds)], actors.expert);
    let signed = false;
    const reports = new ReportService(
      {
        ...caseSources(ws),
        keyState: () => 'none',
        checkpoint: (reason) => {
          signed = true;
          return toCheckpointInfo(ws.checkpoints, ws.checkpoints.sign(reason));
        },
      },
      ws.audit,
      ws.custody,
      env.clock,
      ws.registry.summaries(),
    );
    const refusal = await reports.export(theCase.id, 'en', actors.expert).then(
      () => null,
      (error: unknown) => error as { code: string; message: string; params: Record<string, unknown> },
    );
    expect(refusal).toMatchObject({ code: 'KEY_LOCKED', params: { reason: 'no-signing-key' } });
    expect(refusal!.message).toMatch(/no audit signing key yet.*a clerk or administrator must create the key \(Audit → Signing key\)/);
    expect(signed).toBe(false);
    expect(ws.audit.list({ action: 'report.exported' })).toHaveLength(0);
  });

  it('Reports: a case with no findings cannot produce a laboratory report, refused with the reason', async () => {
    const { env, clients, theCase } = await findingsWorkstation();
    cleanups.push(env.dispose);
    const result = await env.ws.dispatcher.invoke(clients.expert, 'report.export', { caseId: theCase.id, language: 'ru' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'CONFLICT', params: { reason: 'report-no-findings' } });
    if (!result.ok) expect(result.error.message).toMatch(/has no findings yet, so there is no laboratory report to export/);
    expect(env.ws.audit.list({ action: 'report.exported' })).toHaveLength(0);
  });

  it('Signed must mean frozen: the report states what each signature covered, and an exhibit added after it is never listed as covered', async () => {
    const { env, clients, theCase, evidenceIds, actors } = await findingsWorkstation();
    cleanups.push(env.dispose);
    const { ws } = env;
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    const [cmc] = ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: cmc!.id, decision: 'accepted' });
    await signAlone(ws, clients.expert, theCase.id);
    const signedText = pdfText((await call(ws, clients.expert, 'report.export', { caseId: theCase.id, language: 'en' })).pdf);
    const covers = signedText.slice(signedText.indexOf('What this signature covers'));
    const stored = ws.findings.get(cmc!.id);
    expect(covers).toMatch(/Finding 1 — Cartridge cases A and B/);
    expect(covers.replace(/\s+/g, '')).toContain(ws.db.prepare('SELECT sha256 FROM findings WHERE id = ?').pluck().get(stored.id) as string);
    for (const item of ws.evidence.list(theCase.id)) {
      expect(covers).toContain(item.originalName);
      expect(covers).toContain(item.sha256);
    }
    expect(signedText).not.toContain('DRAFT');
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'reopen', reason: 'a third cartridge case arrived' });
    const late = await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'late-exhibit.png', bytes: makePng(8, 8, 7) });
    const reopenedText = pdfText((await call(ws, clients.expert, 'report.export', { caseId: theCase.id, language: 'en' })).pdf);
    expect(reopenedText).toContain('late-exhibit.png');
    const coveredPart = reopenedText.slice(reopenedText.indexOf('What this signature covers'), reopenedText.indexOf('Audit checkpoint'));
    expect(coveredPart).toContain('a.png');
    expect(coveredPart).not.toContain('late-exhibit.png');
    expect(coveredPart).not.toContain(late.evidence.sha256);
    expect(reopenedText).toMatch(/no\s+longer\s+current/);
    expect(reopenedText).toContain('DRAFT');
  });

  it('records nothing when a custody entry cannot be written: audit entry and custody land together or not at all', async () => {
    const { env, theCase, actors, evidenceIds } = await findingsWorkstation();
    cleanups.push(env.dispose);
    const { ws } = env;
    ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds)], actors.expert);
    let appended = 0;
    const failingCustody = {
      append: (...args: Parameters<CustodyLog['append']>) => {
        appended += 1;
        if (appended === 2) throw new Error('disk full');
        return ws.custody.append(...args);
      },
    } as unknown as CustodyLog;
    const reports = new ReportService(
      {
        ...caseSources(ws),
        keyState: () => 'unlocked',
        checkpoint: (reason) => toCheckpointInfo(ws.checkpoints, ws.checkpoints.sign(reason)),
      },
      ws.audit,
      failingCustody,
      env.clock,
      ws.registry.summaries(),
    );
    await expect(reports.export(theCase.id, 'en', actors.expert)).rejects.toThrow(/disk full/);
    const size = ws.audit.size();
    expect(ws.checkpoints.latest()!.size).toBe(size);
    expect(ws.audit.list({ action: 'report.exported' })).toHaveLength(0);
    for (const item of ws.evidence.list(theCase.id)) expect(ws.custody.list(item.id).filter((e) => e.action === 'reported')).toHaveLength(0);
    // The log is still whole after the rollback: a later report is exported and signed consistently.
    const report = await ws.reports.export(theCase.id, 'en', actors.expert);
    expect(ws.audit.list({ action: 'report.exported' }).map((e) => e.seq)).toEqual([report.auditSeq]);
    expect(ws.checkpoints.sign('after the failed export').size).toBe(ws.audit.size());
  });
});
