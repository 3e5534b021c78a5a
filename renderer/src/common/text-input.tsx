import TextField from '@mui/material/TextField';

/** Props of TextInput. */
export interface TextInputProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  /** The field's problem, already translated; it replaces the hint while there is one. */
  readonly error?: string | null;
  readonly helperText?: string | null;
  readonly autoComplete?: string;
  readonly autoFocus?: boolean;
  readonly required?: boolean;
}

/** A one-line text field whose problem, once shown, takes the place of its hint: the input every form uses. */
export function TextInput({ label, value, onChange, testId, error = null, helperText = null, autoComplete = 'off', autoFocus, required = true }: TextInputProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      required={required}
      error={Boolean(error)}
      helperText={error ?? helperText}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    />
  );
}
