import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Brand } from '../shell/brand.tsx';
import { LanguageMenu } from '../shell/language-menu.tsx';
import { ThemeToggle } from '../shell/theme-toggle.tsx';

/** Props of AuthLayout. */
export interface AuthLayoutProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly children: ReactNode;
}

/** The frame of the screens before the workspace (setup, login, lock): a top bar with language and theme, a centred card. */
export function AuthLayout({ title, subtitle, children }: AuthLayoutProps) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar>
          <Brand />
          <Box sx={{ flexGrow: 1 }} />
          <LanguageMenu />
          <ThemeToggle />
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ flexGrow: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', p: 2, pt: { xs: 4, md: 8 } }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 440, p: 4 }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
              {subtitle}
            </Typography>
          )}
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
