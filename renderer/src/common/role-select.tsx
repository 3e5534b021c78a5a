import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../main/contract/index.ts';

/** Props of RoleSelect. */
export interface RoleSelectProps {
  readonly value: Role;
  readonly onChange: (role: Role) => void;
  readonly testId: string;
}

/** The role of an account (expert, judge, clerk, administrator), named in the user's language. */
export function RoleSelect({ value, onChange, testId }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={t('fields.role')}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': testId } }}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </TextField>
  );
}
