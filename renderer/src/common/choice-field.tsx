import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

/** One choice: the value the form keeps and the words the user reads. */
export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Props of ChoiceField. */
export interface ChoiceFieldProps<V extends string> {
  /** The field's visible label; a table cell's editor has none and names itself by `ariaLabel`. */
  readonly label?: string;
  readonly value: V | '';
  readonly onChange: (value: V | '') => void;
  readonly choices: ReadonlyArray<Choice<V>>;
  /**
   * A first, empty choice: a prompt ("Choose a case type") that cannot be chosen again once something is, or, when
   * `choosable`, a choice of its own ("all actions", "no conclusion").
   */
  readonly empty?: { readonly label: string; readonly choosable?: boolean };
  readonly testId: string;
  /** The field's problem, already translated; it replaces the hint while there is one. */
  readonly error?: string | null;
  readonly helperText?: string | null;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly size?: 'small' | 'medium';
  readonly sx?: SxProps<Theme>;
  /** Names the field for assistive technology where no label is shown (a table cell's editor). */
  readonly ariaLabel?: string;
  /** Called when the field takes the focus (the review editor highlights the passage the value was read from). */
  readonly onFocus?: () => void;
}

/**
 * A choice from a short list, as the browser's own select (a native list works with the keyboard and screen readers
 * everywhere, and on touch screens): the select every form uses.
 */
export function ChoiceField<V extends string>({ label, value, onChange, choices, empty, testId, error = null, helperText = null, required, disabled, size, sx, ariaLabel, onFocus }: ChoiceFieldProps<V>) {
  return (
    <TextField
      select
      size={size}
      label={label}
      value={value}
      // The event's value is one of the options below, so it is one of the choices' values or the empty one.
      onChange={(event) => onChange(choices.find((c) => c.value === event.target.value)?.value ?? '')}
      onFocus={onFocus}
      required={required}
      disabled={disabled}
      error={Boolean(error)}
      helperText={error ?? helperText}
      sx={sx}
      slotProps={{ select: { native: true }, ...(label ? { inputLabel: { shrink: true } } : {}), htmlInput: { 'data-testid': testId, ...(ariaLabel ? { 'aria-label': ariaLabel } : {}) } }}
    >
      {empty && (
        <option value="" disabled={!empty.choosable}>
          {empty.label}
        </option>
      )}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </TextField>
  );
}
