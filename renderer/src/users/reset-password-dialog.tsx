import { useTranslation } from 'react-i18next';
import type { User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields, useNewPassword } from '../common/new-password-fields.tsx';

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
  const newPassword = useNewPassword();
  const form = useFormSubmit({
    invalid: Object.values(newPassword.problems).some(Boolean),
    action: async () => {
      await call(api, 'users.resetPassword', { userId: user.id, temporaryPassword: newPassword.password });
      onReset();
    },
  });

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
      <NewPasswordFields label={t('users.temporaryPassword')} state={newPassword} shown={form.shown} testId="reset-password-new" confirmTestId="reset-password-confirm" autoFocus />
    </FormDialog>
  );
}
