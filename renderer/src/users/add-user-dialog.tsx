import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { fieldRules } from '../common/field-rules.ts';
import { PasswordField } from '../common/password-field.tsx';

/** Props of AddUserDialog. */
export interface AddUserDialogProps {
  readonly onClose: () => void;
  readonly onAdded: () => void;
}

/** The "add user" form: user name, display name, role and an initial password (typed twice). */
export function AddUserDialog({ onClose, onAdded }: AddUserDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('expert');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const problems = {
    username: fieldRules.username(username),
    displayName: fieldRules.displayName(displayName),
    password: fieldRules.newPassword(password),
    confirm: confirm === password ? null : 'validation.passwordsDiffer',
  };
  const shown = (key: string | null) => (checked && key ? t(key) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await call(api, 'users.add', { username: username.trim(), displayName: displayName.trim(), role, password });
      onAdded();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="add-user-title">
      <form onSubmit={submit} noValidate data-testid="add-user-form">
        <DialogTitle id="add-user-title">{t('users.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('fields.username')}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="off"
              autoFocus
              required
              error={Boolean(shown(problems.username))}
              helperText={shown(problems.username) ?? t('validation.usernameHint')}
              slotProps={{ htmlInput: { 'data-testid': 'add-user-username' } }}
            />
            <TextField
              label={t('fields.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="off"
              required
              error={Boolean(shown(problems.displayName))}
              helperText={shown(problems.displayName)}
              slotProps={{ htmlInput: { 'data-testid': 'add-user-display-name' } }}
            />
            <TextField
              select
              label={t('fields.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'add-user-role' } }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </TextField>
            <PasswordField
              label={t('fields.initialPassword')}
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              testId="add-user-password"
              error={shown(problems.password)}
              helperText={t('validation.passwordHint')}
            />
            <PasswordField
              label={t('fields.confirmPassword')}
              value={confirm}
              onChange={setConfirm}
              autoComplete="new-password"
              testId="add-user-password-confirm"
              error={shown(problems.confirm)}
            />
            {error !== null && <ErrorAlert error={error} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="add-user-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="add-user-submit">
            {t('users.addSubmit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
