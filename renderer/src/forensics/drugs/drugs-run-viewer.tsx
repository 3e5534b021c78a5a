/** A drug-test run in the viewer: the photo with what was found (a spot plate's wells and target corners correctable), then the module's result panel. */
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleResultSchema, SpotPlateResultSchema } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';
import { useLoaded } from '../../common/use-loaded.ts';
import type { RunViewerProps } from '../renderer-module.ts';
import { PadPanel } from './pad-panel.tsx';
import { PhotoView, photoWidth } from './photo-view.tsx';
import { SpotCorrections } from './spot-corrections.tsx';
import { SpotPanel } from './spot-panel.tsx';
import { StripPanel } from './strip-panel.tsx';

/** The run viewer of the spot-plate, cassette and PAD card methods. */
export function DrugsRunViewer({ runId, caseId, evidenceIds, width }: RunViewerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(async () => ModuleResultSchema.parse(await call(api, 'analysis.result', { runId })), [api, runId]);
  const loaded = useLoaded(load);
  const result = loaded.value;
  if (!result) return loaded.error ? <Alert severity="error">{t('drugs.resultUnavailable')}</Alert> : <LinearProgress aria-label={t('common.loading')} />;
  const photo = <PhotoView result={result} evidenceId={evidenceIds[0] ?? null} width={width} />;
  const spot = SpotPlateResultSchema.safeParse(result);
  const panelProps = { result, selection: [0, 0] as const, onSelect: () => undefined, labels: { a: '', b: '' } };
  return (
    <Stack spacing={2} data-testid="drugs-run-viewer">
      {spot.success && caseId ? <SpotCorrections key={runId} result={spot.data} caseId={caseId} evidenceIds={evidenceIds} shown={photoWidth(width)} photo={photo} /> : photo}
      {result.kind === 'drugs-spot' ? <SpotPanel {...panelProps} /> : result.kind === 'drugs-pad' ? <PadPanel {...panelProps} /> : <StripPanel {...panelProps} />}
    </Stack>
  );
}
