/**
 * What the clerk's trail.pdf shows: every entry of a small export, or, past `pdfEntryLimit` entries, a summary
 * (counts by action and by month, the first and the last entry, the checkpoint) and the latest entries. A PDF that
 * lists a million rows is neither read nor quick to write; entries.jsonl and entries.csv always hold every entry.
 */
import type { TrailRow } from './trail-row.ts';

/** Exports of up to this many entries list every one in the PDF; larger ones get the summary. */
export const pdfEntryLimit = 1000;
/** How many of the latest entries a summarised PDF lists. */
export const pdfLatestEntries = 50;

/** The summary part of a large export's PDF. */
export interface TrailSummary {
  readonly byAction: ReadonlyArray<readonly [string, number]>;
  /** Counts by month of the entry time (YYYY-MM, UTC), in order. */
  readonly byMonth: ReadonlyArray<readonly [string, number]>;
  readonly first: TrailRow;
  readonly last: TrailRow;
}

/** An entry as the trail's readers (its PDF summary, its CSV) parse it back from its canonical bytes. */
export interface ParsedEntry {
  seq: number;
  at: string;
  actor: { username: string; role: string } | null;
  action: string;
  subjects?: Record<string, string>;
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
  details?: Record<string, unknown>;
  meaning?: string;
  supersedes?: number;
}

/** The entry's row in the PDF, from its stored bytes. */
export function trailRow(bytes: Uint8Array, entryHash: string): TrailRow {
  const e = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as ParsedEntry;
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor ? { username: e.actor.username, role: e.actor.role } : null,
    action: e.action,
    subjects: e.subjects ?? {},
    inputs: e.inputs ?? {},
    outputs: e.outputs ?? {},
    details: e.details ?? {},
    meaning: e.meaning ?? '',
    supersedes: e.supersedes ?? null,
    entryHash,
    bytes,
  };
}

interface Kept {
  readonly bytes: Uint8Array;
  /** The leaf hash, in hex or as bytes (made hex only for the few entries the PDF shows). */
  readonly hash: string | Uint8Array;
}

/** A kept entry's row. */
function keptRow(k: Kept): TrailRow {
  return trailRow(k.bytes, typeof k.hash === 'string' ? k.hash : Buffer.from(k.hash.buffer, k.hash.byteOffset, k.hash.byteLength).toString('hex'));
}

/**
 * Collects what the PDF needs while an export streams its entries, in memory bounded by the list limit: the entries
 * themselves while there are few, the latest ones in a ring, counts by action and month.
 */
export class TrailCollector {
  private list: Kept[] | null = [];
  private readonly ring: Kept[] = [];
  private ringAt = 0;
  private first: Kept | null = null;
  private readonly actions = new Map<string, number>();
  private readonly months = new Map<string, number>();
  private count = 0;

  private readonly listLimit: number;
  private readonly latest: number;

  // Plain fields, not parameter properties: the CSV worker thread loads this file with Node's type stripping alone.
  constructor(listLimit = pdfEntryLimit, latest = pdfLatestEntries) {
    this.listLimit = listLimit;
    this.latest = latest;
  }

  /** One entry, in log order, with its leaf hash (hex or bytes), action and time (only its month, YYYY-MM, is used). */
  add(bytes: Uint8Array, entryHash: string | Uint8Array, action: string, at: string): void {
    const kept = { bytes, hash: entryHash };
    this.first ??= kept;
    this.count += 1;
    if (this.list) {
      this.list.push(kept);
      if (this.list.length > this.listLimit) this.list = null;
    }
    if (this.ring.length < this.latest) this.ring.push(kept);
    else this.ring[this.ringAt] = kept;
    this.ringAt = (this.ringAt + 1) % this.latest;
    this.actions.set(action, (this.actions.get(action) ?? 0) + 1);
    const month = at.slice(0, 7);
    this.months.set(month, (this.months.get(month) ?? 0) + 1);
  }

  /** The rows the PDF lists and, for a large export, its summary. */
  result(): { rows: TrailRow[]; summary: TrailSummary | null } {
    if (this.list) return { rows: this.list.map(keptRow), summary: null };
    const latest = [...this.ring.slice(this.ringAt), ...this.ring.slice(0, this.ringAt)];
    const rows = latest.map(keptRow);
    return {
      rows,
      summary: {
        byAction: [...this.actions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
        byMonth: [...this.months].sort((a, b) => a[0].localeCompare(b[0])),
        first: keptRow(this.first!),
        last: rows[rows.length - 1]!,
      },
    };
  }
}
