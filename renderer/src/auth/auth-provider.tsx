import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DalelApi, ErrorInfo, SessionInfo } from '../../../main/contract/index.ts';
import { ApiContext, useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { AuthContext, type AuthControl, type AuthView } from './auth-context.ts';
import { useIdleTimer } from './use-idle-timer.ts';

interface Status {
  readonly needsSetup: boolean;
  readonly session: SessionInfo | null;
}

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'known'; readonly status: Status };

/** Wraps the API so that every error result saying the session is locked or gone updates the screen at once. */
function watchSession(api: DalelApi, onError: (error: ErrorInfo) => void): DalelApi {
  return {
    invoke: async (channel, payload) => {
      const result = await api.invoke(channel, payload);
      if (!result.ok) onError(result.error);
      return result;
    },
    on: (event, listener) => api.on(event, listener),
  };
}

function viewOf(loaded: Loaded, clientLocked: boolean): AuthView {
  if (loaded.kind !== 'known') return loaded;
  const { needsSetup, session } = loaded.status;
  if (needsSetup) return { kind: 'setup' };
  if (!session) return { kind: 'login' };
  if (session.locked || clientLocked) return { kind: 'locked', session };
  if (session.user.mustChangePassword) return { kind: 'change-password', session };
  return { kind: 'ready', session };
}

/**
 * Holds the authentication state: asks `auth.status` at start, follows `session.changed` events, locks the screen
 * after the session's idle time without input (and whenever a service answers that the session is locked), and gives the
 * components below an API wrapped to notice a lost or locked session.
 */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [clientLocked, setClientLocked] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const setSession = useCallback((session: SessionInfo | null) => {
    setLoaded((current) => ({
      kind: 'known',
      status: { needsSetup: session ? false : current.kind === 'known' && current.status.needsSetup, session },
    }));
  }, []);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    call(api, 'auth.status', {}).then(
      (status) => {
        if (live) setLoaded({ kind: 'known', status });
      },
      (error: unknown) => {
        if (live) setLoaded({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  useEffect(() => api.on('session.changed', ({ session }) => setSession(session)), [api, setSession]);

  const watched = useMemo(
    () =>
      watchSession(api, (error) => {
        // The audit signing key being locked is not the user's session being locked: that one stays on screen.
        if (error.code === 'SESSION_LOCKED') setClientLocked(true);
        else if (error.code === 'UNAUTHENTICATED' && error.params?.reason !== 'reauth-required') refresh();
        else if (error.code === 'PASSWORD_CHANGE_REQUIRED') refresh();
      }),
    [api, refresh],
  );

  const view = useMemo(() => viewOf(loaded, clientLocked), [loaded, clientLocked]);
  const idleLockMs = view.kind === 'ready' ? view.session.idleLockMs : 0;
  useIdleTimer(view.kind === 'ready', idleLockMs, () => setClientLocked(true));

  const control = useMemo<AuthControl>(
    () => ({
      view,
      adopt: (session) => {
        setClientLocked(false);
        setSession(session);
      },
      refresh,
      logout: async () => {
        await call(api, 'auth.logout', {});
        setClientLocked(false);
        setSession(null);
      },
    }),
    [view, api, refresh, setSession],
  );

  return (
    <AuthContext value={control}>
      <ApiContext value={watched}>{children}</ApiContext>
    </AuthContext>
  );
}
