import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseTypeField, CaseTypeView } from '../../../main/contract/index.ts';
import { checklistItemLabel, fieldLabel, optionLabel } from './decision-text.ts';
import { enteredFields, type FieldProblem, type FormValue, type FormValues } from './facts-state.ts';
import { useNumberText, type NumberText } from './number-format.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of FactsForm. */
export interface FactsFormProps {
  readonly caseType: CaseTypeView;
  readonly values: FormValues;
  readonly problems: Readonly<Record<string, FieldProblem>>;
  readonly onChange: (name: string, value: FormValue) => void;
  readonly disabled?: boolean;
}

function boundsHint(t: TFunction, field: CaseTypeField, number: NumberText): string {
  const { minimum: min, maximum: max } = field;
  if (min !== null && max !== null) return t('decision.form.between', { min: number(min, 6), max: number(max, 6) });
  if (min !== null) return t('decision.form.atLeast', { min: number(min, 6) });
  if (max !== null) return t('decision.form.atMost', { max: number(max, 6) });
  return '';
}

/** A three-way choice for a flag: yes, no, or not stated (when the schema allows an unknown). */
function choicesOf(t: TFunction, caseTypeId: string, field: CaseTypeField): { value: string; label: string }[] {
  const options =
    field.type === 'boolean'
      ? [
          { value: 'true', label: t('decision.value.yes') },
          { value: 'false', label: t('decision.value.no') },
        ]
      : field.options.map((o) => ({ value: o, label: optionLabel(t, caseTypeId, field.name, o, field.labels[o]) }));
  return field.nullable || !field.required ? [{ value: '', label: t('decision.value.unknown') }, ...options] : options;
}

// A field's label stays on one line and is cut where it is too long. At the narrowest two-column width a half row
// holds about 38 characters of an empty text field's full-size label, and 50 of a choice's smaller one; a field with a
// longer label takes the whole row.
const halfRowLabelChars = { text: 38, choice: 50 } as const;
/** The whole row for a field whose label a half row would cut. */
const rowFor = (label: string, kind: keyof typeof halfRowLabelChars) => (label.length > halfRowLabelChars[kind] ? { gridColumn: '1 / -1' } : undefined);

/**
 * The facts of a case, drawn from the case type's schema: numbers with their bounds, enums and flags as selects
 * (with "not stated" where the schema allows an unknown), and checklists (art. 53/54 circumstances) as checkboxes.
 * Inputs computed from earlier cases are listed, not asked: no judge can know them.
 */
export function FactsForm({ caseType, values, problems, onChange, disabled = false }: FactsFormProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  const derived = caseType.fields.filter((f) => f.derived);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }} data-testid="facts-form">
      {enteredFields(caseType).map((field) => {
        const label = fieldLabel(t, caseType.id, field);
        const problem = problems[field.name];
        const value = values[field.name];
        if (field.kind === 'checklist') {
          const ticked = Array.isArray(value) ? value : [];
          return (
            <FormControl key={field.name} component="fieldset" disabled={disabled} sx={{ gridColumn: '1 / -1' }} data-testid={`fact-${field.name}`}>
              <FormLabel component="legend">{label}</FormLabel>
              <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' }, columnGap: 2 }}>
                {field.options.map((item) => (
                  <FormControlLabel
                    key={item}
                    control={
                      <Checkbox
                        size="small"
                        checked={ticked.includes(item)}
                        onChange={(e) => onChange(field.name, e.target.checked ? [...ticked, item] : ticked.filter((x) => x !== item))}
                        slotProps={{ input: { 'data-testid': `fact-${field.name}-${item}` } as object }}
                      />
                    }
                    label={checklistItemLabel(t, caseType.id, field.name, item, field.labels[item], ' — ')}
                    sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.5 } }}
                  />
                ))}
              </FormGroup>
            </FormControl>
          );
        }
        const text = typeof value === 'string' ? value : '';
        const helper = problem ? t(`decision.form.problem.${problem}`) : field.type === 'number' || field.type === 'integer' ? boundsHint(t, field, number) : '';
        if (field.type === 'boolean' || field.options.length > 0) {
          return (
            <ChoiceField
              key={field.name}
              label={label}
              value={text}
              onChange={(choice) => onChange(field.name, choice)}
              choices={choicesOf(t, caseType.id, field)}
              // A required choice with no "not stated" option would show its first option as though it were chosen.
              empty={field.nullable || !field.required ? undefined : { label: t('decision.verdict.choose') }}
              error={problem ? helper : null}
              disabled={disabled}
              required={field.required}
              sx={rowFor(label, 'choice')}
              testId={`fact-${field.name}`}
            />
          );
        }
        const numeric = field.type === 'number' || field.type === 'integer';
        return (
          <TextField
            key={field.name}
            label={label}
            value={text}
            onChange={(e) => onChange(field.name, e.target.value)}
            error={problem !== undefined}
            helperText={helper || undefined}
            disabled={disabled}
            required={field.required}
            sx={rowFor(label, 'text')}
            slotProps={{ htmlInput: { 'data-testid': `fact-${field.name}`, inputMode: numeric ? (field.type === 'integer' ? 'numeric' : 'decimal') : 'text', maxLength: 40 } }}
          />
        );
      })}
      {derived.length > 0 && (
        <Alert severity="info" sx={{ gridColumn: '1 / -1' }} data-testid="facts-derived">
          {t('decision.form.derived')}
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {derived.map((field) => (
              <li key={field.name}>{fieldLabel(t, caseType.id, field)}</li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
