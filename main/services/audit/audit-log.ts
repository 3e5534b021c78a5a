import type { Db } from '../../db/database.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { canonicalText, type CanonicalValue } from '../../../core/canonical-json.ts';
import { consistencyProof, hashChildren, inclusionProof, sameHash, sha256, treeRoot, type Hash, type NodeSource, type RangeCache } from './merkle.ts';
import { subtreeRoot, tileHeight, tileWidth } from './tiles.ts';

/** What a caller records; the log adds sequence number, time and workstation. */
export interface AuditDraft {
  /** Dotted verb, e.g. 'case.created', 'evidence.received', 'auth.login-failed'. */
  readonly action: string;
  /** Who did it; null for the workstation itself. */
  readonly actor: Actor | null;
  /** Ids of what the action was about (caseId, evidenceId, userId, …). */
  readonly subjects?: Readonly<Record<string, string>>;
  /** SHA-256 of inputs, by name. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** SHA-256 of outputs, by name. */
  readonly outputs?: Readonly<Record<string, string>>;
  /** Algorithm or model used, with its version and hash. */
  readonly algorithm?: Readonly<{ name: string; version: string; modelSha256?: string; parameters?: Readonly<Record<string, CanonicalValue>> }>;
  /** The meaning of a signature ("reviewed", "approved"), per 21 CFR 11.50. */
  readonly meaning?: string;
  /** For amendments: the sequence number of the entry this one supersedes. */
  readonly supersedes?: number;
  /** Further facts, as canonical JSON. */
  readonly details?: Readonly<Record<string, CanonicalValue>>;
}

/** A stored entry as the trail viewer lists it. */
export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string | null;
  readonly role: string | null;
  readonly action: string;
  readonly caseId: string | null;
  readonly bytes: Uint8Array;
}

/** Filters for listing the trail. */
export interface AuditFilter {
  readonly caseId?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly afterSeq?: number;
  readonly limit?: number;
}

/**
 * The append-only audit log: each entry is canonical JSON stored as written, and a leaf of an RFC 9162 Merkle tree.
 * The tree is stored as C2SP tlog-tiles store it: leaf hashes beside the entries, and the nodes of heights 8, 16, 24…
 * (the hashes of tiles above level 0); the heights between are recomputed from at most 128 of those. An append
 * writes its entry and, once in 256 appends, a node; a proof reads a few ranges of hashes.
 */
/** Consecutive entries read in one piece: their bytes joined by newlines, where each starts, their leaf hashes. */
export interface EntryPage {
  /** The sequence number of the first entry. */
  readonly first: number;
  readonly count: number;
  /** The entries' bytes, each followed by a newline but the last: the page's lines of entries.jsonl. */
  readonly joined: Buffer;
  /** Entry k spans joined[starts[k], starts[k + 1] − 1). */
  readonly starts: Int32Array;
  /** The leaf hashes, 32 bytes each, in order. */
  readonly leaves: Buffer;
}

/** Reads "12,345,6" (lengths as SQLite's group_concat writes them) into offsets of newline-joined entries. */
function startsOf(lengths: string, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let k = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < lengths.length; i += 1) {
    const c = lengths.charCodeAt(i);
    if (c === 0x2c) {
      at += value + 1;
      starts[++k] = at;
      value = 0;
    } else value = value * 10 + (c - 0x30);
  }
  starts[count] = at + value + 1;
  return starts;
}

