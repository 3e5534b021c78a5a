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
import { featureLabel, fieldLabel, optionLabel, shownUnit, valueText, type FieldIndex } from './decision-text.ts';
import { useNumberText, type NumberText } from './number-format.ts';
import { waterfallSteps, type Waterfall, type WaterfallStep } from './waterfall.ts';

/** Props of WaterfallChart. */
export interface WaterfallChartProps {
  readonly output: DecisionOutput;
  readonly fields: FieldIndex;
  /** The outcome field the classes belong to, for their translated labels. */
  readonly classField: string | null;
}

/** "Fact: value" for each input of a term ("Recidivism (art. 14): none"), interactions joined by ×. */
function termLabel(t: TFunction, fields: FieldIndex, term: DecisionOutput['contributions'][number], number: NumberText): string {
  return term.inputs
    .map((i) => {
      // A checklist item reads as ticked or not: "54.1.1 repeated offences: no".
      const value = typeof i.value === 'boolean' && i.feature.includes('=') ? t(i.value ? 'decision.value.yes' : 'decision.value.no') : valueText(t, fields, i.feature, i.value, (n) => number(n, 3));
      return t('decision.waterfall.factValue', { fact: featureLabel(t, fields, i.feature, true), value });
    })
    .join(' × ');
}

function stepLabel(t: TFunction, fields: FieldIndex, step: WaterfallStep, names: { reference: string; score: string }, number: NumberText): string {
  switch (step.kind) {
    case 'reference':
      return names.reference;
    case 'rest':
      return t('decision.waterfall.rest', { count: step.folded });
    case 'bound':
      return t('decision.waterfall.bound');
    case 'score':
      return names.score;
    case 'term':
      return step.term ? termLabel(t, fields, step.term, number) : '';
  }
}

/** The reference case in words: the facts kept from this case, and the circumstances taken as absent. */
function referenceText(t: TFunction, fields: FieldIndex, output: DecisionOutput, number: NumberText): string {
  const reference = output.reference;
  if (!reference) return t('decision.waterfall.referenceIntercept');
  const absent = new Set(reference.absent);
  const kept = Object.entries(reference.facts)
    .filter(([name, value]) => !absent.has(name) && value !== null && fields.byName.has(name))
    .map(([name, value]) => t('decision.waterfall.factValue', { fact: fieldLabel(t, fields.caseTypeId, fields.byName.get(name)!), value: valueText(t, fields, name, value, (n) => number(n, 3)) }));
  const none = reference.absent.filter((name) => fields.byName.has(name)).map((name) => fieldLabel(t, fields.caseTypeId, fields.byName.get(name)!));
  return t('decision.waterfall.referenceCase', { kept: kept.join('; ') || '—', absent: none.join('; ') || '—' });
}

/**
 * How the estimate is composed, measured from a stated reference case: one bar per fact that differs from it,
 * labelled with the fact and its value, in probability points (classification) or the outcome's unit (regression);
 * the bars add up exactly to the estimate shown. The table view adds each term's change in the model's own score
 * (log-odds for classification) and its raw values.
 */
