import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { Role } from '../../../main/contract.ts';
import { mayUse } from '../api/access.ts';
import { DecisionOverview } from '../decision/decision-overview.tsx';
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

/** The expert, judge and clerk workspaces: the case list (with the verdict overview for judges and clerks), or one open case. */
export function CasesWorkspace({ workspace, role, embedded = false }: CasesWorkspaceProps) {
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  if (openCaseId !== null) return <CaseView caseId={openCaseId} role={role} onBack={() => setOpenCaseId(null)} />;
  const list = <CaseList workspace={workspace} role={role} onOpen={setOpenCaseId} embedded={embedded} />;
  if (workspace === 'expert' || !mayUse(role, 'verdicts.dashboard')) return list;
  return (
    <Stack spacing={3}>
      {list}
      <DecisionOverview role={role} />
    </Stack>
  );
}
