/** The evidence kinds and methods the workstation's modules declare ('forensics.catalog'), loaded once per screen. */
import { useCallback } from 'react';
import type { ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded, type Loaded } from '../common/use-loaded.ts';

/** The catalog. */
export type ForensicCatalog = ResponseOf<'forensics.catalog'>;

/** Loads the catalog. */
export function useCatalog(): Loaded<ForensicCatalog> {
  const api = useApi();
  const load = useCallback(() => call(api, 'forensics.catalog', {}), [api]);
  return useLoaded(load);
}

/** Translation key of an evidence kind's name. */
export const kindLabelKey = (kind: string) => `forensics.kinds.${kind}`;
