import CloseIcon from '@mui/icons-material/Close';
import IconButton from '@mui/material/IconButton';
import { useTranslation } from 'react-i18next';

/** Props of DismissButton. */
export interface DismissButtonProps {
  readonly onDismiss: () => void;
  readonly testId: string;
}

/** The "×" that closes a message, for an Alert's `action` (Alert's own close button cannot carry a test id). */
export function DismissButton({ onDismiss, testId }: DismissButtonProps) {
  const { t } = useTranslation();
  return (
    <IconButton size="small" color="inherit" aria-label={t('common.dismiss')} onClick={onDismiss} data-testid={testId}>
      <CloseIcon fontSize="small" />
    </IconButton>
  );
}
