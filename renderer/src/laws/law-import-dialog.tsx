import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalCodeIds, type LawImportView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ChoiceField } from '../common/choice-field.tsx';
import { DayField } from '../common/date-text-field.tsx';
import { SingleFileField, useChosenFile } from '../common/single-file-field.tsx';
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
  const [code, setCode] = useState<(typeof legalCodeIds)[number] | ''>('');
  const [version, setVersion] = useState('');
  const [language, setLanguage] = useState<(typeof textLanguages)[number]>('ru');
  const chosen = useChosenFile();
  const problems = {
    code: code === '' ? 'laws.import.codeMissing' : null,
    version: /^\d{4}-\d{2}-\d{2}$/.test(version) ? null : 'laws.import.versionMissing',
    file: chosen.file === null ? 'laws.import.fileMissing' : null,
  };
  const form = useFormSubmit({
    invalid: Object.values(problems).some((p) => p !== null),
    action: async () => {
      const body = await chosen.read();
      if (chosen.file === null || body === null) return;
      onImported(await call(api, 'laws.import', { code, version, language, fileName: chosen.file.name, body }));
    },
  });
  return (
    <FormDialog title={t('laws.import.title')} intro={t('laws.import.intro')} testId="law-import" submitLabel={t('laws.import.submit')} form={form} onClose={onClose}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <ChoiceField
          label={t('laws.import.code')}
          value={code}
          onChange={setCode}
          choices={legalCodeIds.map((id) => ({ value: id, label: t(`laws.codes.${id}`) }))}
          empty={{ label: t('laws.import.codePick') }}
          required
          error={form.shown(problems.code)}
          sx={{ flex: 1 }}
          testId="law-import-code"
        />
        <ChoiceField
          label={t('laws.import.language')}
          value={language}
          onChange={(l) => l !== '' && setLanguage(l)}
          choices={textLanguages.map((l) => ({ value: l, label: t(`laws.import.languages.${l}`) }))}
          sx={{ minWidth: 160 }}
          testId="law-import-language"
        />
      </Stack>
      <DayField
        label={t('laws.import.version')}
        value={version}
        onChange={setVersion}
        required
        error={form.shown(problems.version)}
        helperText={t('laws.import.versionHint')}
        testId="law-import-version"
      />
      <SingleFileField chosen={chosen} busy={form.busy} accept=".txt,text/plain" keys="laws.import" showMissing={form.checked} testId="law-import" />
    </FormDialog>
  );
}
