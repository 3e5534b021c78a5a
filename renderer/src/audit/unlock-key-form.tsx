import KeyIcon from '@mui/icons-material/Key';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { minimumKeyPassphrase } from '../common/describe-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { KeyPassphraseConfirm } from './key-passphrase-confirm.tsx';

/** Props of UnlockKeyForm. */
export interface UnlockKeyFormProps {
  readonly status: AuditStatus;
  readonly onUnlocked: () => void;
}

/**
 * Opens the signing key with its passphrase; before the first key exists the same form creates it, so it then asks
 * for the passphrase twice and says how long it must be.
 */
export function UnlockKeyForm({ status, onUnlocked }: UnlockKeyFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const creating = status.key === null;
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooShort = creating && passphrase.length < minimumKeyPassphrase;
  const differs = creating && confirm !== passphrase;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (passphrase === '' || tooShort || differs) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'audit.unlockKey', { passphrase });
      setPassphrase('');
      setConfirm('');
      onUnlocked();
    } catch (failure) {
      setError(failure);
      setPassphrase('');
      setConfirm('');
    } finally {
      setBusy(false);
    }
  }

  const passphraseError = checked && passphrase === '' ? t('validation.required') : checked && tooShort ? t('audit.unlock.tooShort', { min: minimumKeyPassphrase }) : null;
  return (
    <form onSubmit={submit} noValidate data-testid="unlock-key-form" aria-label={creating ? t('audit.unlock.createTitle') : t('audit.unlock.title')}>
      <Stack spacing={2} sx={{ maxWidth: 520 }}>
        <Alert severity={creating ? 'info' : 'warning'} data-testid="unlock-key-explanation">
          {creating ? t('audit.unlock.createIntro', { min: minimumKeyPassphrase }) : t('audit.unlock.intro')}
        </Alert>
        <PasswordField
          label={creating ? t('audit.unlock.newPassphrase') : t('audit.unlock.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete={creating ? 'new-password' : 'off'}
          testId="unlock-key-passphrase"
          error={passphraseError}
          helperText={creating ? t('audit.unlock.lengthHint', { min: minimumKeyPassphrase }) : undefined}
        />
        {creating && (
          <KeyPassphraseConfirm value={confirm} onChange={setConfirm} showDiffers={checked && differs} testId="unlock-key-confirm" />
        )}
        {error !== null && <ErrorAlert error={error} testId="unlock-key-error" />}
        <div>
          <Button type="submit" variant="contained" startIcon={<KeyIcon />} disabled={busy} data-testid="unlock-key-submit">
            {creating ? t('audit.unlock.createSubmit') : t('audit.unlock.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
