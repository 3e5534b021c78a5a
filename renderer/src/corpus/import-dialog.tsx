import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { SingleFileField, useChosenFile } from '../common/single-file-field.tsx';
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
  const chosen = useChosenFile();
  const problem = caseType === '' ? 'corpus.import.caseTypeMissing' : chosen.file === null ? 'corpus.import.fileMissing' : null;
  const form = useFormSubmit({
    invalid: problem !== null,
    action: async () => {
      const body = await chosen.read();
      if (chosen.file === null || body === null) return;
      onImported(await call(api, 'corpus.import', { caseType, fileName: chosen.file.name, body }));
    },
  });
  return (
    <FormDialog title={t('corpus.import.title')} testId="corpus-import" submitLabel={t('corpus.import.submit')} intro={t('corpus.import.intro')} form={form} onClose={onClose}>
      <CaseTypeSelect value={caseType} onChange={setCaseType} checked={form.checked} testId="corpus-import-case-type" />
      <SingleFileField chosen={chosen} busy={form.busy} accept=".csv,.jsonl,text/csv,application/jsonl" keys="corpus.import" showMissing={form.checked} testId="corpus-import" />
    </FormDialog>
  );
}
