import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { VerifyReportView } from '../../../main/contract/index.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { isKnownProblemCode } from './verify-codes.ts';
import { DataTable } from '../common/data-table.tsx';

/** Props of VerifyProblemsTable. */
export interface VerifyProblemsTableProps {
  readonly problems: VerifyReportView['problems'];
}

/** Every problem the verifier found: a translated headline with the verifier's own message, and where (file, line, seq). */
export function VerifyProblemsTable({ problems }: VerifyProblemsTableProps) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <DataTable
        columns={[
          t('audit.verify.problem'),
          t('audit.verify.file'),
          { label: t('audit.verify.line'), align: 'right' },
          { label: t('audit.trail.seq'), align: 'right' },
        ]}
        label={t('audit.verify.problemsLabel')}
        testId="verify-problems"
      >
        {problems.map((problem, index) => (
          <TableRow key={index} data-testid="verify-problem" data-code={problem.code} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {isKnownProblemCode(problem.code) ? t(`audit.verify.codes.${problem.code}`) : t('audit.verify.codes.other', { code: problem.code })}
              </Typography>
              <Typography variant="body2" color="text.secondary" lang="en">
                {problem.message}
              </Typography>
            </TableCell>
            <TableCell>
              <Typography component="code" variant="body2" sx={{ fontFamily: monospaceFamily, fontSize: '0.8rem', wordBreak: 'break-all' }}>
                {problem.file ?? '—'}
              </Typography>
            </TableCell>
            <TableCell align="right">{problem.line ?? '—'}</TableCell>
            <TableCell align="right">{problem.seq ?? '—'}</TableCell>
          </TableRow>
        ))}
              </DataTable>
    </TableContainer>
  );
}
