import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields, useNewPassword } from '../common/new-password-fields.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { useAuth } from './auth-context.ts';
import { AuthForm } from './auth-form.tsx';

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
  const { refresh } = useAuth();
  const [current, setCurrent] = useState('');
  // The new password must differ from the temporary one it replaces.
  const newPassword = useNewPassword((next) => (next !== '' && next === current ? 'validation.samePassword' : null));

  const problems = { current: fieldRules.required(current), ...newPassword.problems };
  const form = useFormSubmit({
    invalid: Object.values(problems).some(Boolean),
    action: async () => {
      await call(api, 'auth.changePassword', { currentPassword: current, newPassword: newPassword.password });
      refresh();
    },
  });

  return (
    <AuthForm
      title={t('changePassword.title')}
      subtitle={t('changePassword.intro', { name: session.user.displayName })}
      testId="change-password-form"
      submitLabel={t('changePassword.submit')}
      submitTestId="change-password-submit"
      form={form}
      logoutTestId="change-password-logout"
    >
      <PasswordField
        label={t('changePassword.temporary')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        autoFocus
        testId="change-password-current"
        error={form.shown(problems.current)}
      />
      <NewPasswordFields label={t('changePassword.new')} state={newPassword} shown={form.shown} testId="change-password-new" confirmTestId="change-password-confirm" />
    </AuthForm>
  );
}
