import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { CopyButton } from './copy-button.tsx';

/** Props of HashText. */
export interface HashTextProps {
  readonly value: string;
  readonly testId: string;
}

/** A full SHA-256 in monospace (wrapped, never truncated: an examiner compares every digit) with a copy button. */
export function HashText({ value, testId }: HashTextProps) {
  const { t } = useTranslation();
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
      <CopyButton value={value} label={t('common.copyHash')} testId={`${testId}-copy`} />
    </Stack>
  );
}
