import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ChoiceField } from '../common/choice-field.tsx';
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
    <ChoiceField
      label={t('corpus.caseType')}
      value={value}
      onChange={onChange}
      choices={(caseTypes.value ?? []).map((c) => ({ value: c.id, label: t(`decisionSchema.${c.id}.title`, { defaultValue: c.title }) }))}
      empty={{ label: t('corpus.import.caseTypePick') }}
      required
      error={missing ? t('corpus.import.caseTypeMissing') : null}
      testId={testId}
    />
  );
}
