import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract.ts';
import { EvidenceRow } from './evidence-row.tsx';

/** Props of EvidenceTable. */
export interface EvidenceTableProps {
  readonly items: readonly Evidence[];
  readonly onSelect: (item: Evidence) => void;
  readonly emptyText: string;
}

/** The evidence items of a case, in the order they were received. */
export function EvidenceTable({ items, onSelect, emptyText }: EvidenceTableProps) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('evidence.tableLabel')} data-testid="evidence-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('evidence.preview')}</TableCell>
            <TableCell>{t('evidence.name')}</TableCell>
            <TableCell>{t('evidence.kind')}</TableCell>
            <TableCell>{t('evidence.size')}</TableCell>
            <TableCell>{t('evidence.dimensionsHeader')}</TableCell>
            <TableCell>{t('evidence.sha256')}</TableCell>
            <TableCell>{t('evidence.added')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <EvidenceRow key={item.id} item={item} onSelect={onSelect} />
          ))}
          {items.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} data-testid="evidence-empty">
                <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
                  {emptyText}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
