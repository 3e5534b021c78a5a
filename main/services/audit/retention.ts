import type { Db } from '../../db/database.ts';

/** Entries appended in one calendar month (UTC). */
export interface MonthGrowth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly entries: number;
}

/** What an administrator needs to plan retention: how big the log is, how fast it grows, how far back it is witnessed. */
export interface RetentionFacts {
  readonly entries: number;
  /** The database file's size (the log is most of it), from SQLite's page count. */
  readonly databaseBytes: number;
  /** The log's entries in bytes, estimated from the newest 1 000 entries' mean length (an exact sum reads every row). */
  readonly entryBytesEstimate: number;
  readonly firstEntryAt: string | null;
  readonly lastEntryAt: string | null;
  /** Entries appended per month, oldest first, at most the last 120 months. */
  readonly months: MonthGrowth[];
  /** The oldest checkpoint a witness cosigned: the point before which history is proven beyond this workstation. */
  readonly oldestWitnessed: { readonly checkpointId: number; readonly size: number; readonly createdAt: string; readonly witness: string; readonly witnessedAt: string } | null;
  readonly oldestCheckpoint: { readonly checkpointId: number; readonly size: number; readonly createdAt: string } | null;
}

/** The first day of the month after `month` (`YYYY-MM`), as `YYYY-MM`. */
function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The log's retention facts in time independent of its length (a 10-million-entry log answers as fast as a small one):
 * index look-ups only. Growth per month is the difference between the first sequence numbers of consecutive months,
 * found through the time index; entries are appended in time order, so this counts what each month appended.
 */
export function retentionFacts(db: Db): RetentionFacts {
  const entries = db.prepare('SELECT COALESCE(MAX(seq) + 1, 0) FROM audit_entries').pluck().get() as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const mean = (db.prepare('SELECT AVG(length(bytes)) FROM (SELECT bytes FROM audit_entries ORDER BY seq DESC LIMIT 1000)').pluck().get() as number | null) ?? 0;
  const firstEntryAt = (db.prepare('SELECT at FROM audit_entries ORDER BY seq LIMIT 1').pluck().get() as string | undefined) ?? null;
  const lastEntryAt = (db.prepare('SELECT at FROM audit_entries ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
  const months: MonthGrowth[] = [];
  if (firstEntryAt && lastEntryAt) {
    const firstSeqFrom = db.prepare('SELECT seq FROM audit_entries WHERE at >= ? ORDER BY at LIMIT 1').pluck();
    const last = lastEntryAt.slice(0, 7);
    let month = firstEntryAt.slice(0, 7);
    const starts: Array<[string, number]> = [];
    for (let guard = 0; guard < 10_000 && month <= last; guard += 1, month = nextMonth(month)) {
      starts.push([month, (firstSeqFrom.get(`${month}-01T00:00:00.000Z`) as number | undefined) ?? entries]);
    }
    starts.forEach(([m, seq], i) => months.push({ month: m, entries: Math.max(0, (starts[i + 1]?.[1] ?? entries) - seq) }));
  }
  const witnessed = db
    .prepare(
      `SELECT c.id, c.size, c.created_at, s.witness, s.timestamp FROM audit_cosignatures s JOIN audit_checkpoints c ON c.id = s.checkpoint_id
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; size: number; created_at: string; witness: string; timestamp: number } | undefined;
  const oldest = db.prepare('SELECT id, size, created_at FROM audit_checkpoints ORDER BY id LIMIT 1').get() as { id: number; size: number; created_at: string } | undefined;
  return {
    entries,
    databaseBytes: pageCount * pageSize,
    entryBytesEstimate: Math.round(mean * entries),
    firstEntryAt,
    lastEntryAt,
    months: months.slice(-120),
    oldestWitnessed: witnessed
      ? { checkpointId: witnessed.id, size: witnessed.size, createdAt: witnessed.created_at, witness: witnessed.witness, witnessedAt: new Date(witnessed.timestamp * 1000).toISOString() }
      : null,
    oldestCheckpoint: oldest ? { checkpointId: oldest.id, size: oldest.size, createdAt: oldest.created_at } : null,
  };
}
