import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { DalelApi } from '../../main/contract/index.ts';
import { ApiContext } from './api/api-context.ts';
import { App } from './app.tsx';
import { AuthProvider } from './auth/auth-provider.tsx';
import { NoTokenScreen } from './auth/no-token-screen.tsx';
import { ThemeModeProvider } from './theme/theme-mode.tsx';

/** Props of Root. */
export interface RootProps {
  /** The transport to the services, or null when browser mode was opened without its launch token. */
  readonly api: DalelApi | null;
  readonly i18n: i18n;
}

/** The whole interface with its providers: translations, theme, API, authentication. */
export function Root({ api, i18n }: RootProps) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ThemeModeProvider>
          {api ? (
            <ApiContext value={api}>
              <AuthProvider>
                <App />
              </AuthProvider>
            </ApiContext>
          ) : (
            <NoTokenScreen />
          )}
        </ThemeModeProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
