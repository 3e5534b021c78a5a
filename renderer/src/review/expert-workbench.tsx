import Stack from '@mui/material/Stack';
import { useCallback, useState } from 'react';
import type { Evidence, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { AnalysisRuns } from '../analysis/analysis-runs.tsx';
import { CompareDialog } from '../analysis/compare-dialog.tsx';
import { EvidencePanel } from '../evidence/evidence-panel.tsx';
import { useEvidenceNames } from '../evidence/use-evidence-names.ts';
import type { ViewerSource } from '../viewer/comparison-viewer.tsx';
import { HotkeyHelp } from '../viewer/hotkey-help.tsx';
import { useHotkeys } from '../viewer/use-hotkeys.ts';
import { ViewerDialog } from '../viewer/viewer-dialog.tsx';
import { markViewerOpen } from '../viewer/viewer-perf.ts';
import { CaseReviewPanel } from './case-review.tsx';
import { panelOrder, useCaseReview } from './use-case-review.ts';

/** Props of ExpertWorkbench. */
export interface ExpertWorkbenchProps {
  readonly caseId: string;
  readonly role: Role;
  readonly onChanged: () => void;
}

/**
 * A case's evidence, comparisons, findings and review in one place: pick two items and Compare (or view them side
 * by side), follow the runs, open a finished one in the comparison viewer beside the findings; ? shows the keys.
 */
export function ExpertWorkbench({ caseId, role, onChanged }: ExpertWorkbenchProps) {
  const review = useCaseReview(caseId);
  const [comparing, setComparing] = useState<readonly Evidence[] | null>(null);
  const [viewing, setViewing] = useState<ViewerSource | null>(null);
  const [runsRevision, setRunsRevision] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const reloadReview = review.reload;
  const changed = useCallback(() => {
    reloadReview();
    onChanged();
  }, [reloadReview, onChanged]);
  // The file names the runs and findings name their items by, read once for the whole screen.
  const evidence = useEvidenceNames(caseId, review.value?.findings.flatMap((f) => f.evidenceIds) ?? []);
  const reloadNames = evidence.reload;
  const evidenceChanged = useCallback(() => {
    reloadNames();
    onChanged();
  }, [reloadNames, onChanged]);
  useHotkeys({ help: () => setHelp(true) });
  const canCompare = mayUse(role, 'analysis.start');
  const open = (source: ViewerSource) => {
    // The time to first render is counted from the user's click.
    markViewerOpen();
    setViewing(source);
    // The keys (accept, reject, amend) then act on what the viewer shows, not on a finding of another run.
    const first = source.kind === 'run' ? panelOrder(review.value?.findings ?? [], source.runId).ofRun[0] : undefined;
    if (first) setSelectedId(first.id);
  };

  const viewedRunId = viewing?.kind === 'run' ? viewing.runId : null;
  const reviewPanel = <CaseReviewPanel caseId={caseId} role={role} state={review} selectedId={selectedId} onSelect={setSelectedId} evidenceNames={evidence.names} runId={viewedRunId} />;
  const item = (e: Evidence) => ({ id: e.id, name: e.originalName });
  return (
    <Stack spacing={2} data-testid="expert-workbench">
      <EvidencePanel
        caseId={caseId}
        role={role}
        onChanged={evidenceChanged}
        frozen={review.value?.review.state === 'signed'}
        onCompare={canCompare ? setComparing : undefined}
        onView={mayUse(role, 'evidence.surface') ? ([a, b]) => open({ kind: 'evidence', items: b ? [item(a), item(b)] : [item(a)] }) : undefined}
      />
      {mayUse(role, 'analysis.list') && (
        <AnalysisRuns caseId={caseId} role={role} revision={runsRevision} onOpen={(run) => open({ kind: 'run', runId: run.id, evidenceIds: run.evidenceIds, module: run.module })} onFinished={changed} evidenceNames={evidence.names} />
      )}
      {!viewing && reviewPanel}
      {viewing && <ViewerDialog caseId={caseId} source={viewing} mayStartRuns={canCompare} onClose={() => setViewing(null)} onFindingAdded={reloadReview} aside={reviewPanel} />}
      {comparing && (
        <CompareDialog
          caseId={caseId}
          items={comparing}
          onClose={() => setComparing(null)}
          onStarted={() => {
            setComparing(null);
            setRunsRevision((n) => n + 1);
          }}
        />
      )}
      {help && <HotkeyHelp onClose={() => setHelp(false)} />}
    </Stack>
  );
}
