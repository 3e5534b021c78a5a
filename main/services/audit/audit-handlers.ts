import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditStatus, CheckpointInfo, RequestChannel } from '../../contract/index.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { sha256Hex } from '../intake/evidence-store.ts';
import { createPassphraseSealer } from '../passphrase-sealer.ts';
import type { ScryptParams } from '../passwords.ts';
import { actorOf, type Session } from '../sessions.ts';
import { bytesOf, type UploadStore } from '../uploads.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from './audit-log.ts';
import { exportBundle } from './bundle-export.ts';
import { verifyBundleAsync, workersFor, zipSource } from './bundle-verify.ts';
import type { CheckpointService, StoredCheckpoint } from './checkpoints.ts';
import type { AuditKeyring, NamedSealer } from './keyring.ts';
import { hashLeaf } from './merkle.ts';
import type { TrailLabels } from './trail-labels.ts';
import { retentionFacts } from './retention.ts';
import { formatTlogProof } from './note.ts';

type AuditChannel = Extract<RequestChannel, `audit.${string}`>;

/** What the audit handlers need. */
export interface AuditHandlerDeps {
  readonly db: Db;
  readonly log: AuditLog;
  readonly keyring: AuditKeyring;
  readonly checkpoints: CheckpointService;
  readonly exportsDir: string;
  /** scrypt cost for passphrase-sealed keys (tests lower it). */
  readonly sealerScryptParams?: ScryptParams;
  readonly onExportProgress?: (clientKey: string, done: number, total: number) => void;
  /** Told how far a bundle's verification is (bytes of its entries checked, of how many). */
  readonly onVerifyProgress?: (clientKey: string, done: number, total: number) => void;
  /** The sealer the workstation opened its key with at start (Electron's OS keystore), reused for rotation. */
  readonly startupSealer?: NamedSealer;
  /** Browser-mode uploads, for bundles sent by reference. */
  readonly uploads: UploadStore;
  /** Display names, case numbers and file names for the trail listing. */
  readonly labels?: TrailLabels;
}

/** New signing-key passphrases must be at least this long. */
export const minimumKeyPassphrase = 12;

function sessionOf(session: Session | null): Session {
  if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return session;
}

/** A stored checkpoint as the interface (and the lab report) shows it: note with its cosignatures. */
export function toCheckpointInfo(checkpoints: CheckpointService, c: StoredCheckpoint): CheckpointInfo {
  return {
    id: c.id,
    size: c.size,
    rootBase64: Buffer.from(c.root).toString('base64'),
    note: checkpoints.cosignedNote(c),
    reason: c.reason,
    keyId: c.keyId,
    createdAt: c.createdAt,
    cosignatures: checkpoints.cosignatures(c.id).map((s) => ({ witness: s.witness, timestamp: s.timestamp })),
  };
}

