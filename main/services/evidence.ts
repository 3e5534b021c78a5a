import { randomUUID } from 'node:crypto';
import type { Evidence } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import type { CaseService } from './cases.ts';
import { isoAt, type Clock } from './clock.ts';
import type { CustodyLog } from './custody.ts';
import { DalelError } from './errors.ts';
import type { EvidenceStore } from './intake/evidence-store.ts';
import { intakeInput, type IntakeInput } from './intake/intake-input.ts';
import { defaultIntakeLimits, sniffEvidence, type IntakeLimits } from './intake/sniff.ts';
import { makeThumbnail } from './intake/thumbnail.ts';
import type { Actor } from './sessions.ts';
import type { StagedFile } from './uploads.ts';

/** What intake needs to know of the forensic modules: which kinds exist, for which formats, and which to suggest. */
export interface EvidenceKindCatalog {
  kind(id: string): { readonly formats: readonly Evidence['kind'][]; readonly imagesNeedPixelSize: boolean };
  kindsFor(format: Evidence['kind']): string[];
  suggest(facts: { name: string; format: Evidence['kind']; width: number | null; height: number | null }): string;
}

/** An expert's declaration of what an item is evidence of. */
export interface KindDeclaration {
  readonly category?: string;
  readonly pixelUm?: number | null;
}

// Columns come back under the API's names; only the thumbnail flag is a 0/1 to turn into a boolean.
type EvidenceRow = Omit<Evidence, 'hasThumbnail'> & { hasThumbnail: number };

const selectEvidence = `
  SELECT e.id, e.case_id AS caseId, e.sha256, e.original_name AS originalName, b.size_bytes AS sizeBytes, b.kind,
         e.category, e.pixel_um AS pixelUm, b.media_type AS mediaType, b.width, b.height, b.bit_depth AS bitDepth,
         u.username AS addedBy, e.added_at AS addedAt, (b.thumbnail IS NOT NULL) AS hasThumbnail
  FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 JOIN users u ON u.id = e.added_by`;

