import TableContainer from '@mui/material/TableContainer';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../main/contract/index.ts';
import { TrailRow } from './trail-row.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Props of TrailTable. */
export interface TrailTableProps {
  readonly entries: readonly AuditEntryView[];
  /** Case numbers by case id, for the case column. */
  readonly caseNumbers: ReadonlyMap<string, string>;
  readonly onOpen: (entry: AuditEntryView) => void;
  readonly emptyText: string | null;
}

/** The audit entries in log order: sequence number, time, actor and role, action, case. */
export function TrailTable({ entries, caseNumbers, onOpen, emptyText }: TrailTableProps) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <DataTable
        columns={[
          t('audit.trail.seq'),
          t('audit.trail.time'),
          t('audit.trail.actorColumn'),
          t('audit.trail.action'),
          t('audit.trail.about'),
        ]}
        label={t('audit.trail.tableLabel')}
        testId="trail-table"
        stickyHeader
        empty={entries.length === 0 && emptyText !== null && { testId: 'trail-empty', text: emptyText }}
      >
        {entries.map((entry) => (
          <TrailRow key={entry.seq} entry={entry} caseNumber={entry.caseId === null ? undefined : caseNumbers.get(entry.caseId)} onOpen={onOpen} />
        ))}
      </DataTable>
    </TableContainer>
  );
}
