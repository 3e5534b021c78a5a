// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisRunSchema, EvidenceSchema, FindingSchema, type AnalysisRun, type Finding } from '../../../main/contract/index.ts';
import { ExpertWorkbench } from '../../../renderer/src/review/expert-workbench.tsx';
import { hotkeyTable } from '../../../renderer/src/viewer/hotkeys.ts';
import { amendedOriginal, amendment, caseId, catalog, cmcFinding, evidenceA, evidenceB, evidenceImage, reviewIn, runId, doneRun, summary, widthFinding } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, press, render, settle, stubCanvas, submit, type } from '../expert-harness.tsx';

function workbenchApi(findings: readonly Finding[], state: 'draft' | 'in-review' | 'verified' | 'signed' = 'draft', extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'evidence.list': ok([evidenceA, evidenceB, evidenceImage]),
    'analysis.list': ok([]),
    'findings.list': ok(findings),
    'review.get': ok(reviewIn(state, 0, findings.length)),
    'summary.get': ok(summary),
    'forensics.catalog': ok(catalog),
    'findings.review': (payload: { findingId: string }) => ok({ finding: findings.find((f) => f.id === payload.findingId), amendment: null, review: reviewIn(state, 1, findings.length) }),
    ...extra,
  });
}

const mount = (api: ReturnType<typeof fakeApi>['api']) => render(api, <ExpertWorkbench caseId={caseId} role="expert" onChanged={() => undefined} />);

beforeEach(() => stubCanvas());
afterEach(() => cleanup());

describe('the findings panel', () => {
  it('lists each current finding with its measurements, conclusion, origin and review state', async () => {
    await mount(workbenchApi([cmcFinding, widthFinding]).api);
    expect(need(`finding-measurements-${cmcFinding.id}`).textContent).toBe('CMC count: 14 · cmc.cellsCompared: 43');
    expect(need(`finding-origin-${cmcFinding.id}`).textContent).toBe('model');
    expect(need(`finding-state-${cmcFinding.id}`).textContent).toBe('Not decided');
    expect(need(`finding-row-${cmcFinding.id}`).textContent).toContain('Conclusion: identification');
    expect(need(`finding-provenance-${cmcFinding.id}`).textContent).toBe('cmc 1.0.0 · recorded by expert1');
  });

  it('accepts a finding by button', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding]);
    await mount(fake.api);
    await click(`finding-accept-${cmcFinding.id}`);
    expect(fake.callsTo('findings.review')).toEqual([{ findingId: cmcFinding.id, decision: 'accepted' }]);
  });

  it('refuses to reject without a reason, then rejects with one', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding]);
    await mount(fake.api);
    await click(`finding-reject-${widthFinding.id}`);
    expect(byTestId('review-dialog')).not.toBeNull();
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([]);
    expect(need('review-dialog').textContent).toContain('A reason is required.');
    await type('review-reason', '   ');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([]);
    await type('review-reason', 'Firing pin impression is a tool mark of the breech face, not the pin.');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([
      { findingId: widthFinding.id, decision: 'rejected', reason: 'Firing pin impression is a tool mark of the breech face, not the pin.' },
    ]);
    expect(byTestId('review-dialog')).toBeNull();
  });

  it('shows an amendment together with the original it replaces', async () => {
    await mount(workbenchApi([cmcFinding, amendedOriginal, amendment]).api);
    // The original is not a row of its own; it is shown, struck through, under its amendment.
    expect(byTestId(`finding-row-${amendedOriginal.id}`)).toBeNull();
    expect(need(`finding-origin-${amendment.id}`).textContent).toBe('model, edited');
    expect(need(`finding-measurements-${amendment.id}`).textContent).toBe('Cross-correlation: 0.72');
    // The amendment was the expert's decision: it is not shown as undecided.
    expect(need(`finding-state-${amendment.id}`).textContent).toBe("Decided: the expert's own work");
    const original = need(`finding-original-${amendment.id}`);
    expect(original.textContent).toContain('Cross-correlation: 0.41');
    expect(original.textContent).toContain('inconclusive');
    expect(original.textContent).toContain('edge damage excluded');
  });

  it('offers a comparison’s conclusions in words from its scale when amending, never as a code to type', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding]);
    await mount(fake.api);
    await click(`finding-amend-${cmcFinding.id}`);
    const select = need('amend-conclusion') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.textContent)).toEqual(['none drawn (measurements only)', 'identification', 'inconclusive', 'elimination']);
    await type('amend-conclusion', 'inconclusive');
    await type('review-reason', 'Too few cells in the second direction on re-examination.');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([
      { findingId: cmcFinding.id, decision: 'amended', reason: 'Too few cells in the second direction on re-examination.', amended: { measurements: cmcFinding.measurements, conclusion: 'inconclusive' } },
    ]);
  });

  it('amends measurements and conclusion with a reason, and asks before discarding an unsaved amendment', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding]);
    await mount(fake.api);
    await click(`finding-amend-${widthFinding.id}`);
    await type('amend-value-firingPin.widthUm', '790,5');
    await click('review-cancel');
    expect(byTestId('discard-confirm')).not.toBeNull();
    await click('discard-keep');
    expect(byTestId('discard-confirm')).toBeNull();
    expect((need('amend-value-firingPin.widthUm') as HTMLInputElement).value).toBe('790,5');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([]);
    await type('review-reason', 'Re-measured at the impression rim.');
    await type('amend-conclusion', 'consistent');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([
      {
        findingId: widthFinding.id,
        decision: 'amended',
        reason: 'Re-measured at the impression rim.',
        amended: { measurements: [{ key: 'firingPin.widthUm', value: 790.5, unit: 'µm', threshold: null }], conclusion: 'consistent' },
      },
    ]);
  });

  it('selects the finding behind a number of the summary', async () => {
    await mount(workbenchApi([cmcFinding, widthFinding]).api);
    expect(need(`finding-row-${cmcFinding.id}`).dataset.selected).toBe('false');
    await click(`summary-number-${cmcFinding.id}-cmc.count`);
    expect(need(`finding-row-${cmcFinding.id}`).dataset.selected).toBe('true');
  });

  it('says the conclusion once, under its heading and stressed (it was repeated below it)', async () => {
    await mount(workbenchApi([cmcFinding]).api);
    const panel = need('summary-panel');
    expect(panel.textContent!.split('Identification.').length - 1).toBe(1);
    expect(need('summary-conclusion').textContent).toBe('Identification.');
    expect(need('summary-conclusion').previousElementSibling!.textContent).toBe('Conclusion');
  });
});

