import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from './file-drop-zone.tsx';

/** The file an import dialog has been given, and its bytes once read. */
export interface ChosenFile {
  readonly file: File | null;
  /** The name of a file the browser could not read, or null. */
  readonly unreadable: string | null;
  readonly choose: (files: readonly File[]) => void;
  /** The chosen file's bytes; null (and the file named as unreadable) when the browser cannot read it. */
  readonly read: () => Promise<Uint8Array | null>;
}

/** One file chosen for an import: choosing another clears the last read failure. */
export function useChosenFile(): ChosenFile {
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  return {
    file,
    unreadable,
    choose: (files) => {
      setFile(files[0] ?? null);
      setUnreadable(null);
    },
    read: async () => {
      if (file === null) return null;
      setUnreadable(null);
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch (failure) {
        // A local read failure is not the workstation's: say so in place of a service error.
        console.warn(`[dalel] cannot read ${file.name}:`, failure);
        setUnreadable(file.name);
        return null;
      }
    },
  };
}

/** Props of SingleFileField. */
export interface SingleFileFieldProps {
  readonly chosen: ChosenFile;
  readonly busy: boolean;
  readonly accept: string;
  /** Translation keys under this prefix: zone, choose, hint, chosen ({{file}}) and fileMissing. */
  readonly keys: string;
  /** Whether to say that no file was chosen (after a submit). */
  readonly showMissing: boolean;
  /** Prefix of the data-testids: -zone, -choose, -input, -file and -unreadable. */
  readonly testId: string;
}

/** The drop zone of a one-file import, the chosen file's name, and why no file can be sent yet. */
export function SingleFileField({ chosen, busy, accept, keys, showMissing, testId }: SingleFileFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <FileDropZone
        onFiles={chosen.choose}
        busy={busy}
        multiple={false}
        accept={accept}
        zoneLabel={t(`${keys}.zone`)}
        buttonLabel={t(`${keys}.choose`)}
        hint={t(`${keys}.hint`)}
        testIds={{ zone: `${testId}-zone`, button: `${testId}-choose`, input: `${testId}-input` }}
      >
        {chosen.file && (
          <Typography variant="body2" data-testid={`${testId}-file`}>
            {t(`${keys}.chosen`, { file: chosen.file.name })}
          </Typography>
        )}
      </FileDropZone>
      {chosen.unreadable !== null && (
        <Alert severity="error" role="alert" data-testid={`${testId}-unreadable`}>
          {t('intake.unreadable', { file: chosen.unreadable })}
        </Alert>
      )}
      {showMissing && chosen.file === null && (
        <Typography variant="body2" color="error">
          {t(`${keys}.fileMissing`)}
        </Typography>
      )}
    </>
  );
}
