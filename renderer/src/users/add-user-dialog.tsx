import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { NewPasswordFields } from '../common/new-password-fields.tsx';

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
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const problems = {
    username: fieldRules.username(username),
    displayName: fieldRules.displayName(displayName),
    password: fieldRules.newPassword(password),
    confirm: confirm === password ? null : 'validation.passwordsDiffer',
  };
  const form = useFormSubmit({
    invalid: Object.values(problems).some(Boolean),
    action: async () => {
      await call(api, 'users.add', { username: username.trim(), displayName: displayName.trim(), role, password });
      onAdded();
    },
  });
  const shown = (key: string | null) => (form.checked && key ? t(key) : null);

  return (
    <FormDialog title={t('users.addTitle')} testId="add-user" submitLabel={t('users.addSubmit')} form={form} onClose={onClose}>
      <TextField
        label={t('fields.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoComplete="off"
        autoFocus
        required
        error={Boolean(shown(problems.username))}
        helperText={shown(problems.username) ?? t('validation.usernameHint')}
        slotProps={{ htmlInput: { 'data-testid': 'add-user-username' } }}
      />
      <TextField
        label={t('fields.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        autoComplete="off"
        required
        error={Boolean(shown(problems.displayName))}
        helperText={shown(problems.displayName)}
        slotProps={{ htmlInput: { 'data-testid': 'add-user-display-name' } }}
      />
      <TextField
        select
        label={t('fields.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'add-user-role' } }}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </TextField>
      <NewPasswordFields
        label={t('fields.initialPassword')}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        passwordError={shown(problems.password)}
        confirmError={shown(problems.confirm)}
        testId="add-user-password"
        confirmTestId="add-user-password-confirm"
      />
    </FormDialog>
  );
}
