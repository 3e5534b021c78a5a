import { useCallback } from 'react';
import type { Case, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded, type Loaded } from '../common/use-loaded.ts';

/**
 * The workstation's cases for pickers and for showing case numbers instead of ids, or an empty list for roles that
 * may not list cases (administrators), who then work with case ids.
 */
export function useCaseList(role: Role): Loaded<readonly Case[]> & { readonly available: boolean } {
  const api = useApi();
  const available = mayUse(role, 'cases.list');
  const load = useCallback(async (): Promise<readonly Case[]> => (available ? call(api, 'cases.list', {}) : []), [api, available]);
  return { ...useLoaded(load), available };
}
