import { describe, expect, it } from 'vitest';
import { makePng } from '../helpers/workstation.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAdministrator, runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const adminPassword = 'admin password 1';
const expertPassword = 'expert password 1';

describe('dalel CLI', () => {
  const temp = useTempDir();

  const dalel = (args: string[], stdin = '') => runDalel(temp.dir, args, stdin);

  async function seed(): Promise<void> {
    await addAdministrator(dalel, adminPassword);
    const added = await dalel(['--user', 'admin', 'users', 'add', '--username', 'expert', '--display-name', 'Expert', '--role', 'expert'], `${adminPassword}\n${expertPassword}\n`);
    expect(added.code).toBe(0);
  }

  it('creates the first administrator, then only an administrator can add users', async () => {
    const first = await dalel(['users', 'add', '--username', 'boss', '--display-name', 'Boss', '--role', 'expert'], `${adminPassword}\n`);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/first account must be an administrator/);
    await seed();
    const byExpert = await dalel(['--user', 'expert', 'users', 'add', '--username', 'x2', '--display-name', 'X'], `${expertPassword}\nsome password 1\n`);
    expect(byExpert.code).toBe(1);
    expect(byExpert.err).toMatch(/may not use users.add/);
    const listed = await dalel(['--json', '--user', 'admin', 'users', 'list'], `${adminPassword}\n`);
    expect((JSON.parse(listed.out) as Array<{ username: string }>).map((u) => u.username)).toEqual(['admin', 'expert']);
  });

  it('creates and lists cases and adds evidence with JSON output', async () => {
    await seed();
    const created = await dalel(['--json', '--user', 'expert', 'case', 'create', '--number', '2-2026', '--venue', 'Astana lab', '--type', 'criminal'], `${expertPassword}\n`);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ number: '2-2026', caseType: 'criminal' });
    const file = join(temp.dir, 'scan.png');
    writeFileSync(file, makePng(10, 10));
    const bad = join(temp.dir, 'fake.png');
    writeFileSync(bad, 'MZ this is not an image');
    const added = await dalel(['--json', '--user', 'expert', 'evidence', 'add', '--case', '2-2026', file, bad], `${expertPassword}\n`);
    expect(added.code).toBe(1);
    const outcomes = JSON.parse(added.out) as Array<{ ok: boolean; file: string; evidence?: { kind: string }; error?: { params: { reasonCode: string } } }>;
    expect(outcomes[0]).toMatchObject({ ok: true, evidence: { kind: 'png' } });
    // A name promising a PNG over a program's bytes: refused as a mismatch that says what the content is (issue 10).
    expect(outcomes[1]).toMatchObject({ ok: false, file: bad, error: { params: { reasonCode: 'name-mismatch', expected: 'png', detected: 'exe' } } });
    const listed = await dalel(['--json', '--user', 'expert', 'case', 'list'], `${expertPassword}\n`);
    expect(JSON.parse(listed.out)).toMatchObject([{ number: '2-2026', evidenceCount: 1 }]);
  });

  it('refuses a wrong password and a missing --user', async () => {
    await seed();
    expect((await dalel(['--user', 'expert', 'case', 'list'], 'wrong\n')).err).toMatch(/Wrong user name or password/);
    expect((await dalel(['case', 'list'])).err).toMatch(/pass --user NAME/);
  });

  it('prints help for every command and exits 2 on usage errors', async () => {
    for (const path of [[], ['users'], ['users', 'add'], ['case'], ['case', 'create'], ['case', 'list'], ['evidence'], ['evidence', 'add'], ['serve']]) {
      const result = await dalel([...path, '--help']);
      expect(result.code, path.join(' ')).toBe(0);
      expect(result.out, path.join(' ')).toMatch(/Usage: dalel/);
    }
    expect((await dalel(['case', 'create', '--number', '1'])).code).toBe(2);
  });
});
