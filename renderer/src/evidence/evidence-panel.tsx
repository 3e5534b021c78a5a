import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { comparable } from '../analysis/compare-dialog.tsx';
import { CustodyDialog } from './custody-dialog.tsx';
import { DeclareKindDialog } from './declare-kind-dialog.tsx';
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
  /** Where the role may compare: told to compare (start an analysis) or to view the picked items side by side. */
  readonly onCompare?: (items: readonly Evidence[]) => void;
  readonly onView?: (items: readonly [Evidence] | readonly [Evidence, Evidence]) => void;
  /** True while the case is signed: nothing may be added or compared until an expert reopens it. */
  readonly frozen?: boolean;
}

/** A case's evidence: intake for experts, the per-file results, the table, and the custody view of a chosen item. */
export function EvidencePanel({ caseId, role, onChanged, onCompare, onView, frozen = false }: EvidencePanelProps) {
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
  const [picked, setPicked] = useState<readonly Evidence[]>([]);
  const toggle = useCallback((item: Evidence) => setPicked((previous) => (previous.some((p) => p.id === item.id) ? previous.filter((p) => p.id !== item.id) : [...previous, item])), []);
  const pickedIds = new Set(picked.map((p) => p.id));
  const picking = onCompare || onView;

  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography variant="h5" component="h2">
          {t('evidence.heading')}
        </Typography>
        {canAdd && frozen && (
          <Alert severity="info" data-testid="evidence-frozen">
            {t('evidence.frozen')}
          </Alert>
        )}
        {canAdd && !frozen && <EvidenceDropZone onFiles={(files) => void intake.add(files)} progress={intake.progress} />}
        <IntakeResults outcomes={intake.outcomes} onDismiss={intake.dismiss} onClear={intake.clear} />
        {items.error !== null && <ErrorAlert error={items.error} />}
        {items.loading && <LinearProgress aria-label={t('common.loading')} />}
        {items.value && (
          <EvidenceTable
            items={items.value}
            onSelect={setSelected}
            emptyText={canAdd ? t('evidence.emptyExpert') : t('evidence.empty')}
            selection={picking ? { ids: pickedIds, toggle } : undefined}
          />
        )}
        {picking && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary">
              {t('evidence.picked', { count: picked.length })}
            </Typography>
            {onCompare && (
              <Button variant="contained" disabled={frozen || picked.length < 1 || picked.some((p) => !comparable(p))} onClick={() => onCompare(picked)} data-testid="evidence-compare" title={frozen ? t('evidence.frozen') : undefined}>
                {t('evidence.compare')}
              </Button>
            )}
            {onView && (
              <Button disabled={picked.length !== 1 || !comparable(picked[0]!)} onClick={() => onView([picked[0]!])} data-testid="evidence-view-one">
                {t('evidence.viewOne')}
              </Button>
            )}
            {onView && (
              <Button disabled={picked.length !== 2 || picked.some((p) => !comparable(p))} onClick={() => onView([picked[0]!, picked[1]!])} data-testid="evidence-view-pair">
                {t('evidence.viewPair')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
      {selected && <CustodyDialog item={selected} onClose={() => setSelected(null)} onKindCorrected={mayUse(role, 'evidence.setKind') ? stored : undefined} mayRecognise={!frozen && mayUse(role, 'documents.recognise')} />}
      {intake.declaration && <DeclareKindDialog declaration={intake.declaration} />}
    </Paper>
  );
}