describe('the keyboard', () => {
  it('opens a help overlay generated from the hotkey table with ?', async () => {
    await mount(workbenchApi([cmcFinding]).api);
    await press('?');
    expect(byTestId('hotkey-help')).not.toBeNull();
    for (const binding of hotkeyTable) expect(byTestId(`hotkey-row-${binding.id}`), binding.id).not.toBeNull();
    expect(need('hotkey-row-finding.accept').textContent).toBe('AAccept the selected finding');
    expect(document.querySelectorAll('[data-testid^="hotkey-row-"]').length).toBe(hotkeyTable.length);
  });

  it('moves between findings and accepts, rejects and amends the selected one', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding]);
    await mount(fake.api);
    await press('a');
    expect(fake.callsTo('findings.review')).toEqual([]);
    await press('j');
    expect(need(`finding-row-${cmcFinding.id}`).dataset.selected).toBe('true');
    await press('ArrowDown');
    expect(need(`finding-row-${widthFinding.id}`).dataset.selected).toBe('true');
    await press('k');
    await press('a');
    expect(fake.callsTo('findings.review')).toEqual([{ findingId: cmcFinding.id, decision: 'accepted' }]);
    await press('r');
    expect(need('review-dialog').textContent).toContain('Reject finding');
    // Keys typed in the dialog are text, not shortcuts.
    await press('a');
    expect(fake.callsTo('findings.review')).toHaveLength(1);
    await click('review-cancel');
    await press('e');
    expect(need('review-dialog').textContent).toContain('Amend finding');
  });
});

