import { randomUUID } from 'node:crypto';
import type { Evidence } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import type { CaseService } from './cases.ts';
import { isoAt, type Clock } from './clock.ts';
import type { CustodyLog } from './custody.ts';
import { DalelError } from './errors.ts';
import { EvidenceStore, sha256Hex } from './intake/evidence-store.ts';
import { defaultIntakeLimits, sniffEvidence, type IntakeLimits } from './intake/sniff.ts';
import { makeThumbnail } from './intake/thumbnail.ts';
import type { Actor } from './sessions.ts';

interface EvidenceRow {
  id: string;
  case_id: string;
  sha256: string;
  original_name: string;
  size_bytes: number;
  kind: Evidence['kind'];
  media_type: string;
  width: number | null;
  height: number | null;
  bit_depth: number | null;
  added_by_name: string;
  added_at: string;
  has_thumbnail: number;
}

const selectEvidence = `
  SELECT e.id, e.case_id, e.sha256, e.original_name, b.size_bytes, b.kind, b.media_type, b.width, b.height, b.bit_depth,
         u.username AS added_by_name, e.added_at, (b.thumbnail IS NOT NULL) AS has_thumbnail
  FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 JOIN users u ON u.id = e.added_by`;

function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    caseId: row.case_id,
    sha256: row.sha256,
    originalName: row.original_name,
    sizeBytes: row.size_bytes,
    kind: row.kind,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    bitDepth: row.bit_depth,
    addedBy: row.added_by_name,
    addedAt: row.added_at,
    hasThumbnail: row.has_thumbnail === 1,
  };
}

/** The review's guard on a case: refuses, with the reason, to add to a signed case. */
export interface CaseFreeze {
  requireUnsigned(caseId: string, what: string): void;
}

/** The outcome of an intake: the item, and whether this case already held the same bytes. */
export interface IntakeResult {
  readonly evidence: Evidence;
  readonly duplicate: boolean;
}

/** Evidence intake and lookup: validates, stores once by SHA-256, records the item and its custody. */
export class EvidenceService {
  constructor(
    private readonly db: Db,
    private readonly store: EvidenceStore,
    private readonly cases: CaseService,
    private readonly custody: CustodyLog,
    private readonly clock: Clock,
    private readonly limits: IntakeLimits = defaultIntakeLimits,
    private readonly freeze: CaseFreeze | null = null,
  ) {}

  /**
   * Adds a file to a case. Checks come first (type by magic bytes, structure, size, pixel count, full decode), then
   * the blob is written durably, then one transaction records blob, item and the 'received' custody event.
   */
  add(caseId: string, fileName: string, bytes: Uint8Array, actor: Actor): IntakeResult {
    this.cases.get(caseId);
    // Signed means frozen: refused before any file work, and again inside the write in case it was signed meanwhile.
    this.freeze?.requireUnsigned(caseId, `add ${fileName}`);
    const sniffed = sniffEvidence(fileName, bytes, this.limits);
    const pixels = sniffed.width !== null && sniffed.height !== null ? sniffed.width * sniffed.height : null;
    const thumbnail = makeThumbnail(fileName, sniffed.kind, bytes, pixels);
    const sha256 = sha256Hex(bytes);
    this.store.put(bytes, sha256);
    const record = this.db.transaction((): IntakeResult => {
      this.freeze?.requireUnsigned(caseId, `add ${fileName}`);
      const now = isoAt(this.clock.now());
      this.db
        .prepare(
          `INSERT OR IGNORE INTO blobs (sha256, size_bytes, kind, media_type, width, height, bit_depth, thumbnail, stored_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sha256, bytes.length, sniffed.kind, sniffed.mediaType, sniffed.width, sniffed.height, sniffed.bitDepth, thumbnail, now);
      const existing = this.db.prepare('SELECT id FROM evidence WHERE case_id = ? AND sha256 = ?').get(caseId, sha256) as
        | { id: string }
        | undefined;
      if (existing) {
        this.custody.append({ evidenceId: existing.id, caseId, sha256 }, 'received-again', actor, `same content submitted again as "${fileName}"`);
        return { evidence: this.get(existing.id), duplicate: true };
      }
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO evidence (id, case_id, sha256, original_name, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, caseId, sha256, fileName, actor.userId, now);
      this.custody.append({ evidenceId: id, caseId, sha256 }, 'received', actor, `${fileName}, ${bytes.length} bytes, SHA-256 ${sha256}`);
      return { evidence: this.get(id), duplicate: false };
    });
    return record.immediate();
  }

  /** The items of a case, in the order they were received. */
  list(caseId: string): Evidence[] {
    this.cases.get(caseId);
    return (this.db.prepare(`${selectEvidence} WHERE e.case_id = ? ORDER BY e.added_at, e.rowid`).all(caseId) as EvidenceRow[]).map(toEvidence);
  }

  /** One item, or NOT_FOUND. */
  get(evidenceId: string): Evidence {
    const row = this.db.prepare(`${selectEvidence} WHERE e.id = ?`).get(evidenceId) as EvidenceRow | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such evidence item.', { evidenceId });
    return toEvidence(row);
  }

  /** An item's PNG thumbnail, or null when it has none. */
  thumbnail(evidenceId: string): Uint8Array | null {
    const item = this.get(evidenceId);
    const row = this.db.prepare('SELECT thumbnail FROM blobs WHERE sha256 = ?').get(item.sha256) as { thumbnail: Buffer | null };
    return row.thumbnail ? new Uint8Array(row.thumbnail) : null;
  }

  /** An item's original bytes, checked against its hash. */
  read(evidenceId: string): Uint8Array {
    return this.store.read(this.get(evidenceId).sha256);
  }
}
