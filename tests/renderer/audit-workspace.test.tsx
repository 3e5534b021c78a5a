// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AuditEntryView,
  AuditStatus,
  CheckpointInfo,
  DalelApi,
  RequestChannel,
  Result,
  Role,
  VerifyReportView,
} from '../../main/contract/index.ts';
import { byTestId, click, need, settle, submit, type } from './dom-actions.ts';
import { type Answer, tableApi } from './fake-api.ts';
import { renderRoot, unmountRoot } from './root-harness.tsx';
import { civilCase as sampleCase, civilCaseId as caseId, sessionFor } from './root-fixtures.ts';

const fingerprint = '3f'.repeat(32);
const key = {
  keyId: '0a1b2c3d',
  fingerprint,
  verifierKey: 'dalel.kz/audit/ws+0a1b2c3d+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=',
  pem: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n',
  createdAt: '2026-01-01T09:00:00.000Z',
};
const checkpoint: CheckpointInfo = {
  id: 3,
  size: 12,
  rootBase64: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=',
  note: 'dalel.kz/audit/ws\n12\nq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=\n\n— dalel.kz/audit/ws CgsMDQ==\n',
  reason: 'on demand',
  keyId: key.keyId,
  createdAt: '2026-01-02T12:00:00.000Z',
  cosignatures: [{ witness: 'witness.example.org', timestamp: 1767355200 }],
};
const noKey: AuditStatus = { origin: 'dalel.kz/audit/ws', size: 5, keyUnlocked: false, keySealer: null, key: null, latestCheckpoint: null };
const unlocked: AuditStatus = { origin: 'dalel.kz/audit/ws', size: 12, keyUnlocked: true, keySealer: 'passphrase', key, latestCheckpoint: checkpoint };

function entry(seq: number, action = 'evidence.received', withCase = true): AuditEntryView {
  const record = { seq, at: '2026-01-02T11:00:00.000Z', actor: { username: 'expert1', role: 'expert' }, action, subjects: withCase ? { caseId } : {} };
  return { seq, at: record.at, actor: 'expert1', role: 'expert', action, caseId: withCase ? caseId : null, entry: JSON.stringify(record) };
}

/** A DalelApi answering from a table of results or functions over a signed-in session of `role` and one case. */
function fakeApi(role: Role, answers: Partial<Record<RequestChannel, Answer>>) {
  return tableApi({
    'auth.status': { ok: true, value: { needsSetup: false, session: sessionFor(role) } },
    'cases.list': { ok: true, value: [sampleCase] },
    ...answers,
  });
}

afterEach(() => {
  unmountRoot();
  vi.restoreAllMocks();
});

const render = (api: DalelApi) => renderRoot(api);

