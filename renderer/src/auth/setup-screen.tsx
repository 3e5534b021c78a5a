import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields, useNewPassword } from '../common/new-password-fields.tsx';
import { TextInput } from '../common/text-input.tsx';
import { useAuth } from './auth-context.ts';
import { AuthForm } from './auth-form.tsx';

/** First run: creates the workstation's administrator (there is no built-in account or default password). */
export function SetupScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { adopt } = useAuth();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();

  const problems = { username: fieldRules.username(username), displayName: fieldRules.displayName(displayName), ...newPassword.problems };
  const form = useFormSubmit({
    invalid: Object.values(problems).some(Boolean),
    action: async () => adopt(await call(api, 'auth.setupAdmin', { username: username.trim(), displayName: displayName.trim(), password: newPassword.password })),
  });

  return (
    <AuthForm title={t('setup.title')} subtitle={t('setup.intro')} testId="setup-form" submitLabel={t('setup.submit')} submitTestId="setup-submit" form={form}>
      <TextInput
        label={t('fields.username')}
        value={username}
        onChange={setUsername}
        autoComplete="username"
        autoFocus
        error={form.shown(problems.username)}
        helperText={t('validation.usernameHint')}
        testId="setup-username"
      />
      <TextInput label={t('fields.displayName')} value={displayName} onChange={setDisplayName} autoComplete="name" error={form.shown(problems.displayName)} testId="setup-display-name" />
      <NewPasswordFields label={t('fields.password')} state={newPassword} shown={form.shown} testId="setup-password" confirmTestId="setup-password-confirm" />
    </AuthForm>
  );
}
