import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { fieldRules } from '../common/field-rules.ts';

/** Props of EditUserDialog. */
export interface EditUserDialogProps {
  readonly user: User;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

/** Changes an account's display name and role (each change audit-logged by the services). */
export function EditUserDialog({ user, onClose, onSaved }: EditUserDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = fieldRules.displayName(displayName);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      if (displayName.trim() !== user.displayName) await call(api, 'users.setDisplayName', { userId: user.id, displayName: displayName.trim() });
      if (role !== user.role) await call(api, 'users.setRole', { userId: user.id, role });
      onSaved();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="edit-user-title">
      <form onSubmit={submit} noValidate data-testid="edit-user-form">
        <DialogTitle id="edit-user-title">{t('users.editTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography color="text.secondary">{t('users.editIntro')}</Typography>
            <TextField
              label={t('fields.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="off"
              autoFocus
              required
              error={checked && Boolean(problem)}
              helperText={checked && problem ? t(problem) : null}
              slotProps={{ htmlInput: { 'data-testid': 'edit-user-display-name' } }}
            />
            <TextField
              select
              label={t('fields.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'edit-user-role' } }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </TextField>
            {error !== null && <ErrorAlert error={error} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="edit-user-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="edit-user-submit">
            {t('users.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
