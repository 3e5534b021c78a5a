import Database from 'better-sqlite3';
import { migrations as allMigrations, reservedVersions, type Migration } from './migrations.ts';

/** An open workstation database. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) a workstation database with the durability settings the audit trail relies on:
 * WAL with synchronous=FULL, so that a commit that returned survives power loss; then applies pending migrations.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Several processes (app, CLI) may share one data folder: wait for a writer rather than fail at once.
  db.pragma('busy_timeout = 10000');
  migrate(db, migrations, migrations === allMigrations ? reservedVersions : new Set());
  return db;
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own transaction. A gap in the
 * sequence is refused unless every missing number is reserved (held for a change made on another branch).
 */
export function migrate(db: Db, migrations: readonly Migration[], reserved: ReadonlySet<number> = new Set()): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const present = new Set(ordered.map((m) => m.version));
  const follows = (version: number, current: number): boolean => {
    for (let v = current + 1; v < version; v += 1) if (present.has(v) || !reserved.has(v)) return false;
    return version > current;
  };
  let applied = 0;
  for (const migration of ordered) {
    // IMMEDIATE takes the write lock first, so two processes starting at once cannot both apply a step.
    const step = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (migration.version <= current) return false;
      if (!follows(migration.version, current)) {
        throw new Error(`migration ${migration.version} (${migration.name}) cannot follow schema version ${current}`);
      }
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (step.immediate()) applied += 1;
  }
  return applied;
}

/** The schema version a database is at. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