describe('the clerk workspace', () => {
  it('keeps the case list first and shows the key state above every audit section', async () => {
    const fake = fakeApi('clerk', { 'audit.status': { ok: true, value: noKey } });
    await render(fake.api);
    expect(byTestId('nav-clerk')).not.toBeNull();
    expect(byTestId('clerk-workspace')).not.toBeNull();
    for (const section of ['cases', 'key', 'trail', 'checkpoints', 'verify']) expect(byTestId(`section-${section}`), section).not.toBeNull();
    expect(byTestId(`open-case-${sampleCase.number}`)).not.toBeNull();
    expect(need('audit-strip-key-state').textContent).toBe('No signing key yet');
    expect(byTestId('export-open')).not.toBeNull();
  });

  it('creates the signing key with a passphrase of at least 12 characters, typed twice, then shows its fingerprint', async () => {
    let status = noKey;
    const fake = fakeApi('clerk', {
      'audit.status': () => ({ ok: true, value: status }),
      'audit.unlockKey': () => {
        status = unlocked;
        return { ok: true, value: status };
      },
    });
    await render(fake.api);
    await click('section-key');
    expect(need('unlock-key-explanation').textContent).toContain('at least 12 characters');
    await type('unlock-key-passphrase', 'too short');
    await type('unlock-key-confirm', 'too short');
    await submit('unlock-key-form');
    expect(fake.callsTo('audit.unlockKey')).toEqual([]);
    expect(document.body.textContent).toContain('The passphrase must have at least 12 characters.');
    await type('unlock-key-passphrase', 'correct horse battery');
    await type('unlock-key-confirm', 'correct horse battery!');
    await submit('unlock-key-form');
    expect(fake.callsTo('audit.unlockKey')).toEqual([]);
    await type('unlock-key-confirm', 'correct horse battery');
    await submit('unlock-key-form');
    expect(fake.callsTo('audit.unlockKey')).toEqual([{ passphrase: 'correct horse battery' }]);
    await settle();
    expect(need('audit-key-fingerprint').textContent).toBe(fingerprint);
    expect(need('audit-key-key-id').textContent).toBe(key.keyId);
    expect(need('audit-key-verifier-key').textContent).toBe(key.verifierKey);
    expect(need('audit-strip-key-state').textContent).toBe('Signing key unlocked');
    expect(byTestId('unlock-key-form')).toBeNull();
    // Rotation is the administrator's.
    expect(byTestId('rotate-key-button')).toBeNull();
  });

  it('says so when the passphrase of an existing key is wrong', async () => {
    const locked: AuditStatus = { ...unlocked, keyUnlocked: false };
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: locked },
      'audit.unlockKey': { ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong passphrase', params: { reasonCode: 'wrong-passphrase' } } },
    });
    await render(fake.api);
    await click('section-key');
    expect(byTestId('unlock-key-confirm')).toBeNull();
    await type('unlock-key-passphrase', 'guess');
    await submit('unlock-key-form');
    expect(need('unlock-key-error').textContent).toBe('Wrong passphrase for the signing key.');
    expect(byTestId('lock-form')).toBeNull();
  });

  it('filters the trail, pages with afterSeq and opens an entry with its proof', async () => {
    const firstPage = Array.from({ length: 100 }, (_, i) => entry(i, i === 0 ? 'user.created' : 'evidence.received', i !== 0));
    let covered = false;
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: unlocked },
      'audit.entries': (request: { afterSeq?: number; caseId?: string }) =>
        request.afterSeq === undefined
          ? { ok: true, value: { entries: request.caseId ? firstPage.slice(1, 3) : firstPage, size: 101 } }
          : { ok: true, value: { entries: [entry(100, 'audit.exported')], size: 101 } },
      'audit.proof': (request: { seq: number }) =>
        covered
          ? { ok: true, value: { seq: request.seq, entry: firstPage[request.seq]!.entry, leafHash: 'ab'.repeat(32), treeSize: 101, tlogProof: 'c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\ncheckpoint…\n' } }
          : { ok: false, error: { code: 'CONFLICT', message: 'not covered', params: { seq: request.seq } } },
      'audit.checkpoint': () => {
        covered = true;
        return { ok: true, value: { ...checkpoint, id: 4, size: 101 } };
      },
    });
    await render(fake.api);
    await click('section-trail');
    expect(document.querySelectorAll('[data-testid^="trail-row-"]')).toHaveLength(100);
    expect(need('trail-count').textContent).toBe('100 entries shown; 101 in the log.');
    expect(need('trail-row-1').textContent).toContain(sampleCase.number);
    expect(need('trail-row-1').textContent).toContain('Forensic expert');

    await click('trail-load-more');
    expect(fake.callsTo('audit.entries').at(-1)).toEqual({ afterSeq: 99, limit: 100 });
    expect(byTestId('trail-row-100')).not.toBeNull();
    expect(byTestId('trail-load-more')).toBeNull();

    await type('trail-filter-case', caseId);
    // The kinds of action are offered in words; the code prefix is only the option's value.
    const kinds = [...(need('trail-filter-action') as HTMLSelectElement).options].map((o) => o.textContent ?? '');
    expect(kinds).toContain('Evidence and custody');
    expect(kinds.filter((text) => /[a-z]\.|\.$/.test(text))).toEqual([]);
    await type('trail-filter-action', 'evidence.');
    await submit('trail-filters');
    expect(fake.callsTo('audit.entries').at(-1)).toEqual({ caseId, action: 'evidence.', limit: 100 });
    expect(document.querySelectorAll('[data-testid^="trail-row-"]')).toHaveLength(2);

    await click('trail-open-1');
    expect(need('entry-dialog').textContent).toContain('Audit entry 1');
    expect(need('entry-json').textContent).toContain('\n  "seq": 1,');
    expect(need('proof-not-covered').textContent).toContain('Entry 1 is not covered by a signed checkpoint yet');
    await click('proof-sign-checkpoint');
    expect(fake.callsTo('audit.checkpoint')).toEqual([{}]);
    await settle();
    expect(need('proof-leaf-hash').textContent).toBe('ab'.repeat(32));
    expect(need('proof-text').textContent).toContain('c2sp.org/tlog-proof@v1');
  });

  it('exports a case with a progress bar fed by the export events, then downloads the zip', async () => {
    let finish: (value: Result<unknown>) => void = () => undefined;
    const exported = { name: 'dalel-audit-case-20260102T120000Z-40', entries: 10, zipBytes: 48_213, checkpoint: { ...checkpoint, id: 5, size: 41 } };
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: unlocked },
      'audit.export': () => new Promise<Result<unknown>>((resolve) => (finish = resolve)),
      'audit.download': { ok: true, value: { zip: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) } },
    });
    const createObjectURL = vi.fn((blob: Blob) => `blob:test/${blob.size}`);
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });

    await render(fake.api);
    await click('export-open');
    await click('export-scope-case');
    await submit('export-form');
    expect(fake.callsTo('audit.export')).toEqual([]);
    expect(need('export-form').textContent).toContain('Choose a case');
    await type('export-case', caseId);
    await submit('export-form');
    expect(fake.callsTo('audit.export')).toEqual([{ scope: 'case', caseId, language: 'en' }]);
    expect(need('export-progress').textContent).toContain('Recording the export and signing a checkpoint');
    expect(fake.listening('audit.exportProgress')).toBe(1);

    await act(async () => fake.emit('audit.exportProgress', { done: 4, total: 10 }));
    expect(need('export-progress').getAttribute('data-percent')).toBe('40');
    expect(need('export-progress').textContent).toContain('4 of 10 entries written');

    await act(async () => finish({ ok: true, value: exported }));
    await settle();
    expect(fake.listening('audit.exportProgress')).toBe(0);
    expect(need('export-progress').getAttribute('data-percent')).toBe('100');
    expect(need('export-result-name').textContent).toBe(exported.name);
    expect(need('export-result-entries').textContent).toBe('10');
    expect(need('export-result-size').textContent).toContain('48,213 bytes');

    await click('export-download');
    expect(fake.callsTo('audit.download')).toEqual([{ name: exported.name }]);
    expect(clicked).toEqual([`${exported.name}.zip blob:test/4`]);
    expect(byTestId('export-downloaded')).not.toBeNull();
  });

  it('exports a time range typed as the clerk writes dates, the end day alone counting to its last minute', async () => {
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: unlocked },
      'audit.export': { ok: false, error: { code: 'KEY_LOCKED', message: 'The audit signing key is locked' } },
    });
    await render(fake.api);
    await click('export-open');
    await click('export-scope-range');
    await type('export-from', '1.12.2026 9:00');
    await type('export-to', '31.11.2026');
    await submit('export-form');
    // Not a day: said how to write one, and nothing is exported.
    expect(fake.callsTo('audit.export')).toEqual([]);
    await type('export-to', '5.12.2026');
    await submit('export-form');
    const end = new Date('2026-12-05T23:59');
    end.setSeconds(59, 999);
    expect(fake.callsTo('audit.export')).toEqual([{ scope: 'range', from: new Date('2026-12-01T09:00').toISOString(), to: end.toISOString(), language: 'en' }]);
  });

  it('shows a locked signing key as a translated export error without locking the screen', async () => {
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: { ...unlocked, keyUnlocked: false } },
      'audit.export': { ok: false, error: { code: 'KEY_LOCKED', message: 'The audit signing key is locked' } },
    });
    await render(fake.api);
    await click('export-open');
    await submit('export-form');
    expect(fake.callsTo('audit.export')).toEqual([{ scope: 'all', language: 'en' }]);
    expect(need('export-error').textContent).toContain('The audit signing key is locked. Unlock it with its passphrase');
    expect(byTestId('lock-form')).toBeNull();
  });

  it('verifies a dropped bundle against the given keys and keeps the report, problems and passed checks in view', async () => {
    const invalid: VerifyReportView = {
      valid: false,
      problems: [{ code: 'changed-entry', message: 'entry seq 3 on line 2 does not match its inclusion proof', file: 'entries.jsonl', line: 2, seq: 3 }],
      passed: ['checkpoint signed by dalel.kz/audit/ws (key id 0a1b2c3d)'],
      origin: 'dalel.kz/audit/ws',
      treeSize: 41,
      entries: 10,
      keyFingerprint: fingerprint,
      keyTrusted: true,
    };
    const fake = fakeApi('clerk', { 'audit.status': { ok: true, value: unlocked }, 'audit.verify': { ok: true, value: invalid } });
    await render(fake.api);
    await click('section-verify');
    await type('verify-trusted-keys', `  ${key.verifierKey}  \n\n`);
    await type('verify-trusted-checkpoint', checkpoint.note.replace(/\n/g, '\r\n').trimEnd());
    const input = need('verify-file-input') as HTMLInputElement;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
      await settle();
      await settle();
    };
    // A file the browser cannot read is named, and nothing is sent.
    const unreadable = new File([], 'gone.zip');
    Object.defineProperty(unreadable, 'arrayBuffer', { value: () => Promise.reject(new DOMException('NotReadableError')) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await choose(unreadable);
    expect(need('verify-unreadable').textContent).toContain('gone.zip');
    expect(fake.callsTo('audit.verify')).toEqual([]);

    const bytes = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
    const file = new File([bytes], 'bundle.zip', { type: 'application/zip' });
    // jsdom's File has no arrayBuffer(); browsers do.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
    await choose(file);
    expect(byTestId('verify-unreadable')).toBeNull();
    const [request] = fake.callsTo('audit.verify') as { fileName: string; zip: Uint8Array; trustedKeys: string[]; trustedCheckpoint: string }[];
    expect(request?.fileName).toBe('bundle.zip');
    expect([...(request?.zip ?? [])]).toEqual([0x50, 0x4b, 0x05, 0x06]);
    expect(request?.trustedKeys).toEqual([key.verifierKey]);
    expect(request?.trustedCheckpoint).toBe(checkpoint.note);
    expect(need('verify-verdict').textContent).toBe('INVALID');
    const problem = need('verify-problem');
    expect(problem.textContent).toContain('An entry was changed');
    expect(problem.textContent).toContain('entries.jsonl');
    expect(problem.textContent).toContain('does not match its inclusion proof');
    expect(need('verify-passed').textContent).toContain('checkpoint signed by');
    expect(need('verify-key-match').textContent).toBe("Matches this workstation's current key");

    // Switching sections keeps the report.
    await click('section-trail');
    await click('section-verify');
    expect(need('verify-verdict').textContent).toBe('INVALID');
  });

  // Sixteen orders of outcomes, each rendered and verified in jsdom: 29 s in the last CI run, too close to the 30 s default.
  it('stale VALID: a new verification clears the old result first, for every order of outcomes', async () => {
    const report = (valid: boolean): VerifyReportView => ({
      valid,
      problems: valid ? [] : [{ code: 'changed-entry', message: 'entry seq 3 does not match its inclusion proof', file: 'entries.jsonl', line: 2, seq: 3 }],
      passed: ['checkpoint signed by Almaty-lab (key id 0a1b2c3d)'],
      origin: 'Almaty-lab',
      treeSize: 41,
      entries: 10,
      keyFingerprint: fingerprint,
      keyTrusted: false,
    });
    type Kind = 'valid' | 'invalid' | 'damaged' | 'unreadable';
    const kinds: Kind[] = ['valid', 'invalid', 'damaged', 'unreadable'];
    // The services answer by file name: a damaged zip is refused as bad input, the others get a report.
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: unlocked },
      'audit.verify': ((payload: { fileName: string }) =>
        payload.fileName.startsWith('damaged')
          ? { ok: false, error: { code: 'BAD_INPUT', message: 'damaged.zip is not a zip archive', params: { file: payload.fileName, reasonCode: 'not-zip' } } }
          : { ok: true, value: report(payload.fileName.startsWith('valid')) }) as never,
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await render(fake.api);
    await click('section-verify');
    const input = need('verify-file-input') as HTMLInputElement;
    const choose = async (kind: Kind) => {
      const bytes = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
      const file = new File([bytes], `${kind}.zip`, { type: 'application/zip' });
      Object.defineProperty(file, 'arrayBuffer', {
        value: kind === 'unreadable' ? () => Promise.reject(new DOMException('NotReadableError')) : async () => bytes.slice().buffer,
      });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
      await settle();
      await settle();
    };
    const shown = (): Kind | 'several' | 'none' => {
      const seen: Kind[] = [];
      const verdict = byTestId('verify-verdict');
      if (verdict) seen.push(verdict.dataset.valid === 'true' ? 'valid' : 'invalid');
      if (byTestId('verify-error')) seen.push('damaged');
      if (byTestId('verify-unreadable')) seen.push('unreadable');
      return seen.length === 0 ? 'none' : seen.length === 1 ? seen[0]! : 'several';
    };
    for (const first of kinds) {
      for (const second of kinds) {
        await choose(first);
        expect(shown(), `${first} alone`).toBe(first);
        await choose(second);
        expect(shown(), `${first} then ${second}`).toBe(second);
      }
    }
    // "Verify again" also clears the shown result before the new answer arrives.
    await choose('valid');
    let release: (value: Result<unknown>) => void = () => undefined;
    const slow = new Promise<Result<unknown>>((resolve) => (release = resolve));
    const original = fake.api.invoke;
    fake.api.invoke = ((channel: RequestChannel, payload: unknown) => (channel === 'audit.verify' ? slow : original(channel as never, payload as never))) as DalelApi['invoke'];
    await click('verify-again');
    expect(shown()).toBe('none');
    expect(byTestId('verify-running')).not.toBeNull();
    await act(async () => release({ ok: true, value: report(false) }));
    await settle();
    expect(shown()).toBe('invalid');
  }, 120_000);

  it('lists checkpoints with their witnesses, signs one on demand and imports a cosignature', async () => {
    const fake = fakeApi('clerk', {
      'audit.status': { ok: true, value: unlocked },
      'audit.checkpoints': { ok: true, value: [checkpoint] },
      'audit.checkpoint': { ok: true, value: { ...checkpoint, id: 4, size: 13, cosignatures: [] } },
      'audit.importCosignature': { ok: true, value: { checkpointId: 3, witness: 'witness.example.org', timestamp: 1767355200 } },
    });
    await render(fake.api);
    await click('section-checkpoints');
    const row = need('checkpoint-row-3');
    expect(row.textContent).toContain('On demand');
    expect(row.textContent).toContain(checkpoint.rootBase64);
    expect(need('checkpoint-witness-3').textContent).toBe('witness.example.org');
    await click('checkpoint-show-3');
    expect(need('checkpoint-note').textContent).toBe(checkpoint.note);
    await click('checkpoint-note-close');

    await click('checkpoint-sign');
    expect(need('checkpoint-notice').textContent).toBe('Checkpoint 4 covers all 13 entries.');

    await click('cosignature-open');
    await type('cosignature-note', `${checkpoint.note}— witness.example.org AAAA\n\n`);
    await type('cosignature-key', ' witness.example.org+01020304+BAUG ');
    await submit('cosignature-form');
    expect(fake.callsTo('audit.importCosignature')).toEqual([
      { note: `${checkpoint.note}— witness.example.org AAAA\n`, witnessKey: 'witness.example.org+01020304+BAUG' },
    ]);
    expect(need('checkpoint-notice').textContent).toContain('witness.example.org');
  });
});

