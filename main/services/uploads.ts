import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DalelError } from './errors.ts';

/** A file streamed to disk and hashed on the way: the caller of `take` owns it and must adopt or discard it. */
export interface StagedFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** The answer to a streamed upload. */
export type UploadOutcome =
  | { readonly ok: true; readonly id: string; readonly size: number; readonly sha256: string }
  | { readonly ok: false; readonly reason: 'too-large'; readonly received: number; readonly limit: number }
  | { readonly ok: false; readonly reason: 'too-many'; readonly limit: number }
  | { readonly ok: false; readonly reason: 'no-session' };

/** Settings of the staging area. */
export interface UploadStoreOptions {
  /** Largest upload, in bytes: the evidence intake limit. */
  readonly maxBytes: number;
  /** Uploads waiting to be used, per client and in all. */
  readonly maxPendingPerClient?: number;
  readonly maxPendingTotal?: number;
  /** An upload not used within this time is removed. */
  readonly ttlMs?: number;
  /** Whether a client has a session: only logged-in users may put files on the workstation's disk. */
  readonly hasSession?: (clientKey: string) => boolean;
}

interface Pending extends StagedFile {
  readonly clientKey: string;
  readonly at: number;
}

const idPattern = /^[A-Za-z0-9_-]{22}$/;

/**
 * Staging area for browser-mode uploads, in the data folder beside the evidence store (same filesystem, so that a
 * staged file enters the store by rename). A body is streamed to a temporary file while it is hashed and counted; it
 * is never held in memory whole. Each upload belongs to the client that sent it and is used at most once. The folder
 * is emptied when the store opens (files left by a crash) and when it closes.
 */
export class UploadStore {
  private readonly pending = new Map<string, Pending>();
  private readonly receiving = new Map<string, number>();
  private readonly maxPerClient: number;
  private readonly maxTotal: number;
  private readonly ttlMs: number;

  constructor(
    private readonly dir: string,
    private readonly options: UploadStoreOptions,
  ) {
    this.maxPerClient = options.maxPendingPerClient ?? 4;
    this.maxTotal = options.maxPendingTotal ?? 16;
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** The upload size limit, in bytes. */
  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /**
   * Streams a body to a temporary file, hashing it (SHA-256) and counting it. Stops reading as soon as the body
   * passes the limit and removes what was written; any failure (a dropped connection) removes the file too.
   */
  async receive(clientKey: string, body: AsyncIterable<Uint8Array>): Promise<UploadOutcome> {
    this.sweep();
    if (this.options.hasSession && !this.options.hasSession(clientKey)) return { ok: false, reason: 'no-session' };
    const mine = [...this.pending.values()].filter((p) => p.clientKey === clientKey).length + (this.receiving.get(clientKey) ?? 0);
    const all = this.pending.size + [...this.receiving.values()].reduce((a, b) => a + b, 0);
    if (mine >= this.maxPerClient || all >= this.maxTotal) return { ok: false, reason: 'too-many', limit: this.maxPerClient };
    const id = randomBytes(16).toString('base64url');
    const path = join(this.dir, `${id}.part`);
    this.receiving.set(clientKey, (this.receiving.get(clientKey) ?? 0) + 1);
    let file: FileHandle | null = null;
    let kept = false;
    try {
      file = await open(path, 'wx', 0o600);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of body) {
        size += chunk.length;
        if (size > this.options.maxBytes) return { ok: false, reason: 'too-large', received: size, limit: this.options.maxBytes };
        hash.update(chunk);
        // One write at a time: the socket is read only as fast as the disk takes it.
        await file.write(chunk);
      }
      await file.sync();
      const staged: Pending = { path, size, sha256: hash.digest('hex'), clientKey, at: Date.now() };
      this.pending.set(id, staged);
      kept = true;
      return { ok: true, id, size, sha256: staged.sha256 };
    } finally {
      await file?.close();
      const left = (this.receiving.get(clientKey) ?? 1) - 1;
      if (left > 0) this.receiving.set(clientKey, left);
      else this.receiving.delete(clientKey);
      if (!kept) rmSync(path, { force: true });
    }
  }

  /** Hands a client's upload over to the caller (once); NOT_FOUND for an unknown, foreign, used or expired one. */
  take(clientKey: string, id: string, fileName: string): StagedFile {
    this.sweep();
    const found = idPattern.test(id) ? this.pending.get(id) : undefined;
    if (!found || found.clientKey !== clientKey) {
      throw new DalelError('NOT_FOUND', `${fileName}: the uploaded file is no longer available; please add it again.`, { file: fileName, reason: 'upload-missing' });
    }
    this.pending.delete(id);
    return { path: found.path, size: found.size, sha256: found.sha256 };
  }

  /** Removes a staged file that was not adopted (harmless when it was). */
  discard(file: StagedFile): void {
    rmSync(file.path, { force: true });
  }

  /** Removes uploads nobody used in time. */
  sweep(now = Date.now()): void {
    for (const [id, entry] of this.pending) {
      if (now - entry.at <= this.ttlMs) continue;
      this.pending.delete(id);
      rmSync(entry.path, { force: true });
    }
  }

  /** Removes every waiting upload and the folder's content (closing the workstation). */
  close(): void {
    this.pending.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A request's file content as bytes in memory: given bytes, or a client's staged upload read back (then removed). */
export function bytesOf(uploads: UploadStore, clientKey: string, fileName: string, body: Uint8Array | { readonly upload: string }): Uint8Array {
  if (body instanceof Uint8Array) return body;
  const staged = uploads.take(clientKey, body.upload, fileName);
  try {
    return readFileSync(staged.path);
  } finally {
    uploads.discard(staged);
  }
}
