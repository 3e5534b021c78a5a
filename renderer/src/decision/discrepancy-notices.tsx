import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';

/**
 * Notices for the signed-in judge: cases where the final verdict fell outside what the judge was shown. They inform
 * about the model's track record; acknowledging one only marks it as read.
 */
export function DiscrepancyNotices() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const load = useCallback(() => call(api, 'verdicts.notices', {}), [api]);
  const notices = useLoaded(load);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const acknowledge = async (noticeId: string) => {
    setBusy(noticeId);
    setError(null);
    try {
      await call(api, 'verdicts.acknowledge', { noticeId });
      notices.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const open = (notices.value ?? []).filter((n) => n.acknowledgedAt === null);
  return (
    <Stack spacing={1} data-testid="discrepancy-notices">
      <Typography variant="h6" component="h2">
        {t('decision.notices.title')}
      </Typography>
      {notices.error !== null && <ErrorAlert error={notices.error} testId="notices-error" />}
      {error !== null && <ErrorAlert error={error} testId="notice-ack-error" />}
      {notices.value && open.length === 0 && (
        <Typography color="text.secondary" data-testid="notices-empty">
          {t('decision.notices.none')}
        </Typography>
      )}
      {open.map((n) => (
        <Alert
          key={n.id}
          severity="info"
          data-testid={`notice-${n.id}`}
          action={
            <Button color="inherit" size="small" disabled={busy === n.id} onClick={() => void acknowledge(n.id)} data-testid={`notice-ack-${n.id}`}>
              {t('decision.notices.acknowledge')}
            </Button>
          }
        >
          {t('decision.notices.text', { number: n.caseNumber, at: format.dateTime(n.createdAt) })}
        </Alert>
      ))}
    </Stack>
  );
}