describe('the case review bar', () => {
  it('asks for the password again and a meaning before signing', async () => {
    const calls: string[] = [];
    const fake = workbenchApi([cmcFinding], 'verified', {
      'auth.reauthenticate': () => {
        calls.push('reauthenticate');
        return ok({ validUntil: '2026-01-02T12:05:00.000Z' });
      },
      'review.transition': () => {
        calls.push('transition');
        return ok(reviewIn('signed', 1, 1));
      },
    });
    await mount(fake.api);
    expect(need('review-state').textContent).toBe('Verified');
    await click('review-sign');
    expect(byTestId('sign-dialog')).not.toBeNull();
    await submit('sign-form');
    expect(calls).toEqual([]);
    expect(need('sign-dialog').textContent).toContain('Choose what the signature means.');
    await click('sign-meaning-approved');
    await submit('sign-form');
    expect(calls).toEqual([]);
    await type('sign-password', 'expert password 1');
    await submit('sign-form');
    expect(calls).toEqual(['reauthenticate', 'transition']);
    expect(fake.callsTo('auth.reauthenticate')).toEqual([{ password: 'expert password 1' }]);
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'sign', meaning: 'approved' }]);
    expect(byTestId('sign-dialog')).toBeNull();
  });

  it('does not sign when re-authentication fails', async () => {
    const fake = workbenchApi([cmcFinding], 'verified', {
      'auth.reauthenticate': { ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'wrong password' } },
    });
    await mount(fake.api);
    await click('review-sign');
    await click('sign-meaning-reviewed');
    await type('sign-password', 'not my password');
    await submit('sign-form');
    expect(fake.callsTo('review.transition')).toEqual([]);
    expect(byTestId('sign-error')).not.toBeNull();
  });

  it('submits a draft only once every finding is decided, and exports the report as a PDF download', async () => {
    const fake = workbenchApi([cmcFinding], 'draft', {
      'report.export': ok({ fileName: 'LAB-12-2026.pdf', pdf: new Uint8Array([37, 80, 68, 70]), sha256: 'a'.repeat(64), auditSeq: 40 }),
    });
    await mount(fake.api);
    expect((need('review-submit-case') as HTMLButtonElement).disabled).toBe(true);
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:pdf'), revokeObjectURL: () => undefined }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click('report-export');
    expect(fake.callsTo('report.export')).toEqual([{ caseId, language: 'en' }]);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(created[0]!.type).toBe('application/pdf');
  });
});

describe('comparing evidence', () => {
  it('starts a comparison of two picked items, asking the pixel size of an image, and follows its progress', async () => {
    const running = AnalysisRunSchema.parse({ ...doneRun, state: 'running', progress: 0, finishedAt: null, resultSha256: null, findingIds: [] });
    let runs: AnalysisRun[] = [running];
    const fake = workbenchApi([cmcFinding], 'draft', {
      'analysis.start': ok(running),
      'analysis.list': () => ok(runs),
      'analysis.cancel': () => ok({ ...running, state: 'cancelled' }),
    });
    await mount(fake.api);
    expect((need('evidence-compare') as HTMLButtonElement).disabled).toBe(true);
    await click(`evidence-pick-${evidenceA.sha256}`);
    await click(`evidence-pick-${evidenceImage.sha256}`);
    await click('evidence-compare');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([]);
    await type(`compare-pixel-${evidenceImage.sha256}`, '1.6');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([
      { caseId, module: 'ballistics.cartridge-case', evidenceIds: [evidenceA.id, evidenceImage.id], pixelUm: { [evidenceImage.id]: 1.6 } },
    ]);
    await settle();
    await fake.emit('analysis.progress', { runId, caseId, state: 'running', progress: 0.4, stage: 'cmc.aToB' });
    expect(need(`analysis-progress-${runId}`).getAttribute('aria-valuenow')).toBe('40');
    // The stage by name and the percentage, never the stage id.
    expect(need(`analysis-stage-${runId}`).textContent).toBe('Matching the cells of A in B · 40 %');
    expect(need(`analysis-run-${runId}`).textContent).not.toContain('cmc.aToB');
    await fake.emit('analysis.progress', { runId, caseId, state: 'running', progress: 0.456, stage: 'cells 17/43' });
    expect(need(`analysis-stage-${runId}`).textContent).toBe('Working · 46 %');
    await click(`analysis-cancel-${runId}`);
    expect(fake.callsTo('analysis.cancel')).toEqual([{ runId }]);
    runs = [doneRun];
    await fake.emit('analysis.progress', { runId, caseId, state: 'done', progress: 1, stage: 'done' });
    await settle();
    expect(byTestId(`analysis-open-${runId}`)).not.toBeNull();
    await act(async () => need(`analysis-open-${runId}`).click());
    await settle();
    expect(byTestId('comparison-viewer')).not.toBeNull();
    expect(byTestId('findings-panel')).not.toBeNull();
  });
});

