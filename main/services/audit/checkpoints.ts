import type { Db } from '../../db/database.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError } from '../errors.ts';
import type { AuditLog } from './audit-log.ts';
import type { AuditKeyring } from './keyring.ts';
import { sameHash, verifyConsistency } from './merkle.ts';
import { ed25519CosignatureType, formatCheckpoint, parseCheckpoint, parseNote, parseVerifierKey, signNote, verifyCosignature } from './note.ts';

/** A signed checkpoint as stored. */
export interface StoredCheckpoint {
  readonly id: number;
  readonly size: number;
  readonly root: Uint8Array;
  /** The C2SP signed note. */
  readonly note: string;
  readonly keyId: string;
  readonly reason: string;
  readonly createdAt: string;
}

/** A witness cosignature that verified and was stored. */
export interface StoredCosignature {
  readonly checkpointId: number;
  readonly witness: string;
  readonly verifierKey: string;
  readonly timestamp: number;
  readonly line: string;
  readonly importedAt: string;
}

interface CheckpointRow {
  id: number;
  size: number;
  root: Buffer;
  note: string;
  key_id: string;
  reason: string;
  created_at: string;
}

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return { id: row.id, size: row.size, root: new Uint8Array(row.root), note: row.note, keyId: row.key_id, reason: row.reason, createdAt: row.created_at };
}

/** How often a checkpoint is signed while entries keep arriving. */
export const checkpointIntervalMs = 60_000;

/**
 * Signed checkpoints (C2SP tlog-checkpoint notes) over the audit log. A new checkpoint is signed only after it is
 * proven consistent with the previous one, so the workstation can never sign a history that rewrites an earlier one.
 */
export class CheckpointService {
  constructor(
    private readonly db: Db,
    private readonly log: AuditLog,
    private readonly keyring: AuditKeyring,
    private readonly clock: Clock,
  ) {}

