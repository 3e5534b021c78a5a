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
import type { Finding, Measurement } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { measurementLabel, measurementText } from './finding-text.ts';

/** Props of ReviewDialog. */
export interface ReviewDialogProps {
  readonly finding: Finding;
  readonly decision: 'rejected' | 'amended';
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/** Parses an edited measurement value back to the type it had (a number stays a number). */
function parseValue(original: Measurement['value'], text: string): Measurement['value'] | null {
  if (typeof original === 'number') {
    const n = Number(text.replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(n) ? null : n;
  }
  if (typeof original === 'boolean') return text === 'true' ? true : text === 'false' ? false : null;
  return text;
}

/**
 * Reject or amend one finding. A reason is mandatory for both; amending edits the measurements and the conclusion
 * and creates a new finding pointing at the original. Closing with unsaved edits asks first: nothing is discarded
 * without confirmation.
 */
export function ReviewDialog({ finding, decision, onClose, onDone }: ReviewDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [values, setValues] = useState(() => finding.measurements.map((m) => String(m.value)));
  const [conclusion, setConclusion] = useState(finding.conclusion ?? '');
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const amend = decision === 'amended';
  const parsed = finding.measurements.map((m, i) => parseValue(m.value, values[i] ?? ''));
  const edited = amend && (parsed.some((v, i) => v !== finding.measurements[i]!.value) || conclusion !== (finding.conclusion ?? ''));
  const dirty = reason.trim() !== '' || edited;
  const problems = {
    reason: reason.trim() === '' ? t('review.reasonRequired') : null,
    values: amend && parsed.some((v) => v === null) ? t('review.valueInvalid') : null,
    unchanged: amend && !edited ? t('review.amendUnchanged') : null,
  };

  const close = () => (dirty ? setConfirming(true) : onClose());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((p) => p !== null)) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'findings.review', {
        findingId: finding.id,
        decision,
        reason: reason.trim(),
        ...(amend
          ? { amended: { measurements: finding.measurements.map((m, i) => ({ ...m, value: parsed[i]! })), conclusion: conclusion.trim() === '' ? null : conclusion.trim() } }
          : {}),
      });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dialog open onClose={close} fullWidth maxWidth="sm" aria-labelledby="review-dialog-title" data-testid="review-dialog">
        <form onSubmit={submit} noValidate data-testid="review-form">
          <DialogTitle id="review-dialog-title">{t(amend ? 'review.amendTitle' : 'review.rejectTitle')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <DialogContentText>{finding.measurements.map((m) => measurementText(t, m)).join(' · ')}</DialogContentText>
              {amend &&
                finding.measurements.map((m, i) => (
                  <TextField
                    key={m.key}
                    label={`${measurementLabel(t, m.key)}${m.unit ? ` (${m.unit})` : ''}`}
                    value={values[i] ?? ''}
                    onChange={(event) => setValues((previous) => previous.map((v, j) => (j === i ? event.target.value : v)))}
                    error={checked && parsed[i] === null}
                    slotProps={{ htmlInput: { 'data-testid': `amend-value-${m.key}` } }}
                  />
                ))}
              {amend && (
                <TextField
                  label={t('review.conclusion')}
                  value={conclusion}
                  onChange={(event) => setConclusion(event.target.value)}
                  slotProps={{ htmlInput: { 'data-testid': 'amend-conclusion', maxLength: 100 } }}
                />
              )}
              <TextField
                label={t('review.reason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                required
                multiline
                minRows={2}
                error={checked && problems.reason !== null}
                helperText={(checked && (problems.reason ?? problems.values ?? problems.unchanged)) || t('review.reasonHint')}
                slotProps={{ htmlInput: { 'data-testid': 'review-reason', maxLength: 2000 } }}
              />
              {error !== null && <ErrorAlert error={error} testId="review-error" />}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} data-testid="review-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="contained" color={amend ? 'primary' : 'error'} disabled={busy} data-testid="review-submit">
              {t(amend ? 'review.amendSubmit' : 'review.rejectSubmit')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      {confirming && (
        <Dialog open onClose={() => setConfirming(false)} aria-labelledby="discard-title" data-testid="discard-confirm">
          <DialogTitle id="discard-title">{t('review.discardTitle')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('review.discardText')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)} autoFocus data-testid="discard-keep">
              {t('review.keepEditing')}
            </Button>
            <Button color="error" onClick={onClose} data-testid="discard-yes">
              {t('review.discard')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