describe('audit screens for other roles', () => {
  it('gives the administrator an Audit workspace with key rotation, confirmed twice', async () => {
    const fake = fakeApi('administrator', {
      'users.list': { ok: true, value: [] },
      'audit.status': { ok: true, value: unlocked },
      'audit.rotateKey': { ok: true, value: unlocked },
    });
    await render(fake.api);
    await click('nav-audit');
    expect(byTestId('audit-workspace')).not.toBeNull();
    expect(byTestId('section-cases')).toBeNull();
    expect(fake.callsTo('cases.list')).toEqual([]);
    expect(need('audit-key-fingerprint').textContent).toBe(fingerprint);
    await click('rotate-key-button');
    expect(document.body.textContent).toContain('Checkpoints and bundles signed with the old key stay valid');
    await type('rotate-key-passphrase', 'a new long passphrase');
    await type('rotate-key-confirm', 'a different passphrase');
    await submit('rotate-key-form');
    expect(fake.callsTo('audit.rotateKey')).toEqual([]);
    await type('rotate-key-confirm', 'a new long passphrase');
    await submit('rotate-key-form');
    expect(fake.callsTo('audit.rotateKey')).toEqual([{ newPassphrase: 'a new long passphrase' }]);
    expect(byTestId('rotate-key-done')).not.toBeNull();
    // The administrator cannot list cases, so the trail's case filter takes a case id.
    await click('section-trail');
    expect((need('trail-filter-case') as HTMLInputElement).tagName).toBe('INPUT');
  });

  it('shows every role the signing-key fingerprint from the top bar', async () => {
    const fake = fakeApi('expert', { 'audit.status': { ok: true, value: unlocked } });
    await render(fake.api);
    expect(byTestId('section-trail')).toBeNull();
    await click('audit-info-button');
    expect(need('audit-info-fingerprint').textContent).toBe(fingerprint);
    expect(need('audit-info-size').textContent).toBe('12');
    expect(need('audit-info-latest-checkpoint').textContent).toContain('No. 3');
    expect(fake.callsTo('audit.entries')).toEqual([]);
  });
});
