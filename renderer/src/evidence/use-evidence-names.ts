import { useCallback, useEffect, useMemo } from 'react';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';

/**
 * The file names of the case's evidence by item id, so a run or a finding can say which items it is about; loaded
 * again when `referenced` names an item added after the last load. Empty while loading or when the list cannot be read
 * (the rows then go without the line: a finding is still decided on its own measurements).
 */
export function useEvidenceNames(caseId: string, referenced: readonly string[]): ReadonlyMap<string, string> {
  const api = useApi();
  const load = useCallback(async () => new Map((await call(api, 'evidence.list', { caseId })).map((e) => [e.id, e.originalName])), [api, caseId]);
  const names = useLoaded(load);
  const known = names.value;
  const missing = known !== undefined && referenced.some((id) => !known.has(id));
  const { reload } = names;
  useEffect(() => {
    if (missing) reload();
  }, [missing, reload]);
  return useMemo(() => known ?? new Map<string, string>(), [known]);
}

/** The file names of the given items in their order, or null while any of them (or all, for none) is not known. */
export function namesOf(names: ReadonlyMap<string, string>, ids: readonly string[]): string[] | null {
  const found = ids.flatMap((id) => names.get(id) ?? []);
  return found.length > 0 && found.length === ids.length ? found : null;
}
