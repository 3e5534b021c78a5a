import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { minimumKeyPassphrase } from '../common/describe-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { PasswordField } from '../common/password-field.tsx';

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
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooShort = needsPassphrase && passphrase.length < minimumKeyPassphrase;
  const differs = needsPassphrase && confirm !== passphrase;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (tooShort || differs) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'audit.rotateKey', needsPassphrase ? { newPassphrase: passphrase } : {});
      onRotated();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="rotate-key-title" aria-describedby="rotate-key-intro">
      <form onSubmit={submit} noValidate data-testid="rotate-key-form">
        <DialogTitle id="rotate-key-title">{t('audit.rotate.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText id="rotate-key-intro">{t('audit.rotate.intro')}</DialogContentText>
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
                  error={checked && tooShort ? t('audit.unlock.tooShort', { min: minimumKeyPassphrase }) : null}
                  helperText={t('audit.unlock.lengthHint', { min: minimumKeyPassphrase })}
                />
                <PasswordField
                  label={t('audit.unlock.confirmPassphrase')}
                  value={confirm}
                  onChange={setConfirm}
                  autoComplete="new-password"
                  testId="rotate-key-confirm"
                  error={checked && differs ? t('audit.unlock.differs') : null}
                />
              </>
            )}
            {error !== null && <ErrorAlert error={error} testId="rotate-key-error" />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="rotate-key-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="warning" disabled={busy} data-testid="rotate-key-submit">
            {t('audit.rotate.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
