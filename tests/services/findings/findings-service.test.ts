import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseReviewSchema, FindingSchema, type ErrorInfo, type RequestChannel, type RequestOf } from '../../../main/contract/index.ts';
import { hashChildren } from '../../../main/services/audit/merkle.ts';
import { sha256Hex } from '../../../main/services/intake/evidence-store.ts';
import type { Workstation } from '../../../main/services/workstation.ts';
import { call, makePng, password, signAlone } from '../../helpers/workstation.ts';
import { cmcDraft, findingsWorkstation } from './fixtures.ts';

async function refusal<C extends RequestChannel>(ws: Workstation, client: string, channel: C, payload: RequestOf<C>): Promise<ErrorInfo> {
  const result = await ws.dispatcher.invoke(client, channel, payload);
  if (result.ok) throw new Error(`${channel} was expected to fail`);
  return result.error;
}

function entry(ws: Workstation, seq: number): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(ws.audit.entryBytes(seq))) as Record<string, unknown>;
}

const count = (ws: Workstation, table: string) => ws.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('findings store and review', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    vi.restoreAllMocks();
    dispose?.();
  });

  async function setup() {
    const env = await findingsWorkstation();
    dispose = env.env.dispose;
    return { ...env, ws: env.env.ws, clock: env.env.clock };
  }

  it('stores a run\'s findings with overlays, one audit entry with input and output hashes, and custody per item', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    const runId = crypto.randomUUID();
    const drafts = [cmcDraft(evidenceIds), cmcDraft([evidenceIds[1]!], 2, 4)];
    const stored = ws.findings.addModelFindings(theCase.id, runId, drafts, actors.expert);
    expect(stored).toHaveLength(2);
    for (const f of stored) expect(FindingSchema.parse(f)).toEqual(f);
    expect(stored[0]).toMatchObject({ caseId: theCase.id, runId, origin: 'model', supersedes: null, supersededBy: null, review: null, createdBy: 'expert', evidenceIds });
    expect(stored[0]!.measurements[1]!.value).toBe(-1.5);
    expect(stored[0]!.provenance.parameters).toEqual({ cellGrid: 8, ccfMin: 0.5, thetaStepDeg: 3 });
    const overlay = stored[0]!.overlays[0]!;
    expect(overlay.sha256).toBe(sha256Hex(drafts[0]!.overlays[0]!.bytes));
    expect(ws.findings.readOverlay(stored[0]!.id, overlay.sha256)).toEqual(new Uint8Array(drafts[0]!.overlays[0]!.bytes));
    const recorded = entry(ws, stored[0]!.auditSeq);
    expect(recorded).toMatchObject({ action: 'findings.recorded', subjects: { caseId: theCase.id, runId }, inputs: { 'fadul1-1.x3p': 'a'.repeat(64) }, algorithm: { name: 'cmc', version: '1.0.0' } });
    expect(Object.keys(recorded.outputs as object).sort()).toEqual(stored.map((f) => `finding:${f.id}`).sort());
    expect(stored[1]!.auditSeq).toBe(stored[0]!.auditSeq);
    const custody = await call(ws, clients.expert, 'evidence.custody', { evidenceId: evidenceIds[1]! });
    expect(custody.map((c) => c.action)).toEqual(['received', 'analysed']);
    expect(custody[1]!.note).toContain('2 findings');
    expect(custody[1]!.details).toEqual({ action: 'analysed', runId, method: stored[0]!.module, findings: 2 });
    expect(await call(ws, clients.judge, 'findings.list', { caseId: theCase.id })).toEqual(stored);
  });

  it('refuses malformed drafts whole, naming the finding and the reason', async () => {
    const { ws, theCase, other, evidenceIds, actors } = await setup();
    const runId = crypto.randomUUID();
    const nan = { ...cmcDraft(evidenceIds), measurements: [{ key: 'cmc.count', value: Number.NaN, unit: null, threshold: null }] };
    const twice = { ...cmcDraft(evidenceIds), measurements: [...cmcDraft(evidenceIds).measurements, { key: 'cmc.count', value: 1, unit: null, threshold: null }] };
    expect(() => ws.findings.addModelFindings(theCase.id, runId, [cmcDraft(evidenceIds), nan], actors.expert)).toThrow(/Finding 2 of run .* is malformed \(measurements\.0\.value/);
    expect(() => ws.findings.addModelFindings(theCase.id, runId, [twice], actors.expert)).toThrow(/cmc.count twice/);
    expect(() => ws.findings.addModelFindings(other.id, runId, [cmcDraft(evidenceIds)], actors.expert)).toThrow(/not in this case/);
    expect(() => ws.findings.addModelFindings(theCase.id, runId, [], actors.expert)).toThrow(/no findings/);
    expect(() => ws.findings.addModelFindings(theCase.id, 'run-1', [cmcDraft(evidenceIds)], actors.expert)).toThrow(/not a UUID/);
    expect(count(ws, 'findings')).toBe(0);
  });

  it('writes findings and their audit entry together: a failing append leaves no finding rows', async () => {
    const { ws, theCase, evidenceIds, actors } = await setup();
    const sizeBefore = ws.audit.size();
    const append = vi.spyOn(ws.audit, 'append').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    expect(() => ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert)).toThrow('disk full');
    expect(count(ws, 'findings')).toBe(0);
    append.mockRestore();
    // A failure after the findings entry and rows were written (the second item's custody event) undoes all of them.
    const appendCustody = ws.custody.append.bind(ws.custody);
    let custodyCalls = 0;
    const custody = vi.spyOn(ws.custody, 'append').mockImplementation((...args) => {
      custodyCalls += 1;
      if (custodyCalls === 2) throw new Error('custody failed');
      return appendCustody(...args);
    });
    expect(() => ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert)).toThrow('custody failed');
    expect(count(ws, 'findings')).toBe(0);
    expect(count(ws, 'finding_overlays')).toBe(0);
    expect(ws.audit.size()).toBe(sizeBefore);
    custody.mockRestore();
    expect(ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert)).toHaveLength(1);
    // The rolled-back appends left no trace in the Merkle tree: its stored root is the root of the stored leaves.
    const leaves = (ws.db.prepare('SELECT leaf_hash FROM audit_entries ORDER BY seq').pluck().all() as Buffer[]).map((b) => new Uint8Array(b));
    const mth = (from: number, to: number): Uint8Array => {
      if (to - from === 1) return leaves[from]!;
      let split = 1;
      while (split * 2 < to - from) split *= 2;
      return hashChildren(mth(from, from + split), mth(from + split, to));
    };
    ws.audit.forgetCachedNodes();
    expect(Buffer.from(ws.audit.root()).toString('hex')).toBe(Buffer.from(mth(0, leaves.length)).toString('hex'));
  });

  it('amending keeps the original: both listed, original superseded, history intact, original no longer reviewable', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    const [original] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    const accepted = await call(ws, clients.expert, 'findings.review', { findingId: original!.id, decision: 'accepted' });
    expect(accepted.finding.review).toMatchObject({ decision: 'accepted', reason: null, reviewer: 'expert' });
    expect(accepted.review).toMatchObject({ state: 'draft', findingsTotal: 1, findingsDecided: 1 });
    const amended = await call(ws, clients.expert, 'findings.review', {
      findingId: original!.id,
      decision: 'amended',
      reason: 'cell 4,5 registers on a firing-pin drag mark',
      amended: { measurements: [{ key: 'cmc.count', value: 18, unit: null, threshold: { value: 6, rule: '>=' } }], conclusion: 'identification' },
    });
    const amendment = amended.amendment!;
    expect(amendment).toMatchObject({ origin: 'model-edited', supersedes: original!.id, supersededBy: null, runId: original!.runId, evidenceIds, overlays: original!.overlays, createdBy: 'expert' });
    expect(amendment.measurements).toEqual([{ key: 'cmc.count', value: 18, unit: null, threshold: { value: 6, rule: '>=' } }]);
    expect(amended.finding).toMatchObject({ id: original!.id, supersededBy: amendment.id, measurements: original!.measurements, origin: 'model' });
    expect(amended.finding.review).toMatchObject({ decision: 'amended', reason: 'cell 4,5 registers on a firing-pin drag mark' });
    expect(amended.review).toMatchObject({ findingsTotal: 1, findingsDecided: 1 });
    const listed = await call(ws, clients.expert, 'findings.list', { caseId: theCase.id });
    expect(listed.map((f) => f.id)).toEqual([original!.id, amendment.id]);
    expect(ws.findings.reviewHistory(original!.id).map((r) => r.decision)).toEqual(['accepted', 'amended']);
    const reviewed = entry(ws, amendment.auditSeq);
    expect(reviewed).toMatchObject({ action: 'finding.reviewed', supersedes: accepted.finding.review!.auditSeq, subjects: { findingId: original!.id, amendmentId: amendment.id }, details: { decision: 'amended' } });
    expect(await refusal(ws, clients.expert, 'findings.review', { findingId: original!.id, decision: 'accepted' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'superseded', supersededBy: amendment.id } });
    // The amendment itself can be decided, and a manual finding amended stays manual.
    expect((await call(ws, clients.expert, 'findings.review', { findingId: amendment.id, decision: 'rejected', reason: 'second look' })).finding.review?.decision).toBe('rejected');
    const manual = await call(ws, clients.expert, 'findings.addManual', { caseId: theCase.id, kind: 'distance', evidenceIds: [evidenceIds[0]!], measurements: [{ key: 'distance', value: 812.5, unit: 'µm', threshold: null }], conclusion: null });
    expect(manual).toMatchObject({ origin: 'manual', module: 'manual', runId: null, provenance: { algorithm: 'manual.distance', inputs: [{ name: 'a.png', evidenceId: evidenceIds[0] }] } });
    const remeasured = await call(ws, clients.expert, 'findings.review', { findingId: manual.id, decision: 'amended', reason: 'end point misplaced', amended: { measurements: [{ key: 'distance', value: 790, unit: 'µm', threshold: null }], conclusion: null } });
    expect(remeasured.amendment?.origin).toBe('manual');
    expect(remeasured.review).toMatchObject({ findingsTotal: 2, findingsDecided: 2 });
  });

  it('refuses reject and amend without a reason, and an amendment without values', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    const values = { measurements: [{ key: 'cmc.count', value: 3, unit: null, threshold: null }], conclusion: null };
    for (const payload of [
      { findingId: finding!.id, decision: 'rejected' as const },
      { findingId: finding!.id, decision: 'rejected' as const, reason: '   ' },
      { findingId: finding!.id, decision: 'amended' as const, amended: values },
    ]) {
      expect(await refusal(ws, clients.expert, 'findings.review', payload)).toMatchObject({ code: 'BAD_INPUT', params: { reason: 'reason-required' } });
    }
    expect((await refusal(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'amended', reason: 'x' })).params?.reason).toBe('amendment-required');
    expect((await refusal(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted', amended: values })).params?.reason).toBe('amendment-not-applicable');
    expect(count(ws, 'finding_reviews')).toBe(0);
    expect((await call(ws, clients.expert, 'review.get', { caseId: theCase.id })).state).toBe('draft');
    // The database refuses a reasonless rejection and any rewrite, whichever code path tries.
    expect(() => ws.db.prepare("INSERT INTO finding_reviews (id, finding_id, decision, reason, reviewer_id, at, audit_seq) VALUES ('r', ?, 'rejected', NULL, ?, 't', 0)").run(finding!.id, actors.expert.userId)).toThrow(/CHECK/);
    expect(() => ws.db.prepare("UPDATE findings SET conclusion = 'elimination'").run()).toThrow(/append-only/);
    expect(() => ws.db.prepare('DELETE FROM finding_overlays').run()).toThrow(/append-only/);
  });

  it('signs only after a recent re-authentication, records the meaning, and reopens with a reason keeping the signatures', async () => {
    const { ws, clock, theCase, evidenceIds, actors, clients } = await setup();
    // One expert signing alone is allowed only where the laboratory switched the technical review off.
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' });
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' })).toMatchObject({ code: 'UNAUTHENTICATED', params: { reason: 'reauth-required' } });
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    clock.advance(ws.sessions.policy.reauthValidMs + 1000);
    await call(ws, clients.expert, 'cases.list', {}); // keeps the session from locking while the re-authentication expires
    expect((await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' })).code).toBe('UNAUTHENTICATED');
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    expect((await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign' })).code).toBe('BAD_INPUT');
    const signed = await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' });
    expect(CaseReviewSchema.parse(signed)).toEqual(signed);
    expect(signed).toMatchObject({ state: 'signed', signatures: [{ username: 'expert', displayName: 'A expert', meaning: 'approved', current: true }] });
    const signing = entry(ws, signed.signatures[0]!.auditSeq);
    expect(signing).toMatchObject({ action: 'review.signed', meaning: 'approved', actor: { username: 'expert' } });
    expect((signing.inputs as { findings: string }).findings).toMatch(/^[0-9a-f]{64}$/);
    // A signed record does not change under its signature.
    expect(await refusal(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'rejected', reason: 'x' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'case-not-editable' } });
    expect(() => ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert)).toThrow(/reopen it first/);
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'reopen' })).toMatchObject({ code: 'BAD_INPUT', params: { reason: 'reason-required' } });
    const reopened = await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'reopen', reason: 'court asked for the raw scans too' });
    expect(reopened).toMatchObject({ state: 'in-review', signatures: [{ meaning: 'approved', current: false }] });
    expect(entry(ws, ws.audit.size() - 1)).toMatchObject({ action: 'review.reopened', supersedes: signed.signatures[0]!.auditSeq, details: { reason: 'court asked for the raw scans too' } });
    expect((await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'rejected', reason: 'scan artefact' })).review.state).toBe('in-review');
    // Every table of this record refuses rewrites and deletions at the database level.
    const columns = { findings: 'conclusion', finding_evidence: 'position', finding_overlays: 'name', finding_reviews: 'reason', case_review_transitions: 'reason', case_signatures: 'meaning' };
    for (const [table, column] of Object.entries(columns)) {
      expect(count(ws, table), table).toBeGreaterThan(0);
      expect(() => ws.db.prepare(`UPDATE ${table} SET ${column} = ${column}`).run(), table).toThrow(/append-only/);
      expect(() => ws.db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
  });

  it('enforces a second expert for a required technical review, who signs it', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'require-technical-review' });
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' });
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'second-expert-required' } });
    expect(await refusal(ws, clients.expert2, 'review.transition', { caseId: theCase.id, action: 'verify' })).toMatchObject({ code: 'UNAUTHENTICATED', params: { reason: 'reauth-required' } });
    await call(ws, clients.expert2, 'auth.reauthenticate', { password });
    const verified = await call(ws, clients.expert2, 'review.transition', { caseId: theCase.id, action: 'verify' });
    expect(verified).toMatchObject({ state: 'verified', technicalReviewRequired: true, signatures: [{ username: 'expert2', meaning: 'technical-review', current: true }] });
    expect(entry(ws, verified.signatures[0]!.auditSeq)).toMatchObject({ action: 'review.verified', meaning: 'technical-review' });
    const signed = await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'reviewed' });
    expect(signed.signatures.map((s) => [s.username, s.meaning])).toEqual([['expert2', 'technical-review'], ['expert', 'reviewed']]);
  });

  // Review policy (issue 10): deciding the last finding no longer submits the case by itself.
  it('Review policy: deciding every finding leaves the case a draft; submit is an explicit action once all are decided', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    const [a, b] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds), cmcDraft(evidenceIds, 1)], actors.expert);
    expect(await call(ws, clients.expert, 'review.get', { caseId: theCase.id })).toMatchObject({ state: 'draft', findingsTotal: 2, findingsDecided: 0, technicalReviewRequired: true });
    await call(ws, clients.expert, 'findings.review', { findingId: a!.id, decision: 'accepted' });
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'undecided-findings', undecided: 1 } });
    const decided = await call(ws, clients.expert, 'findings.review', { findingId: b!.id, decision: 'rejected', reason: 'below threshold, drag marks' });
    expect(decided.review).toMatchObject({ state: 'draft', findingsDecided: 2 });
    expect(count(ws, 'case_review_transitions')).toBe(0);
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'illegal-transition' } });
    expect((await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' })).state).toBe('in-review');
    expect(ws.db.prepare('SELECT action, automatic FROM case_review_transitions').all()).toEqual([{ action: 'submit', automatic: 0 }]);
  });

  it.each([
    [true, 'the same expert cannot verify and sign alone; a second expert verifies (signed technical review), then signing works'],
    [false, 'one expert may submit, verify and sign alone'],
  ] as const)('Review policy: technicalReviewRequired %s — %s', async (required, _) => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    if (!required) {
      await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
      expect(ws.audit.list({ action: 'settings.changed' })).toHaveLength(1);
    }
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' });
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    if (required) {
      expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'second-expert-required' } });
      await call(ws, clients.expert2, 'auth.reauthenticate', { password });
      const verified = await call(ws, clients.expert2, 'review.transition', { caseId: theCase.id, action: 'verify' });
      expect(verified.signatures).toMatchObject([{ username: 'expert2', meaning: 'technical-review' }]);
    } else {
      expect((await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' })).signatures).toEqual([]);
    }
    const signed = await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' });
    expect(signed.state).toBe('signed');
    expect(signed.signatures.map((s) => s.meaning)).toEqual(required ? ['technical-review', 'approved'] : ['approved']);
  });

  it('Review policy: a case verified alone while the policy was off cannot be signed once the administrator turns it on', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'submit' });
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'verify' });
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: true });
    await call(ws, clients.expert, 'auth.reauthenticate', { password });
    expect(await refusal(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'sign', meaning: 'approved' })).toMatchObject({ code: 'CONFLICT', params: { reason: 'technical-review-missing' } });
  });

  it('Signed must mean frozen: evidence additions are refused up front with the reason; reopen (reason, audit-logged) lets them in; signatures record what they covered', async () => {
    const { ws, theCase, evidenceIds, actors, clients } = await setup();
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    const signed = await signAlone(ws, clients.expert, theCase.id);
    const [coverage] = ws.reviews.coverage(theCase.id);
    const items = ws.evidence.list(theCase.id);
    expect(coverage).toEqual({
      auditSeq: signed.signatures[0]!.auditSeq,
      findings: [{ id: finding!.id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), decision: 'accepted' }],
      evidence: items.map((e) => ({ id: e.id, name: e.originalName, sha256: e.sha256 })),
    });
    const storedBefore = count(ws, 'blobs');
    const late = await refusal(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'late.png', bytes: makePng(8, 8, 9) });
    expect(late).toMatchObject({ code: 'CONFLICT', params: { reason: 'case-signed' } });
    expect(late.message).toMatch(/Cannot add late\.png: the case is signed; an expert must reopen it first/);
    expect(count(ws, 'blobs')).toBe(storedBefore);
    expect(ws.evidence.list(theCase.id)).toHaveLength(items.length);
    await call(ws, clients.expert, 'review.transition', { caseId: theCase.id, action: 'reopen', reason: 'the court sent a third cartridge case' });
    await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'late.png', bytes: makePng(8, 8, 9) });
    expect(ws.evidence.list(theCase.id)).toHaveLength(items.length + 1);
    // The old signature still covers exactly what it covered: the late exhibit is not among them.
    expect(ws.reviews.coverage(theCase.id)[0]!.evidence.map((e) => e.name)).toEqual(items.map((e) => e.originalName));
  });

  it('lets judges read findings and reviews but not decide, sign or measure; the queue lists cases with work', async () => {
    const { ws, theCase, other, evidenceIds, actors, clients } = await setup();
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    expect(await refusal(ws, clients.judge, 'findings.review', { findingId: finding!.id, decision: 'accepted' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusal(ws, clients.judge, 'review.transition', { caseId: theCase.id, action: 'submit' })).code).toBe('FORBIDDEN');
    expect((await refusal(ws, clients.judge, 'findings.addManual', { caseId: theCase.id, kind: 'note', evidenceIds, measurements: [{ key: 'note', value: 'x', unit: null, threshold: null }], conclusion: null })).code).toBe('FORBIDDEN');
    expect((await refusal(ws, clients.judge, 'review.queue', {})).code).toBe('FORBIDDEN');
    expect(await call(ws, clients.judge, 'findings.list', { caseId: theCase.id })).toHaveLength(1);
    expect((await call(ws, clients.judge, 'review.get', { caseId: other.id })).state).toBe('draft');
    expect(count(ws, 'finding_reviews')).toBe(0);
    const queue = await call(ws, clients.expert, 'review.queue', {});
    expect(queue.map((q) => q.case.id)).toEqual([theCase.id]);
    expect(queue[0]!.review).toMatchObject({ findingsTotal: 1, findingsDecided: 0 });
    expect(await call(ws, clients.expert, 'review.queue', { state: 'in-review' })).toEqual([]);
  });

  it('Amendments stay consistent: a distance or angle that contradicts its own points and pixel size is refused; one recomputed from new points is recorded', async () => {
    const { ws, theCase, evidenceIds, clients } = await setup();
    const geometry = (distance: number, points: string, pixelUm = 6.25) => [
      { key: 'manual.distance', value: distance, unit: 'µm', threshold: null },
      { key: 'manual.points', value: points, unit: 'px', threshold: null },
      { key: 'manual.pixelUm', value: pixelUm, unit: 'µm', threshold: null },
    ];
    // (12, 40.5) → (255.75, 40.5) is 243.75 px: 1523.44 µm at 6.25 µm per pixel.
    const points = '[[12,40.5],[255.75,40.5]]';
    const wrongAtIntake = await refusal(ws, clients.expert, 'findings.addManual', { caseId: theCase.id, kind: 'distance', evidenceIds: [evidenceIds[0]!], measurements: geometry(1800, points), conclusion: null });
    expect(wrongAtIntake).toMatchObject({ code: 'BAD_INPUT', params: { reason: 'geometry-mismatch', expected: 1523.44 } });
    const manual = await call(ws, clients.expert, 'findings.addManual', { caseId: theCase.id, kind: 'distance', evidenceIds: [evidenceIds[0]!], measurements: geometry(1523.44, points), conclusion: null });
    const before = count(ws, 'findings');
    const contradicting = await refusal(ws, clients.expert, 'findings.review', { findingId: manual.id, decision: 'amended', reason: 'typed a new distance', amended: { measurements: geometry(1535.94, points), conclusion: null } });
    expect(contradicting).toMatchObject({ code: 'BAD_INPUT', params: { reason: 'geometry-mismatch', expected: 1523.44 } });
    expect(contradicting.message).toMatch(/contradicts its points and pixel size/);
    expect((await refusal(ws, clients.expert, 'findings.review', { findingId: manual.id, decision: 'amended', reason: 'x', amended: { measurements: geometry(1523.44, '[[12,40.5]]'), conclusion: null } })).params?.reason).toBe('geometry-malformed');
    expect((await refusal(ws, clients.expert, 'findings.review', { findingId: manual.id, decision: 'amended', reason: 'x', amended: { measurements: geometry(1523.44, points).slice(0, 1), conclusion: null } })).params?.reason).toBe('geometry-missing');
    expect(count(ws, 'findings')).toBe(before);
    // The second point moved 2 px to the right: the distance follows from the points, 245.75 px × 6.25 µm.
    const moved = await call(ws, clients.expert, 'findings.review', { findingId: manual.id, decision: 'amended', reason: 'second point re-placed on the edge', amended: { measurements: geometry(1535.94, '[[12,40.5],[257.75,40.5]]'), conclusion: null } });
    expect(moved.amendment!.measurements[0]).toMatchObject({ key: 'manual.distance', value: 1535.94 });
    // An angle: the rays (10,0)-(0,0)-(0,10) make 90°.
    const angle = [
      { key: 'manual.angle', value: 45, unit: '°', threshold: null },
      { key: 'manual.points', value: '[[10,0],[0,0],[0,10]]', unit: 'px', threshold: null },
      { key: 'manual.pixelUm', value: 2, unit: 'µm', threshold: null },
    ];
    expect((await refusal(ws, clients.expert, 'findings.addManual', { caseId: theCase.id, kind: 'angle', evidenceIds: [evidenceIds[0]!], measurements: angle, conclusion: null })).params).toMatchObject({ reason: 'geometry-mismatch', expected: 90 });
  });
});
