import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from './workspaces.ts';

/** Props of WorkspaceTabs. */
export interface WorkspaceTabsProps {
  readonly workspaces: readonly WorkspaceId[];
  readonly current: WorkspaceId;
  readonly onChange: (id: WorkspaceId) => void;
}

/** The role's workspaces as navigation tabs in the top bar. */
export function WorkspaceTabs({ workspaces, current, onChange }: WorkspaceTabsProps) {
  const { t } = useTranslation();
  return (
    <Tabs
      value={current}
      onChange={(_event, value: WorkspaceId) => onChange(value)}
      textColor="inherit"
      indicatorColor="secondary"
      aria-label={t('shell.navigation')}
      variant="scrollable"
      scrollButtons="auto"
      sx={{ minHeight: 64, '& .MuiTab-root': { minHeight: 64 } }}
    >
      {workspaces.map((id) => (
        <Tab
          key={id}
          value={id}
          label={t(`workspaces.${id}`)}
          id={`workspace-tab-${id}`}
          aria-controls="workspace-panel"
          data-testid={`nav-${id}`}
        />
      ))}
    </Tabs>
  );
}
