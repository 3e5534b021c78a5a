import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { DecisionPanel } from '../decision/decision-panel.tsx';
import { EvidencePanel } from '../evidence/evidence-panel.tsx';
import { ExpertWorkbench } from '../review/expert-workbench.tsx';
import { CaseSummary } from './case-summary.tsx';
import { SignedForensicWork } from './signed-forensic-work.tsx';

/** Props of CaseView. */
export interface CaseViewProps {
  readonly caseId: string;
  readonly role: Role;
  readonly onBack: () => void;
}

/** One open case: its particulars and evidence; for experts its comparisons, findings and review; decision support for judges and clerks. */
export function CaseView({ caseId, role, onBack }: CaseViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'cases.get', { caseId }), [api, caseId]);
  const loaded = useLoaded(load);
  const item = loaded.value;

  return (
    <Stack spacing={2}>
      <div>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} data-testid="back-to-cases">
          {t('cases.backToList')}
        </Button>
      </div>
      {loaded.error !== null && <ErrorAlert error={loaded.error} />}
      {item === undefined ? (
        loaded.loading && <LinearProgress aria-label={t('common.loading')} />
      ) : (
        <>
          <CaseSummary item={item} />
          {mayUse(role, 'findings.review') ? (
            <ExpertWorkbench caseId={item.id} role={role} onChanged={loaded.reload} />
          ) : (
            <>
              <EvidencePanel caseId={item.id} role={role} onChanged={loaded.reload} />
              {/* Judges and clerks are not experts: they see the laboratory's work once it is signed, read-only. */}
              {mayUse(role, 'review.get') && <SignedForensicWork caseId={item.id} role={role} />}
            </>
          )}
          {mayUse(role, 'decision.models') && <DecisionPanel caseId={item.id} caseKind={item.caseType} role={role} />}
        </>
      )}
    </Stack>
  );
}
