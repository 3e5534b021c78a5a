import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { normaliseSignedNote } from './signed-note.ts';

/** Props of ImportCosignatureDialog. */
export interface ImportCosignatureDialogProps {
  readonly onClose: () => void;
  readonly onImported: (cosignature: ResponseOf<'audit.importCosignature'>) => void;
}

const mono = { fontFamily: monospaceFamily, fontSize: '0.8rem' } as const;

/** Records a witness's cosignature: the checkpoint note as the witness returned it, and the witness's verifier key. */
export function ImportCosignatureDialog({ onClose, onImported }: ImportCosignatureDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [note, setNote] = useState('');
  const [witnessKey, setWitnessKey] = useState('');
  const form = useFormSubmit({
    invalid: note.trim() === '' || witnessKey.trim() === '',
    action: async () => onImported(await call(api, 'audit.importCosignature', { note: normaliseSignedNote(note), witnessKey: witnessKey.trim() })),
  });
  const missing = (value: string) => form.checked && value.trim() === '';

  return (
    <FormDialog
      title={t('audit.checkpoints.importTitle')}
      intro={t('audit.checkpoints.importIntro')}
      testId="cosignature"
      submitLabel={t('audit.checkpoints.importSubmit')}
      form={form}
      onClose={onClose}
      maxWidth="md"
    >
      <TextField
        label={t('audit.checkpoints.cosignedNote')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        multiline
        minRows={6}
        maxRows={14}
        required
        autoFocus
        error={missing(note)}
        helperText={missing(note) ? t('validation.required') : t('audit.checkpoints.cosignedNoteHint')}
        slotProps={{ htmlInput: { 'data-testid': 'cosignature-note', maxLength: 20_000, spellCheck: false, style: mono } }}
      />
      <TextField
        label={t('audit.checkpoints.witnessKey')}
        value={witnessKey}
        onChange={(event) => setWitnessKey(event.target.value)}
        required
        error={missing(witnessKey)}
        helperText={missing(witnessKey) ? t('validation.required') : t('audit.checkpoints.witnessKeyHint')}
        slotProps={{ htmlInput: { 'data-testid': 'cosignature-key', maxLength: 300, spellCheck: false, style: mono } }}
      />
    </FormDialog>
  );
}
