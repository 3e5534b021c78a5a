import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionOutput } from '../../../main/contract/index.ts';
import { featureLabel, optionLabel, valueText, type FieldIndex } from './decision-text.ts';
import { useNumberText, type NumberText } from './number-format.ts';
import { waterfallSteps, type WaterfallStep } from './waterfall.ts';

/** Props of WaterfallChart. */
export interface WaterfallChartProps {
  readonly output: DecisionOutput;
  readonly fields: FieldIndex;
  /** The outcome field the classes belong to, for their translated labels. */
  readonly classField: string | null;
}

const width = 760;
const labelWidth = 300;
const valueWidth = 70;
const rowHeight = 24;
const top = 8;

function stepLabel(t: TFunction, fields: FieldIndex, step: WaterfallStep, scoreName: string, short = false): string {
  switch (step.kind) {
    case 'intercept':
      return t('decision.waterfall.intercept');
    case 'rest':
      return t('decision.waterfall.rest', { count: step.folded });
    case 'score':
      return scoreName;
    case 'term':
      return (step.term?.inputs ?? []).map((i) => featureLabel(t, fields, i.feature, short)).join(' × ');
  }
}

function inputsText(t: TFunction, fields: FieldIndex, step: WaterfallStep, number: NumberText): string {
  return (step.term?.inputs ?? []).map((i) => valueText(t, fields, i.feature, i.value, (n) => number(n, 3))).join('; ');
}

function shorten(text: string, max = 44): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * How the model's score is built: the intercept, each term's exact contribution (largest first), and the score they
 * add up to, as an SVG waterfall with a title and description for screen readers and a table of the same numbers.
 */
export function WaterfallChart({ output, fields, classField }: WaterfallChartProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const number = useNumberText();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  const { steps, total, k } = useMemo(() => waterfallSteps(output), [output]);
  // Multiclass: the predicted class's score; binary: the log-odds of the second class (probabilities [1 - p, p]).
  const explained = output.score.length > 1 ? output.probabilities?.[k] : output.probabilities?.[1];
  const className = explained && classField ? optionLabel(t, fields.caseTypeId, classField, explained.value, explained.label) : explained?.label;
  const scoreName = output.kind === 'regression' ? t('decision.waterfall.score', { unit: output.unit ?? '' }) : t('decision.waterfall.logOdds', { class: className ?? '' });
  const lo = Math.min(0, ...steps.map((s) => Math.min(s.from, s.to)));
  const hi = Math.max(0, ...steps.map((s) => Math.max(s.from, s.to)));
  const plot = width - labelWidth - valueWidth - 8;
  const x = (v: number) => labelWidth + ((v - lo) / (hi - lo || 1)) * plot;
  const height = top * 2 + steps.length * rowHeight;
  const colour = (step: WaterfallStep) =>
    step.kind === 'score' || step.kind === 'intercept' ? theme.palette.primary.main : step.value >= 0 ? theme.palette.warning.main : theme.palette.info.main;

  return (
    <Stack spacing={1} data-testid="waterfall">
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3">
          {t('decision.waterfall.title')}
        </Typography>
        <Button size="small" onClick={() => setAsTable((v) => !v)} data-testid="waterfall-table-toggle" aria-pressed={asTable}>
          {t(asTable ? 'decision.waterfall.showChart' : 'decision.waterfall.showTable')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('decision.waterfall.explain', { score: scoreName })}
      </Typography>
      <Typography variant="body2" data-testid="waterfall-sum" data-total={total} data-score={output.score[k]}>
        {t('decision.waterfall.sum', { total: number(total, 4), score: number(output.score[k] ?? Number.NaN, 4) })}
      </Typography>
      {asTable ? (
        <Table size="small" data-testid="waterfall-table" aria-label={t('decision.waterfall.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('decision.waterfall.term')}</TableCell>
              <TableCell>{t('decision.waterfall.inputs')}</TableCell>
              <TableCell align="right">{t('decision.waterfall.contribution')}</TableCell>
              <TableCell align="right">{t('decision.waterfall.running')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {steps.map((step) => (
              <TableRow key={step.key} data-testid={`waterfall-row-${step.kind}`}>
                <TableCell>{stepLabel(t, fields, step, scoreName)}</TableCell>
                <TableCell>{inputsText(t, fields, step, number)}</TableCell>
                <TableCell align="right" data-testid="waterfall-value">
                  {step.kind === 'score' ? '' : number(step.value, 4)}
                </TableCell>
                <TableCell align="right">{number(step.to, 4)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ minWidth: 560, maxWidth: width }} data-testid="waterfall-svg">
            <title id={titleId}>{t('decision.waterfall.title')}</title>
            <desc id={descId}>
              {steps.map((s) => `${stepLabel(t, fields, s, scoreName)}: ${s.kind === 'score' ? number(s.to, 3) : number(s.value, 3)}`).join('; ')}
            </desc>
            <line x1={x(0)} x2={x(0)} y1={top / 2} y2={height - top / 2} stroke={theme.palette.divider} />
            {steps.map((step, i) => {
              const y = top + i * rowHeight;
              const left = x(Math.min(step.from, step.to));
              const right = x(Math.max(step.from, step.to));
              const label = stepLabel(t, fields, step, scoreName);
              const shortLabel = stepLabel(t, fields, step, scoreName, true);
              return (
                <g key={step.key} data-testid={`waterfall-bar-${step.kind}`} data-value={step.value}>
                  <title>{`${label}: ${number(step.value, 4)}`}</title>
                  <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" fontSize={12} fill={theme.palette.text.primary} fontWeight={step.kind === 'score' ? 700 : 400}>
                    {shorten(shortLabel)}
                  </text>
                  <rect x={left} y={y + 4} width={Math.max(1, right - left)} height={rowHeight - 8} fill={colour(step)} opacity={step.kind === 'rest' ? 0.5 : 0.85} />
                  {i < steps.length - 1 && step.kind !== 'score' && (
                    <line x1={x(step.to)} x2={x(step.to)} y1={y + rowHeight - 4} y2={y + rowHeight + 4} stroke={theme.palette.text.secondary} strokeDasharray="2 2" />
                  )}
                  <text x={width - 4} y={y + rowHeight / 2 + 4} textAnchor="end" fontSize={12} fill={theme.palette.text.secondary}>
                    {step.kind === 'score' ? number(step.to, 2) : `${step.value >= 0 && step.kind !== 'intercept' ? '+' : ''}${number(step.value, 2)}`}
                  </text>
                </g>
              );
            })}
          </svg>
        </Box>
      )}
    </Stack>
  );
}
