import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseReviewStates } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useDebounced } from '../common/use-debounced.ts';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { DataTable } from '../common/data-table.tsx';

type StateFilter = (typeof caseReviewStates)[number] | 'all';

/** Props of ExpertQueue. */
export interface ExpertQueueProps {
  readonly onOpen: (caseId: string) => void;
}

/** Cases awaiting review with their progress (decided of total findings), filtered by state and a search. */
export function ExpertQueue({ onOpen }: ExpertQueueProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [state, setState] = useState<StateFilter>('all');
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 250);
  const load = useCallback(
    () => call(api, 'review.queue', { ...(state === 'all' ? {} : { state }), ...(debounced ? { query: debounced } : {}) }),
    [api, state, debounced],
  );
  const queue = useLoaded(load);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="expert-queue">
      <Stack spacing={2}>
        <Stack direction="row" spacing={2}>
          <TextField select label={t('queue.state')} value={state} onChange={(event) => setState(event.target.value as StateFilter)} sx={{ minWidth: 180 }}
            slotProps={{ htmlInput: { 'data-testid': 'queue-state' } }}>
            <MenuItem value="all">{t('queue.allStates')}</MenuItem>
            {caseReviewStates.map((s) => (
              <MenuItem key={s} value={s}>{t(`review.states.${s}`)}</MenuItem>
            ))}
          </TextField>
          <TextField label={t('queue.search')} value={query} onChange={(event) => setQuery(event.target.value)} slotProps={{ htmlInput: { 'data-testid': 'queue-search', maxLength: 200 } }} />
        </Stack>
        {queue.error !== null && <ErrorAlert error={queue.error} testId="queue-error" />}
        {queue.loading && <LinearProgress aria-label={t('common.loading')} />}
        <DataTable
          columns={[
            t('cases.number'),
            t('cases.venue'),
            t('queue.state'),
            t('queue.progress'),
            t('queue.updated'),
          ]}
          label={t('queue.label')}
          testId="queue-table"
        >
          {(queue.value ?? []).map(({ case: item, review }) => (
            <TableRow key={item.id} hover data-testid={`queue-row-${item.number}`}>
              <TableCell>
                <Link component="button" type="button" onClick={() => onOpen(item.id)} data-testid={`queue-open-${item.number}`}>
                  {item.number}
                </Link>
              </TableCell>
              <TableCell>{item.venue}</TableCell>
              <TableCell>{t(`review.states.${review.state}`)}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>
                <Typography variant="body2" data-testid={`queue-progress-${item.number}`}>
                  {t('review.progress', { decided: review.findingsDecided, total: review.findingsTotal })}
                </Typography>
                <LinearProgress variant="determinate" value={review.findingsTotal ? (100 * review.findingsDecided) / review.findingsTotal : 0} aria-label={t('review.progressLabel')} />
              </TableCell>
              <TableCell>{format.dateTime(review.updatedAt)}</TableCell>
            </TableRow>
          ))}
          {queue.value?.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} data-testid="queue-empty">
                <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>{t('queue.empty')}</Typography>
              </TableCell>
            </TableRow>
          )}
                  </DataTable>
      </Stack>
    </Paper>
  );
}
