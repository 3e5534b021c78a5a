/**
 * The judge's question box: a plain-language question (Russian, Kazakh or English) answered with the case type, the
 * articles and parts from the legal-acts store, and the facts the question states, each shown with the words it came
 * from highlighted. Nothing enters the facts form until the judge ticks a fact and accepts.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { enteredFields, type FormValue } from './facts-state.ts';
import { fieldLabel, indexFields, valueText, type FactValue } from './decision-text.ts';
import { useNumberText } from './number-format.ts';

type Answer = ResponseOf<'questions.ask'>;
type AnswerFact = Answer['facts'][number];

/** A proposed value as the facts form holds it (text, a choice, or ticked items). */
export function formValueOf(value: unknown): FormValue | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return null;
}

/** The question with one span marked. */
function Quoted({ text, span }: { text: string; span: { start: number; end: number } }) {
  return (
    <Typography variant="body2" component="span" color="text.secondary">
      {text.slice(Math.max(0, span.start - 30), span.start)}
      <mark data-testid="fact-source">{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end, span.end + 30)}
    </Typography>
  );
}

/** Props of QuestionBox. */
export interface QuestionBoxProps {
  /** The facts form the accepted values go into (only its fields are offered). */
  readonly caseType: CaseTypeView;
  readonly onAccept: (values: ReadonlyArray<readonly [string, FormValue]>) => void;
  readonly disabled?: boolean;
}

/** The question box above the facts form. */
export function QuestionBox({ caseType, onAccept, disabled }: QuestionBoxProps) {
  const { t } = useTranslation();
  const api = useApi();
  const number = useNumberText();
  const fields = indexFields(caseType, caseType.id);
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formFields = new Set(enteredFields(caseType).map((f) => f.name));
  const offered: Array<[number, AnswerFact]> = (answer?.facts ?? []).map((f, i): [number, AnswerFact] => [i, f]).filter(([, f]) => formFields.has(f.field) && formValueOf(f.value) !== null);

  const ask = async () => {
    if (question.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      setAnswer(await call(api, 'questions.ask', { question }));
      setTicked(new Set());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const accept = () => {
    onAccept(offered.filter(([i]) => ticked.has(i)).map(([, f]) => [f.field, formValueOf(f.value)!] as const));
    setTicked(new Set());
  };

  return (
    <Stack spacing={1} data-testid="question-box">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('decision.question.label')}
          helperText={t('decision.question.languages')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          multiline
          minRows={1}
          fullWidth
          size="small"
          disabled={disabled || busy}
          slotProps={{ htmlInput: { 'data-testid': 'question-input', maxLength: 2000 } }}
        />
        <Button variant="outlined" onClick={() => void ask()} disabled={disabled || busy || question.trim() === ''} data-testid="question-ask">
          {t('decision.question.ask')}
        </Button>
      </Stack>
      {error !== null && <ErrorAlert error={error} testId="question-error" />}
      {answer && (
        <Stack spacing={1} data-testid="question-answer">
          <Typography variant="body2">
            {answer.caseType ? t('decision.question.caseType', { id: t(`decisionSchema.${answer.caseType}.title`, { defaultValue: answer.caseType }) }) : t('decision.question.noCaseType')}
          </Typography>
          {answer.articles.slice(0, 3).map((a) => (
            <Typography key={`${a.code}:${a.article}`} variant="body2" data-testid="question-article">
              <strong>{t('decision.question.article', { article: a.article, part: a.part || '—', code: t(`decision.question.codes.${a.code}`, { defaultValue: a.code }) })}</strong> {a.heading}: {a.text.slice(0, 240)}
            </Typography>
          ))}
          {offered.length > 0 ? (
            <>
              <Typography variant="body2">{t('decision.question.factsIntro')}</Typography>
              {offered.map(([i, f]) => (
                <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <FormControlLabel
                    control={<Checkbox checked={ticked.has(i)} onChange={(e) => setTicked((s) => { const next = new Set(s); if (e.target.checked) next.add(i); else next.delete(i); return next; })} slotProps={{ input: { 'aria-label': f.field } }} data-testid={`question-fact-${f.field}`} />}
                    label={`${fields.byName.has(f.field) ? fieldLabel(t, caseType.id, fields.byName.get(f.field)!) : f.field}: ${valueText(t, fields, f.field, f.value as FactValue, (n) => number(n, 2))}`}
                  />
                  <Quoted text={answer.question} span={f.span} />
                </Stack>
              ))}
              <div>
                <Button variant="contained" size="small" onClick={accept} disabled={ticked.size === 0} data-testid="question-accept">
                  {t('decision.question.accept', { count: ticked.size })}
                </Button>
              </div>
            </>
          ) : (
            <Alert severity="info">{t('decision.question.noFacts')}</Alert>
          )}
          {/* Labels carry commas ("Сумма иска, тенге"): semicolons keep the missing facts apart. */}
          {answer.missing.length > 0 && (
            <Typography variant="body2" color="text.secondary" data-testid="question-missing">
              {t('decision.question.missing', { fields: answer.missing.map((m) => (fields.byName.has(m) ? fieldLabel(t, caseType.id, fields.byName.get(m)!) : m)).join('; ') })}
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}
