import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { RowLink } from '../common/row-link.tsx';
import { StampCell } from '../common/stamp-cell.tsx';

/** Props of CaseRow. */
export interface CaseRowProps {
  readonly item: Case;
  readonly onOpen: (caseId: string) => void;
}

/** One case in the list; the case number is the keyboard-reachable link, and a click anywhere on the row opens it too. */
export function CaseRow({ item, onOpen }: CaseRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <TableRow hover onClick={() => onOpen(item.id)} sx={{ cursor: 'pointer' }} data-testid={`case-row-${item.number}`}>
      <TableCell>
        <RowLink onOpen={() => onOpen(item.id)} label={t('cases.open', { number: item.number })} testId={`open-case-${item.number}`} sx={{ whiteSpace: 'nowrap' }}>
          {item.number}
        </RowLink>
      </TableCell>
      <TableCell>{t(`caseTypes.${item.caseType}`)}</TableCell>
      <TableCell>{item.venue}</TableCell>
      <TableCell sx={{ maxWidth: 360 }}>
        <Typography variant="body2" title={item.parties} sx={{ overflowWrap: 'anywhere' }}>
          {item.parties || '—'}
        </Typography>
      </TableCell>
      <TableCell align="right">{format.integer(item.evidenceCount)}</TableCell>
      <StampCell at={item.createdAt} by={item.createdBy} />
    </TableRow>
  );
}
