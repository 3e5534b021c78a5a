import TextField from '@mui/material/TextField';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';

/** Props of CaseTypeSelect. */
export interface CaseTypeSelectProps {
  readonly value: string;
  readonly onChange: (caseType: string) => void;
  /** Whether the form was submitted, so a missing choice is marked. */
  readonly checked: boolean;
  readonly testId: string;
}

/** A required choice of the case type, by its title in the interface language. */
export function CaseTypeSelect({ value, onChange, checked, testId }: CaseTypeSelectProps) {
  const { t } = useTranslation();
  const api = useApi();
  const loadCaseTypes = useCallback(() => call(api, 'decision.caseTypes', {}), [api]);
  const caseTypes = useLoaded(loadCaseTypes);
  const missing = checked && value === '';
  return (
    <TextField
      select
      label={t('corpus.caseType')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      error={missing}
      helperText={missing ? t('corpus.import.caseTypeMissing') : null}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    >
      <option value="" disabled>
        {t('corpus.import.caseTypePick')}
      </option>
      {(caseTypes.value ?? []).map((c) => (
        <option key={c.id} value={c.id}>
          {t(`decisionSchema.${c.id}.title`, { defaultValue: c.title })}
        </option>
      ))}
    </TextField>
  );
}
