import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { readPreference, savePreference } from '../common/storage.ts';
import { createAppTheme, type ThemeMode } from './create-app-theme.ts';

const storageKey = 'dalel.theme';

/** The current mode and the switch between modes. */
export interface ThemeModeControl {
  readonly mode: ThemeMode;
  readonly toggle: () => void;
}

const ThemeModeContext = createContext<ThemeModeControl | null>(null);

function firstMode(): ThemeMode {
  const saved = readPreference(storageKey);
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Provides the MUI theme in the saved mode (or the system's on first run) and the switch that changes it. */
export function ThemeModeProvider({ children }: { readonly children: ReactNode }) {
  const [mode, setMode] = useState<ThemeMode>(firstMode);
  const toggle = useCallback(() => {
    const next = mode === 'dark' ? 'light' : 'dark';
    savePreference(storageKey, next);
    setMode(next);
  }, [mode]);
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)', { noSsr: true });
  const theme = useMemo(() => createAppTheme(mode, reduceMotion), [mode, reduceMotion]);
  const control = useMemo(() => ({ mode, toggle }), [mode, toggle]);
  return (
    <ThemeModeContext value={control}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    </ThemeModeContext>
  );
}

/** The theme mode control of the nearest provider. */
export function useThemeMode(): ThemeModeControl {
  const control = useContext(ThemeModeContext);
  if (!control) throw new Error('useThemeMode() needs a <ThemeModeProvider> above it');
  return control;
}
