import Alert from '@mui/material/Alert';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded } from '../common/use-loaded.ts';

/**
 * What a signature made now will really be covered by: the workstation's audit signing key as it is (none yet,
 * locked, or open with its fingerprint), so the sign dialog never implies a signed log that does not exist.
 */
export function KeyStateNote() {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'audit.status', {}), [api]);
  const status = useLoaded(load);
  if (!status.value) return null;
  const { key, keyUnlocked } = status.value;
  const state = key === null ? 'none' : keyUnlocked ? 'unlocked' : 'locked';
  return (
    <Alert severity={state === 'unlocked' ? 'info' : 'warning'} data-testid="sign-key-state" data-state={state}>
      {t(`review.keyState.${state}`, { fingerprint: key?.fingerprint ?? '' })}
    </Alert>
  );
}
