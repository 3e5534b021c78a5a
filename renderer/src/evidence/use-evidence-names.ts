import { useCallback, useEffect, useMemo } from 'react';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';

/** The case's evidence file names by item id, and how to read them again (after an import). */
export interface EvidenceNames {
  readonly names: ReadonlyMap<string, string>;
  readonly reload: () => void;
}

/**
 * The file names of the case's evidence by item id, read once for a case's screen so that its runs and findings can
 * say which items they are about; read again when `referenced` names an item added after the last read. Empty while
 * loading or when the list cannot be read (the rows then go without the line: a finding is still decided on its own
 * measurements).
 */
export function useEvidenceNames(caseId: string, referenced: readonly string[]): EvidenceNames {
  const api = useApi();
  const load = useCallback(async () => new Map((await call(api, 'evidence.list', { caseId })).map((e) => [e.id, e.originalName])), [api, caseId]);
  const names = useLoaded(load);
  const known = names.value;
  const missing = known !== undefined && referenced.some((id) => !known.has(id));
  const { reload } = names;
  useEffect(() => {
    if (missing) reload();
  }, [missing, reload]);
  return useMemo(() => ({ names: known ?? new Map<string, string>(), reload }), [known, reload]);
}

/** The file names of the given items in their order, or null while any of them (or all, for none) is not known. */
export function namesOf(names: ReadonlyMap<string, string>, ids: readonly string[]): string[] | null {
  const found = ids.flatMap((id) => names.get(id) ?? []);
  return found.length > 0 && found.length === ids.length ? found : null;
}
