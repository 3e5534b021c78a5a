import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { fieldRules } from '../common/field-rules.ts';
import { NewPasswordFields } from '../common/new-password-fields.tsx';
import { useAuth } from './auth-context.ts';
import { AuthLayout } from './auth-layout.tsx';

/** First run: creates the workstation's administrator (there is no built-in account or default password). */
export function SetupScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt } = useAuth();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const problems = {
    username: fieldRules.username(username),
    displayName: fieldRules.displayName(displayName),
    password: fieldRules.newPassword(password),
    confirm: confirm === password ? null : 'validation.passwordsDiffer',
  };
  const shown = (key: string | null) => (checked && key ? t(key) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      adopt(await call(api, 'auth.setupAdmin', { username: username.trim(), displayName: displayName.trim(), password }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.intro')}>
      <form onSubmit={submit} noValidate data-testid="setup-form" aria-label={t('setup.title')}>
        <Stack spacing={2}>
          <TextField
            label={t('fields.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            required
            error={Boolean(shown(problems.username))}
            helperText={shown(problems.username) ?? t('validation.usernameHint')}
            slotProps={{ htmlInput: { 'data-testid': 'setup-username' } }}
          />
          <TextField
            label={t('fields.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            autoComplete="name"
            required
            error={Boolean(shown(problems.displayName))}
            helperText={shown(problems.displayName)}
            slotProps={{ htmlInput: { 'data-testid': 'setup-display-name' } }}
          />
          <NewPasswordFields
            label={t('fields.password')}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordError={shown(problems.password)}
            confirmError={shown(problems.confirm)}
            testId="setup-password"
            confirmTestId="setup-password-confirm"
          />
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
