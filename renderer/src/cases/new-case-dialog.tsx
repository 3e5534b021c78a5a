import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, type Case } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

type CaseType = (typeof caseTypes)[number];

/** Props of NewCaseDialog. */
export interface NewCaseDialogProps {
  readonly onClose: () => void;
  readonly onCreated: (created: Case) => void;
}

/** The "new case" form: number, venue (court or laboratory), type, parties. */
export function NewCaseDialog({ onClose, onCreated }: NewCaseDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [number, setNumber] = useState('');
  const [venue, setVenue] = useState('');
  const [caseType, setCaseType] = useState<CaseType>('criminal');
  const [parties, setParties] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = (value: string) => checked && value.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (number.trim() === '' || venue.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await call(api, 'cases.create', { number: number.trim(), venue: venue.trim(), caseType, parties: parties.trim() }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="new-case-title">
      <form onSubmit={submit} noValidate data-testid="new-case-form">
        <DialogTitle id="new-case-title">{t('cases.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('cases.number')}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              required
              autoFocus
              error={missing(number)}
              helperText={missing(number) ? t('validation.required') : t('cases.numberHint')}
              slotProps={{ htmlInput: { 'data-testid': 'case-number', maxLength: 64 } }}
            />
            <TextField
              label={t('cases.venue')}
              value={venue}
              onChange={(e) => setVenue(e.target.value)}
              required
              error={missing(venue)}
              helperText={missing(venue) ? t('validation.required') : t('cases.venueHint')}
              slotProps={{ htmlInput: { 'data-testid': 'case-venue', maxLength: 200 } }}
            />
            <TextField
              select
              label={t('cases.type')}
              value={caseType}
              onChange={(e) => setCaseType(e.target.value as CaseType)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'case-type' } }}
            >
              {caseTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`caseTypes.${type}`)}
                </option>
              ))}
            </TextField>
            <TextField
              label={t('cases.parties')}
              value={parties}
              onChange={(e) => setParties(e.target.value)}
              multiline
              minRows={2}
              helperText={t('cases.partiesHint')}
              slotProps={{ htmlInput: { 'data-testid': 'case-parties', maxLength: 2000 } }}
            />
            {error !== null && <ErrorAlert error={error} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="new-case-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="new-case-submit">
            {t('cases.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
