import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { fieldRules } from '../common/field-rules.ts';
import { PasswordField } from '../common/password-field.tsx';

/** Props of ResetPasswordDialog. */
export interface ResetPasswordDialogProps {
  readonly user: User;
  readonly onClose: () => void;
  readonly onReset: () => void;
}

/** Sets a temporary password (typed twice) that the user must replace at the next login. */
export function ResetPasswordDialog({ user, onClose, onReset }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = { password: fieldRules.newPassword(password), confirm: confirm === password ? null : 'validation.passwordsDiffer' };
  const shown = (key: string | null) => (checked && key ? t(key) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problems.password || problems.confirm) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'users.resetPassword', { userId: user.id, temporaryPassword: password });
      onReset();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reset-password-title">
      <form onSubmit={submit} noValidate data-testid="reset-password-form">
        <DialogTitle id="reset-password-title">{t('users.resetTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography color="text.secondary">{t('users.resetIntro')}</Typography>
            <PasswordField
              label={t('users.temporaryPassword')}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              autoFocus
              testId="reset-password-new"
              error={shown(problems.password)}
              helperText={t('validation.passwordHint')}
            />
            <PasswordField
              label={t('fields.confirmPassword')}
              value={confirm}
              onChange={setConfirm}
              autoComplete="new-password"
              testId="reset-password-confirm"
              error={shown(problems.confirm)}
            />
            {error !== null && <ErrorAlert error={error} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="reset-password-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="warning" disabled={busy} data-testid="reset-password-submit">
            {t('users.resetSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
