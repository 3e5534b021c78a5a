import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../main/contract/index.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of CasePicker. */
export interface CasePickerProps {
  /** The chosen case id, '' for none. */
  readonly value: string;
  readonly onChange: (caseId: string) => void;
  /** The cases to choose from; null when the role may not list cases, and the id is typed instead. */
  readonly cases: readonly Case[] | null;
  readonly testId: string;
  /** The label of the "no case" choice ("All cases"); absent when a case must be chosen. */
  readonly anyLabel?: string;
  readonly error?: string | null;
  readonly size?: 'small' | 'medium';
}

/** Chooses a case: a list of case numbers where the role may list cases, otherwise a field for the case id. */
export function CasePicker({ value, onChange, cases, testId, anyLabel, error, size = 'small' }: CasePickerProps) {
  const { t } = useTranslation();
  if (cases === null) {
    return (
      <TextField
        size={size}
        label={t('audit.caseId')}
        value={value}
        onChange={(event) => onChange(event.target.value.trim())}
        error={Boolean(error)}
        helperText={error ?? t('audit.caseIdHint')}
        sx={{ minWidth: 320 }}
        slotProps={{ htmlInput: { 'data-testid': testId, maxLength: 36, spellCheck: false } }}
      />
    );
  }
  return (
    <ChoiceField
      size={size}
      label={t('audit.case')}
      value={value}
      onChange={onChange}
      choices={cases.map((item) => ({ value: item.id, label: t('audit.caseOption', { number: item.number, venue: item.venue }) }))}
      empty={anyLabel !== undefined ? { label: anyLabel, choosable: true } : { label: t('audit.chooseCase') }}
      error={error}
      sx={{ minWidth: 220 }}
      testId={testId}
    />
  );
}
