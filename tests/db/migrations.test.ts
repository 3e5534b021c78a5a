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

  it('steps over version numbers reserved for other branches, and only those', () => {
    const db = openDatabase(freshFile(), []);
    expect(() => migrate(db, [{ version: 3, name: 'after reserved', sql: 'SELECT 1' }], new Set([2]))).toThrow(/cannot follow schema version 0/);
    expect(migrate(db, [{ version: 1, name: 'one', sql: 'SELECT 1' }, { version: 3, name: 'after reserved', sql: 'SELECT 1' }], new Set([2]))).toBe(2);
    expect(schemaVersion(db)).toBe(3);
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
});
