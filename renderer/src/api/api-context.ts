import { createContext, useContext } from 'react';
import type { DalelApi } from '../../../main/contract/index.ts';

/** The API the components call; provided once at the root (and wrapped by the auth provider to watch for locks). */
export const ApiContext = createContext<DalelApi | null>(null);

/** The API of the nearest provider; a missing provider is a programming error. */
export function useApi(): DalelApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext> provider above it');
  return api;
}
