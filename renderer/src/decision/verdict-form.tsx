import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, Verdict } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { DayField } from '../common/date-text-field.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { optionLabel, shownUnit } from './decision-text.ts';
import { parseDecimal } from './number-format.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of VerdictForm. */
export interface VerdictFormProps {
  readonly caseId: string;
  readonly caseType: CaseTypeView;
  /** The audit entry of the consultation this verdict follows, when one was made in this session. */
  readonly consultationSeq: number | null;
  /** The article as entered in the facts, if the case type has one. */
  readonly article: string | null;
  /** The case's final verdict when it has one: the form then corrects it by an amendment with a reason. */
  readonly current?: Verdict | null;
  readonly onRecorded: (verdict: Verdict) => void;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The final verdict as the court decided it, entered by the judge or the clerk: the class (e.g. punishment type) and
 * the amount (term, fine) in the unit of the outcome that applies to that class. The service compares it with the
 * consultation it follows and records a discrepancy when it falls outside; the form only reports what was recorded.
 */
export function VerdictForm({ caseId, caseType, consultationSeq, article: initialArticle, current = null, onRecorded }: VerdictFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const classOutcome = caseType.outcomes.find((o) => o.kind === 'classification') ?? null;
  const [cls, setCls] = useState('');
  const [amount, setAmount] = useState('');
  const [article, setArticle] = useState(initialArticle ?? current?.article ?? '');
  const [decidedOn, setDecidedOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [recorded, setRecorded] = useState<Verdict | null>(null);
  const [reason, setReason] = useState('');
  // A case has one final verdict: once it has one, the form corrects it (same consultation), with the reason.
  const amending = current !== null && recorded === null;
  const valueOutcome =
    caseType.outcomes.find((o) => o.kind === 'regression' && (o.when === null || (cls !== '' && o.when.in.includes(cls)))) ?? null;
  const amountUnit = shownUnit(t, valueOutcome?.unit);
  const hasArticle = caseType.fields.some((f) => f.name === 'article');
  const parsed = amount.trim() === '' ? null : parseDecimal(amount);
  const amountBad = amount.trim() !== '' && (parsed === null || parsed < 0);
  const incomplete = (classOutcome !== null && cls === '') || (valueOutcome !== null && parsed === null) || amountBad || decidedOn === '' || (amending && reason.trim() === '');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      // A share of the claim is entered in percent, as the card shows it, and stored as the model's share.
      const outcome = { class: classOutcome ? cls : null, value: valueOutcome && parsed !== null ? parsed / amountUnit.factor : null };
      const decidedAt = new Date(`${decidedOn}T00:00:00.000Z`).toISOString();
      const articleGiven = hasArticle && article.trim() !== '' ? { article: article.trim() } : {};
      const verdict = amending
        ? await call(api, 'verdicts.amend', { verdictId: current.id, reason: reason.trim(), ...articleGiven, outcome, decidedAt })
        : await call(api, 'verdicts.record', { caseId, ...(consultationSeq !== null ? { consultationSeq } : {}), caseType: caseType.id, ...articleGiven, outcome, decidedAt });
      setRecorded(verdict);
      onRecorded(verdict);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} data-testid="verdict-form">
      <Typography variant="body2" color="text.secondary" data-testid="verdict-mode" data-amending={amending}>
        {amending
          ? t('decision.verdict.amending', { seq: current.consultationSeq ?? '—' })
          : consultationSeq !== null
            ? t('decision.verdict.linked', { seq: consultationSeq })
            : t('decision.verdict.unlinked')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {classOutcome && (
          <ChoiceField
            label={t(`decision.outcomes.${classOutcome.name}`, { defaultValue: classOutcome.name })}
            value={cls}
            onChange={setCls}
            choices={classOutcome.classes.map((c) => ({ value: c.value, label: optionLabel(t, caseType.id, classOutcome.field, c.value, c.label) }))}
            empty={{ label: t('decision.verdict.choose'), choosable: true }}
            sx={{ minWidth: 240 }}
            testId="verdict-class"
          />
        )}
        {valueOutcome && (
          <TextField
            label={t('decision.verdict.amount', { unit: amountUnit.unit })}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={amountBad}
            helperText={amountBad ? t('decision.form.problem.number') : undefined}
            slotProps={{ htmlInput: { 'data-testid': 'verdict-value', inputMode: 'decimal', maxLength: 20 } }}
          />
        )}
        {hasArticle && (
          <TextField label={t('decision.verdict.article')} value={article} onChange={(e) => setArticle(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'verdict-article', maxLength: 20 } }} />
        )}
        <DayField label={t('decision.verdict.decidedOn')} value={decidedOn} onChange={setDecidedOn} required testId="verdict-date" />
      </Stack>
      {amending && (
        <TextField
          required
          multiline
          minRows={2}
          label={t('decision.verdict.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'verdict-reason', maxLength: 1000 } }}
        />
      )}
      {error !== null && <ErrorAlert error={error} testId="verdict-error" />}
      <div>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || incomplete} data-testid="verdict-submit">
          {t(amending ? 'decision.verdict.amend' : 'decision.verdict.record')}
        </Button>
      </div>
      {recorded && (
        <Alert severity={recorded.discrepancy ? 'info' : 'success'} data-testid="verdict-result" data-discrepancy={recorded.discrepancy?.kind ?? 'none'}>
          {recorded.discrepancy
            ? t(`decision.verdict.discrepancy.${recorded.discrepancy.kind}`)
            : t(recorded.consultationSeq !== null ? 'decision.verdict.noDiscrepancy' : 'decision.verdict.recordedUnlinked')}
          <div>
            <Button size="small" onClick={() => setRecorded(null)} data-testid="verdict-correct" sx={{ mt: 1 }}>
              {t('decision.verdict.correct')}
            </Button>
          </div>
        </Alert>
      )}
    </Stack>
  );
}