export class AuditLog implements NodeSource {
  private readonly insertEntry;
  private readonly insertNode;
  private readonly selectNodes;
  private readonly selectLeafHashes;
  private readonly selectSize;
  /**
   * The right edge of the tree: for each level, the newest complete subtree, which is the only left sibling an append
   * can need. Valid for `frontierSize` entries; another process appending makes it stale and it is reloaded.
   */
  private frontier = new Map<number, Hash>();
  private frontierSize = -1;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly workstationId: string,
  ) {
    this.insertEntry = db.prepare('INSERT INTO audit_entries (seq, bytes, leaf_hash, at, actor, role, action, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertNode = db.prepare('INSERT INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.selectNodes = db.prepare('SELECT hash FROM audit_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx').pluck();
    this.selectLeafHashes = db.prepare('SELECT leaf_hash FROM audit_entries WHERE seq >= ? AND seq < ? ORDER BY seq').pluck();
    this.selectSize = db.prepare('SELECT COALESCE(MAX(seq) + 1, 0) FROM audit_entries').pluck();
  }

  /** Appends one entry; inside a caller's transaction it commits with the change it records. Returns its sequence number. */
  append(draft: AuditDraft): number {
    return this.appendAll([draft])[0]!;
  }

  /** Appends entries in one transaction (bulk work): all are durable after one commit, or none is stored. */
  appendAll(drafts: readonly AuditDraft[]): number[] {
    const write = this.db.transaction(() => {
      let seq = this.size();
      if (!this.frontierCurrent(seq)) this.loadFrontier(seq);
      const seqs: number[] = [];
      for (const draft of drafts) {
        this.write(seq, draft);
        seqs.push(seq);
        seq += 1;
      }
      return seqs;
    });
    // IMMEDIATE takes the write lock before reading the size, so two processes cannot claim the same sequence number.
    try {
      return this.db.inTransaction ? write() : write.immediate();
    } catch (error) {
      this.frontierSize = -1; // rolled back: the frontier may hold nodes that were never committed
      throw error;
    }
  }

  private write(seq: number, draft: AuditDraft): void {
    const at = isoAt(this.clock.now());
    const entry: Record<string, CanonicalValue | undefined> = {
      v: 1,
      seq,
      at,
      workstation: this.workstationId,
      actor: draft.actor ? { userId: draft.actor.userId, username: draft.actor.username, role: draft.actor.role } : null,
      action: draft.action,
      subjects: draft.subjects ?? {},
      inputs: draft.inputs,
      outputs: draft.outputs,
      algorithm: draft.algorithm as CanonicalValue | undefined,
      meaning: draft.meaning,
      supersedes: draft.supersedes,
      details: draft.details as CanonicalValue | undefined,
    };
    // The entry encoded once behind a zero byte: the leaf hash is taken over the whole, the entry stored from byte 1.
    const prefixed = Buffer.from(`\0${canonicalText(entry)}`, 'utf8');
    const bytes = prefixed.subarray(1);
    const leaf = sha256(prefixed);
    this.insertEntry.run(seq, bytes, leaf, at, draft.actor?.username ?? null, draft.actor?.role ?? null, draft.action, draft.subjects?.caseId ?? null);
    // Every subtree the leaf completes is hashed (the frontier keeps the right edge for the next append), and those of
    // heights 8, 16, 24… stored: the hashes of the tiles above level 0. A completed node's left sibling is the newest
    // node of its height before this append, which the frontier holds, so no read is needed.
    let level = 0;
    let index = seq;
    let hash: Hash = leaf;
    for (;;) {
      if (level > 0 && level % tileHeight === 0) this.insertNode.run(level, index, hash);
      const left = index % 2 === 1 ? this.frontier.get(level) : undefined;
      this.frontier.set(level, hash);
      if (index % 2 === 0) break;
      hash = hashChildren(left ?? this.node(level, index - 1), hash);
      level += 1;
      index = (index - 1) / 2;
    }
    this.frontierSize = seq + 1;
  }

  /**
   * True when the cached frontier describes the stored log of `size` entries: same size, and the same newest leaf
   * (a rolled-back append followed by another process's append would leave the size equal but the leaf different).
   */
  private frontierCurrent(size: number): boolean {
    if (size !== this.frontierSize) return false;
    if (size === 0) return true;
    const newest = this.frontier.get(0);
    return newest !== undefined && sameHash(newest, this.node(0, size - 1));
  }

  /** Rebuilds the frontier for a log of `size` entries from the stored subtrees. */
  private loadFrontier(size: number): void {
    this.frontier = new Map();
    for (let level = 0; 2 ** level <= size; level += 1) {
      const count = Math.floor(size / 2 ** level);
      if (count > 0) this.frontier.set(level, this.node(level, count - 1));
    }
    this.frontierSize = size;
  }

  /** Runs reads and appends as one write transaction, so no other writer can append in between. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Number of entries. */
  size(): number {
    return this.selectSize.get() as number;
  }

  /**
   * The last node read at each level. Nodes never change once written, so this cannot go stale, and proofs of
   * consecutive entries share all but their lowest siblings: an export reads about two nodes per proof, not twenty.
   */
  private readonly recentNodes = new Map<number, { index: number; hash: Hash }>();

  /** Drops cached nodes, so the next reads see the database itself (before a checkpoint is checked and signed). */
  forgetCachedNodes(): void {
    this.recentNodes.clear();
    this.frontierSize = -1;
  }

  /** A complete subtree: stored at heights 0, 8, 16…, recomputed from those below in between. */
  node(level: number, index: number): Hash {
    const recent = this.recentNodes.get(level);
    if (recent?.index === index) return recent.hash;
    const span = 2 ** (level % tileHeight);
    const base = level - (level % tileHeight);
    const hashes = this.storedHashes(base, index * span, index * span + span);
    if (hashes.length !== span * 32) throw new DalelError('INTERNAL', `audit log node (${level}, ${index}) is missing`);
    const hash = span === 1 ? hashes : subtreeRoot(hashes, 0, span);
    this.recentNodes.set(level, { index, hash });
    return hash;
  }

  /** The stored hashes of height `level` (0, 8, 16…) for indexes [from, to), concatenated. */
  private storedHashes(level: number, from: number, to: number): Uint8Array {
    const rows = (level === 0 ? this.selectLeafHashes.all(from, to) : this.selectNodes.all(level, from, to)) as Buffer[];
    return rows.length === 1 ? new Uint8Array(rows[0]!) : new Uint8Array(Buffer.concat(rows));
  }

  /**
   * The hashes of C2SP tile `index` at tile `level`, `width` of them: leaf hashes at level 0, stored nodes of height
   * 8·level above. Exports write these as the bundle's tiles.
   */
  tile(level: number, index: number, width: number): Uint8Array {
    const hashes = this.storedHashes(level * tileHeight, index * tileWidth, index * tileWidth + width);
    if (hashes.length !== width * 32) throw new DalelError('INTERNAL', `audit log tile ${index} of level ${level} is incomplete`);
    return hashes;
  }

  /** The root of the first `size` entries. */
  root(size = this.size()): Hash {
    return treeRoot(this, size);
  }

  /** Inclusion proof of entry `seq` in the tree of `size` entries; pass one cache for many proofs of one size. */
  inclusionProof(seq: number, size: number, cache?: RangeCache): Hash[] {
    return inclusionProof(this, seq, size, cache);
  }

  /** Consistency proof between two sizes. */
  consistencyProof(size1: number, size2: number): Hash[] {
    return consistencyProof(this, size1, size2);
  }

  /** The exact bytes of one entry. */
  entryBytes(seq: number): Uint8Array {
    const row = this.db.prepare('SELECT bytes FROM audit_entries WHERE seq = ?').pluck().get(seq) as Buffer | undefined;
    if (!row) throw new DalelError('NOT_FOUND', `No audit entry ${seq}.`, { seq });
    return new Uint8Array(row);
  }

  /** Entries matching a filter, oldest first. */
  list(filter: AuditFilter = {}): AuditRow[] {
    const conditions: Array<[string, string, string | number | undefined]> = [
      ['case_id = @caseId', 'caseId', filter.caseId],
      ['actor = @actor', 'actor', filter.actor],
      ['action LIKE @action', 'action', filter.action === undefined ? undefined : `${filter.action}%`],
      ['at >= @from', 'from', filter.from],
      ['at <= @to', 'to', filter.to],
      ['seq > @afterSeq', 'afterSeq', filter.afterSeq],
    ];
    const active = conditions.filter(([, , value]) => value !== undefined && value !== '');
    const where = active.map(([sql]) => sql);
    const params = Object.fromEntries(active.map(([, name, value]) => [name, value as string | number]));
    const sql = `SELECT seq, at, actor, role, action, case_id, bytes FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ ...params, limit: filter.limit ?? -1 }) as Array<{ seq: number; at: string; actor: string | null; role: string | null; action: string; case_id: string | null; bytes: Buffer }>;
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, role: r.role, action: r.action, caseId: r.case_id, bytes: new Uint8Array(r.bytes) }));
  }

  /** Iterates every entry's bytes (and stored leaf hash) in order, a page at a time (exports stream instead of loading the whole log). */
  *iterate(fromSeq = 0, toSeq = this.size(), pageSize = 5000, withLeaves = false): Generator<{ seq: number; bytes: Uint8Array; leaf: Uint8Array }> {
    const page = this.db.prepare(`SELECT seq, bytes, ${withLeaves ? 'leaf_hash' : 'NULL'} FROM audit_entries WHERE seq >= ? AND seq < ? ORDER BY seq LIMIT ?`).raw();
    const none = new Uint8Array(0);
    for (let at = fromSeq; at < toSeq; at += pageSize) {
      for (const [seq, bytes, leaf] of page.all(at, toSeq, pageSize) as Array<[number, Buffer, Buffer | null]>) yield { seq, bytes, leaf: leaf ?? none };
    }
  }

  /**
   * The entries [fromSeq, toSeq) as pages of `pageSize`, each read as one blob of the entries joined by newlines, one of
   * their leaf hashes and one list of lengths: better-sqlite3 makes a Buffer per blob per row, which costs more than
   * reading the row, so a whole-log export reads three values per page instead of two Buffers per entry. group_concat
   * passes blobs through as their bytes (the database is UTF-8), and the lengths are checked against what came back.
   * Throws when an entry is missing.
   */
  *pages(fromSeq: number, toSeq: number, pageSize = 4096): Generator<EntryPage> {
    // The ordered subquery keeps group_concat in log order (an aggregate over it is not flattened).
    const page = this.db
      .prepare(
        `SELECT count(*), min(seq), max(seq), CAST(group_concat(bytes, x'0a') AS BLOB), CAST(group_concat(leaf_hash, '') AS BLOB), group_concat(length(bytes), ',')
         FROM (SELECT seq, bytes, leaf_hash FROM audit_entries WHERE seq >= ? AND seq < ? ORDER BY seq)`,
      )
      .raw();
    for (let first = fromSeq; first < toSeq; first += pageSize) {
      const last = Math.min(toSeq, first + pageSize);
      const [count, min, max, joined, leaves, lengths] = page.get(first, last) as [number, number | null, number | null, Buffer | null, Buffer | null, string | null];
      if (count !== last - first || min !== first || max !== last - 1 || !joined || leaves === null || lengths === null) {
        throw new DalelError('INTERNAL', `audit log entries ${first}…${last - 1} are not all stored`);
      }
      const starts = startsOf(lengths, count);
      if (starts[count] !== joined.length + 1 || leaves.length !== count * 32) throw new DalelError('INTERNAL', `audit log entries ${first}…${last - 1} do not read back whole`);
      yield { first, count, joined, starts, leaves };
    }
  }

  /** Sequence numbers and leaf hashes of the entries matching a filter (all when empty), oldest first, a page at a time. */
  *selection(filter: Pick<AuditFilter, 'caseId' | 'from' | 'to'> = {}, pageSize = 20_000): Generator<{ seq: number; leaf: Uint8Array }> {
    const where = ['seq > @after'];
    const params: Record<string, string | number> = {};
    const conditions: Array<[string, 'caseId' | 'from' | 'to']> = [
      ['case_id = @caseId', 'caseId'],
      ['at >= @from', 'from'],
      ['at <= @to', 'to'],
    ];
    for (const [sql, name] of conditions) {
      const value = filter[name];
      if (value === undefined) continue;
      where.push(sql);
      params[name] = value;
    }
    const page = this.db.prepare(`SELECT seq, leaf_hash FROM audit_entries WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`).raw();
    for (let after = -1; ; ) {
      const rows = page.all({ ...params, after, limit: pageSize }) as Array<[number, Buffer]>;
      for (const [seq, leaf] of rows) yield { seq, leaf };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]![0];
    }
  }
}
