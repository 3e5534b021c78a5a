import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import type { CheckpointInfo } from '../../../main/contract/index.ts';
import { CodeBlock } from '../common/code-block.tsx';

/** Props of CheckpointNoteDialog. */
export interface CheckpointNoteDialogProps {
  readonly checkpoint: CheckpointInfo;
  readonly onClose: () => void;
}

/** The signed note of one checkpoint (with any cosignatures), as a witness or a later verifier needs it. */
export function CheckpointNoteDialog({ checkpoint, onClose }: CheckpointNoteDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="checkpoint-note-title" data-testid="checkpoint-note-dialog">
      <DialogTitle id="checkpoint-note-title">{t('audit.checkpoints.noteTitle', { id: checkpoint.id })}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }}>{t('audit.checkpoints.noteIntro')}</DialogContentText>
        <CodeBlock text={checkpoint.note} label={t('audit.checkpoints.noteTitle', { id: checkpoint.id })} copyLabel={t('audit.checkpoints.copyNote', { id: checkpoint.id })} testId="checkpoint-note" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus data-testid="checkpoint-note-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
