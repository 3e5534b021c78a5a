import { rmSync } from 'node:fs';
import type { StagedFile } from '../uploads.ts';
import { bytesSource, openFileSource, type ByteSource } from './byte-source.ts';
import { sha256Hex, type EvidenceStore } from './evidence-store.ts';

/** A file on its way into the evidence store, whether its bytes are in memory or staged on disk. */
export interface IntakeInput {
  readonly source: ByteSource;
  readonly size: number;
  readonly sha256: string;
  /** Stores the content under its hash: written out from memory, or a staged file moved in by rename. */
  storeIn(store: EvidenceStore): void;
  /** Releases the file; a staged file not stored by then is removed (every failure path ends here). */
  close(): void;
}

/** Wraps bytes from IPC or the CLI, or a staged browser-mode upload (already hashed while it streamed in). */
export function intakeInput(content: Uint8Array | StagedFile): IntakeInput {
  if (content instanceof Uint8Array) {
    const sha256 = sha256Hex(content);
    return { source: bytesSource(content), size: content.length, sha256, storeIn: (store) => void store.put(content, sha256), close: () => {} };
  }
  let source: ReturnType<typeof openFileSource> | null = null;
  try {
    source = openFileSource(content.path);
  } catch (error) {
    rmSync(content.path, { force: true });
    throw error;
  }
  const opened = source;
  let open = true;
  const release = () => {
    if (open) opened.close();
    open = false;
  };
  return {
    source: opened,
    size: content.size,
    sha256: content.sha256,
    storeIn: (store) => {
      // Closed first: Windows cannot rename a file that is still open.
      release();
      store.adopt(content.path, content.sha256, content.size);
    },
    close: () => {
      release();
      rmSync(content.path, { force: true });
    },
  };
}
