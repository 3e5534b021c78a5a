import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { shareOfClaimUnit, type Answered, type Consultation, type RegressionAnswered } from '../../../main/contract/index.ts';
import { abstentionText, optionLabel, unitLabel, type FieldIndex } from './decision-text.ts';
import { useNumberText } from './number-format.ts';
import { RangeBar } from './range-bar.tsx';
import { AwardEstimate } from './award-estimate.tsx';

/** Props of PredictionCard. */
export interface PredictionCardProps {
  readonly consultation: Consultation;
  readonly fields: FieldIndex;
  /** The outcome field the classes belong to, for their translated labels. */
  readonly classField: string | null;
  /** Set when this outcome applies only to some classes of another (a term only to a custodial punishment). */
  readonly condition?: OutcomeCondition | null;
  /** The model card's figures on the held-out cases the model answered, when it has them. */
  readonly heldOut?: RegressionAnswered | Answered | null;
}

/** How a conditional estimate relates to the model of the outcome it depends on. */
export interface OutcomeCondition {
  /** The labels of the classes the estimate applies to. */
  readonly classes: readonly string[];
  /** The other model's probability of those classes together, when it was consulted. */
  readonly probability: number | null;
  /** The other model's most probable class (label), when it was consulted. */
  readonly mostLikely: string | null;
  /** Whether that most probable class is one of `classes`. */
  readonly mostLikelyApplies: boolean;
  /** Whether the classes are the custodial punishments (a term of imprisonment, restriction of freedom, suspended). */
  readonly custodial: boolean;
  /** Whether the classes are a claim's satisfaction in full or in part (an award applies only to a satisfied claim). */
  readonly claimSatisfied?: boolean;
}

/** The translation keys of a condition's note: the estimate's condition, and what the other model gave it. */
function conditionKeys(condition: OutcomeCondition): { lead: string; likely: string; unlikely: string } {
  if (condition.claimSatisfied) return { lead: 'decision.card.conditionalSatisfied', likely: 'decision.card.satisfiedLikely', unlikely: 'decision.card.satisfiedUnlikely' };
  return { lead: condition.custodial ? 'decision.card.conditionalCustodial' : 'decision.card.conditional', likely: 'decision.card.conditionLikely', unlikely: 'decision.card.conditionUnlikely' };
}

/** The notice every prediction of a model trained on generated cases carries. */
export function SyntheticNotice() {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" icon={<ScienceOutlinedIcon />} data-testid="synthetic-notice">
      {t('decision.synthetic.notice')}
    </Alert>
  );
}

/**
 * What the model estimated for this case: the referral to human review first when the model abstains, the notice
 * for synthetic training data, then the class probabilities or the estimated term on the lawful range with its
 * intervals. The wording reports the model's output; it never says what the verdict should be.
 */