describe('findings beside the run in the viewer', () => {
  const otherRunId = '22222222-2222-4222-8222-222222222223';
  const page = (n: number, name: string) => EvidenceSchema.parse({ ...evidenceImage, id: `44444444-4444-4444-8444-44444444445${n}`, sha256: String(n).repeat(64), originalName: name, category: 'handwriting.page' });
  const [known1, known2, questioned] = [page(1, 'w0030_r01.png'), page(2, 'w0030_r02.png'), page(3, 'w0238_r01.png')];
  const writerFinding = FindingSchema.parse({
    ...cmcFinding, id: '55555555-5555-4555-8555-555555555561', runId: otherRunId, module: 'handwriting.writer-comparison', kind: 'writer-comparison',
    evidenceIds: [known1.id, known2.id, questioned.id], conclusion: 'hw-different-moderate', measurements: [{ key: 'hw.lr', value: 0.07, unit: null, threshold: null }],
  });
  const writerRun = AnalysisRunSchema.parse({ ...doneRun, id: otherRunId, module: 'handwriting.writer-comparison', evidenceIds: writerFinding.evidenceIds, findingIds: [writerFinding.id] });

  it('names the items each finding is about: the pair compared, and for a handwriting comparison which pages are known and which is questioned', async () => {
    await mount(workbenchApi([cmcFinding, writerFinding], 'draft', { 'evidence.list': ok([evidenceA, evidenceB, known1, known2, questioned]) }).api);
    expect(need(`finding-items-${cmcFinding.id}`).textContent).toBe('Items: fadul1-1.x3p · fadul1-2.x3p');
    expect(need(`finding-items-${writerFinding.id}`).textContent).toBe('Known: w0030_r01.png, w0030_r02.png → questioned: w0238_r01.png');
  });

  it('loads the names again when a finding names an item added after they were read', async () => {
    // The pages are imported and compared after the panel first read the case's evidence.
    let imported = false;
    const fake = workbenchApi([cmcFinding], 'draft', {
      'evidence.list': () => ok(imported ? [evidenceA, evidenceB, known1, known2, questioned] : [evidenceA, evidenceB]),
      'findings.list': () => ok(imported ? [cmcFinding, writerFinding] : [cmcFinding]),
    });
    await mount(fake.api);
    expect(need(`finding-items-${cmcFinding.id}`).textContent).toBe('Items: fadul1-1.x3p · fadul1-2.x3p');
    imported = true;
    // Any decision reloads the findings: the new one names pages the panel has not read yet.
    await click(`finding-accept-${cmcFinding.id}`);
    await settle();
    expect(need(`finding-items-${writerFinding.id}`).textContent).toContain('questioned: w0238_r01.png');
  });

  it('names what each run compared, and lists the findings of the run open in the viewer first, selected, and the rest of the case under their own heading', async () => {
    const fake = workbenchApi([cmcFinding, widthFinding, writerFinding], 'draft', { 'analysis.list': ok([doneRun, writerRun]), 'evidence.list': ok([evidenceA, evidenceB, known1, known2, questioned]) });
    await mount(fake.api);
    // On the case page the findings stand in their recorded order, with no groups; each run names what it compared.
    expect(byTestId('findings-of-run')).toBeNull();
    expect(need(`analysis-items-${runId}`).textContent).toBe('Items: fadul1-1.x3p · fadul1-2.x3p');
    expect(need(`analysis-items-${otherRunId}`).textContent).toBe('Known: w0030_r01.png, w0030_r02.png → questioned: w0238_r01.png');
    // Read twice in all: by the evidence table, and once for the runs and the findings together.
    expect(fake.callsTo('evidence.list')).toHaveLength(2);
    await act(async () => need(`analysis-open-${otherRunId}`).click());
    await settle();
    const ofRun = need('findings-of-run');
    expect(ofRun.textContent).toContain('From the run shown');
    expect(ofRun.querySelector(`[data-testid="finding-row-${writerFinding.id}"]`)).not.toBeNull();
    expect(ofRun.querySelector(`[data-testid="finding-row-${cmcFinding.id}"]`)).toBeNull();
    const others = need('findings-others');
    expect(others.textContent).toContain('Other findings of this case');
    expect(others.querySelector(`[data-testid="finding-row-${cmcFinding.id}"]`)).not.toBeNull();
    // Selected, so the review keys act on the finding of the run shown.
    expect(need(`finding-row-${writerFinding.id}`).getAttribute('aria-selected')).toBe('true');
    await press('a');
    expect(fake.callsTo('findings.review')).toEqual([{ findingId: writerFinding.id, decision: 'accepted' }]);
  });
});

