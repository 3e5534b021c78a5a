import { useState } from 'react';
import { useAuth } from './auth-context.ts';

/** Logging out from a screen that shows the failure (the server gone, the session already closed) instead of losing it. */
export function useLogout(): { readonly leave: () => Promise<void>; readonly error: unknown } {
  const { logout } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const leave = async () => {
    setError(null);
    try {
      await logout();
    } catch (failure) {
      setError(failure);
    }
  };
  return { leave, error };
}
