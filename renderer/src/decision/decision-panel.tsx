import GavelIcon from '@mui/icons-material/Gavel';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, CaseTypeView, Consultation, DecisionModel, FactSource, Role } from '../../../main/contract/index.ts';

/** The kind of a case (criminal, civil…). */
type CaseKind = Case['caseType'];
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { indexFields, optionLabel } from './decision-text.ts';
import { acceptedValue, emptyValues, readFacts, type FieldProblem, type FormValue, type FormValues } from './facts-state.ts';
import { FactsForm } from './facts-form.tsx';
import { QuestionBox } from './question-box.tsx';
import { DocumentFill } from './document-fill.tsx';
import { AdviceList, BoundsPanel } from './law-panels.tsx';
import { ModelPicker } from './model-picker.tsx';
import { PrecedentsTable } from './precedents-table.tsx';
import { PredictionCard, type OutcomeCondition } from './prediction-card.tsx';
import { DecisionHistory } from './decision-history.tsx';
import { VerdictForm } from './verdict-form.tsx';
import { WaterfallChart } from './waterfall-chart.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of DecisionPanel. */
export interface DecisionPanelProps {
  readonly caseId: string;
  /** The kind of case (criminal, civil…), so the model picker opens on the matching case type. */
  readonly caseKind?: CaseKind;
  readonly role: Role;
}

/** The decision case types that fit each kind of case, most specific first. */
const caseTypesForKind: Readonly<Record<CaseKind, readonly string[]>> = {
  criminal: ['kz-criminal'],
  civil: ['kz-civil-contract'],
  administrative: [],
  'forensic-examination': [],
};

/** The model the picker opens on: one for the case's own case type (its classification outcome first), else the first. */
export function preferredModel(models: readonly DecisionModel[], caseTypes: readonly CaseTypeView[], kind: CaseKind | undefined): DecisionModel | null {
  const wanted = (kind ? caseTypesForKind[kind] : undefined) ?? [];
  const fitting = models.filter((m) => wanted.includes(m.caseType));
  const isClass = (m: DecisionModel) => caseTypes.find((c) => c.id === m.caseType)?.outcomes.find((o) => o.name === m.outcome)?.kind === 'classification';
  return fitting.find(isClass) ?? fitting[0] ?? models[0] ?? null;
}

/** A claim's satisfaction in full or in part (an award as a share of the claim applies to these). */
const satisfiedClasses: readonly string[] = ['full', 'partial'];

/** Punishments that take or restrict liberty (a term in months applies to these). */
const custodialClasses: readonly string[] = ['imprisonment', 'restriction-of-freedom', 'suspended'];

/** A model card's figures on the held-out cases the model answered (a term's or an amount's, or a classifier's). */
function heldOutOf(model: DecisionModel | undefined) {
  const validation = model?.card.validation;
  return validation?.regression?.answered ?? validation?.classification?.answered ?? null;
}

/** The other installed models of the same case type (one per other outcome): consulted together, shown together. */
function relatedModels(models: readonly DecisionModel[], model: DecisionModel): DecisionModel[] {
  const byOutcome = new Map<string, DecisionModel>();
  for (const m of models) {
    if (m.caseType !== model.caseType || m.outcome === model.outcome || byOutcome.has(m.outcome)) continue;
    byOutcome.set(m.outcome, models.find((x) => x.caseType === m.caseType && x.outcome === m.outcome && x.caseTypeVersion === model.caseTypeVersion) ?? m);
  }
  return [...byOutcome.values()];
}

/** The permanent reminder that the model advises and the judge decides. */
export function AdvisoryBanner() {
  const { t } = useTranslation();
  return (
    <Alert severity="info" icon={<GavelIcon />} data-testid="advisory-banner">
      <strong>{t('decision.advisory.title')}</strong> {t('decision.advisory.text')}
    </Alert>
  );
}

function Section({ title, testId, children }: { readonly title: string; readonly testId: string; readonly children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Stack spacing={1.5}>
        <Typography variant="subtitle1" component="h3">
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  );
}

/** The case type a model was trained on: that exact version when installed, else the newest of the same id. */
function caseTypeFor(caseTypes: readonly CaseTypeView[], id: string, version: string): CaseTypeView | null {
  return caseTypes.find((c) => c.id === id && c.version === version) ?? caseTypes.filter((c) => c.id === id).at(-1) ?? null;
}

