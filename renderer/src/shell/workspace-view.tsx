import Stack from '@mui/material/Stack';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { AuditWorkspace } from '../audit/audit-workspace.tsx';
import { CasesWorkspace } from '../cases/cases-workspace.tsx';
import { CorpusPanel } from '../corpus/corpus-panel.tsx';
import { InboxPanel } from '../corpus/inbox-panel.tsx';
import { ReviewQueue } from '../corpus/review-queue.tsx';
import { DiscrepancyDashboard } from '../decision/discrepancy-dashboard.tsx';
import { LawsPanel } from '../laws/laws-panel.tsx';
import { SettingsAdmin } from '../settings/settings-admin.tsx';
import { UsersAdmin } from '../users/users-admin.tsx';
import type { WorkspaceId } from './workspaces.ts';

/** Props of WorkspaceView. */
export interface WorkspaceViewProps {
  readonly id: WorkspaceId;
  readonly session: SessionInfo;
}

/**
 * The content of one workspace: the case workspaces differ only in title and what the role may do; the clerk's adds
 * the audit screens and the corpus review queue beside the case list, and the administrator's audit workspace has
 * the audit screens alone (the review queue is in the administrator's models workspace).
 */
export function WorkspaceView({ id, session }: WorkspaceViewProps) {
  const role = session.user.role;
  switch (id) {
    case 'users':
      return <UsersAdmin currentUserId={session.user.id} />;
    case 'models':
      return (
        <Stack spacing={2}>
          <DiscrepancyDashboard />
          <CorpusPanel />
          <InboxPanel />
          <ReviewQueue />
          <LawsPanel />
        </Stack>
      );
    case 'settings':
      return <SettingsAdmin />;
    case 'clerk':
    case 'audit':
      return <AuditWorkspace key={id} workspace={id} role={role} />;
    default:
      return <CasesWorkspace key={id} workspace={id} role={role} />;
  }
}
