import AccountCircle from '@mui/icons-material/AccountCircle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../main/contract/index.ts';

/** Props of UserBadge. */
export interface UserBadgeProps {
  readonly user: User;
}

/** The logged-in user's name and role, as shown in the top bar. */
export function UserBadge({ user }: UserBadgeProps) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mx: 1, flexShrink: 0 }} data-testid="current-user">
      <AccountCircle aria-hidden />
      <Stack>
        <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.2, whiteSpace: 'nowrap' }}>
          {user.displayName}
        </Typography>
        <Typography variant="caption" sx={{ opacity: 0.85, lineHeight: 1.2, whiteSpace: 'nowrap' }}>
          {t(`roles.${user.role}`)} · {user.username}
        </Typography>
      </Stack>
    </Stack>
  );
}
