/**
 * "Fill from a document": the facts an indictment, claim or decision of the case states, read from its recognised
 * text, each shown in its sentence with the words it came from marked, on which page and how sure the reading is,
 * and highlighted on the page image (the fact shown there is chosen per fact).
 * Nothing enters the facts form until the judge ticks a fact and accepts; accepted facts keep their document as
 * their source, which the consultation's audit entry records.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, FactSource, ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { DocumentPageImage } from '../evidence/document-page-image.tsx';
import { fieldLabel, indexFields, valueText, type FactValue } from './decision-text.ts';
import { isEntered, type FormValue } from './facts-state.ts';
import { useNumberText } from './number-format.ts';
import { formValueOf } from './question-box.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

type Proposed = ResponseOf<'documents.facts'>;

/** A value accepted into the form, with where it came from. */
export type SourcedValue = readonly [field: string, value: FormValue, source: FactSource];

/** Props of DocumentFill. */
export interface DocumentFillProps {
  readonly caseId: string;
  readonly caseType: CaseTypeView;
  readonly onAccept: (values: readonly SourcedValue[]) => void;
  readonly disabled?: boolean;
}

/** Proposes facts from the case's recognised documents for the judge to accept into the facts form. */
export function DocumentFill({ caseId, caseType, onAccept, disabled }: DocumentFillProps) {
  const { t } = useTranslation();
  const api = useApi();
  const number = useNumberText();
  const documents = useLoaded(useCallback(() => call(api, 'documents.list', { caseId }), [api, caseId]));
  const [chosen, setChosen] = useState<string>('');
  const [proposed, setProposed] = useState<Proposed | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [shown, setShown] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = documents.value ?? [];
  const evidenceId = chosen || list[0]?.evidenceId || '';
  const fields = indexFields(caseType, caseType.id);
  const offered = (proposed?.facts ?? []).map((f, i) => [i, f] as const).filter(([, f]) => isEntered(fields.byName.get(f.field)) && formValueOf(f.value) !== null);

  if (documents.error !== null) return <ErrorAlert error={documents.error} testId="document-fill-error" />;
  if (list.length === 0) {
    return documents.value ? (
      <Typography variant="body2" color="text.secondary" data-testid="document-fill-none">
        {t('decision.documentFill.none')}
      </Typography>
    ) : null;
  }

  const read = async () => {
    setBusy(true);
    setError(null);
    try {
      setProposed(await call(api, 'documents.facts', { evidenceId, caseType: caseType.id }));
      setTicked(new Set());
      setShown(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const accept = () => {
    if (!proposed) return;
    const source: FactSource = { kind: 'document', evidenceId: proposed.evidenceId, textSha256: proposed.textSha256 };
    onAccept(offered.filter(([i]) => ticked.has(i)).map(([, f]) => [f.field, formValueOf(f.value)!, source] as const));
    setTicked(new Set());
  };

  // The fact highlighted on the page image: the one the judge chose, else the first proposed.
  const pictured = offered.find(([i]) => i === shown) ?? offered[0];

  const toggle = (i: number, on: boolean) =>
    setTicked((s) => {
      const next = new Set(s);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });

  return (
    <Stack spacing={1} data-testid="document-fill">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ChoiceField
          size="small"
          label={t('decision.documentFill.document')}
          value={evidenceId}
          onChange={(id) => {
            setChosen(id);
            setProposed(null);
          }}
          choices={list.map((d) => ({ value: d.evidenceId, label: t('decision.documentFill.option', { file: d.fileName, count: d.pages }) }))}
          disabled={disabled || busy}
          sx={{ minWidth: 280 }}
          testId="document-fill-choice"
        />
        <Button variant="outlined" onClick={() => void read()} disabled={disabled || busy || evidenceId === ''} data-testid="document-fill-read">
          {t('decision.documentFill.read')}
        </Button>
      </Stack>
      {error !== null && <ErrorAlert error={error} testId="document-fill-read-error" />}
      {proposed &&
        (offered.length === 0 ? (
          <Alert severity="info" data-testid="document-fill-nothing">
            {t('decision.documentFill.nothing')}
          </Alert>
        ) : (
          <Stack spacing={1} data-testid="document-fill-facts">
            <Typography variant="body2">{t('decision.documentFill.intro')}</Typography>
            {offered.map(([i, f]) => {
              const field = fields.byName.get(f.field)!;
              return (
                <Stack key={i} spacing={0.25} data-testid={`document-fact-${f.field}`}>
                  <FormControlLabel
                    control={<Checkbox checked={ticked.has(i)} onChange={(e) => toggle(i, e.target.checked)} slotProps={{ input: { 'aria-label': fieldLabel(t, caseType.id, field) } }} data-testid={`document-fact-tick-${f.field}`} />}
                    label={`${fieldLabel(t, caseType.id, field)}: ${valueText(t, fields, f.field, f.value as FactValue, (n) => number(n, 2))}`}
                  />
                  <Typography variant="body2" color="text.secondary" sx={{ pl: 4 }}>
                    {t('decision.documentFill.where', { page: f.page, confidence: Math.round(f.confidence * 100) })} «…{f.before}
                    <mark data-testid="document-fact-source">{f.quote}</mark>
                    {f.after}…»
                    {f.boxes.length > 0 && (
                      <Button size="small" onClick={() => setShown(i)} disabled={pictured?.[0] === i} sx={{ ml: 1 }} data-testid={`document-fact-show-${f.field}`}>
                        {t('decision.documentFill.showOnPage')}
                      </Button>
                    )}
                  </Typography>
                </Stack>
              );
            })}
            {pictured && pictured[1].boxes.length > 0 && (
              <Stack spacing={0.5} data-testid="document-fill-page">
                <Typography variant="caption" color="text.secondary">
                  {t('decision.documentFill.onPage', { field: fieldLabel(t, caseType.id, fields.byName.get(pictured[1].field)!), page: pictured[1].page })}
                </Typography>
                <DocumentPageImage evidenceId={proposed.evidenceId} page={pictured[1].page} boxes={pictured[1].boxes} mark="fact" width={520} />
              </Stack>
            )}
            <div>
              <Button variant="contained" size="small" onClick={accept} disabled={ticked.size === 0} data-testid="document-fill-accept">
                {t('decision.documentFill.accept', { count: ticked.size })}
              </Button>
            </div>
          </Stack>
        ))}
    </Stack>
  );
}
