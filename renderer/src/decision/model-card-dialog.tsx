import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, ModelCard } from '../../../main/contract/index.ts';
import { FactList } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { baselineLabel } from './baseline-label.ts';
import { againstNominal, wilsonRange } from './binomial-range.ts';
import { fieldLabel, optionLabel } from './decision-text.ts';
import { ModelCardBacktest } from './model-card-backtest.tsx';
import { classLabelText, intendedUseText, limitationText, modelKindText, splitText, type CardTextContext } from './model-card-text.ts';
import { useNumberText } from './number-format.ts';

/** Props of ModelCardDialog. */
export interface ModelCardDialogProps {
  readonly card: ModelCard;
  /** The model's case type, for naming its outcome classes in the reader's language; null when it is not installed. */
  readonly caseType?: CaseTypeView | null;
  readonly onClose: () => void;
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h3">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

/**
 * The model card: what the model was trained on (with the data's hash and period), how it did on held-out cases
 * against naive baselines (and, fold by fold, on later periods), its calibration and interval coverage, how it differs across protected groups (which are
 * never inputs), and its limitations.
 */
export function ModelCardDialog({ card, caseType = null, onClose }: ModelCardDialogProps) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const number = useNumberText();
  const pct = (v: number) => t('decision.card.percent', { value: number(v * 100, 1) });
  const num = (v: number | undefined) => (v === undefined ? '—' : number(v, 2));
  const rate = (v: number | undefined) => (v === undefined ? '—' : pct(v));
  // A group's share is measured on few or many test cases: its range says how sure it is.
  const rangeText = (share: number | undefined, cases: number) => {
    const range = share === undefined ? null : wilsonRange(share, cases);
    return range === null ? '—' : t('decision.modelCard.rangeValue', { low: number(range.low * 100, 1), high: number(range.high * 100, 1) });
  };
  const coverageText = (share: number | undefined, cases: number): ReactNode => {
    if (share === undefined) return '—';
    const side = againstNominal(share, cases, 0.8);
    if (side === 'consistent') return pct(share);
    const meaning = t(side === 'below' ? 'decision.modelCard.coverageBelow' : 'decision.modelCard.coverageAbove');
    return (
      <span title={meaning} aria-label={`${pct(share)}: ${meaning}`} data-testid="model-card-coverage-beyond-chance">
        {pct(share)} {side === 'below' ? '▼' : '▲'}
      </span>
    );
  };
  const { data, validation } = card;
  const caseTypeId = card.caseType.id;
  // The trainer reports the cases without a value as the group "missing" (models/ebm/evaluate.ts).
  const groupLabel = (attribute: string, g: { value: string; label: string }) =>
    g.value === 'missing' && g.label === 'missing' ? t('decision.value.unknown') : optionLabel(t, caseTypeId, attribute, g.value, g.label);
  const text: CardTextContext = { t, locale: format.locale, exists: (key) => i18n.exists(key), caseTypeId };
  const classText = (label: string) => classLabelText(t, caseType, card.outcome.name, label);
  const split = (s: string) => splitText(text, s);
  const regression = validation.regression;
  const classification = validation.classification;
  const outcomeName = t(`decision.outcomes.${card.outcome.name}`, { defaultValue: card.outcome.name });
  const title = t('decision.modelCard.title', { caseType: t(`decisionSchema.${caseTypeId}.title`, { defaultValue: card.caseType.title }), outcome: outcomeName });
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="model-card-title" data-testid="model-card-dialog">
      <DialogTitle id="model-card-title">{title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          {card.synthetic && (
            <Chip color="warning" label={t('decision.synthetic.chip')} data-testid="model-card-synthetic" sx={{ alignSelf: 'flex-start' }} />
          )}
          <FactList
            facts={[
              { label: t('decision.modelCard.model'), value: <HashText value={card.modelSha256} testId="model-card-hash" /> },
              { label: t('decision.modelCard.created'), value: format.dateTime(card.createdAt) },
              { label: t('decision.modelCard.outcome'), value: `${outcomeName} (${t(`decision.kinds.${card.outcome.kind}`)})` },
              { label: t('decision.modelCard.intendedUse'), value: intendedUseText(text, card), testId: 'model-card-intended-use' },
              { label: t('decision.modelCard.kind'), value: `${modelKindText(text, card.model.kind)}; ${t('decision.modelCard.features', { count: card.model.features.length })}; ${t('decision.modelCard.interactions', { count: card.model.interactions.length })}`, testId: 'model-card-kind' },
            ]}
          />
          <Section title={t('decision.modelCard.data')}>
            <Typography variant="body2">{data.description}</Typography>
            <FactList
              facts={[
                { label: t('decision.modelCard.file'), value: data.file },
                { label: t('decision.modelCard.dataHash'), value: <HashText value={data.sha256} testId="model-card-data-hash" /> },
                { label: t('decision.modelCard.cases'), value: t('decision.modelCard.casesValue', { cases: format.integer(data.cases), records: format.integer(data.records) }) },
                {
                  label: t('decision.modelCard.period'),
                  value: data.period ? t('decision.modelCard.periodValue', { from: data.period.from, to: data.period.to }) : t('decision.value.unknown'),
                  testId: 'model-card-period',
                },
              ]}
            />
          </Section>
          <Section title={t('decision.modelCard.validation')}>
            <Typography variant="body2" data-testid="model-card-split">
              {t('decision.modelCard.split', { split: split(validation.split), training: format.integer(validation.trainingCases), calibration: format.integer(validation.calibrationCases), test: format.integer(validation.testCases) })}
            </Typography>
            <Table size="small" data-testid="model-card-validation">
              <TableHead>
                <TableRow>
                  <TableCell>{t('decision.modelCard.predictor')}</TableCell>
                  <TableCell align="right">{t(regression ? 'decision.modelCard.mae' : 'decision.modelCard.accuracy')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {regression && (
                  <>
                    <TableRow>
                      <TableCell>{t('decision.modelCard.thisModel')}</TableCell>
                      <TableCell align="right">{number(regression.meanAbsoluteError, 2)}</TableCell>
                    </TableRow>
                    {regression.baselines.map((b) => (
                      <TableRow key={b.name}>
                        <TableCell>{baselineLabel(t, b.name, { classText, caseTypeId })}</TableCell>
                        <TableCell align="right">{number(b.meanAbsoluteError, 2)}</TableCell>
                      </TableRow>
                    ))}
                  </>
                )}
                {classification && (
                  <>
                    <TableRow>
                      <TableCell>{t('decision.modelCard.thisModel')}</TableCell>
                      <TableCell align="right">{pct(classification.accuracy)}</TableCell>
                    </TableRow>
                    {classification.baselines.map((b) => (
                      <TableRow key={b.name}>
                        <TableCell>{baselineLabel(t, b.name, { classText, caseTypeId })}</TableCell>
                        <TableCell align="right">{pct(b.accuracy)}</TableCell>
                      </TableRow>
                    ))}
                  </>
                )}
              </TableBody>
            </Table>
            {classification && (
              <Typography variant="body2" data-testid="model-card-calibration">
                {t('decision.modelCard.calibration', { ece: number(classification.expectedCalibrationError, 3), logLoss: number(classification.logLoss, 3) })}
              </Typography>
            )}
            {classification?.answered && (
              <Typography variant="body2" data-testid="model-card-answered">
                {t('decision.modelCard.answeredClassification', { share: pct(classification.answered.share), accuracy: pct(classification.answered.accuracy), majority: pct(classification.answered.majority) })}
              </Typography>
            )}
            {regression && (
              <Typography variant="body2" data-testid="model-card-coverage">
                {t('decision.modelCard.coverage', {
                  c80: pct(regression.intervals.coverage80),
                  c95: pct(regression.intervals.coverage95),
                  h80: number(regression.intervals.halfWidth80, 2),
                  h95: number(regression.intervals.halfWidth95, 2),
                })}
              </Typography>
            )}
            {regression?.intervals.stratifiedBy && (
              <Typography variant="body2" data-testid="model-card-coverage-strata">
                {t('decision.modelCard.coverageStrata', { title: regression.intervals.stratifiedBy.title, groups: regression.intervals.stratifiedBy.groups })}
              </Typography>
            )}
            {regression?.intervals.normalised && (
              <Typography variant="body2" data-testid="model-card-coverage-normalised">
                {t('decision.modelCard.coverageNormalised', {
                  fit: format.integer(regression.intervals.normalised.fitCases),
                  cal: format.integer(regression.intervals.normalised.calibrationCases),
                  w80: number(regression.intervals.normalised.meanWidth80, 2),
                })}
              </Typography>
            )}
            {regression?.intervals.sides && (
              <Typography variant="body2" data-testid="model-card-coverage-sides">
                {t('decision.modelCard.coverageSides', { below: pct(regression.intervals.sides.missedBelow80), above: pct(regression.intervals.sides.missedAbove80) })}
              </Typography>
            )}
            {regression?.answered && (
              <Typography variant="body2" data-testid="model-card-answered">
                {t('decision.modelCard.answeredRegression', {
                  share: pct(regression.answered.share),
                  mae: number(regression.answered.meanAbsoluteError, 2),
                  median: number(regression.answered.medianError, 2),
                  c80: pct(regression.answered.coverage80),
                })}
              </Typography>
            )}
            {validation.backtest && <ModelCardBacktest backtest={validation.backtest} classText={classText} splitText={split} caseTypeId={caseTypeId} />}
          </Section>
          <Section title={t('decision.modelCard.disparity')}>
            <Typography variant="body2" color="text.secondary">
              {t('decision.modelCard.disparityNote')}
            </Typography>
            {card.disparity.length === 0 && <Typography variant="body2">{t('decision.modelCard.noDisparity')}</Typography>}
            {card.disparity.map((d) => (
              <Table key={d.attribute} size="small" aria-label={fieldLabel(t, caseTypeId, { name: d.attribute, title: d.title })} data-testid={`model-card-disparity-${d.attribute}`}>
                <TableHead>
                  <TableRow>
                    <TableCell>{fieldLabel(t, caseTypeId, { name: d.attribute, title: d.title })}</TableCell>
                    <TableCell align="right">{t('decision.modelCard.groupCases')}</TableCell>
                    {(regression ? ['mae', 'signedError', 'coverage80', 'range'] : ['accuracy', 'range', 'predictedRate', 'actualRate']).map((column) => (
                      <TableCell key={column} align="right">
                        {t(`decision.modelCard.group.${column}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {d.groups.map((g) => (
                    <TableRow key={g.value} data-testid={`model-card-group-${d.attribute}-${g.value}`}>
                      <TableCell>{groupLabel(d.attribute, g)}</TableCell>
                      <TableCell align="right">{format.integer(g.cases)}</TableCell>
                      {(regression
                        ? [num(g.meanAbsoluteError), num(g.meanSignedError), coverageText(g.coverage80, g.cases), rangeText(g.coverage80, g.cases)]
                        : [rate(g.accuracy), rangeText(g.accuracy, g.cases), rate(g.predictedPositiveRate), rate(g.actualPositiveRate)]
                      ).map((text, i) => (
                        <TableCell key={i} align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {text}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ))}
            {card.disparity.length > 0 && (
              <Typography variant="caption" color="text.secondary" data-testid="model-card-range-note">
                {t(regression ? 'decision.modelCard.rangeNoteRegression' : 'decision.modelCard.rangeNoteClassification')}
              </Typography>
            )}
          </Section>
          <Section title={t('decision.modelCard.limitations')}>
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="model-card-limitations">
              {card.limitations.map((l, i) => (
                <li key={i}>
                  <Typography variant="body2">{limitationText(text, l)}</Typography>
                </li>
              ))}
            </ul>
          </Section>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="model-card-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
