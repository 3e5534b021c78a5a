import { useState } from 'react';
import type { Role } from '../../../main/contract.ts';
import type { CaseWorkspaceId } from '../shell/workspaces.ts';
import { CaseList } from './case-list.tsx';
import { CaseView } from './case-view.tsx';

/** Props of CasesWorkspace. */
export interface CasesWorkspaceProps {
  readonly workspace: CaseWorkspaceId;
  readonly role: Role;
  /** Shown inside another workspace that has its own heading (the clerk's), so the list leaves its title out. */
  readonly embedded?: boolean;
}

/** The expert, judge and clerk workspaces: the case list, or one open case. */
export function CasesWorkspace({ workspace, role, embedded = false }: CasesWorkspaceProps) {
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  if (openCaseId !== null) return <CaseView caseId={openCaseId} role={role} onBack={() => setOpenCaseId(null)} />;
  return <CaseList workspace={workspace} role={role} onOpen={setOpenCaseId} embedded={embedded} />;
}
