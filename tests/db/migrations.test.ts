import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../main/db/database.ts';
import { migrations } from '../../main/db/migrations.ts';
import { tempDir } from '../helpers/workstation.ts';

describe('migrations', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
  function freshFile(): string {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    return join(dir, 'test.sqlite');
  }

  it('builds the whole schema from an empty file, with WAL and synchronous=FULL', () => {
    const db = openDatabase(freshFile());
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'cases', 'blobs', 'evidence', 'custody_events', 'workstation']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies nothing the second time', () => {
    const file = freshFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(migrate(db, migrations)).toBe(0);
    db.close();
  });

  it('refuses a gap in the version sequence', () => {
    const db = openDatabase(freshFile(), []);
    expect(() => migrate(db, [{ version: 2, name: 'skips one', sql: 'SELECT 1' }])).toThrow(/cannot follow schema version 0/);
    db.close();
  });

  it('rolls a failing migration back completely', () => {
    const db = openDatabase(freshFile(), []);
    const broken = [{ version: 1, name: 'half', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps custody events append-only at the database level', () => {
    const db = openDatabase(freshFile());
    expect(() => db.exec("UPDATE custody_events SET note = 'x'")).not.toThrow(); // no rows: nothing to refuse yet
    db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES ('u', 'u', 'U', 'expert', 'h', 't');
             INSERT INTO cases (id, number, venue, case_type, parties, created_at, created_by) VALUES ('c', '1', 'v', 'criminal', '', 't', 'u');
             INSERT INTO blobs (sha256, size_bytes, kind, media_type, stored_at) VALUES ('s', 1, 'png', 'image/png', 't');
             INSERT INTO evidence (id, case_id, sha256, original_name, added_by, added_at) VALUES ('e', 'c', 's', 'n', 'u', 't');
             INSERT INTO custody_events (id, evidence_id, action, actor_id, actor_role, at) VALUES ('x', 'e', 'received', 'u', 'expert', 't');`);
    expect(() => db.exec("UPDATE custody_events SET note = 'rewritten'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM custody_events')).toThrow(/append-only/);
    db.close();
  });

  it('keeps custody events recorded before schema 11 as they were: their note, and no details', () => {
    const file = freshFile();
    const old = openDatabase(file, migrations.filter((m) => m.version <= 10));
    old.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES ('u', 'u', 'U', 'expert', 'h', 't');
              INSERT INTO cases (id, number, venue, case_type, parties, created_at, created_by) VALUES ('c', '1', 'v', 'criminal', '', 't', 'u');
              INSERT INTO blobs (sha256, size_bytes, kind, media_type, stored_at) VALUES ('s', 1, 'png', 'image/png', 't');
              INSERT INTO evidence (id, case_id, sha256, original_name, added_by, added_at) VALUES ('e', 'c', 's', 'n', 'u', 't');
              INSERT INTO custody_events (id, evidence_id, action, actor_id, actor_role, at, note) VALUES ('x', 'e', 'received', 'u', 'expert', 't', 'n, 1 bytes');`);
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(11);
    expect(db.prepare('SELECT note, details FROM custody_events').all()).toEqual([{ note: 'n, 1 bytes', details: null }]);
    expect(() => db.exec("UPDATE custody_events SET details = '{}'")).toThrow(/append-only/);
    db.close();
  });

  it('keeps the text of every shipped migration byte for byte (triggers generated from table names included)', () => {
    // SHA-256 of each migration's SQL as it shipped, before the append-only triggers were generated: a workstation
    // that applied them must find the same schema, so no shipped text may change.
    const shipped: Record<number, string> = {
      1: 'c63c176afbc7db7e6416c88aa2ae70c7db3faa004cdcfa789e74897a6dc9df1f',
      2: '8da1ceb23532193c98d39699b30a0e11808c5ff13ecd0eb61dd052e1f7731350',
      3: '2278696d2f210f9037b96a3b26904295bedec0dd5860595aba4557ddcbfa4677',
      4: 'd89367d8a9a38d8f6af93ede03bf55df3bb3c01a4b60477e3127400b648e2e18',
      5: 'fa6667ab26886c38477eead5e99c40e17016c8ad69913783f46b6aa5eb166404',
      6: 'd4de7faeb26b228c6b8ef66945ea9faba0cf54c660d724b9c91435b2cf0f9ac4',
    };
    for (const [version, hash] of Object.entries(shipped)) {
      const migration = migrations.find((m) => m.version === Number(version))!;
      expect(createHash('sha256').update(migration.sql).digest('hex'), `migration ${version}`).toBe(hash);
    }
    expect(migrations.slice(0, 3).map((m) => m.sql.match(/CREATE TRIGGER \w+_no_(update|delete) BEFORE/g)?.length)).toEqual([2, 6, 12]);
    expect(migrations[0]!.sql).toContain(
      "      CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events\n        BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;\n",
    );
  });
});
