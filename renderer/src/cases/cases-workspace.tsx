import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { ExpertQueue } from '../review/expert-queue.tsx';
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

/**
 * The expert, judge and clerk workspaces: the case list (with the expert's review queue), or one open case.
 */
export function CasesWorkspace({ workspace, role, embedded = false }: CasesWorkspaceProps) {
  const { t } = useTranslation();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const [tab, setTab] = useState<'cases' | 'queue'>('cases');
  if (openCaseId !== null) return <CaseView caseId={openCaseId} role={role} onBack={() => setOpenCaseId(null)} />;
  const list = <CaseList workspace={workspace} role={role} onOpen={setOpenCaseId} embedded={embedded} />;
  if (workspace !== 'expert' || !mayUse(role, 'review.queue')) return list;
  // The queue is a tab of its own, read only when opened.
  return (
    <Stack spacing={2}>
      <Tabs value={tab} onChange={(_event, value: 'cases' | 'queue') => setTab(value)} aria-label={t('queue.tabsLabel')} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="cases" label={t('queue.tabs.cases')} data-testid="expert-tab-cases" />
        <Tab value="queue" label={t('queue.tabs.queue')} data-testid="expert-tab-queue" />
      </Tabs>
      {tab === 'cases' ? list : <ExpertQueue onOpen={setOpenCaseId} />}
    </Stack>
  );
}
