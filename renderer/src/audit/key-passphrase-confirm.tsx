import { useTranslation } from 'react-i18next';
import { PasswordField } from '../common/password-field.tsx';

/** Props of KeyPassphraseConfirm. */
export interface KeyPassphraseConfirmProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Whether to say that the two passphrases differ (once the form has been checked). */
  readonly showDiffers: boolean;
  readonly testId: string;
}

/** The signing key's new passphrase typed a second time, wherever a key passphrase is chosen (creation, rotation). */
export function KeyPassphraseConfirm({ value, onChange, showDiffers, testId }: KeyPassphraseConfirmProps) {
  const { t } = useTranslation();
  return (
    <PasswordField
      label={t('audit.unlock.confirmPassphrase')}
      value={value}
      onChange={onChange}
      autoComplete="new-password"
      testId={testId}
      error={showDiffers ? t('audit.unlock.differs') : null}
    />
  );
}
