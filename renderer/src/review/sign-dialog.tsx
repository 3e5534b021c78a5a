import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { KeyStateNote } from './key-state-note.tsx';

/** What a signature may mean when the expert signs (21 CFR 11.50). */
export const signMeanings = ['reviewed', 'approved'] as const;

/** Props of SignDialog. */
export interface SignDialogProps {
  readonly caseId: string;
  /** 'sign' signs a verified case with a chosen meaning; 'technical-review' is a second expert's verify, signed as such. */
  readonly mode?: 'sign' | 'technical-review';
  readonly onClose: () => void;
  readonly onSigned: (review: CaseReview) => void;
}

/**
 * Signing: the expert types the password again (auth.reauthenticate) and chooses what the signature means; a second
 * expert's technical review is signed the same way with its fixed meaning. The dialog states what the signature will
 * really be covered by, given the audit signing key's state.
 */
export function SignDialog({ caseId, mode = 'sign', onClose, onSigned }: SignDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [meaning, setMeaning] = useState<(typeof signMeanings)[number] | ''>('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const technical = mode === 'technical-review';
  const problems = { password: password === '' ? t('validation.required') : null, meaning: !technical && meaning === '' ? t('review.meaningRequired') : null };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (problems.password || problems.meaning) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'auth.reauthenticate', { password });
      onSigned(await call(api, 'review.transition', technical ? { caseId, action: 'verify' } : { caseId, action: 'sign', meaning: meaning === '' ? undefined : meaning }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="xs" aria-labelledby="sign-title" data-testid="sign-dialog">
      <form onSubmit={submit} noValidate data-testid="sign-form">
        <DialogTitle id="sign-title">{t(technical ? 'review.technicalTitle' : 'review.signTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t(technical ? 'review.technicalIntro' : 'review.signIntro')}</DialogContentText>
            <KeyStateNote />
            {!technical && (
            <FormControl error={checked && problems.meaning !== null}>
              <FormLabel id="sign-meaning-label">{t('review.meaning')}</FormLabel>
              <RadioGroup aria-labelledby="sign-meaning-label" value={meaning} onChange={(event) => setMeaning(event.target.value as (typeof signMeanings)[number])}>
                {signMeanings.map((m) => (
                  <FormControlLabel key={m} value={m} control={<Radio slotProps={{ input: { 'data-testid': `sign-meaning-${m}` } as React.InputHTMLAttributes<HTMLInputElement> }} />} label={t(`review.meanings.${m}`)} />
                ))}
              </RadioGroup>
              {checked && problems.meaning && <DialogContentText color="error">{problems.meaning}</DialogContentText>}
            </FormControl>
            )}
            <PasswordField label={t('review.password')} value={password} onChange={setPassword} testId="sign-password" autoComplete="current-password" autoFocus error={checked ? problems.password : null} />
            {error !== null && <ErrorAlert error={error} testId="sign-error" />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="sign-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="sign-submit">
            {t(technical ? 'review.verifyTechnical' : 'review.sign')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
