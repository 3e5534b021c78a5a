import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openWorkstation } from '../../main/services/workstation.ts';
import { call, fastScrypt, makePng, password, tempDir } from '../helpers/workstation.ts';

const run = promisify(execFile);

describe('concurrent imports', () => {
  it('store one blob and one item when several processes import the same file at once', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const ws = openWorkstation({ dataDir: dir, scryptParams: fastScrypt });
      await call(ws, 'a', 'auth.setupAdmin', { username: 'admin', displayName: 'Admin', password });
      await call(ws, 'a', 'users.add', { username: 'expert', displayName: 'Expert', role: 'expert', password });
      await call(ws, 'e', 'auth.login', { username: 'expert', password });
      const theCase = await call(ws, 'e', 'cases.create', { number: 'C-1', venue: 'Lab', caseType: 'criminal', parties: '' });
      ws.close();
      const file = join(dir, 'input.png');
      writeFileSync(file, makePng(300, 200, 5));
      const startAt = String(Date.now() + 4000);
      const children = Array.from({ length: 6 }, () =>
        run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../helpers/import-child.ts'), dir, theCase.id, file, startAt]),
      );
      const results = (await Promise.all(children)).map((c) => JSON.parse(c.stdout) as { ok: boolean; value?: { duplicate: boolean; evidence: { id: string } } });
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.value?.duplicate === false)).toHaveLength(1);
      expect(new Set(results.map((r) => r.value?.evidence.id)).size).toBe(1);

      const check = openWorkstation({ dataDir: dir, scryptParams: fastScrypt });
      expect(check.db.prepare('SELECT COUNT(*) AS n FROM evidence').get()).toEqual({ n: 1 });
      expect(check.db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 1 });
      const actions = (check.db.prepare('SELECT action FROM custody_events ORDER BY at, rowid').all() as Array<{ action: string }>).map((r) => r.action);
      expect(actions).toEqual(['received', ...Array(5).fill('received-again')]);
      check.close();
      const blobs = readdirSync(join(dir, 'evidence', 'sha256'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(blobs).toHaveLength(1);
      expect(readdirSync(join(dir, 'evidence', 'tmp'))).toEqual([]);
    } finally {
      cleanup();
    }
  }, 60_000);
});
