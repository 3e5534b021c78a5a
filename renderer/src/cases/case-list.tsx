import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableContainer from '@mui/material/TableContainer';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useDebounced } from '../common/use-debounced.ts';
import { useLoaded } from '../common/use-loaded.ts';
import type { CaseWorkspaceId } from '../shell/workspaces.ts';
import { CaseRow } from './case-row.tsx';
import { NewCaseDialog } from './new-case-dialog.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Props of CaseList. */
export interface CaseListProps {
  readonly workspace: CaseWorkspaceId;
  readonly role: Role;
  readonly onOpen: (caseId: string) => void;
  /** Leaves out the title, for a list shown under a workspace's own heading. */
  readonly embedded?: boolean;
}

/** The case list of a workspace: search box, "new case" for roles that may create cases, and the table. */
export function CaseList({ workspace, role, onOpen, embedded = false }: CaseListProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const settledQuery = useDebounced(query.trim(), 250);
  const load = useCallback(() => call(api, 'cases.list', settledQuery === '' ? {} : { query: settledQuery }), [api, settledQuery]);
  const cases = useLoaded(load);
  const canCreate = mayUse(role, 'cases.create');

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-end' }, justifyContent: 'space-between' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {embedded ? (
            <Typography variant="h5" component="h2">
              {t('cases.tableLabel')}
            </Typography>
          ) : (
            <Typography variant="h4" component="h1">
              {t(`workspaces.${workspace}`)}
            </Typography>
          )}
          <Typography color="text.secondary">{t(`cases.intro.${workspace}`)}</Typography>
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <TextField
            type="search"
            size="small"
            label={t('cases.search')}
            placeholder={t('cases.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            sx={{ minWidth: { xs: '100%', sm: 360 } }}
            slotProps={{
              htmlInput: { 'data-testid': 'cases-search', maxLength: 200 },
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon aria-hidden />
                  </InputAdornment>
                ),
              },
            }}
          />
          {canCreate && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-case-button" sx={{ flexShrink: 0 }}>
              {t('cases.new')}
            </Button>
          )}
        </Stack>
      </Stack>
      {cases.error !== null && <ErrorAlert error={cases.error} />}
      <Paper variant="outlined">
        {cases.loading && <LinearProgress aria-label={t('common.loading')} />}
        <TableContainer>
          <DataTable
            columns={[
              t('cases.number'),
              t('cases.type'),
              t('cases.venue'),
              t('cases.parties'),
              { label: t('cases.evidenceCount'), align: 'right' },
              t('cases.created'),
            ]}
            label={t('cases.tableLabel')}
            testId="cases-table"
            empty={cases.value?.length === 0 && { testId: 'cases-empty', text: settledQuery === '' ? t(canCreate ? 'cases.emptyCreate' : 'cases.empty') : t('cases.noMatch', { query: settledQuery }) }}
          >
            {cases.value?.map((item) => <CaseRow key={item.id} item={item} onOpen={onOpen} />)}
          </DataTable>
        </TableContainer>
      </Paper>
      {creating && (
        <NewCaseDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            onOpen(created.id);
          }}
        />
      )}
    </Stack>
  );
}
