import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { EvidenceThumbnail } from './evidence-thumbnail.tsx';
import { useDimensionsText } from './use-dimensions-text.ts';
import { RowLink } from '../common/row-link.tsx';
import { StampCell } from '../common/stamp-cell.tsx';
import { FileName } from '../common/file-name.tsx';

/** Props of EvidenceRow. */
export interface EvidenceRowProps {
  readonly item: Evidence;
  readonly onSelect: (item: Evidence) => void;
  /** A checkbox cell for picking the item, where items can be picked. */
  readonly picker?: ReactNode;
}

/** One evidence item in the case's table; its name (or the row) opens the chain of custody. */
export function EvidenceRow({ item, onSelect, picker }: EvidenceRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dimensions = useDimensionsText(item);
  return (
    <TableRow hover onClick={() => onSelect(item)} sx={{ cursor: 'pointer', verticalAlign: 'top' }} data-testid={`evidence-row-${item.sha256}`}>
      {picker && <TableCell padding="checkbox">{picker}</TableCell>}
      <TableCell sx={{ width: 88 }}>
        <EvidenceThumbnail item={item} />
      </TableCell>
      <TableCell>
        <RowLink onOpen={() => onSelect(item)} label={t('evidence.openCustody', { name: item.originalName })} testId={`evidence-open-${item.sha256}`} sx={{ textAlign: 'left', wordBreak: 'break-word' }}>
          <FileName name={item.originalName} />
        </RowLink>
      </TableCell>
      <TableCell>{t(`evidenceKinds.${item.kind}`)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', display: { xs: 'none', lg: 'table-cell' } }}>{format.size(item.sizeBytes)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', display: { xs: 'none', lg: 'table-cell' } }}>{dimensions}</TableCell>
      <TableCell>
        <HashText value={item.sha256} testId={`evidence-sha256-${item.sha256}`} />
      </TableCell>
      <StampCell at={item.addedAt} by={item.addedBy} />
    </TableRow>
  );
}
