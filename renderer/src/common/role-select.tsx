import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../main/contract/index.ts';
import { ChoiceField } from './choice-field.tsx';

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
    <ChoiceField
      label={t('fields.role')}
      value={value}
      // Every choice is a role and there is no empty one.
      onChange={(role) => role !== '' && onChange(role)}
      choices={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      testId={testId}
    />
  );
}
