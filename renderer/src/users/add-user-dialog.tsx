import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields, useNewPassword } from '../common/new-password-fields.tsx';
import { RoleSelect } from '../common/role-select.tsx';
import { TextInput } from '../common/text-input.tsx';

/** Props of AddUserDialog. */
export interface AddUserDialogProps {
  readonly onClose: () => void;
  readonly onAdded: () => void;
}

/** The "add user" form: user name, display name, role and an initial password (typed twice). */
export function AddUserDialog({ onClose, onAdded }: AddUserDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('expert');
  const newPassword = useNewPassword();

  const problems = {
    username: fieldRules.username(username),
    displayName: fieldRules.displayName(displayName),
    ...newPassword.problems,
  };
  const form = useFormSubmit({
    invalid: Object.values(problems).some(Boolean),
    action: async () => {
      await call(api, 'users.add', { username: username.trim(), displayName: displayName.trim(), role, password: newPassword.password });
      onAdded();
    },
  });

  return (
    <FormDialog title={t('users.addTitle')} testId="add-user" submitLabel={t('users.addSubmit')} form={form} onClose={onClose}>
      <TextInput
        label={t('fields.username')}
        value={username}
        onChange={setUsername}
        autoFocus
        error={form.shown(problems.username)}
        helperText={t('validation.usernameHint')}
        testId="add-user-username"
      />
      <TextInput label={t('fields.displayName')} value={displayName} onChange={setDisplayName} error={form.shown(problems.displayName)} testId="add-user-display-name" />
      <RoleSelect value={role} onChange={setRole} testId="add-user-role" />
      <NewPasswordFields label={t('fields.initialPassword')} state={newPassword} shown={form.shown} testId="add-user-password" confirmTestId="add-user-password-confirm" />
    </FormDialog>
  );
}
