import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditInfoDialog } from '../audit/audit-info-dialog.tsx';

/** The top bar's "Audit log" button, for every role: opens the log's status and its signing-key fingerprint. */
export function AuditInfoButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={t('audit.info.open')}>
        <IconButton color="inherit" onClick={() => setOpen(true)} aria-label={t('audit.info.open')} aria-haspopup="dialog" data-testid="audit-info-button">
          <VerifiedUserIcon />
        </IconButton>
      </Tooltip>
      {open && <AuditInfoDialog onClose={() => setOpen(false)} />}
    </>
  );
}
