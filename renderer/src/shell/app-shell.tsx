import LogoutIcon from '@mui/icons-material/Logout';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { useLogout } from '../auth/use-logout.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { AuditInfoButton } from './audit-info-button.tsx';
import { Brand } from './brand.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { UserBadge } from './user-badge.tsx';
import { WorkspaceTabs } from './workspace-tabs.tsx';
import { WorkspaceView } from './workspace-view.tsx';
import { workspacesFor, type WorkspaceId } from './workspaces.ts';

/** Props of AppShell. */
export interface AppShellProps {
  readonly session: SessionInfo;
}

/** The logged-in frame: top bar (role's workspaces, audit log, language, theme, user, log out) and the open workspace. */
export function AppShell({ session }: AppShellProps) {
  const { t } = useTranslation();
  const { leave, error } = useLogout();
  const workspaces = workspacesFor(session.user.role);
  const [chosen, setChosen] = useState<WorkspaceId | null>(null);
  const current = chosen !== null && workspaces.includes(chosen) ? chosen : workspaces[0];

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="sticky" elevation={1}>
        {/* Below 1200 px the workspace tabs take a row of their own, so no label in the bar is ever cut. */}
        <Toolbar sx={{ gap: 1, flexWrap: { xs: 'wrap', lg: 'nowrap' }, '& > *': { flexShrink: 0 } }}>
          <Brand />
          {current !== undefined && (
            <Box sx={{ order: { xs: 10, lg: 0 }, width: { xs: '100%', lg: 'auto' }, minWidth: 0, flexShrink: { xs: 0, lg: 1 } }}>
              <WorkspaceTabs workspaces={workspaces} current={current} onChange={setChosen} />
            </Box>
          )}
          <Box sx={{ flexGrow: 1 }} />
          <AuditInfoButton />
          <LanguageMenu />
          <ThemeToggle />
          <UserBadge user={session.user} />
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void leave()} data-testid="logout-button" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {t('shell.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box
        component="main"
        id="workspace-panel"
        role="tabpanel"
        aria-labelledby={current !== undefined ? `workspace-tab-${current}` : undefined}
        sx={{ flexGrow: 1, p: { xs: 2, md: 3 }, width: '100%', maxWidth: 1600, mx: 'auto' }}
      >
        {error !== null && <ErrorAlert error={error} />}
        {current === undefined ? <ErrorAlert error={null} messageFor={() => t('shell.noWorkspace')} /> : <WorkspaceView id={current} session={session} />}
      </Box>
    </Box>
  );
}