const toEvidence = (row: EvidenceRow): Evidence => ({ ...row, hasThumbnail: row.hasThumbnail === 1 });

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
    private readonly kinds: EvidenceKindCatalog,
    private readonly reviews: { requireEditable(caseId: string, what: string): unknown } & CaseFreeze,
    private readonly limits: IntakeLimits = defaultIntakeLimits,
  ) {
    this.suggestForUndeclared();
  }

  /** The kind suggested for a file before it is stored, and the kinds its format may be declared as. */
  suggestKind(fileName: string, bytes: Uint8Array): { format: Evidence['kind']; category: string; allowed: string[] } {
    const sniffed = sniffEvidence(fileName, bytes, this.limits);
    const facts = { name: fileName, format: sniffed.kind, width: sniffed.width, height: sniffed.height };
    return { format: sniffed.kind, category: this.kinds.suggest(facts), allowed: this.kinds.kindsFor(sniffed.kind) };
  }

  /**
   * Corrects what an item is declared to be evidence of (and its pixel size): an expert's act, refused on a signed
   * case, recorded as a custody event with its audit entry.
   */
  setKind(evidenceId: string, declaration: KindDeclaration & { readonly category: string }, actor: Actor): Evidence {
    const item = this.get(evidenceId);
    const pixelUm = declaration.pixelUm === undefined ? item.pixelUm : declaration.pixelUm;
    this.checkDeclaration(item.originalName, item.kind, declaration.category, pixelUm);
    this.db.transaction(() => {
      this.reviews.requireEditable(item.caseId, 'change what an evidence item is');
      this.db.prepare('UPDATE evidence SET category = ?, pixel_um = ? WHERE id = ?').run(declaration.category, pixelUm, evidenceId);
      this.custody.append({ evidenceId, caseId: item.caseId, sha256: item.sha256 }, { action: 'kind-declared', category: declaration.category, pixelUm, previousCategory: item.category }, actor);
    }).immediate();
    return this.get(evidenceId);
  }

  /** Refuses a kind the format cannot be (a PDF as a bullet land) or a pixel size where the format has no use for one. */
  private checkDeclaration(fileName: string, format: Evidence['kind'], category: string, pixelUm: number | null): void {
    const kind = this.kinds.kind(category);
    if (!kind.formats.includes(format)) {
      throw new DalelError('BAD_INPUT', `${fileName}: a ${format.toUpperCase()} file cannot be declared as ${category}.`, { file: fileName, reasonCode: 'kind-format-mismatch', category, format });
    }
    if (pixelUm !== null && format === 'x3p') {
      throw new DalelError('BAD_INPUT', `${fileName}: an X3P scan carries its own pixel size; none can be declared for it.`, { file: fileName, reasonCode: 'pixel-size-not-applicable' });
    }
  }

  /** Items received before kinds were declared (schema 7) get the kind suggested from their file. */
  private suggestForUndeclared(): void {
    const rows = this.db
      .prepare('SELECT e.id, e.original_name, b.kind, b.width, b.height FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 WHERE e.category IS NULL')
      .all() as Array<{ id: string; original_name: string; kind: Evidence['kind']; width: number | null; height: number | null }>;
    if (!rows.length) return;
    const update = this.db.prepare('UPDATE evidence SET category = ? WHERE id = ? AND category IS NULL');
    this.db.transaction(() => {
      for (const r of rows) update.run(this.kinds.suggest({ name: r.original_name, format: r.kind, width: r.width, height: r.height }), r.id);
    }).immediate();
  }

  /**
   * Adds a file to a case. Checks come first (type by magic bytes, structure, size, pixel count, full decode), then
   * the blob is written durably, then one transaction records blob, item and the 'received' custody event. The content
   * is bytes (IPC, CLI) or a browser-mode upload staged on disk, which is read in parts and moved into the store.
   */
  add(caseId: string, fileName: string, content: Uint8Array | StagedFile, actor: Actor, declared: KindDeclaration = {}): IntakeResult {
    const file = intakeInput(content);
    try {
      this.cases.get(caseId);
      return this.record(caseId, fileName, file, actor, declared);
    } finally {
      file.close();
    }
  }

  private record(caseId: string, fileName: string, file: IntakeInput, actor: Actor, declared: KindDeclaration): IntakeResult {
    // Signed means frozen: refused before any file work, and again inside the write in case it was signed meanwhile.
    this.reviews.requireUnsigned(caseId, `add ${fileName}`);
    const sniffed = sniffEvidence(fileName, file.source, this.limits);
    const category = declared.category ?? this.kinds.suggest({ name: fileName, format: sniffed.kind, width: sniffed.width, height: sniffed.height });
    const pixelUm = declared.pixelUm ?? null;
    this.checkDeclaration(fileName, sniffed.kind, category, pixelUm);
    const pixels = sniffed.width !== null && sniffed.height !== null ? sniffed.width * sniffed.height : null;
    const thumbnail = makeThumbnail(fileName, sniffed.kind, file.source, pixels);
    const sha256 = file.sha256;
    file.storeIn(this.store);
    const record = this.db.transaction((): IntakeResult => {
      this.reviews.requireUnsigned(caseId, `add ${fileName}`);
      const now = isoAt(this.clock.now());
      this.db
        .prepare(
          `INSERT OR IGNORE INTO blobs (sha256, size_bytes, kind, media_type, width, height, bit_depth, thumbnail, stored_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sha256, file.size, sniffed.kind, sniffed.mediaType, sniffed.width, sniffed.height, sniffed.bitDepth, thumbnail, now);
      const existing = this.db.prepare('SELECT id FROM evidence WHERE case_id = ? AND sha256 = ?').get(caseId, sha256) as
        | { id: string }
        | undefined;
      if (existing) {
        this.custody.append({ evidenceId: existing.id, caseId, sha256 }, { action: 'received-again', fileName }, actor);
        return { evidence: this.get(existing.id), duplicate: true };
      }
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO evidence (id, case_id, sha256, original_name, added_by, added_at, category, pixel_um) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, caseId, sha256, fileName, actor.userId, now, category, pixelUm);
      this.custody.append({ evidenceId: id, caseId, sha256 }, { action: 'received', fileName, bytes: file.size, sha256, category, pixelUm }, actor);
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
