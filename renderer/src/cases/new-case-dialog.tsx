import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, type Case } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

type CaseType = (typeof caseTypes)[number];

/** Props of NewCaseDialog. */
export interface NewCaseDialogProps {
  readonly onClose: () => void;
  readonly onCreated: (created: Case) => void;
}

/** The "new case" form: number, venue (court or laboratory), type, parties. */
export function NewCaseDialog({ onClose, onCreated }: NewCaseDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [number, setNumber] = useState('');
  const [venue, setVenue] = useState('');
  const [caseType, setCaseType] = useState<CaseType>('criminal');
  const [parties, setParties] = useState('');
  const form = useFormSubmit({
    invalid: number.trim() === '' || venue.trim() === '',
    action: async () => onCreated(await call(api, 'cases.create', { number: number.trim(), venue: venue.trim(), caseType, parties: parties.trim() })),
  });
  const missing = (value: string) => form.checked && value.trim() === '';

  return (
    <FormDialog title={t('cases.newTitle')} testId="new-case" submitLabel={t('cases.create')} form={form} onClose={onClose}>
      <TextField
        label={t('cases.number')}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        required
        autoFocus
        error={missing(number)}
        helperText={missing(number) ? t('validation.required') : t('cases.numberHint')}
        slotProps={{ htmlInput: { 'data-testid': 'case-number', maxLength: 64 } }}
      />
      <TextField
        label={t('cases.venue')}
        value={venue}
        onChange={(e) => setVenue(e.target.value)}
        required
        error={missing(venue)}
        helperText={missing(venue) ? t('validation.required') : t('cases.venueHint')}
        slotProps={{ htmlInput: { 'data-testid': 'case-venue', maxLength: 200 } }}
      />
      <ChoiceField
        label={t('cases.type')}
        value={caseType}
        onChange={(type) => type !== '' && setCaseType(type)}
        choices={caseTypes.map((type) => ({ value: type, label: t(`caseTypes.${type}`) }))}
        testId="case-type"
      />
      <TextField
        label={t('cases.parties')}
        value={parties}
        onChange={(e) => setParties(e.target.value)}
        multiline
        minRows={2}
        helperText={t('cases.partiesHint')}
        slotProps={{ htmlInput: { 'data-testid': 'case-parties', maxLength: 2000 } }}
      />
    </FormDialog>
  );
}
