/** The bullet comparison's viewer panels: the chosen land pair's aligned signatures and the land pairs of the best rotation. */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BulletComparisonResultSchema } from '../../../../main/contract/index.ts';
import type { ViewerPanelProps } from '../renderer-module.ts';
import { LandPairTable } from './land-pair-table.tsx';
import { SignaturePlot } from './signature-plot.tsx';

/** Signatures of the selected land pair above the table that selects it. */
export function BulletPanels({ result, selection, onSelect, labels }: ViewerPanelProps) {
  const { t } = useTranslation();
  // Parsed once per result, not per frame: the viewer re-renders on every pan and zoom.
  const parsed = useMemo(() => BulletComparisonResultSchema.safeParse(result), [result]);
  if (!parsed.success) return null;
  const bullet = parsed.data;
  const signature = bullet.signatures.find((s) => s.a === selection[0] && s.b === selection[1]);
  return (
    <Stack spacing={1}>
      {signature ? (
        <SignaturePlot sigA={signature.sigA} sigB={signature.sigB} stepUm={signature.stepUm} labelA={labels.a} labelB={labels.b} />
      ) : (
        <Typography color="text.secondary">{t('viewer.signatures.none')}</Typography>
      )}
      <LandPairTable result={bullet} selected={selection} onSelect={onSelect} />
    </Stack>
  );
}
