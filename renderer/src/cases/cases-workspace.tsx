import { useState } from 'react';
import type { Role } from '../../../main/contract.ts';
import type { WorkspaceId } from '../shell/workspaces.ts';
import { CaseList } from './case-list.tsx';
import { CaseView } from './case-view.tsx';

/** Props of CasesWorkspace. */
export interface CasesWorkspaceProps {
  readonly workspace: Exclude<WorkspaceId, 'users'>;
  readonly role: Role;
}

/** The expert, judge and clerk workspaces: the case list, or one open case. */
export function CasesWorkspace({ workspace, role }: CasesWorkspaceProps) {
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  if (openCaseId !== null) return <CaseView caseId={openCaseId} role={role} onBack={() => setOpenCaseId(null)} />;
  return <CaseList workspace={workspace} role={role} onOpen={setOpenCaseId} />;
}
