import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { isLanguage } from '../i18n/languages.ts';

/** Which entries an export holds. */
export type ExportScope = RequestOf<'audit.export'>;
/** What a finished export reports. */
export type ExportResult = ResponseOf<'audit.export'>;

/** Where an export stands: not started, writing (with the entries written so far once known), finished or failed. */
export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly done: number; readonly total: number | null }
  | { readonly phase: 'done'; readonly result: ExportResult }
  | { readonly phase: 'failed'; readonly error: unknown };

/**
 * Runs `audit.export`, following its progress through the `audit.exportProgress` events, which the services send
 * only to the client that asked; the listener lives exactly as long as the export.
 */
export function useAuditExport(): { readonly state: ExportState; readonly start: (scope: ExportScope) => Promise<void>; readonly reset: () => void } {
  const api = useApi();
  const { i18n } = useTranslation();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });

  const start = useCallback(
    async (scope: ExportScope) => {
      setState({ phase: 'running', done: 0, total: null });
      const stop = api.on('audit.exportProgress', ({ done, total }) => {
        setState((current) => (current.phase === 'running' ? { phase: 'running', done, total } : current));
      });
      try {
        // The clerk's trail.pdf in the bundle speaks the exporting user's language, as the report PDF does.
        const language = isLanguage(i18n.language) ? i18n.language : 'en';
        const result = await call(api, 'audit.export', { ...scope, language });
        setState({ phase: 'done', result });
      } catch (error) {
        setState({ phase: 'failed', error });
      } finally {
        stop();
      }
    },
    [api, i18n],
  );

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, reset };
}
