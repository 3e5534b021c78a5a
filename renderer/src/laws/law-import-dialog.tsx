import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalCodeIds, type LawImportView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FileDropZone } from '../common/file-drop-zone.tsx';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';

/** Props of LawImportDialog. */
export interface LawImportDialogProps {
  readonly onClose: () => void;
  /** Called with what the store did once it has taken the text. */
  readonly onImported: (result: LawImportView) => void;
}

const textLanguages = ['ru', 'kk'] as const;

/**
 * Imports the official text of one version of a code (a UTF-8 .txt file) into the legal-acts store: the code, the
 * date of the version and the language of the text are the administrator's to state, since nothing in a plain text
 * says them reliably.
 */
export function LawImportDialog({ onClose, onImported }: LawImportDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [version, setVersion] = useState('');
  const [language, setLanguage] = useState<(typeof textLanguages)[number]>('ru');
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const problems = {
    code: code === '' ? 'laws.import.codeMissing' : null,
    version: /^\d{4}-\d{2}-\d{2}$/.test(version) ? null : 'laws.import.versionMissing',
    file: file === null ? 'laws.import.fileMissing' : null,
  };
  const form = useFormSubmit({
    invalid: Object.values(problems).some((p) => p !== null),
    action: async () => {
      if (file === null) return;
      setUnreadable(null);
      let body: Uint8Array;
      try {
        body = new Uint8Array(await file.arrayBuffer());
      } catch (failure) {
        // A local read failure is not the workstation's: say so in place of a service error.
        console.warn(`[dalel] cannot read ${file.name}:`, failure);
        setUnreadable(file.name);
        return;
      }
      onImported(await call(api, 'laws.import', { code, version, language, fileName: file.name, body }));
    },
  });
  return (
    <FormDialog title={t('laws.import.title')} intro={t('laws.import.intro')} testId="law-import" submitLabel={t('laws.import.submit')} form={form} onClose={onClose}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label={t('laws.import.code')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          required
          error={form.shown(problems.code) !== null}
          helperText={form.shown(problems.code)}
          sx={{ flex: 1 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'law-import-code' } }}
        >
          <option value="" disabled>
            {t('laws.import.codePick')}
          </option>
          {legalCodeIds.map((id) => (
            <option key={id} value={id}>
              {t(`laws.codes.${id}`)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('laws.import.language')}
          value={language}
          onChange={(event) => setLanguage(event.target.value === 'kk' ? 'kk' : 'ru')}
          sx={{ minWidth: 160 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'law-import-language' } }}
        >
          {textLanguages.map((l) => (
            <option key={l} value={l}>
              {t(`laws.import.languages.${l}`)}
            </option>
          ))}
        </TextField>
      </Stack>
      <TextField
        type="date"
        label={t('laws.import.version')}
        value={version}
        onChange={(event) => setVersion(event.target.value)}
        required
        error={form.shown(problems.version) !== null}
        helperText={form.shown(problems.version) ?? t('laws.import.versionHint')}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'law-import-version' } }}
      />
      <FileDropZone
        onFiles={(files) => {
          setFile(files[0] ?? null);
          setUnreadable(null);
        }}
        busy={form.busy}
        multiple={false}
        accept=".txt,text/plain"
        zoneLabel={t('laws.import.zone')}
        buttonLabel={t('laws.import.choose')}
        hint={t('laws.import.hint')}
        testIds={{ zone: 'law-import-zone', button: 'law-import-choose', input: 'law-import-input' }}
      >
        {file && <Typography variant="body2" data-testid="law-import-file">{t('laws.import.chosen', { file: file.name })}</Typography>}
      </FileDropZone>
      {unreadable !== null && (
        <Alert severity="error" role="alert" data-testid="law-import-unreadable">
          {t('intake.unreadable', { file: unreadable })}
        </Alert>
      )}
      {form.shown(problems.file) !== null && (
        <Typography variant="body2" color="error">
          {form.shown(problems.file)}
        </Typography>
      )}
    </FormDialog>
  );
}