  /** The newest checkpoint, or null. */
  latest(): StoredCheckpoint | null {
    const row = this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1').get() as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  /** Every checkpoint, newest first. */
  history(limit = 500): StoredCheckpoint[] {
    return (this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT ?').all(limit) as CheckpointRow[]).map(toCheckpoint);
  }

  /** Signs a checkpoint of the whole log now (export, on demand), unless the newest already covers every entry. */
  sign(reason: string): StoredCheckpoint {
    const sign = this.db.transaction(() => {
      // Read every node afresh: the consistency check must see what is stored, not what this process remembers.
      this.log.forgetCachedNodes();
      const size = this.log.size();
      const previous = this.latest();
      if (previous && previous.size === size && previous.keyId === this.keyring.activeKey()?.keyId) return previous;
      const root = this.log.root(size);
      if (previous) {
        // Check against the stored previous root, not a recomputed one: this is what catches a rewritten history.
        const proof = this.log.consistencyProof(previous.size, size);
        const failure = verifyConsistency(previous.size, size, proof, previous.root, root);
        if (failure) throw new DalelError('INTERNAL', `Refusing to sign: the log is not consistent with checkpoint ${previous.id} (${failure}).`);
      }
      const signer = this.keyring.signer();
      // The origin is the signing key's name (C2SP), fixed when that key was made.
      const text = formatCheckpoint({ origin: signer.name, size, root });
      const note = signNote(text, signer);
      const keyId = this.keyring.activeKey()!.keyId;
      const createdAt = isoAt(this.clock.now());
      const id = this.db
        .prepare('INSERT INTO audit_checkpoints (size, root, note, key_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(size, Buffer.from(root), note, keyId, reason, createdAt).lastInsertRowid as number;
      return { id, size, root, note, keyId, reason, createdAt };
    });
    return sign.immediate();
  }

  /** Signs a checkpoint when entries arrived since the last one and it is at least a minute old (called by a timer). */
  signIfDue(): StoredCheckpoint | null {
    if (!this.keyring.isUnlocked()) return null;
    const previous = this.latest();
    const size = this.log.size();
    if (size === 0 || (previous && previous.size === size)) return null;
    if (previous && this.clock.now() - Date.parse(previous.createdAt) < checkpointIntervalMs) return null;
    return this.sign('periodic');
  }

  /**
   * Verifies and stores a witness's cosignature (C2SP tlog-cosignature) of one of this log's checkpoints. The input is
   * the cosigned checkpoint note; `witnessKey` is the witness's verifier key.
   */
  importCosignature(cosignedNote: string, witnessKey: string): StoredCosignature {
    let key;
    try {
      key = parseVerifierKey(witnessKey);
    } catch (error) {
      throw new DalelError('BAD_INPUT', `The witness key is malformed: ${(error as Error).message}.`, { reasonCode: 'bad-key' });
    }
    if (key.type !== ed25519CosignatureType) throw new DalelError('BAD_INPUT', 'The witness key is not an Ed25519 cosignature key (type 0x04).', { reasonCode: 'bad-key' });
    let parsed;
    try {
      parsed = parseNote(cosignedNote);
      parseCheckpoint(parsed.text);
    } catch (error) {
      throw new DalelError('BAD_INPUT', `The cosigned checkpoint is malformed: ${(error as Error).message}.`, { reasonCode: 'malformed' });
    }
    const checkpoint = parseCheckpoint(parsed.text);
    const row = this.db.prepare('SELECT * FROM audit_checkpoints WHERE size = ? ORDER BY id DESC').all(checkpoint.size) as CheckpointRow[];
    const ours = row.map(toCheckpoint).find((c) => sameHash(c.root, checkpoint.root) && c.note.startsWith(parsed.text));
    if (!ours) throw new DalelError('NOT_FOUND', 'The cosigned checkpoint is not one this workstation signed.', { reasonCode: 'unknown-checkpoint' });
    const line = parsed.signatures.find((s) => s.name === key.name);
    if (!line) throw new DalelError('BAD_INPUT', `The note carries no signature by ${key.name}.`, { reasonCode: 'no-cosignature' });
    const timestamp = verifyCosignature(parsed.text, line, key);
    if (timestamp === null) throw new DalelError('BAD_INPUT', `The cosignature by ${key.name} does not verify.`, { reasonCode: 'bad-signature' });
    const stored: StoredCosignature = {
      checkpointId: ours.id,
      witness: key.name,
      verifierKey: witnessKey.trim(),
      timestamp: Number(timestamp),
      line: `\u2014 ${line.name} ${Buffer.from(line.bytes).toString('base64')}\n`,
      importedAt: isoAt(this.clock.now()),
    };
    this.db
      .prepare('INSERT OR IGNORE INTO audit_cosignatures (checkpoint_id, witness, verifier_key, timestamp, line, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(stored.checkpointId, stored.witness, stored.verifierKey, stored.timestamp, stored.line, stored.importedAt);
    return stored;
  }

  /** Cosignatures stored for a checkpoint. */
  cosignatures(checkpointId: number): StoredCosignature[] {
    const rows = this.db.prepare('SELECT * FROM audit_cosignatures WHERE checkpoint_id = ? ORDER BY id').all(checkpointId) as Array<{
      checkpoint_id: number;
      witness: string;
      verifier_key: string;
      timestamp: number;
      line: string;
      imported_at: string;
    }>;
    return rows.map((r) => ({ checkpointId: r.checkpoint_id, witness: r.witness, verifierKey: r.verifier_key, timestamp: r.timestamp, line: r.line, importedAt: r.imported_at }));
  }

  /** The checkpoint note with its stored cosignatures appended (what a proof carries). */
  cosignedNote(checkpoint: StoredCheckpoint): string {
    return checkpoint.note + this.cosignatures(checkpoint.id).map((c) => c.line).join('');
  }
}