export function PredictionCard({ consultation: c, fields, classField, condition = null, heldOut = null }: PredictionCardProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  const unit = unitLabel(t, c.unit);
  const lawful = c.bounds?.lawfulRange ?? null;
  const range: [number, number] | null = lawful
    ? [lawful.min, lawful.max]
    : c.interval95
      ? [Math.min(0, c.interval95[0]), Math.max(c.interval95[1], c.value ?? 0)]
      : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="prediction-card" data-referred={c.abstention.refer}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h3">
            {t('decision.card.title', { outcome: t(`decision.outcomes.${c.outcome}`, { defaultValue: c.outcome }) })}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="prediction-audit-seq">
            {t('decision.card.audit', { seq: c.auditSeq, model: c.model.sha256.slice(0, 12) })}
          </Typography>
        </Stack>
        {c.abstention.refer && (
          // The judge is the human the case is referred to: a neutral statement that the estimate is withheld, and why.
          <Alert severity="info" variant="outlined" data-testid="referral">
            <AlertTitle>{t('decision.abstention.title')}</AlertTitle>
            <Typography variant="body2">{t('decision.abstention.lead')}</Typography>
            <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
              {c.abstention.reasons.map((reason, i) => (
                <li key={i} data-testid={`referral-reason-${reason.code}`}>
                  {abstentionText(t, fields, reason, (n) => number(n, 2))}
                </li>
              ))}
            </Box>
          </Alert>
        )}
        {condition && (
          <Alert severity="info" icon={false} data-testid="conditional-estimate">
            {t(conditionKeys(condition).lead, { classes: condition.classes.join(', ') })}
            {condition.probability !== null && condition.mostLikely !== null && (
              <>
                {' '}
                {t(condition.mostLikelyApplies ? conditionKeys(condition).likely : conditionKeys(condition).unlikely, {
                  probability: number(condition.probability * 100, 1),
                  mostLikely: condition.mostLikely,
                })}
              </>
            )}
          </Alert>
        )}
        {c.synthetic && <SyntheticNotice />}
        {!c.abstention.refer && c.kind === 'classification' && c.probabilities && (
          <Stack spacing={1} data-testid="probabilities" aria-label={t('decision.card.probabilities')} role="list">
            <Typography variant="subtitle2" color="text.secondary">
              {t('decision.card.probabilities')}
            </Typography>
            {c.probabilities.map((p) => (
              <Box key={p.value} role="listitem" data-testid={`probability-${p.value}`} data-probability={p.probability}>
                <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                  <Typography variant="body2">{classField ? optionLabel(t, fields.caseTypeId, classField, p.value, p.label) : p.label}</Typography>
                  <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('decision.card.percent', { value: number(p.probability * 100, 1) })}
                  </Typography>
                </Stack>
                <LinearProgress variant="determinate" value={p.probability * 100} aria-hidden sx={{ height: 8, borderRadius: 1 }} />
              </Box>
            ))}
          </Stack>
        )}
        {!c.abstention.refer && c.kind === 'regression' && c.value !== undefined && c.unit === shareOfClaimUnit && <AwardEstimate consultation={c} limits={c.awardLimits ?? null} />}
        {!c.abstention.refer && c.kind === 'regression' && c.value !== undefined && c.unit !== shareOfClaimUnit && (
          <Stack spacing={1}>
            <Typography variant="body1" data-testid="predicted-value">
              {t('decision.card.estimate', { value: number(c.value, 1), unit })}
            </Typography>
            {c.interval80 && c.interval95 && (
              <Typography variant="body2" color="text.secondary" data-testid="predicted-intervals">
                {t('decision.card.intervals', { low80: number(c.interval80[0], 1), high80: number(c.interval80[1], 1), low95: number(c.interval95[0], 1), high95: number(c.interval95[1], 1), unit })}
              </Typography>
            )}
            {range && (
              <RangeBar range={range} value={c.value} interval80={c.interval80 ?? null} interval95={c.interval95 ?? null} unit={unit} lawful={lawful !== null} number={(n) => number(n, 1)} />
            )}
            {!lawful && (
              <Typography variant="caption" color="text.secondary">
                {t('decision.card.noLawfulRange')}
              </Typography>
            )}
          </Stack>
        )}
        {/* Last, under the probabilities or the estimate: what the held-out cases say of an answer like this one. */}
        {!c.abstention.refer && heldOut && <HeldOutCheck answered={heldOut} />}
      </Stack>
    </Paper>
  );
}

// Below this, the card's answered cases were covered clearly less often than the 80 % the interval states.
const undercoverage = 0.75;
// Less than this over always naming the most common outcome is no clear gain (the bar for a model: 2 points).
const clearGain = 0.02;

/**
 * What the model card found on the held-out cases the model answered, under an answer: how often the 80 % interval held
 * (a term, an amount) or the most probable outcome was right beside the most common one (a class); a warning where that
 * fell clearly short, since this is what the judge may expect of the answer shown.
 */
function HeldOutCheck({ answered }: { readonly answered: RegressionAnswered | Answered }) {
  const { t } = useTranslation();
  const number = useNumberText();
  const percent = (v: number) => t('decision.card.percent', { value: number(v * 100, 1) });
  const interval = 'coverage80' in answered;
  const testId = interval ? 'held-out-coverage' : 'held-out-accuracy';
  const text = interval
    ? t('decision.card.heldOutCoverage', { share: percent(answered.share), c80: percent(answered.coverage80) })
    : t('decision.card.heldOutAccuracy', { share: percent(answered.share), accuracy: percent(answered.accuracy), majority: percent(answered.majority) });
  const warning = interval
    ? answered.coverage80 < undercoverage && t('decision.card.heldOutCoverageShort')
    : answered.accuracy - answered.majority < clearGain && t('decision.card.heldOutAccuracyShort');
  if (warning) {
    return (
      <Alert severity="warning" data-testid={testId} data-short>
        {text} {warning}
      </Alert>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" data-testid={testId} data-short={false}>
      {text}
    </Typography>
  );
}
