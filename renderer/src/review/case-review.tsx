import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { ReviewBar } from './review-bar.tsx';
import { SummaryPanel } from './summary-panel.tsx';
import type { useCaseReview } from './use-case-review.ts';

/** Props of CaseReviewPanel. */
export interface CaseReviewPanelProps {
  readonly caseId: string;
  readonly role: Role;
  readonly state: ReturnType<typeof useCaseReview>;
  readonly selectedId: string | null;
  readonly onSelect: (findingId: string) => void;
  /** The case's evidence file names by id, for the line naming each finding's items. */
  readonly evidenceNames: ReadonlyMap<string, string>;
  /** The run open in the viewer beside the panel, whose findings come first. */
  readonly runId?: string | null;
}

/** The review of a case: its state bar, the findings to decide and the summary whose numbers lead to them. */
export function CaseReviewPanel({ caseId, role, state, selectedId, onSelect, evidenceNames, runId = null }: CaseReviewPanelProps) {
  const { t } = useTranslation();
  const value = state.value;
  // The summary is generated again whenever a decision or a new finding changes the case's review.
  const revision = value ? `${value.findings.length}:${value.review.findingsDecided}:${value.review.updatedAt}` : '';
  return (
    <Stack spacing={2} data-testid="case-review">
      {state.error !== null && <ErrorAlert error={state.error} testId="case-review-error" />}
      {!value && state.loading && <LinearProgress aria-label={t('common.loading')} />}
      {value && (
        <>
          <ReviewBar caseId={caseId} role={role} review={value.review} onChanged={state.reload} />
          <FindingsPanel evidenceNames={evidenceNames} runId={runId} findings={value.findings} role={role} open={value.review.state !== 'signed'} selectedId={selectedId} onSelect={onSelect} onChanged={state.reload} />
          {value.findings.length > 0 && <SummaryPanel caseId={caseId} revision={revision} onSelectFinding={onSelect} />}
        </>
      )}
    </Stack>
  );
}
