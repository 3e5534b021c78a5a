import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
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
import { EditUserDialog } from './edit-user-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';

/** Props of UserRow. */
export interface UserRowProps {
  readonly user: User;
  /** The administrator's own account, which cannot be disabled from here (that would end their own session). */
  readonly isSelf: boolean;
  readonly onChanged: () => void;
  /** Told after a password reset, so the page can remind the administrator to hand the password over. */
  readonly onPasswordReset: (user: User) => void;
  readonly onError: (error: unknown) => void;
}

/** One account: name, role, status, and the actions: edit (name, role), reset password, disable/enable. */
export function UserRow({ user, isSelf, onChanged, onPasswordReset, onError }: UserRowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'edit' | 'reset' | null>(null);

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
        <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Chip
            size="small"
            label={user.disabled ? t('users.disabled') : t('users.active')}
            color={user.disabled ? 'default' : 'success'}
            variant={user.disabled ? 'outlined' : 'filled'}
            data-testid={`user-status-${user.username}`}
          />
          {user.mustChangePassword === true && <Chip size="small" variant="outlined" color="warning" label={t('users.mustChange')} data-testid={`user-must-change-${user.username}`} />}
        </Stack>
      </TableCell>
      <TableCell>{format.dateTime(user.createdAt)}</TableCell>
      <TableCell align="right">
        <Stack direction="row" spacing={1} useFlexGap sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
          <Button size="small" onClick={() => setDialog('edit')} aria-label={t('users.editUser', { username: user.username })} data-testid={`user-edit-${user.username}`}>
            {t('users.edit')}
          </Button>
          {/* An administrator's own password is changed with the current one, not reset (that would end their own session). */}
          <Button size="small" onClick={() => setDialog('reset')} disabled={isSelf} aria-label={t('users.resetPasswordFor', { username: user.username })} data-testid={`user-reset-${user.username}`}>
            {t('users.resetPassword')}
          </Button>
          {isSelf ? <Tooltip title={t('users.cannotDisableSelf')}>{action}</Tooltip> : action}
        </Stack>
        {dialog === 'edit' && (
          <EditUserDialog
            user={user}
            onClose={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              onChanged();
            }}
          />
        )}
        {dialog === 'reset' && (
          <ResetPasswordDialog
            user={user}
            onClose={() => setDialog(null)}
            onReset={() => {
              setDialog(null);
              onPasswordReset(user);
              onChanged();
            }}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
