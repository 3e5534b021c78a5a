import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * Random access to a file's bytes, so that intake checks can read headers, directories and tails without holding the
 * whole file: bytes already in memory (IPC, CLI) or a staged upload on disk (browser mode).
 */
export interface ByteSource {
  /** Length in bytes. */
  readonly size: number;
  /** Up to `length` bytes from `offset`: fewer at the end of the file, none past it. */
  read(offset: number, length: number): Uint8Array;
  /** The whole content, for codecs that need it (zip directories, image decoders); a copy read from disk for files. */
  whole(): Uint8Array;
}

/** A source over bytes in memory (no copies: reads are views). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
    whole: () => bytes,
  };
}

/** A source over a file on disk, read with positional reads; close it when done. */
export interface FileByteSource extends ByteSource {
  close(): void;
}

/** Opens a file for positional reads. */
export function openFileSource(path: string): FileByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const count = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.allocUnsafe(count);
      let done = 0;
      while (done < count) {
        const n = readSync(fd, out, done, count - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    },
    whole: () => readFileSync(path),
    close: () => closeSync(fd),
  };
}
