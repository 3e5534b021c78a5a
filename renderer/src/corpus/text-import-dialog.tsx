import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { describeError } from '../common/describe-error.ts';
import { FileDropZone } from '../common/file-drop-zone.tsx';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { useFormatters } from '../common/format.ts';
import { CaseTypeSelect } from './case-type-select.tsx';
import type { TextImportOutcome } from './text-import-results.tsx';

/** Props of TextImportDialog. */
export interface TextImportDialogProps {
  readonly onClose: () => void;
  /** Called with what became of each file once all were sent. */
  readonly onImported: (results: TextImportOutcome[]) => void;
}

/**
 * Imports decision texts (.txt, .pdf with a text layer, .docx) of one case type: each is anonymised, its values read,
 * and it joins the corpus, waits for a clerk's review, or is refused with the reason; one file's refusal does not stop
 * the others.
 */
export function TextImportDialog({ onClose, onImported }: TextImportDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [caseType, setCaseType] = useState('');
  const [files, setFiles] = useState<readonly File[]>([]);
  const form = useFormSubmit({
    invalid: caseType === '' || files.length === 0,
    action: async () => {
      const results: TextImportOutcome[] = [];
      for (const file of files) {
        try {
          const body = new Uint8Array(await file.arrayBuffer());
          const answer = await call(api, 'corpus.importText', { caseType, fileName: file.name, body });
          results.push({ fileName: file.name, outcome: answer.outcome, caseType, details: answer.details, refusal: null });
        } catch (failure) {
          results.push({ fileName: file.name, outcome: 'refused', caseType, details: [], refusal: describeError(t, failure, format) });
        }
      }
      onImported(results);
    },
  });
  return (
    <FormDialog title={t('corpus.texts.title')} testId="corpus-texts" submitLabel={t('corpus.import.submit')} intro={t('corpus.texts.intro')} form={form} onClose={onClose}>
      <CaseTypeSelect value={caseType} onChange={setCaseType} checked={form.checked} testId="corpus-texts-case-type" />
      <FileDropZone
        onFiles={setFiles}
        busy={form.busy}
        multiple
        accept=".txt,.pdf,.docx,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        zoneLabel={t('corpus.texts.zone')}
        buttonLabel={t('corpus.import.choose')}
        hint={t('corpus.texts.hint')}
        testIds={{ zone: 'corpus-texts-zone', button: 'corpus-texts-choose', input: 'corpus-texts-input' }}
      >
        {files.length > 0 && (
          <Typography variant="body2" data-testid="corpus-texts-files">
            {t('corpus.texts.chosen', { files: files.map((f) => f.name).join(', ') })}
          </Typography>
        )}
      </FileDropZone>
      {form.checked && files.length === 0 && (
        <Typography variant="body2" color="error">
          {t('corpus.import.fileMissing')}
        </Typography>
      )}
    </FormDialog>
  );
}
