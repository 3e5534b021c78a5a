import AutorenewIcon from '@mui/icons-material/Autorenew';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { DismissButton } from '../common/dismiss-button.tsx';
import { KeyFacts } from './key-facts.tsx';
import { RotateKeyDialog } from './rotate-key-dialog.tsx';
import { UnlockKeyForm } from './unlock-key-form.tsx';
import { SectionHeading } from '../common/section-heading.tsx';

/** Props of SigningKeyPanel. */
export interface SigningKeyPanelProps {
  readonly status: AuditStatus;
  readonly role: Role;
  /** Told after the key was unlocked, created or rotated, so the status can be read again. */
  readonly onChanged: () => void;
}

/** The signing key: its public facts, the unlock (or first-key) form while it is closed, and rotation for administrators. */
export function SigningKeyPanel({ status, role, onChanged }: SigningKeyPanelProps) {
  const { t } = useTranslation();
  const [rotating, setRotating] = useState(false);
  const [rotated, setRotated] = useState(false);
  const canRotate = mayUse(role, 'audit.rotateKey') && status.key !== null;
  // A key held by the operating system's keystore opens with the application, not with a passphrase typed here.
  const passphraseSealed = status.keySealer === null || status.keySealer === 'passphrase';

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="signing-key-panel">
      <Stack spacing={2}>
        <SectionHeading title={t('audit.sections.key')} intro={t('audit.keyIntro')} />
        <KeyFacts status={status} testIdPrefix="audit-key" />
        {rotated && (
          <Alert severity="success" action={<DismissButton onDismiss={() => setRotated(false)} testId="rotate-key-done-dismiss" />} data-testid="rotate-key-done">
            {t('audit.rotate.done')}
          </Alert>
        )}
        {!status.keyUnlocked && (
          <>
            <Divider />
            <Typography variant="h6" component="h3">
              {status.key === null ? t('audit.unlock.createTitle') : t('audit.unlock.title')}
            </Typography>
            {passphraseSealed ? (
              <UnlockKeyForm status={status} onUnlocked={onChanged} />
            ) : (
              <Alert severity="warning">{t('audit.unlock.keystore')}</Alert>
            )}
          </>
        )}
        {canRotate && (
          <>
            <Divider />
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
              <div>
                <Typography variant="h6" component="h3">
                  {t('audit.rotate.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {status.keyUnlocked ? t('audit.rotate.summary') : t('audit.rotate.needsUnlock')}
                </Typography>
              </div>
              <Button
                variant="outlined"
                color="warning"
                startIcon={<AutorenewIcon />}
                onClick={() => setRotating(true)}
                disabled={!status.keyUnlocked}
                data-testid="rotate-key-button"
                sx={{ flexShrink: 0 }}
              >
                {t('audit.rotate.open')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
      {rotating && (
        <RotateKeyDialog
          status={status}
          onClose={() => setRotating(false)}
          onRotated={() => {
            setRotating(false);
            setRotated(true);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
