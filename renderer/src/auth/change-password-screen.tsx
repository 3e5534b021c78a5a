import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { fieldRules } from '../common/field-rules.ts';
import { PasswordField } from '../common/password-field.tsx';
import { NewPasswordFields } from '../common/new-password-fields.tsx';
import { useAuth } from './auth-context.ts';
import { AuthLayout } from './auth-layout.tsx';

/** Props of ChangePasswordScreen. */
export interface ChangePasswordScreenProps {
  readonly session: SessionInfo;
}

/**
 * Shown after an administrator reset the password: the user types the temporary password and a new one of their
 * own (twice) before anything else; logging out is the only other way on.
 */
export function ChangePasswordScreen({ session }: ChangePasswordScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh, logout } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const problems = {
    current: fieldRules.required(current),
    next: fieldRules.newPassword(next) ?? (next !== '' && next === current ? 'validation.samePassword' : null),
    confirm: confirm === next ? null : 'validation.passwordsDiffer',
  };
  const shown = (key: string | null) => (checked && key ? t(key) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'auth.changePassword', { currentPassword: current, newPassword: next });
      refresh();
    } catch (failure) {
      setError(failure);
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
    <AuthLayout title={t('changePassword.title')} subtitle={t('changePassword.intro', { name: session.user.displayName })}>
      <form onSubmit={submit} noValidate data-testid="change-password-form" aria-label={t('changePassword.title')}>
        <Stack spacing={2}>
          <PasswordField
            label={t('changePassword.temporary')}
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
            autoFocus
            testId="change-password-current"
            error={shown(problems.current)}
          />
          <NewPasswordFields
            label={t('changePassword.new')}
            password={next}
            confirm={confirm}
            onPassword={setNext}
            onConfirm={setConfirm}
            passwordError={shown(problems.next)}
            confirmError={shown(problems.confirm)}
            testId="change-password-new"
            confirmTestId="change-password-confirm"
          />
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="change-password-submit">
            {t('changePassword.submit')}
          </Button>
          <Button variant="text" onClick={leave} data-testid="change-password-logout">
            {t('lock.logout')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
