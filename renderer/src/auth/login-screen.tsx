import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useFormSubmit } from '../common/form-dialog.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { TextInput } from '../common/text-input.tsx';
import { useAuth } from './auth-context.ts';
import { AuthForm } from './auth-form.tsx';

/** The login form: user name and password. */
export function LoginScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const incomplete = username.trim() === '' || password === '';
  const form = useFormSubmit({
    invalid: incomplete,
    action: async () => {
      try {
        adopt(await call(api, 'auth.login', { username: username.trim(), password }));
      } catch (failure) {
        // A refused password is typed again from scratch, never edited.
        setPassword('');
        throw failure;
      }
    },
  });

  return (
    <AuthForm title={t('login.title')} subtitle={t('login.intro')} testId="login-form" submitLabel={t('login.submit')} submitTestId="login-submit" form={form} submitDisabled={incomplete}>
      <TextInput label={t('fields.username')} value={username} onChange={setUsername} autoComplete="username" autoFocus testId="login-username" />
      <PasswordField label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" testId="login-password" />
    </AuthForm>
  );
}
