import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of BundleDropZone. */
export interface BundleDropZoneProps {
  readonly onFile: (file: File) => void;
  readonly busy: boolean;
}

/** Where an audit bundle (.zip) is given for verification: a file picker button, and a drop zone around it. */
export function BundleDropZone({ onFile, busy }: BundleDropZoneProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (!busy && file) onFile(file);
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
      aria-label={t('audit.verify.zoneLabel')}
      data-testid="verify-drop-zone"
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 3,
        transition: 'border-color 120ms, background-color 120ms',
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy} data-testid="verify-choose">
          {t('audit.verify.choose')}
        </Button>
        <Typography color="text.secondary">{t('audit.verify.dropHint')}</Typography>
        <input
          ref={input}
          type="file"
          hidden
          accept=".zip,application/zip"
          data-testid="verify-file-input"
          aria-label={t('audit.verify.choose')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Clear the picker so choosing the same file again verifies it again.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </Stack>
    </Box>
  );
}
