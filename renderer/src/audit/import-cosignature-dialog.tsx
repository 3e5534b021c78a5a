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
import type { ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { normaliseSignedNote } from './signed-note.ts';

/** Props of ImportCosignatureDialog. */
export interface ImportCosignatureDialogProps {
  readonly onClose: () => void;
  readonly onImported: (cosignature: ResponseOf<'audit.importCosignature'>) => void;
}

const mono = { fontFamily: monospaceFamily, fontSize: '0.8rem' } as const;

/** Records a witness's cosignature: the checkpoint note as the witness returned it, and the witness's verifier key. */
export function ImportCosignatureDialog({ onClose, onImported }: ImportCosignatureDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [note, setNote] = useState('');
  const [witnessKey, setWitnessKey] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = (value: string) => checked && value.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (note.trim() === '' || witnessKey.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      onImported(await call(api, 'audit.importCosignature', { note: normaliseSignedNote(note), witnessKey: witnessKey.trim() }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="cosignature-title" aria-describedby="cosignature-intro">
      <form onSubmit={submit} noValidate data-testid="cosignature-form">
        <DialogTitle id="cosignature-title">{t('audit.checkpoints.importTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText id="cosignature-intro">{t('audit.checkpoints.importIntro')}</DialogContentText>
            <TextField
              label={t('audit.checkpoints.cosignedNote')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              multiline
              minRows={6}
              maxRows={14}
              required
              autoFocus
              error={missing(note)}
              helperText={missing(note) ? t('validation.required') : t('audit.checkpoints.cosignedNoteHint')}
              slotProps={{ htmlInput: { 'data-testid': 'cosignature-note', maxLength: 20_000, spellCheck: false, style: mono } }}
            />
            <TextField
              label={t('audit.checkpoints.witnessKey')}
              value={witnessKey}
              onChange={(event) => setWitnessKey(event.target.value)}
              required
              error={missing(witnessKey)}
              helperText={missing(witnessKey) ? t('validation.required') : t('audit.checkpoints.witnessKeyHint')}
              slotProps={{ htmlInput: { 'data-testid': 'cosignature-key', maxLength: 300, spellCheck: false, style: mono } }}
            />
            {error !== null && <ErrorAlert error={error} testId="cosignature-error" />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="cosignature-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="cosignature-submit">
            {t('audit.checkpoints.importSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
