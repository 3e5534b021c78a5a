import LockIcon from '@mui/icons-material/Lock';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { useAuth } from './auth-context.ts';
import { AuthLayout } from './auth-layout.tsx';

/** Props of LockScreen. */
export interface LockScreenProps {
  readonly session: SessionInfo;
}

/** Shown after inactivity: the same user types the password to go on, or logs out so someone else can log in. */
export function LockScreen({ session }: LockScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt, logout } = useAuth();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password === '') return;
    setBusy(true);
    setError(null);
    try {
      adopt(await call(api, 'auth.unlock', { password }));
    } catch (failure) {
      setError(failure);
      setPassword('');
      setBusy(false);
    }
  }

  async function leave() {
    try {
      await logout();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <AuthLayout title={t('lock.title')} subtitle={t('lock.intro')}>
      <form onSubmit={submit} noValidate data-testid="lock-form" aria-label={t('lock.title')}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockIcon color="action" aria-hidden />
            <Typography data-testid="lock-user">
              {t('lock.lockedFor', { name: session.user.displayName, username: session.user.username })}
            </Typography>
          </Stack>
          <PasswordField label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" autoFocus testId="lock-password" />
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={busy || password === ''} data-testid="unlock-submit">
            {t('lock.submit')}
          </Button>
          <Button variant="text" onClick={leave} data-testid="lock-logout">
            {t('lock.logout')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
