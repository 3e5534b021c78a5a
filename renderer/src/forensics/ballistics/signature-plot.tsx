import { memo } from 'react';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../common/format.ts';

/** Props of SignaturePlot. */
export interface SignaturePlotProps {
  readonly sigA: readonly (number | null)[];
  readonly sigB: readonly (number | null)[];
  readonly stepUm: number;
  readonly labelA: string;
  readonly labelB: string;
}

const width = 640;
const height = 200;
const pad = 32;
const colourA = '#1e88e5';
const colourB = '#e53935';

/** The SVG path of one signature; a missing point (null) lifts the pen, so gaps are shown as gaps. */
export function signaturePath(sig: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let pen = false;
  sig.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return path;
}

/** Two aligned bullet land signatures plotted together (µm against µm along the land). */
export const SignaturePlot = memo(function SignaturePlot({ sigA, sigB, stepUm, labelA, labelB }: SignaturePlotProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const values = [...sigA, ...sigB].filter((v): v is number => v !== null && Number.isFinite(v));
  const min = values.length ? Math.min(...values) : -1;
  const max = values.length ? Math.max(...values) : 1;
  const span = max - min || 1;
  const n = Math.max(sigA.length, sigB.length, 2);
  const x = (i: number) => pad + (i / (n - 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const lengthUm = (n - 1) * stepUm;
  return (
    <Box component="figure" sx={{ m: 0 }} data-testid="signature-plot">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t('viewer.signatures.label', { a: labelA, b: labelB })}>
        <rect x={pad} y={pad} width={width - 2 * pad} height={height - 2 * pad} fill="none" stroke="currentColor" strokeOpacity={0.2} />
        <path d={signaturePath(sigA, x, y)} fill="none" stroke={colourA} strokeWidth={1.5} data-testid="signature-a" />
        <path d={signaturePath(sigB, x, y)} fill="none" stroke={colourB} strokeWidth={1.5} data-testid="signature-b" />
        <text x={pad} y={height - 8} fontSize={11} fill="currentColor">0</text>
        <text x={width - pad} y={height - 8} fontSize={11} fill="currentColor" textAnchor="end">{t('viewer.signatures.lengthUm', { value: format.fixed(lengthUm, 0) })}</text>
        <text x={4} y={pad - 8} fontSize={11} fill="currentColor">{t('viewer.signatures.rangeUm', { min: format.fixed(min, 2), max: format.fixed(max, 2) })}</text>
      </svg>
      {/* The legend is laid out by the page, not at fixed SVG positions: long land names wrap instead of overlapping. */}
      <Box component="figcaption" data-testid="signature-legend" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3, rowGap: 0.5, fontSize: 13, pl: `${(pad / width) * 100}%` }}>
        {([[labelA, colourA, 'a'], [labelB, colourB, 'b']] as const).map(([label, colour, key]) => (
          <Box key={key} data-testid={`signature-legend-${key}`} sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <Box component="span" aria-hidden sx={{ flex: '0 0 auto', width: 18, height: 3, bgcolor: colour }} />
            <span>{label}</span>
          </Box>
        ))}
      </Box>
    </Box>
  );
});
