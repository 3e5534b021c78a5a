import KeyIcon from '@mui/icons-material/Key';
import KeyOffIcon from '@mui/icons-material/KeyOff';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';

/** Props of KeyStateChip. */
export interface KeyStateChipProps {
  readonly status: AuditStatus;
  readonly testId: string;
  /** Makes the chip a button (e.g. "go to the signing key"). */
  readonly onClick?: () => void;
}

/** The signing key's state at a glance: unlocked (checkpoints can be signed), locked, or not created yet. */
export function KeyStateChip({ status, testId, onClick }: KeyStateChipProps) {
  const { t } = useTranslation();
  const state = status.key === null ? 'none' : status.keyUnlocked ? 'unlocked' : 'locked';
  const icon = state === 'unlocked' ? <LockOpenIcon /> : state === 'locked' ? <KeyIcon /> : <KeyOffIcon />;
  return (
    <Chip
      icon={icon}
      label={t(`audit.keyState.${state}`)}
      color={state === 'unlocked' ? 'success' : 'warning'}
      variant={state === 'unlocked' ? 'outlined' : 'filled'}
      onClick={onClick}
      data-testid={testId}
      data-state={state}
    />
  );
}
