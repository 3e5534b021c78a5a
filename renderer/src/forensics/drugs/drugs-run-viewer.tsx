/** A drug-test run in the viewer: the photo with what was found, then the module's result panel. */
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleResultSchema } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';
import { useLoaded } from '../../common/use-loaded.ts';
import type { RunViewerProps } from '../renderer-module.ts';
import { PadPanel } from './pad-panel.tsx';
import { PhotoView } from './photo-view.tsx';
import { SpotPanel } from './spot-panel.tsx';
import { StripPanel } from './strip-panel.tsx';

/** The run viewer of the spot-plate, cassette and PAD card methods. */
export function DrugsRunViewer({ runId, evidenceIds, width }: RunViewerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(async () => ModuleResultSchema.parse(await call(api, 'analysis.result', { runId })), [api, runId]);
  const loaded = useLoaded(load);
  const result = loaded.value;
  if (!result) return loaded.error ? <Alert severity="error">{t('drugs.resultUnavailable')}</Alert> : <LinearProgress aria-label={t('common.loading')} />;
  const panelProps = { result, selection: [0, 0] as const, onSelect: () => undefined, labels: { a: '', b: '' } };
  return (
    <Stack spacing={2} data-testid="drugs-run-viewer">
      <PhotoView result={result} evidenceId={evidenceIds[0] ?? null} width={width} />
      {result.kind === 'drugs-spot' ? <SpotPanel {...panelProps} /> : result.kind === 'drugs-pad' ? <PadPanel {...panelProps} /> : <StripPanel {...panelProps} />}
    </Stack>
  );
}
