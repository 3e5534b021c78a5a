import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { analysisStages, type AnalysisRun, type AnalysisStage, type EventOf, type Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { describeRunFailure } from '../common/describe-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { namesOf } from '../evidence/use-evidence-names.ts';
import { evidenceLine } from '../forensics/registry.ts';

/** Props of AnalysisRuns. */
export interface AnalysisRunsProps {
  readonly caseId: string;
  readonly role: Role;
  /** Bumped when a run was started here, so the list is read again. */
  readonly revision: number;
  readonly onOpen: (run: AnalysisRun) => void;
  /** Told when a run finishes, so findings and the review are read again. */
  readonly onFinished: () => void;
  /** The case's evidence file names by id (useEvidenceNames), for the line naming what each run compared. */
  readonly evidenceNames: ReadonlyMap<string, string>;
}

type Progress = EventOf<'analysis.progress'>;
const active = (state: AnalysisRun['state']) => state === 'queued' || state === 'running';

/** A stage id as the user reads it, in their language; a stage this version does not know is shown as "working". */
export function stageLabel(t: TFunction, stage: string): string {
  return (analysisStages as readonly string[]).includes(stage) ? t(`analysis.stages.${stage as AnalysisStage}`) : t('analysis.stages.working');
}

/** The case's analysis runs with live progress ('analysis.progress'), Cancel while running, and Open when done. */
export function AnalysisRuns({ caseId, role, revision, onOpen, onFinished, evidenceNames }: AnalysisRunsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const load = useCallback(() => call(api, 'analysis.list', { caseId }).then((runs) => ({ runs, revision })), [api, caseId, revision]);
  const runs = useLoaded(load);
  const [progress, setProgress] = useState<ReadonlyMap<string, Progress>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const { reload } = runs;

  useEffect(
    () =>
      api.on('analysis.progress', (event) => {
        if (event.caseId !== caseId) return;
        setProgress((previous) => new Map(previous).set(event.runId, event));
        if (!active(event.state)) {
          reload();
          onFinished();
        }
      }),
    [api, caseId, reload, onFinished],
  );

  const cancel = async (run: AnalysisRun) => {
    setError(null);
    try {
      await call(api, 'analysis.cancel', { runId: run.id });
      reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const list = runs.value?.runs ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="analysis-runs">
      <Typography variant="h6" component="h3">
        {t('analysis.runsHeading')}
      </Typography>
      {runs.error !== null && <ErrorAlert error={runs.error} testId="analysis-runs-error" />}
      {error !== null && <ErrorAlert error={error} testId="analysis-cancel-error" />}
      {list.length === 0 && !runs.loading && (
        <Typography color="text.secondary" data-testid="analysis-runs-empty">
          {t('analysis.none')}
        </Typography>
      )}
      <Stack spacing={1}>
        {list.map((run) => {
          const live = progress.get(run.id);
          const state = live && active(run.state) ? live.state : run.state;
          const fraction = live && active(run.state) ? live.progress : run.progress;
          const itemNames = namesOf(evidenceNames, run.evidenceIds);
          return (
            <Stack key={run.id} spacing={0.5} data-testid={`analysis-run-${run.id}`} data-state={state}>
              <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }}>{t(`analysis.modules.${run.module}`)}</Typography>
                <Typography variant="body2">{t(`analysis.states.${state}`)}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {format.dateTime(run.startedAt)} · {run.startedBy}
                </Typography>
                {active(state) && mayUse(role, 'analysis.cancel') && (
                  <Button size="small" color="warning" onClick={() => void cancel(run)} data-testid={`analysis-cancel-${run.id}`}>
                    {t('analysis.cancel')}
                  </Button>
                )}
                {state === 'done' && run.resultSha256 !== null && (
                  <Button size="small" variant="contained" onClick={() => onOpen(run)} data-testid={`analysis-open-${run.id}`}>
                    {t('analysis.open')}
                  </Button>
                )}
              </Stack>
              {itemNames && (
                <Typography variant="body2" color="text.secondary" data-testid={`analysis-items-${run.id}`} sx={{ overflowWrap: 'anywhere' }}>
                  {evidenceLine(run.module, itemNames, t)}
                </Typography>
              )}
              {active(state) && (
                <>
                  <LinearProgress variant="determinate" value={fraction * 100} aria-label={t('analysis.progressLabel')} data-testid={`analysis-progress-${run.id}`} />
                  <Typography variant="caption" data-testid={`analysis-stage-${run.id}`}>
                    {t('analysis.stageProgress', { stage: stageLabel(t, live?.stage ?? state), percent: Math.round(fraction * 100) })}
                  </Typography>
                </>
              )}
              {run.error && (
                // The English sentence stays at hand for whoever supports the laboratory.
                <Typography variant="body2" color="error" title={run.error.message} data-testid={`analysis-error-${run.id}`}>
                  {describeRunFailure(t, run.error, format)}
                </Typography>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
