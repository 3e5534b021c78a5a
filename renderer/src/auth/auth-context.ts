import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../main/contract/index.ts';

/** Which screen the authentication state calls for. */
export type AuthView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'setup' }
  | { readonly kind: 'login' }
  | { readonly kind: 'locked'; readonly session: SessionInfo }
  /** An administrator reset the password: the user chooses a new one before anything else. */
  | { readonly kind: 'change-password'; readonly session: SessionInfo }
  | { readonly kind: 'ready'; readonly session: SessionInfo };

/** The authentication state and the actions that change it. */
export interface AuthControl {
  readonly view: AuthView;
  /** Adopts the session a login, setup or unlock call returned. */
  readonly adopt: (session: SessionInfo) => void;
  /** Asks the services for the state again (after a failure or a lost session). */
  readonly refresh: () => void;
  /** Ends the session on the services and returns to the login screen. */
  readonly logout: () => Promise<void>;
}

/** The authentication state of the nearest AuthProvider. */
export const AuthContext = createContext<AuthControl | null>(null);

/** The authentication state and actions; a missing provider is a programming error. */
export function useAuth(): AuthControl {
  const control = useContext(AuthContext);
  if (!control) throw new Error('useAuth() needs an <AuthProvider> above it');
  return control;
}

/** The unlocked session; only for components rendered inside the application shell. */
export function useSession(): SessionInfo {
  const { view } = useAuth();
  if (view.kind !== 'ready') throw new Error('useSession() is only available while a session is open and unlocked');
  return view.session;
}
