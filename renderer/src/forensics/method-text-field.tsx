import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { Evidence } from '../../../main/contract/index.ts';
import { useTranslation } from 'react-i18next';
import type { MethodFieldsProps } from './renderer-module.ts';

/** What tells one method's text field from another's. */
export interface MethodTextFieldSpec {
  /** i18n key of the label. */
  readonly label: string;
  /** i18n key of the hint, shown while there is no problem to show. */
  readonly hint: string;
  readonly testId: string;
  /** Several lines, at least this many shown. */
  readonly minRows?: number;
  readonly numeric?: boolean;
  /** A hint that follows the field's value (what the value does to the picked items); null falls back to `hint`. */
  readonly describe?: (value: string, items: readonly Evidence[], t: TFunction) => string | null;
}

/** The Compare-dialog field of a method whose extra option is one text (a count, a reagent list, a panel description). */
export function methodTextField({ label, hint, testId, minRows, numeric = false, describe }: MethodTextFieldSpec): ComponentType<MethodFieldsProps> {
  function MethodTextField({ items, value, onChange, checked, problem }: MethodFieldsProps) {
    const { t } = useTranslation();
    return (
      <TextField
        {...(minRows === undefined ? {} : { multiline: true, minRows })}
        id={testId}
        label={t(label)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={checked && problem !== null}
        helperText={(checked && problem) || (problem === null ? describe?.(value, items, t) : null) || t(hint)}
        slotProps={{ htmlInput: { ...(numeric ? { inputMode: 'numeric' as const } : {}), 'data-testid': testId } }}
      />
    );
  }
  return MethodTextField;
}
