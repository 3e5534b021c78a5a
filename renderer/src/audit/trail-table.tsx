import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../main/contract/index.ts';
import { TrailRow } from './trail-row.tsx';
import { EmptyTableRow } from '../common/empty-table-row.tsx';

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
      <Table size="small" stickyHeader aria-label={t('audit.trail.tableLabel')} data-testid="trail-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('audit.trail.seq')}</TableCell>
            <TableCell>{t('audit.trail.time')}</TableCell>
            <TableCell>{t('audit.trail.actorColumn')}</TableCell>
            <TableCell>{t('audit.trail.action')}</TableCell>
            <TableCell>{t('audit.trail.about')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TrailRow key={entry.seq} entry={entry} caseNumber={entry.caseId === null ? undefined : caseNumbers.get(entry.caseId)} onOpen={onOpen} />
          ))}
          {entries.length === 0 && emptyText !== null && (
            <EmptyTableRow columns={5} testId="trail-empty">
              {emptyText}
            </EmptyTableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