export function WaterfallChart({ output, fields, classField }: WaterfallChartProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const number = useNumberText();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const chart: Waterfall = useMemo(() => waterfallSteps(output), [output]);
  const { steps, total, shown, unit } = chart;
  const predicted = output.probabilities?.find((p) => p.value === output.predictedClass);
  const className = predicted ? (classField ? optionLabel(t, fields.caseTypeId, classField, predicted.value, predicted.label) : predicted.label) : '';
  // Levels are probabilities in percent, changes of them percentage points; a share of the claim reads in percent too.
  const valueUnit = shownUnit(t, output.unit);
  const unitText = unit === 'points' ? '%' : valueUnit.unit;
  const changeUnit = unit === 'points' ? t('decision.waterfall.pointsUnit') : valueUnit.change;
  const factor = unit === 'points' ? 1 : valueUnit.factor;
  const names =
    unit === 'points'
      ? { reference: t('decision.waterfall.referenceProbability', { class: className }), score: t('decision.waterfall.probability', { class: className }) }
      : { reference: t('decision.waterfall.referenceValue', { unit: unitText }), score: t('decision.waterfall.estimate', { unit: unitText }) };
  const signed = (v: number, digits: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${number(Math.abs(v), digits)}`;
  // Levels and changes as the reader reads them; the model's own score columns keep the model's scale.
  const amount = (v: number, digits: number) => number(v * factor, digits);
  const signedAmount = (v: number, digits: number) => signed(v * factor, digits);
  const digits = 1;
  const lo = Math.min(0, ...steps.map((s) => Math.min(s.from, s.to)));
  const hi = Math.max(0, ...steps.map((s) => Math.max(s.from, s.to)));
  const at = (v: number) => (100 * (v - lo)) / (hi - lo || 1);
  const colour = (step: WaterfallStep) =>
    step.kind === 'score' || step.kind === 'reference' ? theme.palette.primary.main : step.kind === 'bound' ? theme.palette.text.disabled : step.value >= 0 ? theme.palette.warning.main : theme.palette.info.main;
  const level = (step: WaterfallStep) => step.kind === 'reference' || step.kind === 'score';

  return (
    <Stack spacing={1} data-testid="waterfall" data-unit={unit}>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" id={titleId}>
          {t('decision.waterfall.title')}
        </Typography>
        <Button size="small" onClick={() => setAsTable((v) => !v)} data-testid="waterfall-table-toggle" aria-pressed={asTable}>
          {t(asTable ? 'decision.waterfall.showChart' : 'decision.waterfall.showTable')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="waterfall-reference">
        {referenceText(t, fields, output, number)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t(unit === 'points' ? 'decision.waterfall.explainPoints' : valueUnit.percentOfClaim ? 'decision.waterfall.explainShare' : 'decision.waterfall.explainValue', { unit: changeUnit, class: className })}
      </Typography>
      <Typography variant="body2" data-testid="waterfall-sum" data-total={total} data-score={shown} data-reference={chart.reference}>
        {t('decision.waterfall.sum', { reference: amount(chart.reference, digits), change: signedAmount(total - chart.reference, digits), total: amount(total, digits), unit: unitText })}
      </Typography>
      {asTable ? (
        <Table size="small" data-testid="waterfall-table" aria-labelledby={titleId}>
          <TableHead>
            <TableRow>
              <TableCell>{t('decision.waterfall.fact')}</TableCell>
              <TableCell align="right">{t('decision.waterfall.contribution', { unit: changeUnit })}</TableCell>
              <TableCell align="right">{t(unit === 'points' ? 'decision.waterfall.logOddsChange' : 'decision.waterfall.scoreChange')}</TableCell>
              <TableCell align="right">{t('decision.waterfall.termValue')}</TableCell>
              <TableCell align="right">{t('decision.waterfall.referenceTerm')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {steps.map((step) => (
              <TableRow key={step.key} data-testid={`waterfall-row-${step.kind}`}>
                <TableCell>{stepLabel(t, fields, step, names, number)}</TableCell>
                <TableCell align="right" data-testid="waterfall-value">
                  {level(step) ? amount(step.to, 4) : signedAmount(step.value, 4)}
                </TableCell>
                <TableCell align="right">{step.kind === 'term' || step.kind === 'rest' ? signed(step.scoreChange, 4) : level(step) ? number(step.scoreChange, 4) : ''}</TableCell>
                <TableCell align="right">{step.term ? number(step.term.values[chart.k] ?? Number.NaN, 4) : ''}</TableCell>
                <TableCell align="right">{step.term?.reference ? number(step.term.reference[chart.k] ?? Number.NaN, 4) : ''}</TableCell>
              </TableRow>
            ))}
            {chart.unchanged.map((term) => (
              <TableRow key={`same:${term.term}`} data-testid="waterfall-row-unchanged">
                <TableCell>{termLabel(t, fields, term, number)}</TableCell>
                <TableCell align="right">{t('decision.waterfall.asReference')}</TableCell>
                <TableCell align="right">0</TableCell>
                <TableCell align="right">{number(term.values[chart.k] ?? Number.NaN, 4)}</TableCell>
                <TableCell align="right">{term.reference ? number(term.reference[chart.k] ?? Number.NaN, 4) : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Box role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} data-testid="waterfall-chart">
          <Box component="span" id={`${titleId}-desc`} sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {steps.map((s) => `${stepLabel(t, fields, s, names, number)}: ${level(s) ? amount(s.to, 1) : signedAmount(s.value, 1)}`).join('; ')}
          </Box>
          {/* Labels wrap in their own column, so no label is ever cut; bars are placed by percentage beside them. */}
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 40%) 1fr auto', columnGap: 1.5, rowGap: 0.5, alignItems: 'center' }}>
            {steps.map((step) => {
              const left = at(Math.min(step.from, step.to));
              const right = at(Math.max(step.from, step.to));
              const label = stepLabel(t, fields, step, names, number);
              return (
                <Box key={step.key} sx={{ display: 'contents' }} data-testid={`waterfall-bar-${step.kind}`} data-value={step.value} data-label={label}>
                  <Typography variant="body2" sx={{ fontWeight: level(step) ? 700 : 400, overflowWrap: 'anywhere' }} data-testid="waterfall-label">
                    {label}
                  </Typography>
                  <Box sx={{ position: 'relative', height: 16, borderLeft: `1px solid ${theme.palette.divider}` }} aria-hidden>
                    <Box sx={{ position: 'absolute', top: 2, bottom: 2, left: `${left}%`, width: `max(2px, ${right - left}%)`, bgcolor: colour(step), opacity: step.kind === 'rest' ? 0.5 : 0.85, borderRadius: 0.5 }} />
                  </Box>
                  <Typography variant="body2" color={level(step) ? 'text.primary' : 'text.secondary'} sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {level(step) ? `${amount(step.to, digits)} ${unitText}` : signedAmount(step.value, digits)}
                  </Typography>
                </Box>
              );
            })}
          </Box>
          {chart.unchanged.length > 0 && (
            <Typography variant="caption" color="text.secondary" data-testid="waterfall-unchanged" sx={{ display: 'block', mt: 1 }}>
              {t('decision.waterfall.unchanged', { count: chart.unchanged.length })}
            </Typography>
          )}
        </Box>
      )}
    </Stack>
  );
}
