import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AwardLimits, Consultation } from '../../../main/contract/index.ts';
import { useNumberText } from './number-format.ts';
import { RangeBar } from './range-bar.tsx';

/** Props of AwardEstimate. */
export interface AwardEstimateProps {
  readonly consultation: Consultation;
  /** The claim's lawful limits (the service sends them with every award estimate of a contract claim). */
  readonly limits: AwardLimits | null;
}

/**
 * An award estimated as a share of the claim: the share as a percentage and, the claim being known, in tenge; its 80%
 * and 95% intervals; the bar on the lawful range (nothing to the claim less what was paid after filing); and what
 * Civil Code art. 297 allows where a penalty is claimed: a reduction of the penalty only, and only on the debtor's
 * demand. The wording reports the model's output; it never says what should be awarded.
 */
export function AwardEstimate({ consultation: c, limits }: AwardEstimateProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  if (c.value === undefined) return null;
  const percent = (share: number) => number(share * 100, 1);
  const tenge = (share: number) => (limits ? number(Math.round(share * limits.claimKzt), 0) : null);
  // An estimate in tenge is no finer than the percentage it comes from (0.1 % of the claim): 1 708 000, not 1 708 291.
  const step = limits ? 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, limits.claimKzt / 1000)))) : 1;
  const estimatedTenge = (share: number) => (limits ? number(Math.round((share * limits.claimKzt) / step) * step, 0) : null);
  const max = limits?.lawfulRange.max ?? 1;
  const value = c.value;
  return (
    <Stack spacing={1} data-testid="award-estimate">
      <Typography variant="body1" data-testid="predicted-value">
        {limits ? t('decision.award.estimate', { percent: percent(value), amount: estimatedTenge(value) }) : t('decision.award.estimateShare', { percent: percent(value) })}
      </Typography>
      {c.interval80 && c.interval95 && (
        <Typography variant="body2" color="text.secondary" data-testid="predicted-intervals">
          {t('decision.award.intervals', { low80: percent(c.interval80[0]), high80: percent(c.interval80[1]), low95: percent(c.interval95[0]), high95: percent(c.interval95[1]) })}
          {limits && (
            <>
              {' '}
              {t('decision.award.intervalAmounts', { low80: estimatedTenge(c.interval80[0]), high80: estimatedTenge(c.interval80[1]) })}
            </>
          )}
        </Typography>
      )}
      <RangeBar
        range={[0, max * 100]}
        value={value * 100}
        interval80={c.interval80 ? [c.interval80[0] * 100, c.interval80[1] * 100] : null}
        interval95={c.interval95 ? [c.interval95[0] * 100, c.interval95[1] * 100] : null}
        unit="%"
        lawful={limits !== null}
        number={(n) => number(n, 1)}
      />
      {limits && (
        <Typography variant="body2" color="text.secondary" data-testid="award-lawful">
          {limits.paidKzt > 0
            ? t('decision.award.lawfulPaid', { paid: number(limits.paidKzt, 0), max: percent(max), amount: tenge(max) })
            : t('decision.award.lawful', { amount: number(limits.claimKzt, 0) })}
        </Typography>
      )}
      {limits && limits.penaltyReduction && (
        <Alert severity="info" icon={false} data-testid="award-penalty-reduction">
          {t('decision.award.penaltyReduction', {
            penalty: number(limits.penaltyKzt, 0),
            share: percent(limits.penaltyReduction.penaltyShare),
            floor: percent(limits.penaltyReduction.floorShare),
            floorAmount: tenge(limits.penaltyReduction.floorShare),
          })}
        </Alert>
      )}
      {limits && !limits.penaltyReduction && limits.penaltyKzt > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="award-penalty-no-demand">
          {t('decision.award.penaltyNoDemand', { penalty: number(limits.penaltyKzt, 0) })}
        </Typography>
      )}
    </Stack>
  );
}