describe('a failed run', () => {
  const failedRun = (id: string, error: AnalysisRun['error']) => AnalysisRunSchema.parse({ ...doneRun, id, state: 'failed', resultSha256: null, findingIds: [], error });
  const noTarget = failedRun('22222222-2222-4222-8222-222222222231', { code: 'BAD_INPUT', message: 'bare.jpg: no X-Rite ColorChecker was found in the photo', params: { file: 'bare.jpg', reasonCode: 'target-not-found', reason: 'no X-Rite ColorChecker was found' } });
  const clipped = failedRun('22222222-2222-4222-8222-222222222232', { code: 'BAD_INPUT', message: 'plate.jpg: well A2 is over-exposed', params: { file: 'plate.jpg', reasonCode: 'photo-clipped', reason: 'well A2 is over-exposed', well: 'A2' } });
  const stopped = failedRun('22222222-2222-4222-8222-222222222233', { code: 'INTERNAL', message: 'The workstation stopped during the analysis; start it again.', params: { reasonCode: 'workstation-stopped' } });
  // Recorded before reasons were kept: only the English sentence.
  const older = failedRun('22222222-2222-4222-8222-222222222234', { code: 'BAD_INPUT', message: 'old.jpg: the photo is too dark' });
  const runs = [noTarget, clipped, stopped, older];

  it('says why in the expert’s language, naming the file, with the English sentence kept as its tooltip', async () => {
    const expected = {
      en: ['“bare.jpg”: no colour reference target was found', 'over-exposed (colours clipped in well A2)', 'The workstation stopped during the analysis'],
      ru: ['«bare.jpg»: цветовая мишень не найдена', 'переэкспонирована (цвета обрезаны в лунке A2)', 'Рабочая станция остановилась во время исследования'],
      kk: ['«bare.jpg»: түс эталоны табылмады', 'артық жарықталған (түстер кесілген A2 ұяшығында)', 'Зерттеу кезінде жұмыс станциясы тоқтап қалды'],
    } as const;
    for (const language of ['en', 'ru', 'kk'] as const) {
      await render(workbenchApi([], 'draft', { 'analysis.list': ok(runs) }).api, <ExpertWorkbench caseId={caseId} role="expert" onChanged={() => undefined} />, language);
      const [target, well, workstation] = expected[language];
      expect(need(`analysis-error-${noTarget.id}`).textContent).toContain(target);
      expect(need(`analysis-error-${clipped.id}`).textContent).toContain(well);
      expect(need(`analysis-error-${stopped.id}`).textContent).toContain(workstation);
      expect(need(`analysis-error-${noTarget.id}`).getAttribute('title')).toBe(noTarget.error!.message);
      if (language !== 'en') for (const run of runs) expect(need(`analysis-error-${run.id}`).textContent).not.toMatch(/photo|ColorChecker|workstation/);
      cleanup();
    }
  });
});

describe('the technical review', () => {
  it('can be required while the case is in review, then shows that it is', async () => {
    let review = reviewIn('in-review', 1, 1);
    const fake = workbenchApi([cmcFinding], 'in-review', {
      'review.get': () => ok(review),
      'review.transition': () => {
        review = { ...review, technicalReviewRequired: true };
        return ok(review);
      },
    });
    await mount(fake.api);
    expect(byTestId('review-technical-required')).toBeNull();
    await click('review-require-technical');
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'require-technical-review' }]);
    expect(byTestId('review-technical-required')).not.toBeNull();
    expect(byTestId('review-require-technical')).toBeNull();
  });
});

