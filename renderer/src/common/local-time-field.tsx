import TextField from '@mui/material/TextField';

/** Props of LocalTimeField. */
export interface LocalTimeFieldProps {
  readonly label: string;
  /** A `datetime-local` value, '' when empty. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  /** The field's problem, already translated, shown under it. */
  readonly error?: string | null;
  readonly disabled?: boolean;
  readonly size?: 'small' | 'medium';
}

/** A date-and-time input in local wall-clock time; its label always sits above, since the browser draws a placeholder. */
export function LocalTimeField({ label, value, onChange, testId, error = null, disabled, size }: LocalTimeFieldProps) {
  return (
    <TextField
      size={size}
      type="datetime-local"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      disabled={disabled}
      error={Boolean(error)}
      helperText={error ?? undefined}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
  );
}
