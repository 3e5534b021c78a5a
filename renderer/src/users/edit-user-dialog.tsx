import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { fieldRules } from '../common/field-rules.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { RoleSelect } from '../common/role-select.tsx';
import { TextInput } from '../common/text-input.tsx';

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
      <TextInput label={t('fields.displayName')} value={displayName} onChange={setDisplayName} autoFocus error={form.shown(problem)} testId="edit-user-display-name" />
      <RoleSelect value={role} onChange={setRole} testId="edit-user-role" />
    </FormDialog>
  );
}
