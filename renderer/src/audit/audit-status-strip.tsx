import ArchiveIcon from '@mui/icons-material/Archive';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { KeyStateChip } from './key-state-chip.tsx';

/** Props of AuditStatusStrip. */
export interface AuditStatusStripProps {
  readonly status: AuditStatus;
  /** Opens the signing key section; absent where there is none. */
  readonly onShowKey?: () => void;
  /** Opens the export dialog; absent for roles that may not export. */
  readonly onExport?: () => void;
}

/** The audit log at a glance above every audit screen: key state, fingerprint, size, newest checkpoint, and "Export". */
export function AuditStatusStrip({ status, onShowKey, onExport }: AuditStatusStripProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const latest = status.latestCheckpoint;
  const fingerprint = status.key?.fingerprint;
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1.5 }} data-testid="audit-status-strip">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} divider={<Divider orientation="vertical" flexItem />} sx={{ alignItems: { md: 'center' } }}>
        <KeyStateChip status={status} testId="audit-strip-key-state" onClick={onShowKey} />
        {fingerprint && (
          <Tooltip title={fingerprint}>
            <Typography variant="body2" data-testid="audit-strip-fingerprint">
              {t('audit.fingerprintShort')}{' '}
              <Typography component="code" variant="body2" sx={{ fontFamily: monospaceFamily, fontWeight: 600 }}>
                {fingerprint.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ')}…
              </Typography>
            </Typography>
          </Tooltip>
        )}
        <Typography variant="body2" data-testid="audit-strip-size">
          {t('audit.entriesInLog', { size: format.integer(status.size) })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {latest ? t('audit.latestCheckpointShort', { size: format.integer(latest.size), at: format.dateTime(latest.createdAt) }) : t('audit.noCheckpoint')}
        </Typography>
        {onExport && (
          <Button variant="contained" startIcon={<ArchiveIcon />} onClick={onExport} data-testid="export-open" sx={{ flexShrink: 0 }}>
            {t('audit.exporting.open')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
