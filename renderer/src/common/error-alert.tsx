import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.ts';
import { useFormatters } from './format.ts';

/** Props of ErrorAlert. */
export interface ErrorAlertProps {
  readonly error: unknown;
  readonly testId?: string;
  /** Overrides the sentence for a particular service error code in this context. */
  readonly messageFor?: (error: unknown) => string | null;
}

/** A translated error message in an alert, announced to screen readers. */
export function ErrorAlert({ error, testId = 'error-alert', messageFor }: ErrorAlertProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const message = messageFor?.(error) ?? describeError(t, error, format);
  return (
    <Alert severity="error" role="alert" data-testid={testId} sx={{ whiteSpace: 'pre-wrap' }}>
      {message}
    </Alert>
  );
}
