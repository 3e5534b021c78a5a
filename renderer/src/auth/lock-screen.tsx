import LockIcon from '@mui/icons-material/Lock';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useFormSubmit } from '../common/form-dialog.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { useAuth } from './auth-context.ts';
import { AuthForm } from './auth-form.tsx';

/** Props of LockScreen. */
export interface LockScreenProps {
  readonly session: SessionInfo;
}

/** Shown after inactivity: the same user types the password to go on, or logs out so someone else can log in. */
export function LockScreen({ session }: LockScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt } = useAuth();
  const [password, setPassword] = useState('');
  const form = useFormSubmit({
    invalid: password === '',
    action: async () => {
      try {
        adopt(await call(api, 'auth.unlock', { password }));
      } catch (failure) {
        setPassword('');
        throw failure;
      }
    },
  });

  return (
    <AuthForm
      title={t('lock.title')}
      subtitle={t('lock.intro')}
      testId="lock-form"
      submitLabel={t('lock.submit')}
      submitTestId="unlock-submit"
      form={form}
      submitDisabled={password === ''}
      logoutTestId="lock-logout"
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <LockIcon color="action" aria-hidden />
        <Typography data-testid="lock-user">{t('lock.lockedFor', { name: session.user.displayName, username: session.user.username })}</Typography>
      </Stack>
      <PasswordField label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" autoFocus testId="lock-password" />
    </AuthForm>
  );
}