function newerVersion(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

/**
 * The case type the facts form is drawn from when a model is consulted with the other outcomes' models: the newest
 * version among theirs, so that every model gets the facts it reads (kz-civil-contract: the award model's 1.1.0 asks
 * what the satisfaction model's 1.0.0 does, and more); each model is then sent only the facts of its own version.
 */
function formCaseType(caseTypes: readonly CaseTypeView[], group: readonly DecisionModel[]): CaseTypeView | null {
  let newest: CaseTypeView | null = null;
  for (const m of group) {
    const type = caseTypeFor(caseTypes, m.caseType, m.caseTypeVersion);
    if (type && (!newest || newerVersion(type.version, newest.version))) newest = type;
  }
  return newest;
}

/** The facts a model's own case-type version holds (a model refuses facts its schema does not name). */
function factsFor<V>(caseTypes: readonly CaseTypeView[], m: DecisionModel, facts: Readonly<Record<string, V>>): Record<string, V> {
  const type = caseTypeFor(caseTypes, m.caseType, m.caseTypeVersion);
  if (!type) return { ...facts };
  const names = new Set(type.fields.map((f) => f.name));
  return Object.fromEntries(Object.entries(facts).filter(([name]) => names.has(name)));
}

/**
 * Decision support inside an open case: the judge chooses a model, states the facts on a form drawn from the case
 * type's schema and consults the model; the answer shows the estimate, its exact explanation, the lawful range,
 * similar past cases and procedural notes. Judges and clerks then enter the verdict the court reached.
 */
export function DecisionPanel({ caseId, caseKind, role }: DecisionPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const canConsult = mayUse(role, 'decision.predict');
  const loadModels = useCallback(() => call(api, 'decision.models', {}), [api]);
  const loadCaseTypes = useCallback(() => call(api, 'decision.caseTypes', {}), [api]);
  const loadSettings = useCallback(() => call(api, 'settings.get', {}), [api]);
  const loadVerdicts = useCallback(() => call(api, 'verdicts.list', { caseId }), [api, caseId]);
  const loadConsultations = useCallback(() => call(api, 'decision.consultations', { caseId }), [api, caseId]);
  const models = useLoaded(loadModels);
  const caseTypes = useLoaded(loadCaseTypes);
  const settings = useLoaded(loadSettings);
  const verdicts = useLoaded(loadVerdicts);
  const consultations = useLoaded(loadConsultations);
  // Judges record verdicts; clerks only where the court's setting allows it (the service enforces the same rule).
  const canRecord = mayUse(role, 'verdicts.record') && (role !== 'clerk' || settings.value?.clerksMayRecordVerdicts === true);
  const [related, setRelated] = useState<readonly Consultation[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, FormValues>>({});
  // Per case type: where each filled-in fact came from (typed unless accepted from a question or a document).
  const [sources, setSources] = useState<Record<string, Readonly<Record<string, FactSource>>>>({});
  const [problems, setProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [consultation, setConsultation] = useState<Consultation | null>(null);
  const [consultedFacts, setConsultedFacts] = useState<Readonly<Record<string, unknown>>>({});
  const [verdictCaseTypeId, setVerdictCaseTypeId] = useState<string | null>(null);
  const [verdictKey, setVerdictKey] = useState(0);

  const modelList = models.value ?? [];
  const typeList = useMemo(() => caseTypes.value ?? [], [caseTypes.value]);
  const model = modelList.find((m) => m.sha256 === chosen) ?? preferredModel(modelList, typeList, caseKind);
  const caseType = model ? formCaseType(typeList, [model, ...relatedModels(modelList, model)]) : null;
  const formValues = caseType ? (values[caseType.sha256] ?? emptyValues(caseType)) : {};
  const fields = useMemo(() => indexFields(caseType, caseType?.id ?? model?.caseType ?? ''), [caseType, model?.caseType]);

  const latestTypes = useMemo(() => [...new Map(typeList.map((c) => [c.id, c])).values()], [typeList]);
  const verdictCaseType = consultation
    ? caseTypeFor(typeList, consultation.model.caseType, consultation.model.caseTypeVersion)
    : (latestTypes.find((c) => c.id === verdictCaseTypeId) ?? caseType ?? latestTypes[0] ?? null);
  const consultedArticle = typeof consultedFacts.article === 'string' ? consultedFacts.article : null;
  const finalVerdict = verdicts.value?.find((v) => v.supersededBy === null) ?? null;

  /** A conditional outcome (the term) states the classes it applies to and what the class model gave them. */
  const conditionOf = (shown: Consultation, all: readonly Consultation[]): OutcomeCondition | null => {
    const when = caseType?.outcomes.find((o) => o.name === shown.outcome)?.when;
    if (!when || !caseType) return null;
    const classOutcome = caseType.outcomes.find((o) => o.field === when.field);
    const label = (value: string) => optionLabel(t, caseType.id, when.field, value, classOutcome?.classes.find((c) => c.value === value)?.label);
    const other = all.find((c) => c.outcome === classOutcome?.name && !c.abstention.refer);
    const probability = other?.probabilities ? other.probabilities.filter((p) => when.in.includes(p.value)).reduce((sum, p) => sum + p.probability, 0) : null;
    const top = other?.predictedClass ?? null;
    const custodial = when.in.length > 0 && when.in.every((c) => custodialClasses.includes(c));
    const claimSatisfied = when.in.length > 0 && when.in.every((c) => satisfiedClasses.includes(c));
    return { classes: when.in.map(label), probability, mostLikely: top === null ? null : label(top), mostLikelyApplies: top !== null && when.in.includes(top), custodial, claimSatisfied };
  };

  /** Sets a field as typed, or (`accepted`) merges in a fact accepted from a question or a document. */
  const change = (name: string, value: FormValue, source: FactSource = { kind: 'typed' }, accepted = false) => {
    if (!caseType) return;
    setValues((all) => {
      const current = all[caseType.sha256] ?? emptyValues(caseType);
      return { ...all, [caseType.sha256]: { ...current, [name]: accepted ? acceptedValue(fields.byName.get(name), current[name], value) : value } };
    });
    setSources((all) => ({ ...all, [caseType.sha256]: { ...all[caseType.sha256], [name]: source } }));
    setProblems((all) => {
      const { [name]: _cleared, ...rest } = all;
      return rest;
    });
  };

  const consult = async () => {
    if (!model || !caseType) return;
    const read = readFacts(caseType, formValues);
    setProblems(read.problems);
    if (Object.keys(read.problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      // Typed is the service's default: only facts taken from a question or a document name their source.
      const known = sources[caseType.sha256] ?? {};
      const factSources = Object.fromEntries(Object.keys(read.facts).flatMap((name) => (known[name] && known[name].kind !== 'typed' ? [[name, known[name]]] : [])));
      const own = (m: DecisionModel) => {
        const facts = factsFor(typeList, m, read.facts);
        const factSourcesOf = Object.fromEntries(Object.entries(factSources).filter(([name]) => name in facts));
        return { facts, ...(Object.keys(factSourcesOf).length > 0 ? { factSources: factSourcesOf } : {}) };
      };
      const answer = await call(api, 'decision.predict', { modelSha256: model.sha256, ...own(model), caseId });
      // The other outcomes of the case type (the punishment and its term) are consulted with it and shown together.
      const others: Consultation[] = [];
      for (const other of relatedModels(modelList, model)) others.push(await call(api, 'decision.predict', { modelSha256: other.sha256, ...own(other), caseId }));
      setConsultation(answer);
      setRelated(others);
      consultations.reload();
      setConsultedFacts(read.facts);
      setVerdictKey((k) => k + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const loading = models.loading || caseTypes.loading;
  return (
    <Stack spacing={2} data-testid="decision-panel" component="section" aria-labelledby="decision-panel-title">
      <Typography variant="h5" component="h2" id="decision-panel-title">
        {t('decision.title')}
      </Typography>
      <AdvisoryBanner />
      {loading && <LinearProgress aria-label={t('common.loading')} />}
      {models.error !== null && <ErrorAlert error={models.error} testId="models-error" />}
      {caseTypes.error !== null && <ErrorAlert error={caseTypes.error} testId="case-types-error" />}
      {canConsult && models.value && modelList.length === 0 && (
        <Typography color="text.secondary" data-testid="no-models">
          {t('decision.models.none')}
        </Typography>
      )}
      {canConsult && model && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={2}>
            <ModelPicker
              models={modelList}
              caseTypes={typeList}
              value={model.sha256}
              onChange={(sha) => {
                setChosen(sha);
                setConsultation(null);
                setRelated([]);
              }}
              disabled={busy}
            />
            {caseType ? (
              <>
                <Typography variant="body2" color="text.secondary">
                  {t('decision.form.intro')}
                </Typography>
                {mayUse(role, 'questions.ask') && <QuestionBox caseType={caseType} onAccept={(accepted) => accepted.forEach(([name, value]) => change(name, value, { kind: 'question' }, true))} disabled={busy} />}
                {mayUse(role, 'documents.facts') && <DocumentFill caseId={caseId} caseType={caseType} onAccept={(accepted) => accepted.forEach(([name, value, source]) => change(name, value, source, true))} disabled={busy} />}
                <FactsForm caseType={caseType} values={formValues} problems={problems} onChange={change} disabled={busy} />
                {Object.keys(problems).length > 0 && (
                  <Alert severity="warning" data-testid="facts-problems">
                    {t('decision.form.fix', { count: Object.keys(problems).length })}
                  </Alert>
                )}
                <div>
                  <Button variant="contained" onClick={() => void consult()} disabled={busy} data-testid="consult-button">
                    {t('decision.consult')}
                  </Button>
                </div>
              </>
            ) : (
              caseTypes.value && (
                <Alert severity="warning" data-testid="case-type-missing">
                  {t('decision.form.caseTypeMissing', { id: model.caseType, version: model.caseTypeVersion })}
                </Alert>
              )
            )}
            {busy && <LinearProgress aria-label={t('common.loading')} />}
            {error !== null && <ErrorAlert error={error} testId="consult-error" />}
          </Stack>
        </Paper>
      )}
      {consultation && (
        <Stack spacing={2} data-testid="consultation">
          {[consultation, ...related].map((shown) => {
            const shownClassField = caseType?.outcomes.find((o) => o.kind === 'classification' && o.name === shown.outcome)?.field ?? null;
            return (
              <Stack key={shown.auditSeq} spacing={2} data-testid={`consultation-${shown.outcome}`}>
                <PredictionCard
                  consultation={shown}
                  fields={fields}
                  classField={shownClassField}
                  condition={conditionOf(shown, [consultation, ...related])}
                  heldOut={heldOutOf(modelList.find((m) => m.sha256 === shown.model.sha256))}
                />
                {!shown.abstention.refer && (
                  <Section title={t('decision.waterfall.section')} testId="explanation-section">
                    <WaterfallChart output={shown} fields={fields} classField={shownClassField} />
                  </Section>
                )}
              </Stack>
            );
          })}
          {consultation.bounds && (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <BoundsPanel bounds={consultation.bounds} />
            </Paper>
          )}
          <Section title={t('decision.precedents.title')} testId="precedents-section">
            <PrecedentsTable
              precedents={consultation.precedents}
              fields={fields}
              unit={consultation.unit ?? null}
              classField={caseType?.outcomes.find((o) => o.kind === 'classification')?.field ?? null}
            />
          </Section>
          <Section title={t('decision.advice.title')} testId="advice-section">
            <AdviceList advice={consultation.advice} />
          </Section>
        </Stack>
      )}
      {(verdicts.value !== undefined || consultations.value !== undefined) && (
        <Section title={t('decision.history.title')} testId="history-section">
          <DecisionHistory consultations={consultations.value ?? []} verdicts={verdicts.value ?? []} caseTypes={typeList} />
        </Section>
      )}
      {canRecord && verdictCaseType && (
        <Section title={t('decision.verdict.title')} testId="verdict-section">
          {!consultation && !canConsult && latestTypes.length > 1 && (
            <ChoiceField
              label={t('decision.verdict.caseType')}
              value={verdictCaseType.id}
              onChange={(id) => id !== '' && setVerdictCaseTypeId(id)}
              choices={latestTypes.map((c) => ({ value: c.id, label: t(`decisionSchema.${c.id}.title`, { defaultValue: c.title }) }))}
              sx={{ maxWidth: 480 }}
              testId="verdict-case-type"
            />
          )}
          <VerdictForm
            key={`${verdictCaseType.sha256}-${verdictKey}`}
            caseId={caseId}
            caseType={verdictCaseType}
            consultationSeq={consultation?.auditSeq ?? null}
            article={consultedArticle}
            current={finalVerdict}
            onRecorded={() => verdicts.reload()}
          />
        </Section>
      )}
    </Stack>
  );
}
