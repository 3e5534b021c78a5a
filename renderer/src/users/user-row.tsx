import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useFormatters } from '../common/format.ts';

/** Props of UserRow. */
export interface UserRowProps {
  readonly user: User;
  /** The administrator's own account, which cannot be disabled from here (that would end their own session). */
  readonly isSelf: boolean;
  readonly onChanged: () => void;
  readonly onError: (error: unknown) => void;
}

/** One account: name, role, status, and the disable/enable action. */
export function UserRow({ user, isSelf, onChanged, onError }: UserRowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    try {
      await call(api, 'users.setDisabled', { userId: user.id, disabled: !user.disabled });
      onChanged();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const action = (
    <span>
      <Button
        size="small"
        variant="outlined"
        color={user.disabled ? 'primary' : 'warning'}
        onClick={toggle}
        disabled={busy || isSelf}
        aria-label={user.disabled ? t('users.enableUser', { username: user.username }) : t('users.disableUser', { username: user.username })}
        data-testid={`user-toggle-${user.username}`}
      >
        {user.disabled ? t('users.enable') : t('users.disable')}
      </Button>
    </span>
  );

  return (
    <TableRow data-testid={`user-row-${user.username}`}>
      <TableCell sx={{ fontWeight: 600 }}>{user.username}</TableCell>
      <TableCell>{user.displayName}</TableCell>
      <TableCell>{t(`roles.${user.role}`)}</TableCell>
      <TableCell>
        <Chip
          size="small"
          label={user.disabled ? t('users.disabled') : t('users.active')}
          color={user.disabled ? 'default' : 'success'}
          variant={user.disabled ? 'outlined' : 'filled'}
          data-testid={`user-status-${user.username}`}
        />
      </TableCell>
      <TableCell>{format.dateTime(user.createdAt)}</TableCell>
      <TableCell align="right">{isSelf ? <Tooltip title={t('users.cannotDisableSelf')}>{action}</Tooltip> : action}</TableCell>
    </TableRow>
  );
}
