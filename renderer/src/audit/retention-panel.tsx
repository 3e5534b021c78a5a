import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { FactList, type Fact } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { SectionHeading } from '../common/section-heading.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Props of RetentionPanel. */
export interface RetentionPanelProps {
  /** Bumped when the log may have grown, to read the facts again. */
  readonly revision: number;
}

/**
 * The administrator's retention view: how large the log is, how much it grew each month (newest first), and the
 * oldest checkpoint a witness cosigned, before which history is proven beyond this workstation.
 */
export function RetentionPanel({ revision }: RetentionPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision asks for a fresh read
  const load = useCallback(() => call(api, 'audit.retention', {}), [api, revision]);
  const facts = useLoaded(load);
  const value = facts.value;
  const list: Fact[] = value
    ? [
        { label: t('audit.retention.entries'), value: format.integer(value.entries), testId: 'retention-entries' },
        { label: t('audit.retention.databaseSize'), value: format.size(value.databaseBytes), testId: 'retention-database' },
        { label: t('audit.retention.entryBytes'), value: format.size(value.entryBytesEstimate) },
        { label: t('audit.retention.span'), value: value.firstEntryAt && value.lastEntryAt ? t('audit.retention.spanValue', { from: format.dateTime(value.firstEntryAt), to: format.dateTime(value.lastEntryAt) }) : '—' },
        {
          label: t('audit.retention.oldestWitnessed'),
          value: value.oldestWitnessed
            ? t('audit.retention.oldestWitnessedValue', { id: value.oldestWitnessed.checkpointId, size: format.integer(value.oldestWitnessed.size), witness: value.oldestWitnessed.witness, at: format.dateTime(value.oldestWitnessed.witnessedAt) })
            : t('audit.retention.noWitness'),
          testId: 'retention-witnessed',
        },
        {
          label: t('audit.retention.oldestCheckpoint'),
          value: value.oldestCheckpoint ? t('audit.checkpointSummary', { id: value.oldestCheckpoint.checkpointId, size: format.integer(value.oldestCheckpoint.size), at: format.dateTime(value.oldestCheckpoint.createdAt) }) : t('audit.noCheckpoint'),
        },
      ]
    : [];
  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="retention-panel">
      <Stack spacing={2}>
        <SectionHeading title={t('audit.sections.retention')} intro={t('audit.retention.intro')} />
        {facts.error !== null && <ErrorAlert error={facts.error} testId="retention-error" />}
        {facts.loading && !value && <LinearProgress aria-label={t('common.loading')} />}
        {value && <FactList facts={list} />}
        {value && value.months.length > 0 && (
          <DataTable
            columns={[
              t('audit.retention.month'),
              { label: t('audit.retention.monthEntries'), align: 'right' },
            ]}
            label={t('audit.retention.growth')}
            testId="retention-months"
          >
            {[...value.months].reverse().map((m) => (
              <TableRow key={m.month}>
                <TableCell>{m.month}</TableCell>
                <TableCell align="right">{format.integer(m.entries)}</TableCell>
              </TableRow>
            ))}
                      </DataTable>
        )}
      </Stack>
    </Paper>
  );
}
