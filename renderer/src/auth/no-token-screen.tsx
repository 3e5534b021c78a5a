import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './auth-layout.tsx';

/** Shown in browser mode when the page was opened without the launch token (not from the address the launcher printed). */
export function NoTokenScreen() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('connection.noTokenTitle')}>
      <Typography data-testid="no-token">{t('connection.noToken')}</Typography>
    </AuthLayout>
  );
}