/** The audit log's status as 'audit.status' answers it, with the key absent, locked or open. */
function auditStatus(key: 'none' | 'locked' | 'unlocked') {
  return ok({
    origin: 'dalel.kz/audit/ws',
    size: 12,
    keyUnlocked: key === 'unlocked',
    keySealer: key === 'none' ? null : 'passphrase',
    key: key === 'none' ? null : { keyId: 'abcd1234', fingerprint: 'SHA256:fingerprint-of-the-key', verifierKey: 'dalel.kz/audit/ws+abcd1234+AAAA', pem: 'PEM', createdAt: '2026-01-02T10:00:00.000Z' },
    latestCheckpoint: null,
  });
}

const manualDistance: Finding = {
  ...widthFinding,
  id: '55555555-5555-4555-8555-5555555555aa',
  module: 'manual',
  kind: 'distance',
  origin: 'manual',
  measurements: [
    { key: 'manual.distance', value: 1523.44, unit: 'µm', threshold: null },
    { key: 'manual.points', value: '[[12,40.5],[255.75,40.5]]', unit: 'px', threshold: null },
    { key: 'manual.pixelUm', value: 6.25, unit: 'µm', threshold: null },
  ],
  conclusion: null,
  review: null,
};

describe('Signed must mean frozen', () => {
  it('hides evidence intake and disables Compare with the reason on a signed case, and offers Reopen with a required reason', async () => {
    const signature = { userId: '66666666-6666-4666-8666-666666666666', username: 'expert1', displayName: 'Erlan D.', meaning: 'approved' as const, at: '2026-01-02T12:00:00.000Z', auditSeq: 31, current: true };
    let review = { ...reviewIn('signed', 1, 1), signatures: [signature] };
    const fake = workbenchApi([cmcFinding], 'signed', {
      'review.get': () => ok(review),
      'review.transition': () => {
        review = { ...reviewIn('in-review', 1, 1), signatures: [{ ...signature, current: false }] };
        return ok(review);
      },
    });
    await mount(fake.api);
    expect(byTestId('evidence-file-input')).toBeNull();
    expect(need('evidence-frozen').textContent).toContain('The case is signed, so no evidence can be added and no comparison started');
    await click(`evidence-pick-${evidenceA.sha256}`);
    await click(`evidence-pick-${evidenceB.sha256}`);
    expect((need('evidence-compare') as HTMLButtonElement).disabled).toBe(true);
    expect(need('review-frozen').textContent).toContain('frozen');
    await click('review-reopen');
    await submit('reopen-form');
    expect(fake.callsTo('review.transition')).toEqual([]);
    expect(need('reopen-dialog').textContent).toContain('A reason is required.');
    await type('reopen-reason', 'the court sent a third cartridge case');
    await submit('reopen-form');
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'reopen', reason: 'the court sent a third cartridge case' }]);
    await settle();
    expect(byTestId('reopen-dialog')).toBeNull();
    expect(need('review-state').textContent).toBe('In review');
    expect(need('review-signature-31').textContent).toContain('(no longer current: the case was reopened after it)');
    expect(byTestId('evidence-frozen')).toBeNull();
  });
});

describe('Review policy', () => {
  it('makes submit an explicit action: a fully decided draft waits for the expert to press Submit', async () => {
    const fake = workbenchApi([cmcFinding], 'draft', { 'review.get': ok(reviewIn('draft', 1, 1)), 'review.transition': ok(reviewIn('in-review', 1, 1)) });
    await mount(fake.api);
    expect((need('review-submit-case') as HTMLButtonElement).disabled).toBe(false);
    expect(need('review-submit-hint').textContent).toContain('Deciding findings does not submit the case');
    expect(fake.callsTo('review.transition')).toEqual([]);
    await click('review-submit-case');
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'submit' }]);
  });

  it('with a technical review required, Verify is the second expert’s signed technical review (password, no meaning to choose)', async () => {
    const required = { ...reviewIn('in-review', 1, 1), technicalReviewRequired: true };
    const fake = workbenchApi([cmcFinding], 'in-review', {
      'review.get': ok(required),
      'audit.status': auditStatus('unlocked'),
      'auth.reauthenticate': ok({ validUntil: '2026-01-02T12:05:00.000Z' }),
      'review.transition': { ok: false, error: { code: 'CONFLICT', message: 'second expert', params: { reason: 'second-expert-required' } } },
    });
    await mount(fake.api);
    expect(need('review-technical-policy').textContent).toContain('second expert');
    expect(need('review-verify').textContent).toBe('Verify as technical reviewer');
    await click('review-verify');
    expect(byTestId('sign-meaning-approved')).toBeNull();
    await type('sign-password', 'expert password 2');
    await submit('sign-form');
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'verify' }]);
    expect(need('sign-error').textContent).toContain('The technical review must be done by a second expert');
  });
});

