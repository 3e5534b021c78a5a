import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/error-alert.tsx';
import { AuthLayout } from './auth-layout.tsx';

/** Props of ConnectionFailedScreen. */
export interface ConnectionFailedScreenProps {
  readonly error: unknown;
  readonly onRetry: () => void;
}

/** Shown when the services cannot be reached at start: the reason and a retry button. */
export function ConnectionFailedScreen({ error, onRetry }: ConnectionFailedScreenProps) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('connection.failedTitle')}>
      <Stack spacing={2}>
        <ErrorAlert error={error} />
        <Button variant="contained" onClick={onRetry} data-testid="connection-retry">
          {t('connection.retry')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
