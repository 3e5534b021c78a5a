import type { SessionInfo } from '../../../main/contract.ts';
import { CasesWorkspace } from '../cases/cases-workspace.tsx';
import { UsersAdmin } from '../users/users-admin.tsx';
import type { WorkspaceId } from './workspaces.ts';

/** Props of WorkspaceView. */
export interface WorkspaceViewProps {
  readonly id: WorkspaceId;
  readonly session: SessionInfo;
}

/** The content of one workspace: the case workspaces differ only in title and what the role may do. */
export function WorkspaceView({ id, session }: WorkspaceViewProps) {
  if (id === 'users') return <UsersAdmin currentUserId={session.user.id} />;
  return <CasesWorkspace key={id} workspace={id} role={session.user.role} />;
}
