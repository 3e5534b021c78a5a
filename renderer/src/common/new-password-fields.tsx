import { useTranslation } from 'react-i18next';
import { PasswordField } from './password-field.tsx';

/** Props of NewPasswordFields. */
export interface NewPasswordFieldsProps {
  /** Label of the first field ("Password", "New password", "Temporary password"…). */
  readonly label: string;
  readonly password: string;
  readonly confirm: string;
  readonly onPassword: (value: string) => void;
  readonly onConfirm: (value: string) => void;
  /** Shown problems (already translated), or null. */
  readonly passwordError: string | null;
  readonly confirmError: string | null;
  /** data-testid of the first field; the second is `${testId}-confirm` unless confirmTestId says otherwise. */
  readonly testId: string;
  readonly confirmTestId?: string;
  readonly autoFocus?: boolean;
}

/** A new password typed twice, with the password rules as the hint: the same pair wherever a password is chosen. */
export function NewPasswordFields({ label, password, confirm, onPassword, onConfirm, passwordError, confirmError, testId, confirmTestId = `${testId}-confirm`, autoFocus = false }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        value={password}
        onChange={onPassword}
        autoComplete="new-password"
        autoFocus={autoFocus}
        testId={testId}
        error={passwordError}
        helperText={t('validation.passwordHint')}
      />
      <PasswordField label={t('fields.confirmPassword')} value={confirm} onChange={onConfirm} autoComplete="new-password" testId={confirmTestId} error={confirmError} />
    </>
  );
}
