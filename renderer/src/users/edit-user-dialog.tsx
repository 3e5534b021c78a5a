import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';

/** Props of EditUserDialog. */
export interface EditUserDialogProps {
  readonly user: User;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

/** Changes an account's display name and role (each change audit-logged by the services). */
export function EditUserDialog({ user, onClose, onSaved }: EditUserDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const problem = fieldRules.displayName(displayName);
  const form = useFormSubmit({
    invalid: Boolean(problem),
    action: async () => {
      if (displayName.trim() !== user.displayName) await call(api, 'users.setDisplayName', { userId: user.id, displayName: displayName.trim() });
      if (role !== user.role) await call(api, 'users.setRole', { userId: user.id, role });
      onSaved();
    },
  });

  return (
    <FormDialog
      title={t('users.editTitle', { username: user.username })}
      intro={t('users.editIntro')}
      testId="edit-user"
      submitLabel={t('users.save')}
      form={form}
      onClose={onClose}
    >
      <TextField
        label={t('fields.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        autoComplete="off"
        autoFocus
        required
        error={form.checked && Boolean(problem)}
        helperText={form.checked && problem ? t(problem) : null}
        slotProps={{ htmlInput: { 'data-testid': 'edit-user-display-name' } }}
      />
      <TextField
        select
        label={t('fields.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'edit-user-role' } }}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </TextField>
    </FormDialog>
  );
}
