import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun, Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { methodFields } from '../forensics/registry.ts';
import { kindLabelKey, useCatalog, type ForensicCatalog } from '../forensics/use-catalog.ts';

type Method = ForensicCatalog['methods'][number];

/** Props of CompareDialog. */
export interface CompareDialogProps {
  readonly caseId: string;
  /** The selected items, in selection order. */
  readonly items: readonly Evidence[];
  readonly onClose: () => void;
  readonly onStarted: (run: AnalysisRun) => void;
}

/** True for the evidence kinds a comparison reads: X3P height maps and 2D images. */
export function comparable(item: Evidence): boolean {
  return item.kind !== 'pdf';
}

/** Whether a method takes these items: their number, and every item's declared kind among those it accepts. */
export function methodApplies(method: Method, items: readonly Evidence[]): boolean {
  return items.length >= method.arity.min && items.length <= method.arity.max && items.every((item) => method.acceptedKinds.includes(item.category));
}

/**
 * Starts an analysis of the selected items with one of the methods that accept them (by their declared kinds and
 * number); when none does, says why for each. A module's method may ask more (bullets: how the lands split in two);
 * 2D images carry no lateral scale, so their pixel size is asked (filled in from what was declared at intake).
 */
export function CompareDialog({ caseId, items, onClose, onStarted }: CompareDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const catalog = useCatalog();
  const methods = catalog.value?.methods ?? [];
  const applicable = methods.filter((m) => methodApplies(m, items));
  const [chosen, setChosen] = useState<string | null>(null);
  const method = applicable.find((m) => m.id === chosen) ?? applicable[0] ?? null;
  const fields = method ? methodFields(method.id) : null;
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const fieldValue = method && fields ? (fieldValues[method.id] ?? fields.initial(items)) : '';
  const [pixel, setPixel] = useState<Record<string, string>>(() => Object.fromEntries(items.filter((i) => i.pixelUm !== null).map((i) => [i.id, String(i.pixelUm)])));
  const needsScale = new Set((catalog.value?.kinds ?? []).filter((k) => k.imagesNeedPixelSize).map((k) => k.id));
  const images = items.filter((item) => item.kind !== 'x3p' && item.kind !== 'pdf' && needsScale.has(item.category));
  const pixelUm = Object.fromEntries(images.map((item) => [item.id, Number((pixel[item.id] ?? '').replace(',', '.'))]));
  const problems = {
    fields: method && fields ? fields.problem(fieldValue, items, t) : null,
    pixel: images.some((item) => !(pixelUm[item.id]! > 0 && pixelUm[item.id]! <= 1000)) ? t('analysis.pixelInvalid') : null,
  };
  const kindNames = (kinds: readonly string[]) => kinds.map((k) => t(kindLabelKey(k))).join(', ');
  const whyNot = (m: Method) =>
    items.length < m.arity.min || items.length > m.arity.max
      ? t('analysis.noMethodCount', { method: t(`analysis.modules.${m.id}`), min: m.arity.min, max: m.arity.max })
      : t('analysis.noMethodKind', {
          method: t(`analysis.modules.${m.id}`),
          kinds: kindNames(m.acceptedKinds),
          names: items
            .filter((i) => !m.acceptedKinds.includes(i.category))
            .map((i) => t('analysis.noMethodItem', { name: i.originalName, kind: t(kindLabelKey(i.category)) }))
            .join(', '),
        });

  const form = useFormSubmit({
    invalid: !method || Object.values(problems).some((p) => p !== null),
    action: async () => {
      if (!method) return;
      const run = await call(api, 'analysis.start', {
        caseId,
        module: method.id,
        evidenceIds: items.map((item) => item.id),
        ...(fields ? fields.options(fieldValue, items) : {}),
        ...(images.length > 0 ? { pixelUm } : {}),
      });
      onStarted(run);
    },
  });
  const { checked } = form;

  const Fields = fields?.Fields;
  return (
    <FormDialog
      title={t('analysis.compareTitle')}
      intro={items.map((item) => item.originalName).join(' · ')}
      testId="compare"
      submitLabel={t('analysis.start')}
      submitTestId="compare-start"
      submitDisabled={!method}
      form={form}
      onClose={onClose}
    >
      {catalog.loading && <LinearProgress aria-label={t('common.loading')} />}
      {catalog.error !== null && <ErrorAlert error={catalog.error} />}
      {catalog.value && !method && (
        <Alert severity="info" data-testid="compare-no-method">
          {t('analysis.noMethod')}
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {methods.map((m) => (
              <li key={m.id}>{whyNot(m)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {method && (
        <FormControl>
          <FormLabel id="compare-module-label">{t('analysis.module')}</FormLabel>
          <RadioGroup aria-labelledby="compare-module-label" value={method.id} onChange={(event) => setChosen(event.target.value)}>
            {applicable.map((m) => (
              <FormControlLabel key={m.id} value={m.id} control={<Radio slotProps={{ input: { 'data-testid': `compare-module-${m.id}` } as React.InputHTMLAttributes<HTMLInputElement> }} />} label={t(`analysis.modules.${m.id}`)} />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {method && Fields && (
        <Fields items={items} value={fieldValue} onChange={(value) => setFieldValues((previous) => ({ ...previous, [method.id]: value }))} checked={checked} problem={problems.fields} />
      )}
      {method &&
        images.map((item) => (
          <TextField
            key={item.id}
            label={t('analysis.pixelUm', { name: item.originalName })}
            value={pixel[item.id] ?? ''}
            onChange={(event) => setPixel((previous) => ({ ...previous, [item.id]: event.target.value }))}
            error={checked && !(pixelUm[item.id]! > 0)}
            helperText={t('analysis.pixelUmHint')}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `compare-pixel-${item.sha256}` } }}
          />
        ))}
      {checked && problems.pixel && <ErrorAlert error={new Error(problems.pixel)} testId="compare-problem" messageFor={() => problems.pixel} />}
    </FormDialog>
  );
}
