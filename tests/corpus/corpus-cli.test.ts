import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { syntheticCorpusCsv } from '../../scripts/synthetic/corpus-file.ts';
import { addAdministrator, runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const adminPassword = 'admin password 1';

describe('dalel corpus and dalel models', () => {
  const temp = useTempDir();
  const dalel = (args: string[]) => runDalel(temp.dir, args, `${adminPassword}\n`);

  it('imports a file with a report, shows the corpus, and retrains behind the gate against the installed model', async () => {
    await addAdministrator((args, stdin) => runDalel(temp.dir, args, stdin), adminPassword);
    const file = join(temp.dir, 'cases.csv');
    writeFileSync(file, syntheticCorpusCsv(StatutoryBoundsService.open(null), 1500, 31).csv);
    const imported = await dalel(['--json', '--user', 'admin', 'corpus', 'import', file, '--case-type', 'kz-criminal']);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ rows: 1500, accepted: 1485, quarantined: 15, duplicates: 0 });
    const human = await dalel(['--user', 'admin', 'corpus', 'import', file, '--case-type', 'kz-criminal']);
    expect(human.out).toMatch(/1500 rows — 0 accepted, 15 quarantined, 1485 duplicates/);
    expect(human.out).toMatch(/line \d+, offenceCategory: /);
    const status = await dalel(['--json', '--user', 'admin', 'corpus', 'status']);
    expect(JSON.parse(status.out)).toMatchObject({ status: [{ caseType: 'kz-criminal', records: 1485, imports: 2 }] });

    const before = JSON.parse((await dalel(['--json', '--user', 'admin', 'models', 'list', '--case-type', 'kz-criminal'])).out) as { sha256: string; outcome: string; status: string; origin: string }[];
    const demo = before.find((m) => m.outcome === 'term-months')!;
    expect(demo).toMatchObject({ status: 'active', origin: 'installed' });
    const retrained = await dalel(['--json', '--user', 'admin', 'models', 'retrain', '--case-type', 'kz-criminal', '--outcome', 'term-months']);
    expect(retrained.code, retrained.err).toBe(0);
    const [candidate] = JSON.parse(retrained.out) as { sha256: string; status: string; gate: { comparedWith: string; passed: boolean; reasons: string[] } }[];
    expect(candidate).toMatchObject({ status: 'candidate', gate: { comparedWith: demo.sha256 } });
    const rollback = await dalel(['--user', 'admin', 'models', 'rollback', '--case-type', 'kz-criminal', '--outcome', 'term-months', '--reason', 'test']);
    expect(rollback.err).toMatch(/No earlier kz-criminal term-months model/);
    const scheduled = await dalel(['--user', 'admin', 'models', 'schedule', '--case-type', 'kz-criminal', '--every-days', '7']);
    expect(scheduled.out).toMatch(/kz-criminal: every 7 days/);
    expect(JSON.parse((await dalel(['--json', '--user', 'admin', 'models', 'schedule'])).out)).toEqual({ 'kz-criminal': 7 });
    const audit = JSON.parse((await dalel(['--json', '--user', 'admin', 'audit', 'trail', '--action', 'corpus.'])).out) as { entries: unknown[] };
    expect(audit.entries).toHaveLength(2);
  }, 120_000);
});
