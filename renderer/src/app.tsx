import { useAuth } from './auth/auth-context.ts';
import { ConnectionFailedScreen } from './auth/connection-failed-screen.tsx';
import { LoadingScreen } from './auth/loading-screen.tsx';
import { ChangePasswordScreen } from './auth/change-password-screen.tsx';
import { LockScreen } from './auth/lock-screen.tsx';
import { LoginScreen } from './auth/login-screen.tsx';
import { SetupScreen } from './auth/setup-screen.tsx';
import { AppShell } from './shell/app-shell.tsx';

/** Picks the screen the authentication state calls for. */
export function App() {
  const { view, refresh } = useAuth();
  switch (view.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'failed':
      return <ConnectionFailedScreen error={view.error} onRetry={refresh} />;
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen session={view.session} />;
    case 'change-password':
      return <ChangePasswordScreen session={view.session} />;
    case 'ready':
      return <AppShell key={view.session.user.id} session={view.session} />;
  }
}
