import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRules } from './field-rules.ts';
import { PasswordField } from './password-field.tsx';

/** A new password typed twice, as a form holds it, with its problems (translation keys, or null). */
export interface NewPasswordState {
  readonly password: string;
  readonly confirm: string;
  readonly setPassword: (value: string) => void;
  readonly setConfirm: (value: string) => void;
  readonly problems: { readonly password: string | null; readonly confirm: string | null };
}

/** Holds a new password typed twice; `extraRule` adds a form's own check (e.g. not the same as the old one). */
export function useNewPassword(extraRule: (password: string) => string | null = () => null): NewPasswordState {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const problems = {
    password: fieldRules.newPassword(password) ?? extraRule(password),
    confirm: confirm === password ? null : 'validation.passwordsDiffer',
  };
  return { password, confirm, setPassword, setConfirm, problems };
}

/** Props of NewPasswordFields. */
export interface NewPasswordFieldsProps {
  /** Label of the first field ("Password", "New password", "Temporary password"…). */
  readonly label: string;
  readonly state: NewPasswordState;
  /** The form's `shown`: a problem's text once the form has been checked. */
  readonly shown: (problem: string | null) => string | null;
  /** data-testid of the first field; the second is `${testId}-confirm` unless confirmTestId says otherwise. */
  readonly testId: string;
  readonly confirmTestId?: string;
  readonly autoFocus?: boolean;
}

/** A new password typed twice, with the password rules as the hint: the same pair wherever a password is chosen. */
export function NewPasswordFields({ label, state, shown, testId, confirmTestId = `${testId}-confirm`, autoFocus = false }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        value={state.password}
        onChange={state.setPassword}
        autoComplete="new-password"
        autoFocus={autoFocus}
        testId={testId}
        error={shown(state.problems.password)}
        helperText={t('validation.passwordHint')}
      />
      <PasswordField label={t('fields.confirmPassword')} value={state.confirm} onChange={state.setConfirm} autoComplete="new-password" testId={confirmTestId} error={shown(state.problems.confirm)} />
    </>
  );
}
