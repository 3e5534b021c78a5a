import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

/** Props of ReopenDialog. */
export interface ReopenDialogProps {
  readonly caseId: string;
  readonly onClose: () => void;
  readonly onReopened: (review: CaseReview) => void;
}

/** Reopening a verified or signed case: a reason is required and goes into the audit log with the move. */
export function ReopenDialog({ caseId, onClose, onReopened }: ReopenDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const missing = reason.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      onReopened(await call(api, 'review.transition', { caseId, action: 'reopen', reason: reason.trim() }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reopen-title" data-testid="reopen-dialog">
      <form onSubmit={submit} noValidate data-testid="reopen-form">
        <DialogTitle id="reopen-title">{t('review.reopenTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DialogContentText>{t('review.reopenIntro')}</DialogContentText>
            <TextField
              label={t('review.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
              multiline
              minRows={2}
              autoFocus
              error={checked && missing}
              helperText={checked && missing ? t('review.reasonRequired') : t('review.reasonHint')}
              slotProps={{ htmlInput: { 'data-testid': 'reopen-reason', maxLength: 2000 } }}
            />
            {error !== null && <ErrorAlert error={error} testId="reopen-error" />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="reopen-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="warning" disabled={busy} data-testid="reopen-submit">
            {t('review.reopenSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
