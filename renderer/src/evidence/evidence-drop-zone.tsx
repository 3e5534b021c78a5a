import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!busy) onFiles([...event.dataTransfer.files]);
  }

  return (
    <Box
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Leaving for a child element (the button, the hint) is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={drop}
      role="group"
      aria-label={t('intake.zoneLabel')}
      data-testid="evidence-drop-zone"
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 2,
        transition: 'border-color 120ms, background-color 120ms',
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy} data-testid="add-evidence-button">
          {t('intake.add')}
        </Button>
        <Typography color="text.secondary">{t('intake.dropHint')}</Typography>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept={acceptedExtensions}
          data-testid="evidence-file-input"
          aria-label={t('intake.add')}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Clear the picker so choosing the same file again still fires a change (a re-submission is logged).
            event.target.value = '';
            onFiles(files);
          }}
        />
      </Stack>
      {progress && (
        <Box sx={{ mt: 2 }} data-testid="intake-progress">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('intake.progress', { done: progress.done + 1, total: progress.total, file: progress.current })}
          </Typography>
          <LinearProgress variant="determinate" value={(progress.done / progress.total) * 100} aria-label={t('intake.progressLabel')} />
        </Box>
      )}
    </Box>
  );
}
