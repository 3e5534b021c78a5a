import { useCallback, useRef, useState } from 'react';
import type { Evidence, ResponseOf } from '../../../main/contract/index.ts';
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

/** A file read and sniffed, waiting for the expert to confirm what it is evidence of. */
export interface PendingFile {
  readonly key: number;
  readonly file: File;
  readonly suggestion: ResponseOf<'evidence.suggestKind'>;
}

/** What the expert declared for one file. */
export interface Declared {
  readonly category: string;
  readonly pixelUm?: number;
}

/** Files waiting for their kinds: confirm with a declaration per file (by key), or cancel to store none. */
export interface PendingDeclaration {
  readonly files: readonly PendingFile[];
  readonly confirm: (declared: ReadonlyMap<number, Declared>) => void;
  readonly cancel: () => void;
}

/** The intake queue of one case. */
export interface EvidenceIntake {
  readonly outcomes: readonly IntakeOutcome[];
  readonly progress: IntakeProgress | null;
  /** The files whose kinds the expert is asked to confirm before anything is stored, or null. */
  readonly declaration: PendingDeclaration | null;
  /**
   * Reads each file and asks the kind the services suggest for it, lets the expert confirm or change the kinds, then
   * submits each with `evidence.add`, one after another.
   */
  readonly add: (files: readonly File[]) => Promise<void>;
  readonly dismiss: (key: number) => void;
  readonly clear: () => void;
}

async function readBytes(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    console.warn(`[dalel] cannot read ${file.name}:`, error);
    return null;
  }
}

/**
 * Sends files to `evidence.add` one at a time (so one bad file never hides another's result, and memory holds one
 * file at once), after the expert confirmed each file's kind, recording an outcome per file and calling `onStored`
 * after the batch if anything was stored.
 */
export function useEvidenceIntake(caseId: string, onStored: () => void): EvidenceIntake {
  const api = useApi();
  const [outcomes, setOutcomes] = useState<readonly IntakeOutcome[]>([]);
  const [progress, setProgress] = useState<IntakeProgress | null>(null);
  const [declaration, setDeclaration] = useState<PendingDeclaration | null>(null);
  const nextKey = useRef(0);

  const add = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      // First what each file is: its format from its bytes and the kind suggested for it; refusals are reported now.
      const pending: PendingFile[] = [];
      for (const [index, file] of files.entries()) {
        setProgress({ done: index, total: files.length, current: file.name });
        const key = nextKey.current++;
        const bytes = await readBytes(file);
        if (bytes === null) {
          const outcome: IntakeOutcome = { key, fileName: file.name, status: 'unreadable' };
          setOutcomes((previous) => [outcome, ...previous]);
          continue;
        }
        try {
          pending.push({ key, file, suggestion: await call(api, 'evidence.suggestKind', { fileName: file.name, bytes }) });
        } catch (error) {
          const outcome: IntakeOutcome = { key, fileName: file.name, status: 'failed', error };
          setOutcomes((previous) => [outcome, ...previous]);
        }
      }
      setProgress(null);
      if (pending.length === 0) return;
      const declared = await new Promise<ReadonlyMap<number, Declared> | null>((resolve) =>
        setDeclaration({ files: pending, confirm: (chosen) => resolve(chosen), cancel: () => resolve(null) }),
      );
      setDeclaration(null);
      if (declared === null) return;
      let stored = false;
      for (const [index, { key, file }] of pending.entries()) {
        setProgress({ done: index, total: pending.length, current: file.name });
        let outcome: IntakeOutcome;
        const bytes = await readBytes(file);
        const kind = declared.get(key);
        if (bytes === null || !kind) {
          outcome = { key, fileName: file.name, status: 'unreadable' };
        } else {
          try {
            const result = await call(api, 'evidence.add', { caseId, fileName: file.name, bytes, category: kind.category, ...(kind.pixelUm !== undefined ? { pixelUm: kind.pixelUm } : {}) });
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
  return { outcomes, progress, declaration, add, dismiss, clear };
}
