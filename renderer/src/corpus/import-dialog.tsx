import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FileDropZone } from '../common/file-drop-zone.tsx';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { CaseTypeSelect } from './case-type-select.tsx';

/** Props of ImportDialog. */
export interface ImportDialogProps {
  readonly onClose: () => void;
  /** Called with the import's report once the service has taken the file. */
  readonly onImported: (report: ImportReportView) => void;
}

/** Imports a CSV or JSONL file of decided cases for a chosen case type into the verdict corpus. */
export function ImportDialog({ onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [caseType, setCaseType] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const problem = caseType === '' ? 'corpus.import.caseTypeMissing' : file === null ? 'corpus.import.fileMissing' : null;
  const form = useFormSubmit({
    invalid: problem !== null,
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
      onImported(await call(api, 'corpus.import', { caseType, fileName: file.name, body }));
    },
  });
  return (
    <FormDialog title={t('corpus.import.title')} testId="corpus-import" submitLabel={t('corpus.import.submit')} intro={t('corpus.import.intro')} form={form} onClose={onClose}>
      <CaseTypeSelect value={caseType} onChange={setCaseType} checked={form.checked} testId="corpus-import-case-type" />
      <FileDropZone
        onFiles={(files) => {
          setFile(files[0] ?? null);
          setUnreadable(null);
        }}
        busy={form.busy}
        multiple={false}
        accept=".csv,.jsonl,text/csv,application/jsonl"
        zoneLabel={t('corpus.import.zone')}
        buttonLabel={t('corpus.import.choose')}
        hint={t('corpus.import.hint')}
        testIds={{ zone: 'corpus-import-zone', button: 'corpus-import-choose', input: 'corpus-import-input' }}
      >
        {file && <Typography variant="body2" data-testid="corpus-import-file">{t('corpus.import.chosen', { file: file.name })}</Typography>}
      </FileDropZone>
      {unreadable !== null && (
        <Alert severity="error" role="alert" data-testid="corpus-import-unreadable">
          {t('intake.unreadable', { file: unreadable })}
        </Alert>
      )}
      {form.checked && file === null && (
        <Typography variant="body2" color="error">
          {t('corpus.import.fileMissing')}
        </Typography>
      )}
    </FormDialog>
  );
}
