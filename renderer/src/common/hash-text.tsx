import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monospaceFamily } from '../theme/create-app-theme.ts';

/** Props of HashText. */
export interface HashTextProps {
  readonly value: string;
  readonly testId: string;
}

/** A full SHA-256 in monospace (wrapped, never truncated: an examiner compares every digit) with a copy button. */
export function HashText({ value, testId }: HashTextProps) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback('copied');
    } catch (error) {
      console.warn('[dalel] clipboard refused the hash:', error);
      setFeedback('failed');
    }
  }

  const label = feedback === 'copied' ? t('common.copied') : feedback === 'failed' ? t('common.copyFailed') : t('common.copyHash');
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Typography
        component="code"
        variant="body2"
        data-testid={testId}
        sx={{ fontFamily: monospaceFamily, fontSize: '0.8rem', wordBreak: 'break-all', lineHeight: 1.5, minWidth: '17ch', maxWidth: '34ch' }}
      >
        {value}
      </Typography>
      <Tooltip title={label} onClose={() => setFeedback(null)}>
        <IconButton size="small" aria-label={t('common.copyHash')} onClick={(event) => { event.stopPropagation(); void copy(); }} data-testid={`${testId}-copy`}>
          <ContentCopyIcon fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}
