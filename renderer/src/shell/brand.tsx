import GavelIcon from '@mui/icons-material/Gavel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** The product name and emblem shown at the left of every top bar. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mr: 3, flexShrink: 0 }}>
      <GavelIcon aria-hidden />
      <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
        {t('app.name')}
      </Typography>
    </Stack>
  );
}