/** The channels of the audit log: status, key unlock, trail, proofs, checkpoints, export, verification, witnessing. */
export function createAuditHandlers(deps: AuditHandlerDeps): Pick<Handlers, AuditChannel> {
  const { log, keyring, checkpoints } = deps;

  const checkpointInfo = (c: StoredCheckpoint): CheckpointInfo => toCheckpointInfo(checkpoints, c);

  const status = (): AuditStatus => {
    const key = keyring.activeKey();
    const latest = checkpoints.latest();
    return {
      origin: keyring.origin,
      nextOrigin: keyring.nextOrigin(),
      size: log.size(),
      keyUnlocked: keyring.isUnlocked(),
      keySealer: keyring.activeSealer(),
      key: key ? { keyId: key.keyId, fingerprint: key.fingerprint, verifierKey: key.verifierKey, pem: key.pem, createdAt: key.createdAt } : null,
      latestCheckpoint: latest ? checkpointInfo(latest) : null,
    };
  };

  const handlers: { [C in AuditChannel]: Handler<C> } = {
    'audit.status': () => status(),
    'audit.unlockKey': (request, context) => {
      const session = sessionOf(context.session);
      if (!keyring.hasKey() && request.passphrase.length < minimumKeyPassphrase) {
        throw new DalelError('VALIDATION', `A new signing-key passphrase needs at least ${minimumKeyPassphrase} characters.`, { field: 'passphrase' });
      }
      const created = keyring.unlock({ kind: 'passphrase', sealer: createPassphraseSealer(request.passphrase, deps.sealerScryptParams) });
      log.append({ action: created ? 'audit.key-created' : 'audit.key-unlocked', actor: actorOf(session), details: { keyId: keyring.activeKey()!.keyId } });
      checkpoints.signIfDue();
      return status();
    },
    'audit.rotateKey': (request, context) => {
      const session = sessionOf(context.session);
      keyring.signer(); // rotation needs the current key open, so the last checkpoint under it can be signed
      checkpoints.sign('before key rotation');
      let sealer = deps.startupSealer;
      if (!sealer || sealer.kind === 'passphrase') {
        if (!request.newPassphrase || request.newPassphrase.length < minimumKeyPassphrase) {
          throw new DalelError('VALIDATION', `The new key passphrase needs at least ${minimumKeyPassphrase} characters.`, { field: 'newPassphrase' });
        }
        sealer = { kind: 'passphrase', sealer: createPassphraseSealer(request.newPassphrase, deps.sealerScryptParams) };
      }
      const { retired, created } = keyring.rotate(sealer);
      log.append({ action: 'audit.key-rotated', actor: actorOf(session), details: { retiredKeyId: retired?.keyId ?? null, keyId: created.keyId, fingerprint: created.fingerprint, origin: created.name } });
      checkpoints.sign('after key rotation');
      return status();
    },
    'audit.entries': (request) => {
      const rows = log.list({ ...request, limit: request.limit ?? 200 });
      const labels = deps.labels?.label(rows);
      return {
        size: log.size(),
        entries: rows.map((r, i) => ({ seq: r.seq, at: r.at, actor: r.actor, role: r.role, action: r.action, caseId: r.caseId, entry: Buffer.from(r.bytes).toString('utf8'), ...labels?.[i] })),
      };
    },
    'audit.proof': (request) => {
      const latest = checkpoints.latest();
      if (!latest || latest.size <= request.seq) {
        throw new DalelError('CONFLICT', `Entry ${request.seq} is not covered by a signed checkpoint yet; sign one first.`, { seq: request.seq });
      }
      const bytes = log.entryBytes(request.seq);
      return {
        seq: request.seq,
        entry: Buffer.from(bytes).toString('utf8'),
        leafHash: Buffer.from(hashLeaf(bytes)).toString('hex'),
        treeSize: latest.size,
        tlogProof: formatTlogProof({ index: request.seq, hashes: log.inclusionProof(request.seq, latest.size), checkpoint: checkpoints.cosignedNote(latest) }),
      };
    },
    'audit.checkpoint': () => checkpointInfo(checkpoints.sign('on demand')),
    'audit.checkpoints': () => checkpoints.history(200).map(checkpointInfo),
    'audit.export': async (request, context) => {
      const session = sessionOf(context.session);
      const { language, ...scope } = request;
      const result = await exportBundle({ log, checkpoints, keyring }, scope, actorOf(session), deps.exportsDir, {
        language,
        labels: deps.labels,
        onProgress: (done, total) => deps.onExportProgress?.(context.clientKey, done, total),
      });
      return { name: result.folder.split(/[\\/]/).pop()!, entries: result.entries, zipBytes: statSync(result.zip).size, checkpoint: checkpointInfo(result.checkpoint) };
    },
    'audit.download': (request, context) => {
      const path = join(deps.exportsDir, `${request.name}.zip`);
      if (!existsSync(path)) throw new DalelError('NOT_FOUND', `No export named ${request.name}.`, { name: request.name });
      const zip = new Uint8Array(readFileSync(path));
      log.append({ action: 'audit.bundle-downloaded', actor: actorOf(sessionOf(context.session)), details: { name: request.name, bytes: zip.length } });
      return { zip };
    },
    'audit.verify': async (request, context) => {
      const zip = bytesOf(deps.uploads, context.clientKey, request.fileName, request.zip);
      let source;
      try {
        source = zipSource(zip);
      } catch (error) {
        throw new DalelError('BAD_INPUT', `${request.fileName}: not a readable zip bundle (${(error as Error).message})`, { file: request.fileName, reasonCode: 'corrupt' });
      }
      const known = keyring.allKeys().map((k) => k.verifierKey);
      const report = await verifyBundleAsync(source, { trustedKeys: request.trustedKeys?.length ? request.trustedKeys : known, trustedCheckpoint: request.trustedCheckpoint, workers: workersFor(source) }, (done, total) =>
        deps.onVerifyProgress?.(context.clientKey, done, total),
      );
      log.append({
        action: 'audit.bundle-verified',
        actor: actorOf(sessionOf(context.session)),
        inputs: { bundle: sha256Hex(zip) },
        details: { fileName: request.fileName, valid: report.valid, problems: report.problems.length },
      });
      return report;
    },
    'audit.retention': () => retentionFacts(deps.db),
    'audit.importCosignature': (request, context) => {
      const stored = checkpoints.importCosignature(request.note, request.witnessKey);
      log.append({
        action: 'audit.cosignature-imported',
        actor: actorOf(sessionOf(context.session)),
        details: { checkpointId: stored.checkpointId, witness: stored.witness, timestamp: stored.timestamp },
      });
      return { checkpointId: stored.checkpointId, witness: stored.witness, timestamp: stored.timestamp };
    },
  };
  return handlers;
}
