import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

/** Props of FileDropZone. */
export interface FileDropZoneProps {
  readonly onFiles: (files: readonly File[]) => void;
  readonly busy: boolean;
  readonly multiple: boolean;
  readonly accept: string;
  readonly zoneLabel: string;
  readonly buttonLabel: string;
  readonly hint: string;
  readonly testIds: { readonly zone: string; readonly button: string; readonly input: string };
  /** Shown under the button row (progress, for instance). */
  readonly children?: ReactNode;
}

/** A file picker button with a hidden input, inside a zone that also accepts dropped files. */
export function FileDropZone({ onFiles, busy, multiple, accept, zoneLabel, buttonLabel, hint, testIds, children }: FileDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (!busy && files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
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
      aria-label={zoneLabel}
      data-testid={testIds.zone}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 2.5,
        transition: 'border-color 120ms, background-color 120ms',
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy} data-testid={testIds.button}>
          {buttonLabel}
        </Button>
        <Typography color="text.secondary">{hint}</Typography>
        <input
          ref={input}
          type="file"
          hidden
          multiple={multiple}
          accept={accept}
          data-testid={testIds.input}
          aria-label={buttonLabel}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Clear the picker so choosing the same file again still fires a change.
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </Stack>
      {children}
    </Box>
  );
}
