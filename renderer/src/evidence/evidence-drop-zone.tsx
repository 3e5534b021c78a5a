import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../common/file-drop-zone.tsx';
import type { IntakeProgress } from './use-evidence-intake.ts';

/** The file types offered in the picker; the services decide by content, not by these extensions. */
export const acceptedExtensions = '.png,.jpg,.jpeg,.tif,.tiff,.x3p,.pdf';

/** Props of EvidenceDropZone. */
export interface EvidenceDropZoneProps {
  readonly onFiles: (files: readonly File[]) => void;
  readonly progress: IntakeProgress | null;
}

/** Where an expert adds evidence: an "Add evidence" button with a hidden multi-file picker, and a drop zone. */
export function EvidenceDropZone({ onFiles, progress }: EvidenceDropZoneProps) {
  const { t } = useTranslation();
  return (
    <FileDropZone
      onFiles={onFiles}
      busy={progress !== null}
      multiple
      accept={acceptedExtensions}
      zoneLabel={t('intake.zoneLabel')}
      buttonLabel={t('intake.add')}
      hint={t('intake.dropHint')}
      testIds={{ zone: 'evidence-drop-zone', button: 'add-evidence-button', input: 'evidence-file-input' }}
    >
      {progress && (
        <Box sx={{ mt: 2 }} data-testid="intake-progress">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('intake.progress', { done: progress.done + 1, total: progress.total, file: progress.current })}
          </Typography>
          <LinearProgress variant="determinate" value={(progress.done / progress.total) * 100} aria-label={t('intake.progressLabel')} />
        </Box>
      )}
    </FileDropZone>
  );
}
