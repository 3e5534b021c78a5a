import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The SHA-256 of some bytes, as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fsyncDirectory(dir: string): void {
  // Renames are durable only once the directory entry is on disk; Windows cannot open directories, hence the guard.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Content-addressed file store (`sha256/ab/cd/<hash>`). A blob is written to a temporary file, synced, then renamed
 * into place, so a crash leaves either the whole blob or nothing; identical content is stored once.
 */
export class EvidenceStore {
  constructor(private readonly root: string) {
    mkdirSync(join(root, 'tmp'), { recursive: true });
  }

  /** Where a blob lives. */
  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** True when a blob with this hash and size is already stored. */
  has(sha256: string, size: number): boolean {
    try {
      return statSync(this.pathOf(sha256)).size === size;
    } catch {
      return false;
    }
  }

  /** Stores bytes under their hash (durably) and returns the hash; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array, sha256: string = sha256Hex(bytes)): string {
    if (this.has(sha256, bytes.length)) return sha256;
    const target = this.pathOf(sha256);
    const dir = join(target, '..');
    mkdirSync(dir, { recursive: true });
    const temp = join(this.root, 'tmp', `${sha256}.${randomUUID()}.part`);
    const fd = openSync(temp, 'wx', 0o440);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    // rename is atomic: concurrent writers of the same content race harmlessly, the bytes being identical.
    renameSync(temp, target);
    fsyncDirectory(dir);
    return sha256;
  }

  /**
   * Moves a file already written (and synced) on the same filesystem into the store under its hash, by rename: no
   * copy, so a large upload is never read again. When the blob is already stored, the file is removed instead.
   */
  adopt(path: string, sha256: string, size: number): string {
    if (this.has(sha256, size)) {
      rmSync(path, { force: true });
      return sha256;
    }
    const target = this.pathOf(sha256);
    const dir = join(target, '..');
    mkdirSync(dir, { recursive: true });
    chmodSync(path, 0o440);
    renameSync(path, target);
    fsyncDirectory(dir);
    return sha256;
  }

  /** Reads a blob back, checking that it still has the hash it is stored under. */
  read(sha256: string): Uint8Array {
    const bytes = readFileSync(this.pathOf(sha256));
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new Error(`stored blob ${sha256} has changed on disk (now ${actual})`);
    return bytes;
  }
}