describe('Export dead end', () => {
  it.each([
    ['none', 'no audit signing key yet', 'creates the key'],
    ['locked', 'signing key is locked', 'unlocks the key'],
  ] as const)('the sign dialog states the real key state (%s): no signed checkpoint is claimed', async (state, says, who) => {
    const fake = workbenchApi([cmcFinding], 'verified', { 'audit.status': auditStatus(state) });
    await mount(fake.api);
    await click('review-sign');
    await settle();
    const note = need('sign-key-state');
    expect(note.getAttribute('data-state')).toBe(state);
    expect(note.textContent).toContain(says);
    expect(note.textContent).toContain(`until a clerk or administrator ${who} (Audit → Signing key)`);
  });

  it('names the fingerprint of the open key that will cover the signature', async () => {
    await mount(workbenchApi([cmcFinding], 'verified', { 'audit.status': auditStatus('unlocked') }).api);
    await click('review-sign');
    await settle();
    expect(need('sign-key-state').textContent).toContain('SHA256:fingerprint-of-the-key');
  });

  it('an export refused for a missing key tells the expert who must create it, and where', async () => {
    const fake = workbenchApi([cmcFinding], 'signed', {
      'report.export': { ok: false, error: { code: 'KEY_LOCKED', message: 'no key', params: { reason: 'no-signing-key' } } },
    });
    await mount(fake.api);
    await click('report-export');
    const shown = need('review-bar-error').textContent ?? '';
    expect(shown).toContain('A clerk or administrator must create it in Audit → Signing key');
    expect(shown).not.toContain('under “Signing key”');
  });
});

describe('Amendments stay consistent', () => {
  it('edits a manual distance through its points and pixel size, with units; the distance is recomputed, not typed', async () => {
    const fake = workbenchApi([manualDistance], 'draft', { 'findings.review': (payload: { findingId: string }) => ok({ finding: manualDistance, amendment: null, review: reviewIn('draft', 1, 1), payload }) });
    await mount(fake.api);
    // Points read as coordinate pairs, not as the JSON they are stored in.
    expect(need(`finding-measurements-${manualDistance.id}`).textContent).toContain('Points (image pixels): (12; 40.5), (255.75; 40.5) px');
    await click(`finding-amend-${manualDistance.id}`);
    expect(byTestId('amend-value-manual.distance')).toBeNull();
    expect(byTestId('amend-value-manual.points')).toBeNull();
    const derived = need('amend-derived-manual.distance') as HTMLInputElement;
    expect(derived.disabled).toBe(true);
    expect(derived.value).toBe('1523.44');
    expect(need('amend-geometry').textContent).toContain('µm');
    expect(need('amend-geometry').textContent).toContain('px');
    await type('amend-point-2-x', '257.75');
    expect((need('amend-derived-manual.distance') as HTMLInputElement).value).toBe('1535.94');
    await type('review-reason', 'second point re-placed on the edge');
    await submit('review-form');
    expect(fake.callsTo('findings.review')).toEqual([
      {
        findingId: manualDistance.id,
        decision: 'amended',
        reason: 'second point re-placed on the edge',
        amended: {
          measurements: [
            { key: 'manual.distance', value: 1535.94, unit: 'µm', threshold: null },
            { key: 'manual.points', value: '[[12,40.5],[257.75,40.5]]', unit: 'px', threshold: null },
            { key: 'manual.pixelUm', value: 6.25, unit: 'µm', threshold: null },
          ],
          conclusion: null,
        },
      },
    ]);
  });
});
