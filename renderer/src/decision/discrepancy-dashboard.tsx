import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import type { DecisionModel } from '../../../main/contract/index.ts';
import { totalsBy, type DiscrepancyGrouping, type DiscrepancyTotal } from './discrepancy-summary.ts';

/** A model as the monitoring view names it: its case type and outcome, and the start of its hash. */
function useModelName(models: readonly DecisionModel[] | undefined) {
  const { t } = useTranslation();
  return (sha256: string | null) => {
    if (!sha256) return t('decision.dashboard.noModel');
    const model = models?.find((m) => m.sha256 === sha256);
    const outcome = model ? t(`decision.outcomes.${model.outcome}`, { defaultValue: model.outcome }) : '';
    const caseType = model ? t(`decisionSchema.${model.caseType}.title`, { defaultValue: model.card.caseType.title }) : '';
    return model ? t('decision.dashboard.model', { caseType, outcome, hash: sha256.slice(0, 12) }) : t('decision.dashboard.removedModel', { hash: sha256.slice(0, 12) });
  };
}

function BarChart({ totals, by, label }: { readonly totals: readonly DiscrepancyTotal[]; readonly by: DiscrepancyGrouping; readonly label: (key: string) => string }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const titleId = useId();
  const descId = useId();
  const barWidth = 36;
  const gap = 14;
  const height = 180;
  const plot = 130;
  const width = Math.max(240, 40 + totals.length * (barWidth + gap));
  const most = Math.max(1, ...totals.map((x) => x.verdicts));
  const y = (v: number) => 10 + plot - (v / most) * plot;
  return (
    <Stack spacing={0.5}>
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} data-testid="discrepancy-chart">
        <title id={titleId}>{t(`decision.dashboard.chart.${by}`)}</title>
        <desc id={descId}>{totals.map((x) => t('decision.dashboard.chart.bar', { key: label(x.key), verdicts: x.verdicts, discrepancies: x.discrepancies })).join('; ')}</desc>
        <line x1={30} x2={width} y1={10 + plot} y2={10 + plot} stroke={theme.palette.divider} />
        {totals.map((x, i) => {
          const left = 36 + i * (barWidth + gap);
          return (
            <g key={x.key} data-testid={`discrepancy-bar-${by === 'model' ? x.key.slice(0, 12) || 'none' : x.key}`}>
              <title>{t('decision.dashboard.chart.bar', { key: label(x.key), verdicts: x.verdicts, discrepancies: x.discrepancies })}</title>
              <rect x={left} y={y(x.verdicts)} width={barWidth} height={10 + plot - y(x.verdicts)} fill={theme.palette.primary.main} opacity={0.3} />
              <rect x={left} y={y(x.discrepancies)} width={barWidth} height={10 + plot - y(x.discrepancies)} fill={theme.palette.secondary.main} />
              <text x={left + barWidth / 2} y={height - 22} textAnchor="middle" fontSize={11} fill={theme.palette.text.secondary}>
                {by === 'model' ? x.key.slice(0, 6) || '—' : x.key}
              </text>
              <text x={left + barWidth / 2} y={y(x.verdicts) - 3} textAnchor="middle" fontSize={11} fill={theme.palette.text.primary}>
                {`${x.discrepancies}/${x.verdicts}`}
              </text>
            </g>
          );
        })}
      </svg>
      {/* The legend is text beside the chart, not inside it, so it wraps instead of being cut at any width. */}
      <Typography variant="caption" color="text.secondary" data-testid="discrepancy-legend">
        {t('decision.dashboard.chart.legend')}
      </Typography>
    </Stack>
  );
}

/**
 * Model monitoring for administrators: how often final verdicts (an amended verdict counts as its amendment) left
 * what the model had estimated, by model, article and month. It watches the models, never judges: the service groups
 * by model, article and month only, and nobody is sent a notice about a decision.
 */
export function DiscrepancyDashboard() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [by, setBy] = useState<DiscrepancyGrouping>('model');
  const load = useCallback(() => call(api, 'verdicts.dashboard', {}), [api]);
  const loadModels = useCallback(() => call(api, 'decision.models', {}), [api]);
  const rows = useLoaded(load);
  const models = useLoaded(loadModels);
  const modelName = useModelName(models.value);
  const totals = totalsBy(rows.value ?? [], by);
  const label = (key: string) => (by === 'model' ? modelName(key || null) : key);
  const rate = (d: number, v: number) => (v === 0 ? '—' : t('decision.card.percent', { value: format.integer(Math.round((d / v) * 100)) }));
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="discrepancy-dashboard">
      <Stack spacing={2}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h2">
            {t('decision.dashboard.title')}
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={by} onChange={(_e, value: DiscrepancyGrouping | null) => value && setBy(value)} aria-label={t('decision.dashboard.groupBy')}>
            <ToggleButton value="model" data-testid="dashboard-by-model">
              {t('decision.dashboard.byModel')}
            </ToggleButton>
            <ToggleButton value="month" data-testid="dashboard-by-month">
              {t('decision.dashboard.byMonth')}
            </ToggleButton>
            <ToggleButton value="article" data-testid="dashboard-by-article">
              {t('decision.dashboard.byArticle')}
            </ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('decision.dashboard.intro')}
        </Typography>
        {rows.error !== null && <ErrorAlert error={rows.error} testId="dashboard-error" />}
        {rows.value?.length === 0 && (
          <Typography color="text.secondary" data-testid="dashboard-empty">
            {t('decision.dashboard.empty')}
          </Typography>
        )}
        {totals.length > 0 && <BarChart totals={totals} by={by} label={label} />}
        {rows.value && rows.value.length > 0 && (
          <Table size="small" aria-label={t('decision.dashboard.title')} data-testid="dashboard-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('decision.dashboard.modelColumn')}</TableCell>
                <TableCell>{t('decision.dashboard.article')}</TableCell>
                <TableCell>{t('decision.dashboard.month')}</TableCell>
                <TableCell align="right">{t('decision.dashboard.verdicts')}</TableCell>
                <TableCell align="right">{t('decision.dashboard.discrepancies')}</TableCell>
                <TableCell align="right">{t('decision.dashboard.rate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.value.map((row) => (
                <TableRow key={`${row.modelSha256 ?? ''}-${row.caseType}-${row.article}-${row.month}`} data-testid="dashboard-row">
                  <TableCell>{modelName(row.modelSha256)}</TableCell>
                  <TableCell>{row.article || '—'}</TableCell>
                  <TableCell>{row.month}</TableCell>
                  <TableCell align="right">{format.integer(row.verdicts)}</TableCell>
                  <TableCell align="right">{format.integer(row.discrepancies)}</TableCell>
                  <TableCell align="right">{rate(row.discrepancies, row.verdicts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
