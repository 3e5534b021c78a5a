import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAdministrator, runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const adminPassword = 'admin password 1';
const older = ' Статья 188. Кража\n 1. Кража, то есть тайное хищение чужого имущества, –\n наказывается штрафом.\n Статья 190. Мошенничество\n 1. Мошенничество – наказывается штрафом.\n';
const newer = older.replace('Мошенничество – наказывается штрафом.', 'Мошенничество – наказывается лишением свободы.');

describe('dalel laws', () => {
  const temp = useTempDir();
  const dalel = (args: string[], stdin = '') => runDalel(temp.dir, args, stdin);

  it('imports versions (administrators), searches by stem and citation, and diffs', async () => {
    await addAdministrator(dalel, adminPassword);
    const first = join(temp.dir, 'uk-2025.txt');
    const second = join(temp.dir, 'uk-2026.txt');
    writeFileSync(first, older);
    writeFileSync(second, newer);
    const imported = await dalel(['--json', '--user', 'admin', 'laws', 'import', first, '--code', 'criminal', '--version', '2025-01-01'], `${adminPassword}\n`);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ alreadyImported: false, parts: 2, version: { code: 'criminal', version: '2025-01-01', articles: 2 } });
    const again = await dalel(['--user', 'admin', 'laws', 'import', first, '--code', 'criminal', '--version', '2025-01-01'], `${adminPassword}\n`);
    expect(again.out).toMatch(/already stored from this text; nothing changed/);

    const searched = await dalel(['--json', 'laws', 'search', 'кражу']);
    expect(searched.code, searched.err).toBe(0);
    expect(JSON.parse(searched.out)).toMatchObject([{ code: 'criminal', article: '188', part: '1', heading: 'Кража' }]);
    const article = await dalel(['laws', 'article', '190', '--code', 'criminal']);
    expect(article.out).toMatch(/Статья 190\. Мошенничество/);

    expect((await dalel(['--user', 'admin', 'laws', 'import', second, '--code', 'criminal', '--version', '2026-01-01'], `${adminPassword}\n`)).code).toBe(0);
    const diff = await dalel(['--json', '--user', 'admin', 'laws', 'diff', '--code', 'criminal'], `${adminPassword}\n`);
    expect(diff.code, diff.err).toBe(0);
    expect(JSON.parse(diff.out)).toMatchObject({ from: '2025-01-01', to: '2026-01-01', changed: [{ article: '190', parts: ['1'] }], added: [], removed: [] });
    const audit = await dalel(['--json', '--user', 'admin', 'audit', 'trail', '--action', 'laws.'], `${adminPassword}\n`);
    expect((JSON.parse(audit.out) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(['laws.imported', 'laws.imported']);
  });

  it('refuses an import by anyone but an administrator and a file without articles', async () => {
    await addAdministrator(dalel, adminPassword);
    expect((await dalel(['--user', 'admin', 'users', 'add', '--username', 'judge', '--display-name', 'Judge', '--role', 'judge'], `${adminPassword}\njudge password 1\n`)).code).toBe(0);
    const file = join(temp.dir, 'uk.txt');
    writeFileSync(file, older);
    const byJudge = await dalel(['--user', 'judge', 'laws', 'import', file, '--code', 'criminal', '--version', '2025-01-01'], 'judge password 1\n');
    expect(byJudge.err).toMatch(/may not use laws.import/);
    const empty = join(temp.dir, 'empty.txt');
    writeFileSync(empty, 'nothing');
    const bad = await dalel(['--user', 'admin', 'laws', 'import', empty, '--code', 'criminal', '--version', '2025-01-01'], `${adminPassword}\n`);
    expect(bad.err).toMatch(/empty.txt: no articles found/);
  });
});
