import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { useAuth } from './auth-context.ts';
import { AuthLayout } from './auth-layout.tsx';

/** The login form: user name and password. */
export function LoginScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (username.trim() === '' || password === '') return;
    setBusy(true);
    setError(null);
    try {
      adopt(await call(api, 'auth.login', { username: username.trim(), password }));
    } catch (failure) {
      setError(failure);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.intro')}>
      <form onSubmit={submit} noValidate data-testid="login-form" aria-label={t('login.title')}>
        <Stack spacing={2}>
          <TextField
            label={t('fields.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            required
            slotProps={{ htmlInput: { 'data-testid': 'login-username' } }}
          />
          <PasswordField label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" testId="login-password" />
          {error !== null && <ErrorAlert error={error} />}
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy || username.trim() === '' || password === ''}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
