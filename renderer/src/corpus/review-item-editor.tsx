import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseTypeView, ReviewItemSchema } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormSubmit } from '../common/form-dialog.tsx';
import { fieldLabel, indexFields, optionLabel, valueText } from '../decision/decision-text.ts';
import { draftCorrected, draftOf, draftProblem, draftValue, type FactDraft } from './fact-drafts.ts';
import { HighlightedText } from './highlighted-text.tsx';
import { DataTable } from '../common/data-table.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

/** A decision text waiting for a clerk. */
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** Props of ReviewItemEditor. */
export interface ReviewItemEditorProps {
  readonly item: ReviewItem;
  /** The item's case type, for field titles and the choices of a categorical value; null shows values as plain text. */
  readonly caseType: CaseTypeView | null;
  /** Called once the decision is stored (accepted into the corpus or rejected). */
  readonly onDecided: (stored: boolean) => void;
}

/**
 * One queued decision: its anonymised text with the span of the chosen field marked, and every value read from it
 * with its confidence, for the clerk to confirm or correct before accepting it into the corpus (or rejecting it).
 */
export function ReviewItemEditor({ item, caseType, onDecided }: ReviewItemEditorProps) {
  const { t } = useTranslation();
  const api = useApi();
  const names = Object.keys(item.proposed);
  const [drafts, setDrafts] = useState<Readonly<Record<string, FactDraft>>>(() => Object.fromEntries(names.map((name) => [name, draftOf(item.proposed[name]!.value)])));
  const [selected, setSelected] = useState<string | null>(names[0] ?? null);
  const [court, setCourt] = useState(item.court);
  const [caseNumber, setCaseNumber] = useState('');
  const problems = Object.fromEntries(names.map((name) => [name, draftProblem(drafts[name]!)]));
  const send = async (decision: 'accepted' | 'rejected') => {
    const facts = Object.fromEntries(names.map((name) => [name, draftValue(drafts[name]!)]));
    const number = caseNumber.trim();
    const { stored } = await call(api, 'corpus.review', {
      reviewId: item.id,
      caseType: item.caseType,
      decision,
      ...(decision === 'accepted' ? { facts, court: court.trim(), ...(number !== '' ? { caseNumber: number } : {}) } : {}),
    });
    onDecided(stored);
  };
  const form = useFormSubmit({ invalid: Object.values(problems).some((p) => p !== null) || court.trim() === '', action: () => send('accepted') });
  // Rejecting needs no valid values: a text that cannot be read right is rejected as it stands.
  const rejecting = useFormSubmit({ invalid: false, action: () => send('rejected') });
  const busy = form.busy || rejecting.busy;
  const error = form.error ?? rejecting.error;
  // A field the service asked about: its name opens one of the reasons it gave for holding the decision back.
  const doubtful = (name: string) => item.details.some((reason) => reason.params.field === name);
  const span = selected !== null ? item.proposed[selected] ?? null : null;
  // The allowed values of a field (an input's options, or an outcome's classes) with their schema labels.
  const choicesOf = (name: string): { value: string; label: string }[] => {
    const field = caseType?.fields.find((f) => f.name === name);
    if (field && field.kind === 'categorical' && field.options.length > 0) return field.options.map((value) => ({ value, label: optionLabel(t, item.caseType, name, value, field.labels[value]) }));
    const outcome = caseType?.outcomes.find((o) => o.field === name && o.kind === 'classification');
    return outcome ? outcome.classes.map((c) => ({ value: c.value, label: optionLabel(t, item.caseType, name, c.value, c.label) })) : [];
  };
  // A value the clerk keeps as read: a checklist's items in the user's words, never their codes.
  const fields = indexFields(caseType, item.caseType);
  const fixedText = (name: string, value: unknown): string =>
    Array.isArray(value) && value.every((v): v is string => typeof v === 'string') ? valueText(t, fields, name, value, String) : JSON.stringify(value);
  const edit = (name: string, draft: FactDraft) => setDrafts((previous) => ({ ...previous, [name]: draft }));

  return (
    <Stack spacing={2} data-testid={`review-item-${item.id}`}>
      <Typography variant="subtitle1">{t('corpus.review.itemTitle', { file: item.fileName, caseType: t(`decisionSchema.${item.caseType}.title`, { defaultValue: item.caseType }) })}</Typography>
      <HighlightedText text={item.text} span={span} testId="review-text" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField
          label={t('corpus.review.court')}
          value={court}
          onChange={(event) => setCourt(event.target.value)}
          error={form.checked && court.trim() === ''}
          helperText={form.checked && court.trim() === '' ? t('corpus.review.courtMissing') : item.court === '' ? t('corpus.review.courtNotFound') : null}
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'review-court' } }}
        />
        <TextField
          label={t('corpus.review.caseNumber')}
          value={caseNumber}
          onChange={(event) => setCaseNumber(event.target.value)}
          helperText={t('corpus.review.caseNumberHint')}
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': 'review-case-number' } }}
        />
      </Stack>
      <DataTable
        columns={[
          t('corpus.review.field'),
          t('corpus.review.value'),
          { label: t('corpus.review.confidence'), align: 'right' },
          {},
        ]}
        label={t('corpus.review.fields')}
      >
        {names.map((name) => {
          const draft = drafts[name]!;
          const fact = item.proposed[name]!;
          // A value outside the schema (the court) is named by the corpus's own words, as the reasons name it.
          const label = fieldLabel(t, item.caseType, { name, title: caseType?.fields.find((f) => f.name === name)?.title ?? t(`corpus.fieldNames.${name}`, { defaultValue: name }) });
          const choices = draft.kind === 'text' ? choicesOf(name) : [];
          return (
            <TableRow key={name} selected={name === selected} data-testid={`review-field-${name}`}>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{label}</span>
                  {doubtful(name) && <Chip size="small" color="warning" label={t('corpus.review.doubtful')} />}
                  {draftCorrected(draft) && <Chip size="small" color="info" label={t('corpus.review.corrected')} />}
                </Stack>
              </TableCell>
              <TableCell>
                {draft.kind === 'flag' ? (
                  <Switch checked={draft.value} onChange={(event) => edit(name, { ...draft, value: event.target.checked })} onFocus={() => setSelected(name)} slotProps={{ input: { 'aria-label': label, 'data-testid': `review-value-${name}` } as object }} />
                ) : draft.kind === 'fixed' ? (
                  <Typography variant="body2" data-testid={`review-fixed-${name}`}>
                    {fixedText(name, draft.original)}
                  </Typography>
                ) : draft.kind === 'text' && choices.length > 0 ? (
                  <ChoiceField
                    size="small"
                    value={draft.text}
                    onChange={(text) => edit(name, { ...draft, text })}
                    onFocus={() => setSelected(name)}
                    // A value read that the schema does not list stays choosable, so the clerk sees what was read.
                    choices={[...(choices.some((c) => c.value === draft.original) ? [] : [{ value: draft.original, label: draft.original }]), ...choices]}
                    error={form.shown(problems[name] ?? null)}
                    ariaLabel={label}
                    testId={`review-value-${name}`}
                  />
                ) : (
                  <TextField
                    size="small"
                    value={draft.text}
                    onChange={(event) => edit(name, { ...draft, text: event.target.value })}
                    onFocus={() => setSelected(name)}
                    error={form.shown(problems[name] ?? null) !== null}
                    helperText={form.shown(problems[name] ?? null)}
                    slotProps={{ htmlInput: { 'aria-label': label, 'data-testid': `review-value-${name}` } }}
                  />
                )}
              </TableCell>
              <TableCell align="right">{t('corpus.review.percent', { value: Math.round(fact.confidence * 100) })}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setSelected(name)} disabled={fact.end <= fact.start} data-testid={`review-show-${name}`}>
                  {t('corpus.review.showInText')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
              </DataTable>
      {error !== null && <ErrorAlert error={error} testId="review-error" />}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => void form.submit()} disabled={busy} data-testid="review-accept">
          {t('corpus.review.accept')}
        </Button>
        <Button color="error" onClick={() => void rejecting.submit()} disabled={busy} data-testid="review-reject">
          {t('corpus.review.reject')}
        </Button>
      </Stack>
    </Stack>
  );
}
