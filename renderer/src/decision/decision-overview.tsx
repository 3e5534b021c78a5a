import Stack from '@mui/material/Stack';
import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { DiscrepancyDashboard } from './discrepancy-dashboard.tsx';
import { DiscrepancyNotices } from './discrepancy-notices.tsx';

/** Props of DecisionOverview. */
export interface DecisionOverviewProps {
  readonly role: Role;
}

/** Under the case list of the judge's and clerk's workspaces: the judge's notices, then the discrepancy dashboard. */
export function DecisionOverview({ role }: DecisionOverviewProps) {
  return (
    <Stack spacing={2} data-testid="decision-overview">
      {mayUse(role, 'verdicts.notices') && <DiscrepancyNotices />}
      {mayUse(role, 'verdicts.dashboard') && <DiscrepancyDashboard />}
    </Stack>
  );
}
