import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { CopyableText } from '../common/copyable-text.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { FactList } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { saveBytes } from '../common/save-file.ts';
import { ExportProgress } from './export-progress.tsx';
import type { ExportResult } from './use-audit-export.ts';

/** Props of ExportResultView. */
export interface ExportResultViewProps {
  readonly result: ExportResult;
}

/** A finished export: the full progress bar, what the bundle holds, and "Download .zip" (itself recorded in the log). */
export function ExportResultView({ result }: ExportResultViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { zip } = await call(api, 'audit.download', { name: result.name });
      saveBytes(zip, `${result.name}.zip`, 'application/zip');
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} data-testid="export-result">
      <ExportProgress done={result.entries} total={result.entries} />
      <Alert severity="success">{t('audit.exporting.ready')}</Alert>
      <FactList
        facts={[
          { label: t('audit.exporting.bundleName'), value: <CopyableText value={result.name} testId="export-result-name" /> },
          { label: t('audit.exporting.entries'), value: format.integer(result.entries), testId: 'export-result-entries' },
          {
            label: t('audit.exporting.checkpoint'),
            value: t('audit.checkpointSummary', { id: result.checkpoint.id, size: format.integer(result.checkpoint.size), at: format.dateTime(result.checkpoint.createdAt) }),
            testId: 'export-result-checkpoint',
          },
          { label: t('audit.exporting.zipSize'), value: `${format.size(result.zipBytes)} (${format.exactBytes(result.zipBytes)})`, testId: 'export-result-size' },
        ]}
      />
      {error !== null && <ErrorAlert error={error} testId="export-download-error" />}
      {saved && (
        <Alert severity="info" data-testid="export-downloaded">
          {t('audit.exporting.downloaded', { file: `${result.name}.zip` })}
        </Alert>
      )}
      <div>
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy} data-testid="export-download">
          {t('audit.exporting.download')}
        </Button>
      </div>
    </Stack>
  );
}
