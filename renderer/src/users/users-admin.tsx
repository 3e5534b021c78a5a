import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableContainer from '@mui/material/TableContainer';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { ApiError, call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { AddUserDialog } from './add-user-dialog.tsx';
import { UserRow } from './user-row.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Props of UsersAdmin. */
export interface UsersAdminProps {
  readonly currentUserId: string;
}

/** The administrator's workspace: every account, adding accounts, disabling and re-enabling them. */
export function UsersAdmin({ currentUserId }: UsersAdminProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'users.list', {}), [api]);
  const users = useLoaded(load);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-end' }, justifyContent: 'space-between' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h4" component="h1">
            {t('workspaces.users')}
          </Typography>
          <Typography color="text.secondary">{t('users.intro')}</Typography>
        </Box>
        <Box sx={{ flexShrink: 0 }}>
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)} data-testid="add-user-button">
            {t('users.add')}
          </Button>
        </Box>
      </Stack>
      {users.error !== null && <ErrorAlert error={users.error} />}
      {error !== null && (
        <ErrorAlert
          error={error}
          // Disabling refuses with a bare CONFLICT only for the last enabled administrator.
          messageFor={(failure) => (failure instanceof ApiError && failure.info.code === 'CONFLICT' ? t('users.lastAdministrator') : null)}
        />
      )}
      {resetFor !== null && (
        <Alert severity="success" onClose={() => setResetFor(null)} data-testid="user-reset-done">
          {t('users.passwordWasReset', { username: resetFor })}
        </Alert>
      )}
      <Paper variant="outlined">
        {users.loading && <LinearProgress aria-label={t('common.loading')} />}
        <TableContainer>
          <DataTable
            columns={[
              t('fields.username'),
              t('fields.displayName'),
              t('fields.role'),
              t('users.status'),
              t('users.created'),
              { label: t('users.actions'), align: 'right' },
            ]}
            label={t('users.tableLabel')}
            testId="users-table"
          >
            {users.value?.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === currentUserId}
                onChanged={() => {
                  setError(null);
                  users.reload();
                }}
                onPasswordReset={(reset) => setResetFor(reset.username)}
                onError={setError}
              />
            ))}
                      </DataTable>
        </TableContainer>
      </Paper>
      {adding && (
        <AddUserDialog
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            users.reload();
          }}
        />
      )}
    </Stack>
  );
}
