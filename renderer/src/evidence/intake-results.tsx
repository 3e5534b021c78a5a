import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { BridgeError } from '../api/bridge-error.ts';
import { describeError } from '../common/describe-error.ts';
import { useFormatters, type Formatters } from '../common/format.ts';
import type { IntakeOutcome } from './use-evidence-intake.ts';

/** Props of IntakeResults. */
export interface IntakeResultsProps {
  readonly outcomes: readonly IntakeOutcome[];
  readonly onDismiss: (key: number) => void;
  readonly onClear: () => void;
}

function failureText(t: TFunction, error: unknown, fileName: string, format: Formatters): string {
  // Rejected evidence already names the file; any other failure gets the name added so every line says which file.
  if (error instanceof ApiError && error.info.code === 'BAD_INPUT' && error.info.params?.file !== undefined) return describeError(t, error, format);
  if (error instanceof BridgeError && error.status === 413) return t('intake.requestTooLarge', { file: fileName });
  return t('intake.failedWith', { file: fileName, message: describeError(t, error, format) });
}

function messageOf(t: TFunction, outcome: IntakeOutcome, format: Formatters): string {
  switch (outcome.status) {
    case 'added':
      return t('intake.added', { file: outcome.fileName });
    case 'duplicate':
      return t('intake.duplicate', { file: outcome.fileName, original: outcome.evidence.originalName });
    case 'unreadable':
      return t('intake.unreadable', { file: outcome.fileName });
    case 'failed':
      return failureText(t, outcome.error, outcome.fileName, format);
  }
}

const severity = { added: 'success', duplicate: 'info', failed: 'error', unreadable: 'error' } as const;

/** One line per submitted file: added, duplicate (same bytes already in the case) or refused with the reason. */
export function IntakeResults({ outcomes, onDismiss, onClear }: IntakeResultsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (outcomes.length === 0) return null;
  return (
    <Stack spacing={1} aria-live="polite" data-testid="intake-results">
      {outcomes.map((outcome) => (
        <Alert
          key={outcome.key}
          severity={severity[outcome.status]}
          action={
            <IconButton size="small" color="inherit" aria-label={t('common.dismiss')} onClick={() => onDismiss(outcome.key)} data-testid={`intake-dismiss-${outcome.key}`}>
              <CloseIcon fontSize="small" />
            </IconButton>
          }
          data-testid={`intake-result-${outcome.status}`}
          data-file={outcome.fileName}
        >
          {messageOf(t, outcome, format)}
        </Alert>
      ))}
      {outcomes.length > 1 && (
        <div>
          <Button size="small" onClick={onClear} data-testid="intake-clear">
            {t('intake.clear')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
