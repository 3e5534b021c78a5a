import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { isoAt, type Clock } from '../clock.ts';
import { DalelError } from '../errors.ts';
import type { SecretSealer } from '../passphrase-sealer.ts';
import { ed25519NoteType, formatVerifierKey, keyId, noteSigner, publicKeyPem, type NoteSigner } from './note.ts';

/**
 * The audit log's origin for a workstation: its name as the administrator set it (spaces become hyphens, '+' is
 * dropped: a C2SP key name may hold neither), then the workstation's id, which keeps two workstations of the same
 * name apart. Example: `Алматы-сот-сараптама-1/audit/6f1e…`.
 */
export function auditOrigin(workstationName: string, workstationId: string): string {
  const name = workstationName.normalize('NFC').trim().replace(/\+/g, '').replace(/[\s\p{C}/]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${name === '' ? 'workstation' : name}/audit/${workstationId}`;
}

/** A sealer and the name of its kind ('passphrase' or 'os-keystore'), recorded with each sealed key. */
export interface NamedSealer {
  readonly kind: string;
  readonly sealer: SecretSealer;
}

/** The public face of the workstation's signing key. */
export interface PublicKeyInfo {
  readonly keyId: string;
  readonly name: string;
  readonly publicKey: Uint8Array;
  /** The C2SP note verifier key, `name+id+base64(0x01||key)`. */
  readonly verifierKey: string;
  readonly pem: string;
  /** SHA-256 of the raw public key, shown in the interface so people can compare it out of band. */
  readonly fingerprint: string;
  readonly createdAt: string;
}

interface KeyRow {
  key_id: string;
  name: string;
  public_key: Buffer;
  sealed_seed: Buffer;
  sealer: string;
  created_at: string;
}

function toInfo(row: KeyRow): PublicKeyInfo {
  const publicKey = new Uint8Array(row.public_key);
  return {
    keyId: row.key_id,
    name: row.name,
    publicKey,
    verifierKey: formatVerifierKey(row.name, ed25519NoteType, publicKey),
    pem: publicKeyPem(publicKey),
    fingerprint: createHash('sha256').update(publicKey).digest('hex'),
    createdAt: row.created_at,
  };
}

/**
 * The workstation's Ed25519 signing key for checkpoints. Its seed is stored only sealed (OS keystore in Electron, a
 * passphrase in the CLI and browser mode) and is held in memory only after an unlock.
 */
export class AuditKeyring {
  private unlocked: NoteSigner | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The origin a key created now would have (it follows the workstation's name, which an administrator may change). */
    private readonly originForNewKey: () => string,
  ) {}

  /**
   * The log's origin, which is also the active key's name. It is fixed when a key is created or rotated: renaming
   * the workstation changes it only at the next rotation, so that checkpoints already signed (and bundles already
   * handed out) keep verifying, and a verifier's key keeps matching the checkpoints it is given.
   */
  get origin(): string {
    return this.activeRow()?.name ?? this.originForNewKey();
  }

  /** The origin the next key will have (after a rename it differs from `origin` until the key is rotated). */
  nextOrigin(): string {
    return this.originForNewKey();
  }

  private activeRow(): KeyRow | undefined {
    return this.db.prepare('SELECT * FROM audit_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1').get() as KeyRow | undefined;
  }

  /** True when a key exists (it may still be locked). */
  hasKey(): boolean {
    return this.activeRow() !== undefined;
  }

  /** How the active key is sealed ('passphrase', 'os-keystore'), or null before the first key. */
  activeSealer(): string | null {
    return this.activeRow()?.sealer ?? null;
  }

  /** True when checkpoints can be signed now. */
  isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /** The active key's public information, or null before the first key. */
  activeKey(): PublicKeyInfo | null {
    const row = this.activeRow();
    return row ? toInfo(row) : null;
  }

  /** Every key this workstation has used, newest first (bundles carry them all, for older checkpoints). */
  allKeys(): PublicKeyInfo[] {
    return (this.db.prepare('SELECT * FROM audit_keys ORDER BY created_at DESC').all() as KeyRow[]).map(toInfo);
  }

  /** Opens the active key with a sealer, creating the first key when there is none. Returns whether a key was created. */
  unlock(named: NamedSealer): boolean {
    const row = this.activeRow();
    if (!row) {
      this.unlocked = this.create(named);
      return true;
    }
    if (row.sealer !== named.kind) {
      throw new DalelError('CONFLICT', `The signing key is sealed by the ${row.sealer}, not by a ${named.kind}.`, { sealer: row.sealer });
    }
    const seed = named.sealer.open(new Uint8Array(row.sealed_seed));
    const signer = noteSigner(row.name, seed);
    if (Buffer.compare(Buffer.from(signer.publicKey), row.public_key) !== 0) {
      throw new DalelError('BAD_INPUT', 'The unsealed signing key does not match its stored public key.', { reasonCode: 'key-mismatch' });
    }
    this.unlocked = signer;
    return false;
  }

  /** Replaces the active key with a new one; the old key stays listed (retired) so old checkpoints still verify. */
  rotate(named: NamedSealer): { retired: PublicKeyInfo | null; created: PublicKeyInfo } {
    const retired = this.activeKey();
    const rotate = this.db.transaction(() => {
      if (retired) this.db.prepare('UPDATE audit_keys SET retired_at = ? WHERE key_id = ?').run(isoAt(this.clock.now()), retired.keyId);
      this.unlocked = this.create(named);
    });
    rotate.immediate();
    return { retired, created: this.activeKey()! };
  }

  /** Forgets the unsealed key. */
  lock(): void {
    this.unlocked = null;
  }

  /** The signer, or an error saying the key must be unlocked. */
  signer(): NoteSigner {
    if (!this.unlocked) {
      throw new DalelError('KEY_LOCKED', 'The audit signing key is locked: unlock it with its passphrase to sign checkpoints.');
    }
    return this.unlocked;
  }

  private create(named: NamedSealer): NoteSigner {
    const signer = noteSigner(this.origin, new Uint8Array(randomBytes(32)));
    const id = Buffer.from(keyId(signer.name, ed25519NoteType, signer.publicKey)).toString('hex');
    // A later key may reuse the same 4-byte id only by a 1-in-4-billion accident; the primary key then refuses it.
    this.db
      .prepare('INSERT INTO audit_keys (key_id, name, public_key, sealed_seed, sealer, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, signer.name, Buffer.from(signer.publicKey), Buffer.from(named.sealer.seal(signer.seed)), named.kind, isoAt(this.clock.now()));
    return signer;
  }
}
