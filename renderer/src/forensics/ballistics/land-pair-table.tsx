import { memo } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../common/format.ts';
import type { BulletComparisonResult } from '../../../../main/contract/index.ts';

type BulletResult = BulletComparisonResult;

/** Props of LandPairTable. */
export interface LandPairTableProps {
  readonly result: BulletResult;
  readonly selected: readonly [number, number];
  readonly onSelect: (pair: readonly [number, number]) => void;
}

/** The land pairs of the best rotation (score, CCF, CMS, D, overlap, lag); a row shows that pair's signatures. */
export const LandPairTable = memo(function LandPairTable({ result, selected, onSelect }: LandPairTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const inRotation = (a: number, b: number) => result.rotation.pairs.some(([pa, pb]) => pa === a && pb === b);
  const rows = result.landPairs.filter((p) => inRotation(p.a, p.b));
  return (
    <Table size="small" aria-label={t('viewer.lands.label')} data-testid="land-pair-table">
      <TableHead>
        <TableRow>
          {(['pair', 'score', 'ccf', 'cms', 'd', 'overlap', 'lag'] as const).map((c) => (
            <TableCell key={c}>{t(`viewer.lands.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((p) => (
          <TableRow
            key={`${p.a}-${p.b}`}
            hover
            selected={selected[0] === p.a && selected[1] === p.b}
            onClick={() => onSelect([p.a, p.b])}
            sx={{ cursor: 'pointer' }}
            data-testid={`land-pair-${p.a}-${p.b}`}
          >
            <TableCell>{t('viewer.lands.pairText', { a: p.a + 1, b: p.b + 1 })}</TableCell>
            <TableCell sx={{ fontWeight: p.score >= result.landThreshold ? 700 : undefined }}>{format.fixed(p.score, 3)}</TableCell>
            <TableCell>{format.fixed(p.ccf, 3)}</TableCell>
            <TableCell>{p.cms}</TableCell>
            <TableCell>{format.fixed(p.d, 3)}</TableCell>
            <TableCell>{format.fixed(p.overlap, 2)}</TableCell>
            <TableCell>{format.fixed(p.lagUm, 1)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
});
