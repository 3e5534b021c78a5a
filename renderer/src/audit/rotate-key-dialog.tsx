import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { minimumKeyPassphrase } from '../common/describe-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { KeyPassphraseConfirm } from './key-passphrase-confirm.tsx';

/** Props of RotateKeyDialog. */
export interface RotateKeyDialogProps {
  readonly status: AuditStatus;
  readonly onClose: () => void;
  readonly onRotated: () => void;
}

/**
 * The administrator's key rotation: explains what happens (a last checkpoint under the old key, the old key kept so
 * earlier checkpoints and bundles still verify, a new fingerprint to publish) and asks for the new key's passphrase
 * twice. A key sealed by the operating system's keystore is resealed there, so no passphrase is asked for.
 */
export function RotateKeyDialog({ status, onClose, onRotated }: RotateKeyDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const needsPassphrase = status.keySealer === null || status.keySealer === 'passphrase';
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const tooShort = needsPassphrase && passphrase.length < minimumKeyPassphrase;
  const differs = needsPassphrase && confirm !== passphrase;
  const form = useFormSubmit({
    invalid: tooShort || differs,
    action: async () => {
      await call(api, 'audit.rotateKey', needsPassphrase ? { newPassphrase: passphrase } : {});
      onRotated();
    },
  });

  return (
    <FormDialog
      title={t('audit.rotate.title')}
      intro={t('audit.rotate.intro')}
      testId="rotate-key"
      submitLabel={t('audit.rotate.submit')}
      submitColor="warning"
      form={form}
      onClose={onClose}
    >
      <Alert severity="info">{t('audit.rotate.oldStayValid')}</Alert>
      <Alert severity="warning">{t('audit.rotate.publish')}</Alert>
      {needsPassphrase && (
        <>
          <PasswordField
            label={t('audit.rotate.newPassphrase')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
            autoFocus
            testId="rotate-key-passphrase"
            error={form.checked && tooShort ? t('audit.unlock.tooShort', { min: minimumKeyPassphrase }) : null}
            helperText={t('audit.unlock.lengthHint', { min: minimumKeyPassphrase })}
          />
          <KeyPassphraseConfirm value={confirm} onChange={setConfirm} showDiffers={form.checked && differs} testId="rotate-key-confirm" />
        </>
      )}
    </FormDialog>
  );
}
