import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../main/services/intake/evidence-store.ts';
import { openWorkstation } from '../../main/services/workstation.ts';
import { cmcDraft } from '../services/findings/fixtures.ts';
import { runDalel, seedCaseWithScans } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const adminPassword = 'admin password 1';
const expertPassword = 'expert password 1';
const keyPassphrase = 'a long key passphrase';

describe('dalel report', () => {
  const temp = useTempDir();

  const dalel = (args: string[], stdin = `${expertPassword}\n`) => runDalel(join(temp.dir, 'data'), args, stdin);

  it('writes the PDF with the case number and evidence hashes, and records the export in audit and custody', async () => {
    const files = await seedCaseWithScans(dalel, temp.dir, { adminPassword, expertPassword, other: { username: 'clerk', displayName: 'Clerk', role: 'clerk' } });
    const ws = openWorkstation({ dataDir: join(temp.dir, 'data') });
    try {
      const theCase = ws.cases.resolve('7-2026');
      const evidenceIds = ws.evidence.list(theCase.id).map((e) => e.id);
      const expert = ws.users.list().find((u) => u.username === 'expert')!;
      ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], { userId: expert.id, username: 'expert', role: 'expert' });
    } finally {
      ws.close();
    }

    const out = join(temp.dir, 'report.pdf');
    const missingUser = await dalel(['report', '--case', '7-2026', '--out', out]);
    expect(missingUser.code).toBe(1);
    expect(existsSync(out)).toBe(false);

    const locked = await dalel(['--user', 'expert', 'report', '--case', '7-2026', '--out', out]);
    expect(locked.code).toBe(1);
    // Export dead end (issue 10): no key exists yet; the expert is told who must create it and where.
    expect(locked.err).toMatch(/no audit signing key yet, so no report can be signed: a clerk or administrator must create it \(in the app under Audit → Signing key\)/);
    expect(existsSync(out)).toBe(false);

    const result = await dalel(['--json', '--user', 'clerk', 'report', '--case', '7-2026', '--out', out, '--language', 'kk'], `${expertPassword}\n${keyPassphrase}\n`);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as { sha256: string; auditSeq: number };
    const pdf = new Uint8Array(readFileSync(out));
    expect(sha256Hex(pdf)).toBe(printed.sha256);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('7-2026');
    expect(text).toContain('Зертхана қорытындысы');
    for (const file of files) expect(text).toContain(sha256Hex(new Uint8Array(readFileSync(file))));

    // The audit bundle's trail.pdf follows --language as the report does: the case by number, actions in words.
    const bundle = await dalel(['--json', '--user', 'clerk', 'audit', 'export', '--scope', 'case', '--case', '7-2026', '--language', 'kk'], `${expertPassword}\n${keyPassphrase}\n`);
    expect(bundle.err).toBe('');
    expect(bundle.code).toBe(0);
    const trail = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join((JSON.parse(bundle.out) as { folder: string }).folder, 'trail.pdf'), '-'], { encoding: 'utf8' });
    expect(trail).toContain('Аудит журналы');
    expect(trail).toContain('№ 7-2026 іс');
    expect(trail).not.toContain('report.exported');

    // Now the key exists but is locked in a new process: the expert is told who must unlock it.
    const stillLocked = await dalel(['--user', 'expert', 'report', '--case', '7-2026', '--out', join(temp.dir, 'locked.pdf')]);
    expect(stillLocked.code).toBe(1);
    expect(stillLocked.err).toMatch(/signing key is locked: a clerk or administrator must unlock it \(in the app under Audit → Signing key/);

    // An expert's export works when the service account's passphrase file opens the key.
    const passphraseFile = join(temp.dir, 'key-passphrase');
    writeFileSync(passphraseFile, `${keyPassphrase}\n`, { mode: 0o600 });
    process.env.DALEL_KEY_PASSPHRASE_FILE = passphraseFile;
    try {
      const byExpert = await dalel(['--user', 'expert', 'report', '--case', '7-2026', '--out', join(temp.dir, 'expert.pdf')]);
      expect(byExpert.err).toBe('');
      expect(byExpert.out).toMatch(/Wrote the lab report of case 7-2026 to .*expert\.pdf/);
    } finally {
      delete process.env.DALEL_KEY_PASSPHRASE_FILE;
    }

    const after = openWorkstation({ dataDir: join(temp.dir, 'data') });
    try {
      const theCase = after.cases.resolve('7-2026');
      const entries = after.audit.list({ action: 'report.exported' });
      expect(entries.map((e) => e.actor)).toEqual(['clerk', 'expert']);
      expect(entries[0]!.seq).toBe(printed.auditSeq);
      for (const item of after.evidence.list(theCase.id)) {
        const reported = after.custody.list(item.id).filter((e) => e.action === 'reported');
        expect(reported.map((e) => e.actor)).toEqual(['clerk', 'expert']);
      }
    } finally {
      after.close();
    }
  });
});
