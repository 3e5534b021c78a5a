import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../main/contract/index.ts';
import { CodeBlock } from '../common/code-block.tsx';
import { FactList } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { ActorText } from './actor-text.tsx';
import { actionText, entryAbout } from './entry-words.ts';
import { EntryProof } from './entry-proof.tsx';
import { prettyJson } from './pretty-json.ts';

/** Props of EntryDialog. */
export interface EntryDialogProps {
  readonly entry: AuditEntryView;
  readonly caseNumber: string | undefined;
  readonly canSign: boolean;
  readonly onCheckpointSigned: () => void;
  readonly onClose: () => void;
}

/** One audit entry in full: its particulars, the signed canonical JSON (indented to read, copied exactly), its proof. */
export function EntryDialog({ entry, caseNumber, canSign, onCheckpointSigned, onClose }: EntryDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="entry-title" data-testid="entry-dialog">
      <DialogTitle id="entry-title">{t('audit.entry.title', { seq: entry.seq })}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <FactList
            facts={[
              { label: t('audit.trail.time'), value: `${format.dateTime(entry.at)} (${entry.at})` },
              { label: t('audit.trail.actorColumn'), value: <ActorText actor={entry.actor} role={entry.role} name={entry.actorName} /> },
              {
                label: t('audit.trail.action'),
                value: (
                  <Stack spacing={0.5}>
                    <Typography variant="body2">{actionText(t, entry.action)}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {t('audit.entry.code')}{' '}
                      <Typography component="code" variant="caption" sx={{ fontFamily: monospaceFamily }} data-testid="entry-action">
                        {entry.action}
                      </Typography>
                    </Typography>
                  </Stack>
                ),
              },
              { label: t('audit.trail.about'), value: entryAbout(t, entry, caseNumber).join(' · ') || '—', testId: 'entry-about' },
              { label: t('audit.case'), value: entry.caseId === null ? '—' : `${entry.caseNumber ?? caseNumber ?? '—'} (${entry.caseId})` },
            ]}
          />
          <div>
            <Typography variant="h6" component="h3">
              {t('audit.entry.canonical')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('audit.entry.canonicalHint')}
            </Typography>
            <CodeBlock text={prettyJson(entry.entry)} copyText={entry.entry} label={t('audit.entry.canonical')} copyLabel={t('audit.entry.copy')} testId="entry-json" />
          </div>
          <div>
            <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
              {t('audit.proof.title')}
            </Typography>
            <EntryProof seq={entry.seq} canSign={canSign} onCheckpointSigned={onCheckpointSigned} />
          </div>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus data-testid="entry-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
