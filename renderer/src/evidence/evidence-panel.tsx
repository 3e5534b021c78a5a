import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, Role } from '../../../main/contract.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { CustodyDialog } from './custody-dialog.tsx';
import { EvidenceDropZone } from './evidence-drop-zone.tsx';
import { EvidenceTable } from './evidence-table.tsx';
import { IntakeResults } from './intake-results.tsx';
import { useEvidenceIntake } from './use-evidence-intake.ts';

/** Props of EvidencePanel. */
export interface EvidencePanelProps {
  readonly caseId: string;
  readonly role: Role;
  /** Told after evidence was stored, so the case's counts can refresh. */
  readonly onChanged: () => void;
}

/** A case's evidence: intake for experts, the per-file results, the table, and the custody view of a chosen item. */
export function EvidencePanel({ caseId, role, onChanged }: EvidencePanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'evidence.list', { caseId }), [api, caseId]);
  const items = useLoaded(load);
  const { reload } = items;
  const stored = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);
  const intake = useEvidenceIntake(caseId, stored);
  const [selected, setSelected] = useState<Evidence | null>(null);
  const canAdd = mayUse(role, 'evidence.add');

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography variant="h5" component="h2">
          {t('evidence.heading')}
        </Typography>
        {canAdd && <EvidenceDropZone onFiles={(files) => void intake.add(files)} progress={intake.progress} />}
        <IntakeResults outcomes={intake.outcomes} onDismiss={intake.dismiss} onClear={intake.clear} />
        {items.error !== null && <ErrorAlert error={items.error} />}
        {items.loading && <LinearProgress aria-label={t('common.loading')} />}
        {items.value && (
          <EvidenceTable items={items.value} onSelect={setSelected} emptyText={canAdd ? t('evidence.emptyExpert') : t('evidence.empty')} />
        )}
      </Stack>
      {selected && <CustodyDialog item={selected} onClose={() => setSelected(null)} />}
    </Paper>
  );
}
