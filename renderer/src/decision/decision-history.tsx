import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, PastConsultation, Verdict } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { amountText, optionLabel, shownUnit } from './decision-text.ts';
import { useNumberText } from './number-format.ts';

/** Props of DecisionHistory. */
export interface DecisionHistoryProps {
  readonly consultations: readonly PastConsultation[];
  readonly verdicts: readonly Verdict[];
  readonly caseTypes: readonly CaseTypeView[];
}

/** A verdict's or consultation's outcome in words: the class's label and the amount in its unit. */
function useOutcomeText(caseTypes: readonly CaseTypeView[]) {
  const { t } = useTranslation();
  const number = useNumberText();
  // A consultation names its outcome; a verdict's amount is in the unit of the outcome that applies to its class.
  const unitOf = (caseTypeId: string, cls: string | null, outcomeName?: string) =>
    caseTypes
      .find((c) => c.id === caseTypeId)
      ?.outcomes.find((o) => (o.kind !== 'regression' ? false : outcomeName !== undefined ? o.name === outcomeName : o.when === null || (cls !== null && o.when.in.includes(cls))))?.unit ?? null;
  const text = (caseTypeId: string, cls: string | null, value: number | null, outcomeName?: string) => {
    const classOutcome = caseTypes.find((c) => c.id === caseTypeId)?.outcomes.find((o) => o.kind === 'classification');
    const parts: string[] = [];
    if (cls !== null) parts.push(classOutcome ? optionLabel(t, caseTypeId, classOutcome.field, cls, classOutcome.classes.find((c) => c.value === cls)?.label) : cls);
    if (value !== null) parts.push(amountText(t, unitOf(caseTypeId, cls, outcomeName), value, (n) => number(n, 1)));
    return parts.join(', ') || '—';
  };
  /** An interval's end in the unit's reading (a share of the claim in percent). */
  const bound = (caseTypeId: string, outcomeName: string, value: number) => number(value * shownUnit(t, unitOf(caseTypeId, null, outcomeName)).factor, 1);
  return { text, bound };
}

/**
 * What a reopened case already holds: the consultations made for it (from the audit log) and its verdicts, the final
 * one first and each amended one with the reason it was corrected.
 */
export function DecisionHistory({ consultations, verdicts, caseTypes }: DecisionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const outcome = useOutcomeText(caseTypes);
  if (consultations.length === 0 && verdicts.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="decision-history-empty">
        {t('decision.history.empty')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} data-testid="decision-history">
      {verdicts.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{t('decision.history.verdicts')}</Typography>
          {verdicts.map((v) => (
            <Stack key={v.id} spacing={0.5} data-testid={`past-verdict-${v.supersededBy ? 'amended' : 'final'}`} sx={{ opacity: v.supersededBy ? 0.75 : 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip size="small" color={v.supersededBy ? 'default' : 'primary'} label={t(v.supersededBy ? 'decision.history.replaced' : 'decision.history.final')} />
                <Typography variant="body2">
                  {t('decision.history.verdict', { outcome: outcome.text(v.caseType, v.outcome.class, v.outcome.value), decided: v.decidedAt.slice(0, 10), by: v.enteredBy })}
                </Typography>
              </Stack>
              {v.amends && (
                <Typography variant="body2" color="text.secondary" data-testid="past-verdict-reason">
                  {t('decision.history.amendment', { reason: v.amendmentReason ?? '' })}
                </Typography>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      {consultations.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{t('decision.history.consultations')}</Typography>
          <Table size="small" data-testid="past-consultations" aria-label={t('decision.history.consultations')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('decision.history.at')}</TableCell>
                <TableCell>{t('decision.history.by')}</TableCell>
                <TableCell>{t('decision.history.outcome')}</TableCell>
                <TableCell>{t('decision.history.estimate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {consultations.map((c) => (
                <TableRow key={c.auditSeq} data-testid="past-consultation">
                  <TableCell>{format.dateTime(c.at)}</TableCell>
                  <TableCell>{c.consultedBy ?? '—'}</TableCell>
                  <TableCell>{t(`decision.outcomes.${c.outcome}`, { defaultValue: c.outcome })}</TableCell>
                  <TableCell>
                    {c.referred
                      ? t('decision.history.withheld')
                      : c.interval80
                        ? t('decision.history.interval', { value: outcome.text(c.caseType, null, c.value, c.outcome), low: outcome.bound(c.caseType, c.outcome, c.interval80[0]), high: outcome.bound(c.caseType, c.outcome, c.interval80[1]) })
                        : outcome.text(c.caseType, c.predictedClass, c.value, c.outcome)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
