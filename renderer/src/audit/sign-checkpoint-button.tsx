import DrawIcon from '@mui/icons-material/Draw';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckpointInfo } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';

/** Props of SignCheckpointButton. */
export interface SignCheckpointButtonProps {
  readonly onSigned: (checkpoint: CheckpointInfo) => void;
  readonly onError: (error: unknown) => void;
  readonly testId: string;
  readonly variant?: 'contained' | 'outlined' | 'text';
}

/** "Sign checkpoint now": signs the whole log's current state with the workstation key (audit.checkpoint). */
export function SignCheckpointButton({ onSigned, onError, testId, variant = 'contained' }: SignCheckpointButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);

  async function sign() {
    setBusy(true);
    try {
      onSigned(await call(api, 'audit.checkpoint', {}));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant={variant} startIcon={<DrawIcon />} onClick={() => void sign()} disabled={busy} data-testid={testId} sx={{ flexShrink: 0 }}>
      {t('audit.signCheckpoint')}
    </Button>
  );
}
