import { useTheme } from '@mui/material/styles';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberText } from './number-format.ts';

/** Props of RangeBar. */
export interface RangeBarProps {
  /** The lawful range the estimate is drawn against (or the outcome's range when no statute applies). */
  readonly range: readonly [number, number];
  readonly value: number;
  readonly interval80: readonly [number, number] | null;
  readonly interval95: readonly [number, number] | null;
  readonly unit: string;
  readonly lawful: boolean;
  readonly number: NumberText;
}

const width = 640;
const height = 78;
const pad = 24;

/**
 * The model's estimate on the lawful range: the whole range as a track, the 95% and 80% intervals as nested bands
 * and the estimate as a tick. Neutral colours: the drawing shows where the model's estimate lies, not a target.
 */
export function RangeBar({ range, value, interval80, interval95, unit, lawful, number }: RangeBarProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const titleId = useId();
  const descId = useId();
  const [lo, hi] = range;
  const x = (v: number) => pad + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * (width - 2 * pad);
  const band = (interval: readonly [number, number], y: number, h: number, opacity: number, testId: string) => (
    <rect x={x(interval[0])} y={y} width={Math.max(2, x(interval[1]) - x(interval[0]))} height={h} fill={theme.palette.primary.main} opacity={opacity} data-testid={testId} />
  );
  const describe = [
    t(lawful ? 'decision.range.lawful' : 'decision.range.outcome', { min: number(lo), max: number(hi), unit }),
    interval95 ? t('decision.range.interval', { level: 95, low: number(interval95[0]), high: number(interval95[1]), unit }) : '',
    interval80 ? t('decision.range.interval', { level: 80, low: number(interval80[0]), high: number(interval80[1]), unit }) : '',
    t('decision.range.estimate', { value: number(value), unit }),
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} data-testid="range-bar">
      <title id={titleId}>{t('decision.range.title')}</title>
      <desc id={descId}>{describe}</desc>
      <rect x={pad} y={22} width={width - 2 * pad} height={16} fill={theme.palette.action.hover} stroke={theme.palette.divider} data-testid="range-lawful" />
      {interval95 && band(interval95, 22, 16, 0.25, 'range-interval95')}
      {interval80 && band(interval80, 25, 10, 0.5, 'range-interval80')}
      <line x1={x(value)} x2={x(value)} y1={14} y2={46} stroke={theme.palette.text.primary} strokeWidth={3} data-testid="range-estimate" />
      <text x={x(value)} y={10} textAnchor="middle" fontSize={12} fill={theme.palette.text.primary}>
        {number(value)}
      </text>
      <text x={pad} y={62} textAnchor="start" fontSize={12} fill={theme.palette.text.secondary}>
        {number(lo)}
      </text>
      <text x={width - pad} y={62} textAnchor="end" fontSize={12} fill={theme.palette.text.secondary}>
        {`${number(hi)} ${unit}`}
      </text>
    </svg>
  );
}
