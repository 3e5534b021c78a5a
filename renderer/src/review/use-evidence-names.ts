import { useCallback, useEffect, useMemo } from 'react';
import type { Finding } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';

/**
 * The file names of the case's evidence by item id, so a finding can say which items it is about; loaded again when a
 * finding names an item added after the last load. Empty while loading or when the list cannot be read (the rows then
 * go without the line: a finding is still decided on its own measurements).
 */
export function useEvidenceNames(caseId: string, findings: readonly Finding[]): ReadonlyMap<string, string> {
  const api = useApi();
  const load = useCallback(async () => new Map((await call(api, 'evidence.list', { caseId })).map((e) => [e.id, e.originalName])), [api, caseId]);
  const names = useLoaded(load);
  const known = names.value;
  const missing = known !== undefined && findings.some((f) => f.evidenceIds.some((id) => !known.has(id)));
  const { reload } = names;
  useEffect(() => {
    if (missing) reload();
  }, [missing, reload]);
  return useMemo(() => known ?? new Map<string, string>(), [known]);
}
