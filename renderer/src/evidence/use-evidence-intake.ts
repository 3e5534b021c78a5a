import { useCallback, useRef, useState } from 'react';
import type { Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';

/** What became of one submitted file. */
export type IntakeOutcome =
  | { readonly key: number; readonly fileName: string; readonly status: 'added' | 'duplicate'; readonly evidence: Evidence }
  | { readonly key: number; readonly fileName: string; readonly status: 'failed'; readonly error: unknown }
  | { readonly key: number; readonly fileName: string; readonly status: 'unreadable' };

/** Progress of a running intake. */
export interface IntakeProgress {
  readonly done: number;
  readonly total: number;
  readonly current: string;
}

/** The intake queue of one case. */
export interface EvidenceIntake {
  readonly outcomes: readonly IntakeOutcome[];
  readonly progress: IntakeProgress | null;
  /** Reads each file's bytes and submits it with `evidence.add`, one after another. */
  readonly add: (files: readonly File[]) => Promise<void>;
  readonly dismiss: (key: number) => void;
  readonly clear: () => void;
}

/**
 * Sends files to `evidence.add` one at a time (so one bad file never hides another's result, and memory holds one
 * file at once), recording an outcome per file and calling `onStored` after the batch if anything was stored.
 */
export function useEvidenceIntake(caseId: string, onStored: () => void): EvidenceIntake {
  const api = useApi();
  const [outcomes, setOutcomes] = useState<readonly IntakeOutcome[]>([]);
  const [progress, setProgress] = useState<IntakeProgress | null>(null);
  const nextKey = useRef(0);

  const add = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      let stored = false;
      for (const [index, file] of files.entries()) {
        setProgress({ done: index, total: files.length, current: file.name });
        const key = nextKey.current++;
        let outcome: IntakeOutcome;
        let bytes: Uint8Array | null = null;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch (error) {
          console.warn(`[dalel] cannot read ${file.name}:`, error);
        }
        if (bytes === null) {
          outcome = { key, fileName: file.name, status: 'unreadable' };
        } else {
          try {
            const result = await call(api, 'evidence.add', { caseId, fileName: file.name, bytes });
            outcome = { key, fileName: file.name, status: result.duplicate ? 'duplicate' : 'added', evidence: result.evidence };
            stored = true;
          } catch (error) {
            outcome = { key, fileName: file.name, status: 'failed', error };
          }
        }
        setOutcomes((previous) => [outcome, ...previous]);
      }
      setProgress(null);
      if (stored) onStored();
    },
    [api, caseId, onStored],
  );

  const dismiss = useCallback((key: number) => setOutcomes((previous) => previous.filter((o) => o.key !== key)), []);
  const clear = useCallback(() => setOutcomes([]), []);
  return { outcomes, progress, add, dismiss, clear };
}
