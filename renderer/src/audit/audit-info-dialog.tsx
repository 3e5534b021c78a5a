import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { KeyFacts } from './key-facts.tsx';

/** Props of AuditInfoDialog. */
export interface AuditInfoDialogProps {
  readonly onClose: () => void;
}

/**
 * The audit log's public facts for every role: anyone handed an exported bundle can compare its key fingerprint with
 * the one this workstation shows.
 */
export function AuditInfoDialog({ onClose }: AuditInfoDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'audit.status', {}), [api]);
  const status = useLoaded(load);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="audit-info-title" data-testid="audit-info-dialog">
      <DialogTitle id="audit-info-title">{t('audit.info.title')}</DialogTitle>
      <DialogContent dividers>
        {/* Never claim a signed log that is not: the intro follows the key's real state. */}
        {status.value && (
          <DialogContentText sx={{ mb: 2 }} data-testid="audit-info-intro" data-key-state={status.value.key === null ? 'none' : status.value.keyUnlocked ? 'unlocked' : 'locked'}>
            {t(status.value.key === null ? 'audit.info.introNoKey' : status.value.keyUnlocked ? 'audit.info.intro' : 'audit.info.introLocked')}
          </DialogContentText>
        )}
        {status.loading && <LinearProgress aria-label={t('common.loading')} />}
        {status.error !== null && <ErrorAlert error={status.error} />}
        {status.value && <KeyFacts status={status.value} testIdPrefix="audit-info" />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus data-testid="audit-info-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
