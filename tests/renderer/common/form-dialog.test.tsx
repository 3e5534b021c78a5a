// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseReview, Result } from '../../../main/contract/index.ts';
import { NewCaseDialog } from '../../../renderer/src/cases/new-case-dialog.tsx';
import { ReopenDialog } from '../../../renderer/src/review/reopen-dialog.tsx';
import { caseId, sampleCase } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, render, settle, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

/** A service answer the test settles by hand, so the form can be looked at while it waits. */
function pending<T>() {
  let settleWith: (result: Result<T>) => void = () => undefined;
  const promise = new Promise<Result<T>>((resolve) => (settleWith = resolve));
  return { answer: () => promise, settleWith };
}

const disabled = (id: string) => (need(id) as HTMLButtonElement).disabled;
const conflict = { ok: false, error: { code: 'CONFLICT', message: 'case number taken' } } as const;

describe('a form dialog (FormDialog and useFormSubmit)', () => {
  it('shows field problems only after the first submit, and sends nothing while they remain', async () => {
    const fake = fakeApi({});
    await render(fake.api, <NewCaseDialog onClose={() => undefined} onCreated={() => undefined} />);
    expect(need('case-number').getAttribute('aria-invalid')).toBe('false');
    expect(need('new-case-dialog').textContent).not.toContain('required');
    await submit('new-case-form');
    expect(need('case-number').getAttribute('aria-invalid')).toBe('true');
    expect(need('case-venue').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('cases.create')).toEqual([]);
  });

  it('disables both buttons while busy, and keeps the dialog open with the error on failure', async () => {
    const first = pending<CaseReview>();
    const reopened: CaseReview[] = [];
    const fake = fakeApi({ 'review.transition': first.answer });
    let closed = 0;
    await render(fake.api, <ReopenDialog caseId={caseId} onClose={() => closed++} onReopened={(review) => reopened.push(review)} />);
    await type('reopen-reason', 'The scale was wrong');
    await submit('reopen-form');
    expect(fake.callsTo('review.transition')).toEqual([{ caseId, action: 'reopen', reason: 'The scale was wrong' }]);
    expect(disabled('reopen-submit')).toBe(true);
    expect(disabled('reopen-cancel')).toBe(true);
    first.settleWith(conflict);
    await settle();
    expect(disabled('reopen-submit')).toBe(false);
    expect(need('reopen-error').textContent).not.toContain('CONFLICT');
    expect(need('reopen-error').textContent!.length).toBeGreaterThan(0);
    expect(byTestId('reopen-dialog')).not.toBeNull();
    expect(reopened).toEqual([]);
    await click('reopen-cancel');
    expect(closed).toBe(1);
  });

  it('passes the created record on after a successful submit, with the fields trimmed', async () => {
    const seen: (typeof sampleCase)[] = [];
    const fake = fakeApi({ 'cases.create': ok(sampleCase) });
    await render(fake.api, <NewCaseDialog onClose={() => undefined} onCreated={(value) => seen.push(value)} />);
    await type('case-number', ' 12-345 ');
    await type('case-venue', 'Court');
    await submit('new-case-form');
    expect(fake.callsTo('cases.create')).toEqual([{ number: '12-345', venue: 'Court', caseType: 'criminal', parties: '' }]);
    expect(seen).toEqual([sampleCase]);
    expect(byTestId('new-case-error')).toBeNull();
  });
});
