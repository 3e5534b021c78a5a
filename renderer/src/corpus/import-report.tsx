import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '../../../main/contract/index.ts';
import { reasonText } from './reason-text.ts';
import { DataTable } from '../common/data-table.tsx';

/** Props of ImportReport. */
export interface ImportReportProps {
  readonly report: ImportReportView;
  readonly onClose: () => void;
}

/** What an import did: rows accepted, quarantined (each with line, column and reason) and skipped as duplicates. */
export function ImportReport({ report, onClose }: ImportReportProps) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} data-testid="corpus-import-report">
      <Alert severity={report.quarantined > 0 ? 'warning' : 'success'} onClose={onClose}>
        {t('corpus.import.report', { file: report.fileName, rows: report.rows, accepted: report.accepted, quarantined: report.quarantined, duplicates: report.duplicates })}
      </Alert>
      {report.problems.length > 0 && (
        <>
          <Typography variant="subtitle2">{t('corpus.import.problems')}</Typography>
          <DataTable columns={[{ label: t('corpus.import.line'), align: 'right' }, t('corpus.import.column'), t('corpus.import.reason')]}>
            {report.problems.map((p, index) => (
              <TableRow key={`${p.line}-${p.column ?? ''}-${index}`}>
                <TableCell align="right">{p.line}</TableCell>
                <TableCell>{p.column ?? ''}</TableCell>
                <TableCell>{reasonText(t, p, report.caseType)}</TableCell>
              </TableRow>
            ))}
                      </DataTable>
          {report.quarantined > report.problems.length && (
            <Typography variant="body2" color="text.secondary">
              {t('corpus.import.moreProblems', { count: report.quarantined - report.problems.length })}
            </Typography>
          )}
        </>
      )}
    </Stack>
  );
}
