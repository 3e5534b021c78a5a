import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { CopyButton } from './copy-button.tsx';

/** Props of CopyableText. */
export interface CopyableTextProps {
  readonly value: string;
  readonly testId: string;
  /** The copy button's name; "Copy" when absent. */
  readonly copyLabel?: string;
}

/** An identifier (key id, verifier key, root hash) in monospace, wrapped anywhere, with a copy button. */
export function CopyableText({ value, testId, copyLabel }: CopyableTextProps) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', minWidth: 0 }}>
      <Typography component="code" variant="body2" data-testid={testId} sx={{ fontFamily: monospaceFamily, fontSize: '0.8rem', wordBreak: 'break-all', lineHeight: 1.5 }}>
        {value}
      </Typography>
      <CopyButton value={value} label={copyLabel ?? t('common.copy')} testId={`${testId}-copy`} />
    </Stack>
  );
}
