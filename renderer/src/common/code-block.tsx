import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { CopyButton } from './copy-button.tsx';

/** Props of CodeBlock. */
export interface CodeBlockProps {
  readonly text: string;
  /** The accessible name of the block ("Inclusion proof"). */
  readonly label: string;
  readonly testId: string;
  /** What the copy button copies when it differs from what is shown (the canonical bytes of a pretty-printed entry). */
  readonly copyText?: string;
  readonly copyLabel?: string;
  readonly maxHeight?: number;
}

/** Multi-line machine text (JSON, signed notes, proofs) exactly as it is, scrollable, with a copy button. */
export function CodeBlock({ text, label, testId, copyText, copyLabel, maxHeight = 320 }: CodeBlockProps) {
  const { t } = useTranslation();
  return (
    <Box sx={{ position: 'relative' }}>
      <Box
        component="pre"
        role="region"
        aria-label={label}
        // Focusable so keyboard users can scroll a long proof.
        tabIndex={0}
        data-testid={testId}
        sx={{
          m: 0,
          p: 1.5,
          pr: 5,
          maxHeight,
          overflow: 'auto',
          fontFamily: monospaceFamily,
          fontSize: '0.78rem',
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          bgcolor: 'action.hover',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      >
        {text}
      </Box>
      <Box sx={{ position: 'absolute', top: 4, right: 4 }}>
        <CopyButton value={copyText ?? text} label={copyLabel ?? t('common.copy')} testId={`${testId}-copy`} />
      </Box>
    </Box>
  );
}
