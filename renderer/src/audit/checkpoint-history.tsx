import HandshakeIcon from '@mui/icons-material/Handshake';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableContainer from '@mui/material/TableContainer';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckpointInfo, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { DismissButton } from '../common/dismiss-button.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { CheckpointNoteDialog } from './checkpoint-note-dialog.tsx';
import { CheckpointRow } from './checkpoint-row.tsx';
import { ImportCosignatureDialog } from './import-cosignature-dialog.tsx';
import { SignCheckpointButton } from './sign-checkpoint-button.tsx';
import { SectionHeading } from '../common/section-heading.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Props of CheckpointHistory. */
export interface CheckpointHistoryProps {
  readonly role: Role;
  /** Changes whenever a checkpoint may have been signed elsewhere (an export, a periodic one), to read the list again. */
  readonly revision: number;
  /** Told after a checkpoint was signed or a cosignature recorded. */
  readonly onStatusChanged: () => void;
}

/** A message about the last action taken here. */
type Notice = { readonly kind: 'signed'; readonly checkpoint: CheckpointInfo } | { readonly kind: 'cosigned'; readonly witness: string; readonly id: number };

/**
 * The signed checkpoints, newest first, with their witnesses; "Sign checkpoint now", the signed note of each for a
 * witness to cosign, and the import of the cosignature the witness returns.
 */
export function CheckpointHistory({ role, revision, onStatusChanged }: CheckpointHistoryProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const load = useCallback(() => call(api, 'audit.checkpoints', {}).then((list) => ({ list, revision })), [api, revision]);
  const checkpoints = useLoaded(load);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState<CheckpointInfo | null>(null);
  const canSign = mayUse(role, 'audit.checkpoint');
  const canImport = mayUse(role, 'audit.importCosignature');

  const changed = (next: Notice) => {
    setError(null);
    setNotice(next);
    checkpoints.reload();
    onStatusChanged();
  };

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="checkpoint-history">
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <SectionHeading title={t('audit.sections.checkpoints')} intro={t('audit.checkpoints.intro')} />
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            {canImport && (
              <Button variant="outlined" startIcon={<HandshakeIcon />} onClick={() => setImporting(true)} data-testid="cosignature-open">
                {t('audit.checkpoints.import')}
              </Button>
            )}
            {canSign && <SignCheckpointButton testId="checkpoint-sign" onError={setError} onSigned={(checkpoint) => changed({ kind: 'signed', checkpoint })} />}
          </Stack>
        </Stack>
        {error !== null && <ErrorAlert error={error} testId="checkpoint-error" />}
        {notice !== null && (
          <Alert severity="success" action={<DismissButton onDismiss={() => setNotice(null)} testId="checkpoint-notice-dismiss" />} data-testid="checkpoint-notice">
            {notice.kind === 'signed'
              ? t('audit.checkpoints.signed', { id: notice.checkpoint.id, size: format.integer(notice.checkpoint.size) })
              : t('audit.checkpoints.cosigned', { witness: notice.witness, id: notice.id })}
          </Alert>
        )}
        {checkpoints.error !== null && <ErrorAlert error={checkpoints.error} />}
        <div>
          {checkpoints.loading && <LinearProgress aria-label={t('common.loading')} />}
          <TableContainer>
            <DataTable
              columns={[
                t('audit.checkpoints.id'),
                { label: t('audit.checkpoints.size'), align: 'right' },
                t('audit.checkpoints.created'),
                t('audit.checkpoints.reason'),
                { label: t('audit.keyId'), sx: { display: { xs: 'none', lg: 'table-cell' } } },
                { label: t('audit.checkpoints.root'), sx: { display: { xs: 'none', lg: 'table-cell' } } },
                t('audit.checkpoints.witnesses'),
                { label: t('audit.checkpoints.note'), align: 'right' },
              ]}
              label={t('audit.checkpoints.tableLabel')}
              testId="checkpoints-table"
              empty={checkpoints.value?.list.length === 0 && { testId: 'checkpoints-empty', text: t('audit.checkpoints.empty') }}
            >
              {checkpoints.value?.list.map((checkpoint) => <CheckpointRow key={checkpoint.id} checkpoint={checkpoint} onShowNote={setShown} />)}
            </DataTable>
          </TableContainer>
        </div>
      </Stack>
      {shown && <CheckpointNoteDialog checkpoint={shown} onClose={() => setShown(null)} />}
      {importing && (
        <ImportCosignatureDialog
          onClose={() => setImporting(false)}
          onImported={(cosignature) => {
            setImporting(false);
            changed({ kind: 'cosigned', witness: cosignature.witness, id: cosignature.checkpointId });
          }}
        />
      )}
    </Paper>
  );
}
