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
import { amountText, optionLabel } from './decision-text.ts';
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
  return (caseTypeId: string, cls: string | null, value: number | null, outcomeName?: string) => {
    const caseType = caseTypes.find((c) => c.id === caseTypeId);
    const classOutcome = caseType?.outcomes.find((o) => o.kind === 'classification');
    // A consultation names its outcome; a verdict's amount is in the unit of the outcome that applies to its class.
    const valueOutcome = caseType?.outcomes.find((o) =>
      o.kind !== 'regression' ? false : outcomeName !== undefined ? o.name === outcomeName : o.when === null || (cls !== null && o.when.in.includes(cls)),
    );
    const parts: string[] = [];
    if (cls !== null) parts.push(classOutcome ? optionLabel(t, caseTypeId, classOutcome.field, cls, classOutcome.classes.find((c) => c.value === cls)?.label) : cls);
    if (value !== null) parts.push(amountText(t, valueOutcome?.unit ?? null, value, (n) => number(n, 1)));
    return parts.join(', ') || '—';
  };
}

/**
 * What a reopened case already holds: the consultations made for it (from the audit log) and its verdicts, the final
 * one first and each amended one with the reason it was corrected.
 */
export function DecisionHistory({ consultations, verdicts, caseTypes }: DecisionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const number = useNumberText();
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
                  {t('decision.history.verdict', { outcome: outcome(v.caseType, v.outcome.class, v.outcome.value), decided: v.decidedAt.slice(0, 10), by: v.enteredBy })}
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
                        ? t('decision.history.interval', { value: outcome(c.caseType, null, c.value, c.outcome), low: number(c.interval80[0], 1), high: number(c.interval80[1], 1) })
                        : outcome(c.caseType, c.predictedClass, c.value, c.outcome)}
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
