import Checkbox from '@mui/material/Checkbox';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { EvidenceRow } from './evidence-row.tsx';
import { EmptyTableRow } from '../common/empty-table-row.tsx';

/** Props of EvidenceTable. */
export interface EvidenceTableProps {
  readonly items: readonly Evidence[];
  readonly onSelect: (item: Evidence) => void;
  readonly emptyText: string;
  /** Where items may be picked for a comparison: which are picked, and how to pick or unpick one. */
  readonly selection?: { readonly ids: ReadonlySet<string>; readonly toggle: (item: Evidence) => void };
}

/** The evidence items of a case, in the order they were received. */
export function EvidenceTable({ items, onSelect, emptyText, selection }: EvidenceTableProps) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('evidence.tableLabel')} data-testid="evidence-table">
        <TableHead>
          <TableRow>
            {selection && <TableCell padding="checkbox">{t('evidence.pick')}</TableCell>}
            <TableCell>{t('evidence.preview')}</TableCell>
            <TableCell>{t('evidence.name')}</TableCell>
            <TableCell>{t('evidence.kind')}</TableCell>
            {/* Size and dimensions are also in the item's details: a narrow window leaves them there, so no column is cut. */}
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>{t('evidence.size')}</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>{t('evidence.dimensionsHeader')}</TableCell>
            <TableCell>{t('evidence.sha256')}</TableCell>
            <TableCell>{t('evidence.added')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <EvidenceRow key={item.id} item={item} onSelect={onSelect} picker={selection && (
              <Checkbox
                checked={selection.ids.has(item.id)}
                onClick={(event) => event.stopPropagation()}
                onChange={() => selection.toggle(item)}
                slotProps={{ input: { 'aria-label': t('evidence.pickItem', { name: item.originalName }), 'data-testid': `evidence-pick-${item.sha256}` } as React.InputHTMLAttributes<HTMLInputElement> }}
              />
            )} />
          ))}
          {items.length === 0 && (
            <EmptyTableRow columns={selection ? 8 : 7} testId="evidence-empty">
              {emptyText}
            </EmptyTableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
