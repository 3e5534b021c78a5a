import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { useClipboard } from './use-clipboard.ts';

/** Props of CopyButton. */
export interface CopyButtonProps {
  readonly value: string;
  /** What the button copies, for its accessible name and tooltip ("Copy SHA-256"). */
  readonly label: string;
  readonly testId: string;
}

/** A small copy-to-clipboard button whose tooltip says whether the copy worked; never opens the row it sits in. */
export function CopyButton({ value, label, testId }: CopyButtonProps) {
  const { t } = useTranslation();
  const { feedback, copy, reset } = useClipboard();
  const title = feedback === 'copied' ? t('common.copied') : feedback === 'failed' ? t('common.copyFailed') : label;
  return (
    <Tooltip title={title} onClose={reset}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={(event) => {
          event.stopPropagation();
          void copy(value);
        }}
        data-testid={testId}
        data-copied={feedback === 'copied' ? 'true' : undefined}
      >
        <ContentCopyIcon fontSize="inherit" />
      </IconButton>
    </Tooltip>
  );
}
