import { openDatabase, type Db } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { CorpusStore } from '../../main/services/corpus/ingest.ts';
import { ManualClock } from './workstation.ts';

/** What the corpus services are built on: a database, its clock, its audit log and the corpus store. */
export interface CorpusStores {
  readonly db: Db;
  readonly clock: ManualClock;
  readonly audit: AuditLog;
  readonly corpus: CorpusStore;
}

/** An in-memory database on a manual clock, with its audit log (workstation "ws-test") and a corpus store; close `db` after. */
export function corpusStores(): CorpusStores {
  const db = openDatabase(':memory:');
  const clock = new ManualClock();
  const audit = new AuditLog(db, clock, 'ws-test');
  return { db, clock, audit, corpus: new CorpusStore(db, clock, audit) };
}
