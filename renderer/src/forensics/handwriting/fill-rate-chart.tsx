/** Fill rates per cluster as paired bars (known writing vs questioned page), an SVG the viewer and the report share in spirit. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../common/format.ts';
import { handwritingClusterColour } from '../../../../main/contract/index.ts';

/** Props of FillRateChart. */
export interface FillRateChartProps {
  readonly known: readonly number[];
  readonly questioned: readonly number[];
  readonly width: number;
  /** Clicking a cluster's bars picks it (or drops the pick). */
  readonly onPick: (cluster: number | null) => void;
  readonly picked: number | null;
}

const height = 150;
const margin = { left: 34, bottom: 18, top: 8 };

/** Two bars per cluster: known (solid) and questioned (outlined), in the cluster's colour. */
export function FillRateChart({ known, questioned, width, onPick, picked }: FillRateChartProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const n = known.length;
  const top = Math.max(0.05, ...known, ...questioned);
  const slot = (width - margin.left) / n;
  const y = (v: number) => margin.top + (height - margin.top - margin.bottom) * (1 - v / top);
  return (
    <Box data-testid="handwriting-rates">
      <Typography variant="subtitle2">
        {t('hwViewer.rates')} — <span style={{ opacity: 0.9 }}>■ {t('hwViewer.rateKnown')}</span> <span>□ {t('hwViewer.rateQuestioned')}</span>
      </Typography>
      <svg width={width} height={height} role="img" aria-label={t('hwViewer.rates')}>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line x1={margin.left} x2={width} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
            <text x={margin.left - 4} y={y(v) + 4} fontSize={10} textAnchor="end" fill="currentColor">
              {format.fixed(v, 2)}
            </text>
          </g>
        ))}
        {known.map((k, i) => {
          const q = questioned[i] ?? 0;
          const colour = `rgb(${handwritingClusterColour(i + 1).join(',')})`;
          const x = margin.left + i * slot;
          const bar = Math.max(1, slot / 2 - 1);
          return (
            <g key={i} onClick={() => onPick(picked === i + 1 ? null : i + 1)} style={{ cursor: 'pointer' }} opacity={picked === null || picked === i + 1 ? 1 : 0.35}>
              <title>{`${t('hwViewer.cluster', { n: i + 1 })}: ${format.fixed(k, 3)} / ${format.fixed(q, 3)}`}</title>
              <rect x={x} y={y(k)} width={bar} height={y(0) - y(k)} fill={colour} />
              <rect x={x + bar + 1} y={y(q)} width={bar} height={y(0) - y(q)} fill="none" stroke={colour} />
              {(i + 1) % 5 === 0 && (
                <text x={x + slot / 2} y={height - 4} fontSize={9} textAnchor="middle" fill="currentColor">
                  {i + 1}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
