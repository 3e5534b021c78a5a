// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DalelApi, Evidence, RequestChannel, Result } from '../../main/contract/index.ts';
import { renderRoot, unmountRoot } from './root-harness.tsx';
import { civilCase as sampleCase, civilCaseId as caseId, sessionFor } from './root-fixtures.ts';

const sampleEvidence: Evidence = {
  id: '22222222-2222-4222-8222-222222222222',
  caseId,
  sha256: 'a'.repeat(64),
  originalName: 'contract.pdf',
  sizeBytes: 2048,
  kind: 'pdf',
  category: 'document',
  pixelUm: null,
  mediaType: 'application/pdf',
  width: null,
  height: null,
  bitDepth: null,
  addedBy: 'expert1',
  addedAt: '2026-01-02T11:00:00.000Z',
  hasThumbnail: false,
};

type Answers = Partial<Record<RequestChannel, Result<unknown>>>;

/** A DalelApi answering from a table, recording the channels called. */
function fakeApi(answers: Answers): DalelApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    invoke: (async (channel: RequestChannel) => {
      calls.push(channel);
      return answers[channel] ?? { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } };
    }) as DalelApi['invoke'],
    on: () => () => undefined,
  };
}

afterEach(unmountRoot);

// One round of answers and effects after rendering and after each click is all these screens need.
const render = (api: DalelApi) => renderRoot(api, 'en', 1);

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);

async function click(id: string): Promise<void> {
  const element = byTestId(id) as HTMLElement | null;
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  await act(async () => element.click());
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const caseAnswers: Answers = {
  'cases.list': { ok: true, value: [sampleCase] },
  'cases.get': { ok: true, value: sampleCase },
  'evidence.list': { ok: true, value: [sampleEvidence] },
};

describe('the interface for each state and role', () => {
  it('shows the setup form on first run', async () => {
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: true, session: null } } }));
    expect(byTestId('setup-form')).not.toBeNull();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the login form without a session and the lock screen for a locked one', async () => {
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: null } } }));
    expect(byTestId('login-form')).not.toBeNull();
    unmountRoot();
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('judge', true) } } }));
    expect(byTestId('lock-form')).not.toBeNull();
    expect(byTestId('lock-user')?.textContent).toContain('The judge');
  });

  it('gives the expert the expert workspace, case creation and evidence intake', async () => {
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('expert') } }, ...caseAnswers }));
    expect(byTestId('nav-expert')).not.toBeNull();
    expect(byTestId('nav-users')).toBeNull();
    expect(byTestId('new-case-button')).not.toBeNull();
    await click(`open-case-${sampleCase.number}`);
    expect(byTestId('add-evidence-button')).not.toBeNull();
    expect(byTestId('evidence-file-input')?.getAttribute('accept')).toBe('.png,.jpg,.jpeg,.tif,.tiff,.x3p,.pdf');
    expect(byTestId(`evidence-sha256-${'a'.repeat(64)}`)?.textContent).toBe('a'.repeat(64));
  });

  it('lets the judge create cases but not add evidence', async () => {
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('judge') } }, ...caseAnswers }));
    expect(byTestId('nav-judge')).not.toBeNull();
    expect(byTestId('nav-expert')).toBeNull();
    expect(byTestId('new-case-button')).not.toBeNull();
    await click(`open-case-${sampleCase.number}`);
    expect(byTestId('case-title')?.textContent).toContain(sampleCase.number);
    expect(byTestId('add-evidence-button')).toBeNull();
  });

  it('gives the clerk a read-only case list and case view', async () => {
    await render(fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('clerk') } }, ...caseAnswers }));
    expect(byTestId('nav-clerk')).not.toBeNull();
    expect(byTestId('new-case-button')).toBeNull();
    await click(`open-case-${sampleCase.number}`);
    expect(byTestId('add-evidence-button')).toBeNull();
    expect(byTestId('evidence-drop-zone')).toBeNull();
  });

  it('gives the administrator the users workspace only', async () => {
    const admin = sessionFor('administrator');
    const api = fakeApi({ 'auth.status': { ok: true, value: { needsSetup: false, session: admin } }, 'users.list': { ok: true, value: [admin.user] } });
    await render(api);
    expect(byTestId('nav-users')).not.toBeNull();
    expect(byTestId('nav-expert')).toBeNull();
    expect(byTestId(`user-row-${admin.user.username}`)).not.toBeNull();
    expect(api.calls).not.toContain('cases.list');
  });

  it('locks the screen when a service answers SESSION_LOCKED', async () => {
    await render(
      fakeApi({
        'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor('expert') } },
        'cases.list': { ok: false, error: { code: 'SESSION_LOCKED', message: 'locked' } },
      }),
    );
    expect(byTestId('lock-form')).not.toBeNull();
  });
});
