import { createTheme, type Theme } from '@mui/material/styles';

/** Light or dark. */
export type ThemeMode = 'light' | 'dark';

/** System fonts only: the workstation has no network, and DejaVu/Segoe/SF cover Kazakh and Russian letters. */
const fontFamily = ['system-ui', '"Segoe UI"', 'Roboto', '"Noto Sans"', '"DejaVu Sans"', '"Liberation Sans"', 'Arial', 'sans-serif'].join(',');

/** The monospace stack used for hashes and identifiers. */
export const monospaceFamily = ['ui-monospace', '"Cascadia Mono"', '"DejaVu Sans Mono"', '"Liberation Mono"', 'Menlo', 'Consolas', 'monospace'].join(',');

/**
 * The application theme for one mode: sober colours, a clearly visible keyboard focus ring, and no animation for
 * users who asked their system to reduce motion.
 */
export function createAppTheme(mode: ThemeMode, reduceMotion = false): Theme {
  const focusRing = mode === 'dark' ? '#90caf9' : '#0b57d0';
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#8ab4f8' : '#1d4e89' },
      secondary: { main: mode === 'dark' ? '#f6c177' : '#9a5b00' },
      background: mode === 'dark' ? { default: '#121417', paper: '#1b1e23' } : { default: '#f4f6f9', paper: '#ffffff' },
    },
    typography: { fontFamily },
    ...(reduceMotion ? { transitions: { create: () => 'none' } } : {}),
    shape: { borderRadius: 6 },
    components: {
      MuiButtonBase: {
        styleOverrides: {
          root: { '&.Mui-focusVisible': { outline: `2px solid ${focusRing}`, outlineOffset: 2 } },
        },
      },
      MuiTableRow: {
        styleOverrides: {
          root: { '&:focus-visible': { outline: `2px solid ${focusRing}`, outlineOffset: -2 } },
        },
      },
    },
  });
}
