import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Backtest, BacktestFold } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { useNumberText } from './number-format.ts';
import { baselineLabel } from './baseline-label.ts';

/** Props of ModelCardBacktest. */
export interface ModelCardBacktestProps {
  readonly backtest: Backtest;
  /** A class label inside a baseline's name in the reader's words. */
  readonly classText?: (label: string) => string;
  /** A split as the trainer wrote it, in the reader's words. */
  readonly splitText?: (split: string) => string;
  /** The case type, whose translations may name its own baselines. */
  readonly caseTypeId?: string;
}

interface Figure {
  readonly name: string;
  readonly value: number;
}

/** The model's figure and its baselines' in one fold, whichever kind of outcome it has. */
function foldFigures(fold: BacktestFold): { readonly model: number; readonly baselines: readonly Figure[] } | null {
  if (fold.regression) return { model: fold.regression.meanAbsoluteError, baselines: fold.regression.baselines.map((b) => ({ name: b.name, value: b.meanAbsoluteError })) };
  if (fold.classification) return { model: fold.classification.accuracy, baselines: fold.classification.baselines.map((b) => ({ name: b.name, value: b.accuracy })) };
  return null;
}

/**
 * The card's rolling-origin backtest: one row per fold (trained before a cut, tested on the period after it), the
 * model beside the same baselines as the held-out table, the held-out test of this model last; or, for cases with
 * no time order, a sentence saying that only the random split validates the model.
 */
export function ModelCardBacktest({ backtest, classText, splitText = (split) => split, caseTypeId }: ModelCardBacktestProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const number = useNumberText();
  if (backtest.kind === 'unordered') {
    return (
      <Typography variant="body2" data-testid="model-card-backtest-unordered">
        {t('decision.modelCard.backtest.unordered', { split: splitText(backtest.split) })}
      </Typography>
    );
  }
  const regression = backtest.folds.some((f) => f.regression !== undefined);
  const text = (v: number) => (regression ? number(v, 2) : t('decision.card.percent', { value: number(v * 100, 1) }));
  const last = backtest.folds[backtest.folds.length - 1];
  const columns = (last && foldFigures(last)?.baselines.map((b) => b.name)) ?? [];
  // Cards written before these figures have none: the column shows only where some fold has them.
  const answered = backtest.folds.some((f) => (f.classification ?? f.regression)?.answered !== undefined);
  const percent = (v: number) => t('decision.card.percent', { value: number(v * 100, 1) });
  const answeredText = (fold: BacktestFold) => {
    if (fold.classification?.answered) {
      const { share, accuracy, majority } = fold.classification.answered;
      return t('decision.modelCard.backtest.answeredValue', { share: text(share), accuracy: text(accuracy), majority: text(majority) });
    }
    if (fold.regression?.answered) {
      const { share, meanAbsoluteError, medianError, coverage80 } = fold.regression.answered;
      return t('decision.modelCard.backtest.answeredRegressionValue', { share: percent(share), mae: number(meanAbsoluteError, 2), median: number(medianError, 2), c80: percent(coverage80) });
    }
    return '—';
  };
  return (
    <>
      <Typography variant="subtitle2" component="h4">
        {t('decision.modelCard.backtest.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t(regression ? 'decision.modelCard.backtest.introMae' : 'decision.modelCard.backtest.introAccuracy', { count: backtest.folds.filter((f) => !f.heldOut).length })}
      </Typography>
      <Table size="small" data-testid="model-card-backtest">
        <TableHead>
          <TableRow>
            <TableCell>{t('decision.modelCard.backtest.period')}</TableCell>
            <TableCell>{t('decision.modelCard.backtest.trainedBefore')}</TableCell>
            <TableCell align="right">{t('decision.modelCard.backtest.cases')}</TableCell>
            <TableCell align="right">{t('decision.modelCard.thisModel')}</TableCell>
            {columns.map((name) => (
              <TableCell key={name} align="right">
                {baselineLabel(t, name, { ...(classText ? { classText } : {}), caseTypeId })}
              </TableCell>
            ))}
            {answered && <TableCell align="right">{t('decision.modelCard.backtest.answered')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {backtest.folds.map((fold) => {
            const figures = foldFigures(fold);
            return (
              <TableRow key={fold.trainedBefore} data-testid={fold.heldOut ? 'model-card-backtest-held-out' : 'model-card-backtest-fold'}>
                <TableCell>
                  {t('decision.modelCard.periodValue', { from: fold.testFrom, to: fold.testTo })}
                  {fold.heldOut && ` ${t('decision.modelCard.backtest.heldOut')}`}
                </TableCell>
                <TableCell>{fold.trainedBefore}</TableCell>
                <TableCell align="right">{t('decision.modelCard.backtest.casesValue', { training: format.integer(fold.trainingCases), test: format.integer(fold.testCases) })}</TableCell>
                <TableCell align="right">{figures ? text(figures.model) : '—'}</TableCell>
                {columns.map((name, i) => {
                  const baseline = figures?.baselines[i];
                  return (
                    <TableCell key={name} align="right">
                      {baseline ? text(baseline.value) : '—'}
                      {baseline && baseline.name !== name && ` (${baselineLabel(t, baseline.name, { ...(classText ? { classText } : {}), caseTypeId })})`}
                    </TableCell>
                  );
                })}
                {answered && (
                  <TableCell align="right" data-testid="model-card-backtest-answered">
                    {answeredText(fold)}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {answered && (
        <Typography variant="body2" color="text.secondary" data-testid="model-card-backtest-answered-note">
          {t(regression ? 'decision.modelCard.backtest.answeredRegressionNote' : 'decision.modelCard.backtest.answeredNote')}
        </Typography>
      )}
    </>
  );
}
