import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

/** Props of ReasonField. */
export interface ReasonFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Whether the reason itself is wrong (marks the field). */
  readonly error: boolean;
  /** What to say under the field instead of the hint, or null for the hint. */
  readonly message: string | null;
  readonly testId: string;
  readonly autoFocus?: boolean;
}

/** The required free-text reason of a review decision or a reopening (at most 2000 characters), with its hint. */
export function ReasonField({ value, onChange, error, message, testId, autoFocus }: ReasonFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('review.reason')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      multiline
      minRows={2}
      autoFocus={autoFocus}
      error={error}
      helperText={message || t('review.reasonHint')}
      slotProps={{ htmlInput: { 'data-testid': testId, maxLength: 2000 } }}
    />
  );
}
