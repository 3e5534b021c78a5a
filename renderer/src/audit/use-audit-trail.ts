import { useCallback, useState } from 'react';
import type { AuditEntryView, ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';
import type { TrailQuery } from './trail-query.ts';

/** Entries fetched per page of the trail. */
export const trailPageSize = 100;

type Page = ResponseOf<'audit.entries'>;

/** The trail as loaded so far for one query. */
export interface AuditTrail {
  readonly entries: readonly AuditEntryView[];
  /** Entries in the whole log (not only those matching), null before the first answer. */
  readonly logSize: number | null;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: unknown;
  /** True when the last page was full, so later entries may match too. */
  readonly hasMore: boolean;
  readonly loadMore: () => Promise<void>;
  readonly reload: () => void;
}

/**
 * Pages through the entries matching a query, oldest first: the first page loads whenever the query or `revision`
 * changes, later pages are appended with `afterSeq` on request. Pages fetched for an earlier first page are
 * discarded, never mixed in.
 */
export function useAuditTrail(query: TrailQuery, revision: number): AuditTrail {
  const api = useApi();
  const loadFirst = useCallback(
    // The revision is part of the request's identity: a new one means "read again".
    () => call(api, 'audit.entries', { ...query, limit: trailPageSize }).then((page) => ({ ...page, revision })),
    [api, query, revision],
  );
  const first = useLoaded(loadFirst);
  const [more, setMore] = useState<{ readonly base: Page; readonly pages: readonly Page[]; readonly error: unknown } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const base = first.value;
  const extra = more !== null && more.base === base ? more : null;
  const pages = base ? [base, ...(extra?.pages ?? [])] : [];
  const entries = pages.flatMap((page) => page.entries);
  const last = pages.at(-1);
  const hasMore = last !== undefined && last.entries.length === trailPageSize;
  const lastSeq = entries.at(-1)?.seq;

  const loadMore = useCallback(async () => {
    if (!base || lastSeq === undefined) return;
    setLoadingMore(true);
    try {
      const page = await call(api, 'audit.entries', { ...query, afterSeq: lastSeq, limit: trailPageSize });
      setMore((previous) => ({ base, pages: [...(previous?.base === base ? previous.pages : []), page], error: null }));
    } catch (error) {
      setMore((previous) => ({ base, pages: previous?.base === base ? previous.pages : [], error }));
    } finally {
      setLoadingMore(false);
    }
  }, [api, query, base, lastSeq]);

  return {
    entries,
    logSize: last?.size ?? null,
    loading: first.loading,
    loadingMore,
    error: first.error ?? extra?.error ?? null,
    hasMore,
    loadMore,
    reload: first.reload,
  };
}
