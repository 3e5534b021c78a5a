import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database.ts';
import { CaseService } from './cases.ts';
import { systemClock, type Clock } from './clock.ts';
import { CustodyLog } from './custody.ts';
import { Dispatcher } from './dispatcher.ts';
import { EvidenceService } from './evidence.ts';
import { createHandlers } from './handlers.ts';
import { EvidenceStore } from './intake/evidence-store.ts';
import { defaultIntakeLimits, type IntakeLimits } from './intake/sniff.ts';
import type { ScryptParams } from './passwords.ts';
import { defaultSessionPolicy, SessionManager, type SessionPolicy } from './sessions.ts';
import { defaultLockoutPolicy, UserService, type LockoutPolicy } from './users.ts';

/** Settings for opening a workstation; everything but the data folder has a production default. */
export interface WorkstationOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly sessionPolicy?: SessionPolicy;
  readonly lockoutPolicy?: LockoutPolicy;
  readonly intakeLimits?: IntakeLimits;
  readonly scryptParams?: ScryptParams;
  readonly onSessionChanged?: (clientKey: string) => void;
}

/** One workstation's services over one data folder (database + evidence store), wired to one dispatcher. */
export interface Workstation {
  readonly dataDir: string;
  readonly id: string;
  readonly db: Db;
  readonly users: UserService;
  readonly sessions: SessionManager;
  readonly cases: CaseService;
  readonly evidence: EvidenceService;
  readonly custody: CustodyLog;
  readonly dispatcher: Dispatcher;
  close(): void;
}

function workstationId(db: Db): string {
  const ensure = db.transaction(() => {
    const row = db.prepare("SELECT value FROM workstation WHERE key = 'id'").get() as { value: string } | undefined;
    if (row) return row.value;
    const id = randomUUID();
    db.prepare("INSERT INTO workstation (key, value) VALUES ('id', ?)").run(id);
    return id;
  });
  return ensure.immediate();
}

/** Opens the data folder (creating it on first launch), runs migrations and wires the services. */
export function openWorkstation(options: WorkstationOptions): Workstation {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(options.dataDir, 'dalel.sqlite'));
  const id = workstationId(db);
  const store = new EvidenceStore(join(options.dataDir, 'evidence'));
  const users = new UserService(db, clock, options.lockoutPolicy ?? defaultLockoutPolicy, options.scryptParams);
  const sessions = new SessionManager(clock, options.sessionPolicy ?? defaultSessionPolicy);
  const cases = new CaseService(db, clock);
  const custody = new CustodyLog(db, clock);
  const evidence = new EvidenceService(db, store, cases, custody, clock, options.intakeLimits ?? defaultIntakeLimits);
  const handlers = createHandlers({ workstationId: id, users, sessions, cases, evidence, custody, onSessionChanged: options.onSessionChanged });
  const dispatcher = new Dispatcher(handlers, sessions);
  return { dataDir: options.dataDir, id, db, users, sessions, cases, evidence, custody, dispatcher, close: () => db.close() };
}
