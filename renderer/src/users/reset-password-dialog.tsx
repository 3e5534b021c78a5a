import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields } from '../common/new-password-fields.tsx';

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
  const problems = { password: fieldRules.newPassword(password), confirm: confirm === password ? null : 'validation.passwordsDiffer' };
  const form = useFormSubmit({
    invalid: Boolean(problems.password || problems.confirm),
    action: async () => {
      await call(api, 'users.resetPassword', { userId: user.id, temporaryPassword: password });
      onReset();
    },
  });
  const shown = (key: string | null) => (form.checked && key ? t(key) : null);

  return (
    <FormDialog
      title={t('users.resetTitle', { username: user.username })}
      intro={t('users.resetIntro')}
      testId="reset-password"
      submitLabel={t('users.resetSubmit')}
      submitColor="warning"
      form={form}
      onClose={onClose}
    >
      <NewPasswordFields
        label={t('users.temporaryPassword')}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        passwordError={shown(problems.password)}
        confirmError={shown(problems.confirm)}
        testId="reset-password-new"
        confirmTestId="reset-password-confirm"
        autoFocus
      />
    </FormDialog>
  );
}
