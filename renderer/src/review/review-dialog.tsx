import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../common/format.ts';
import type { Finding, Measurement } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { derivedValue, geometryMeasurements, geometryOf, type GeometryFields } from './amend-geometry.ts';
import { measurementLabel, measurementText, unitText } from './finding-text.ts';
import type { MeasurementDigits } from './measurement-digits.ts';
import { ReasonField } from './reason-field.tsx';
import { conclusionChoices } from '../forensics/registry.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of ReviewDialog. */
export interface ReviewDialogProps {
  readonly finding: Finding;
  readonly decision: 'rejected' | 'amended';
  /** Fraction digits of the measurements in the dialog's opening line (as on the finding card). */
  readonly digits: MeasurementDigits;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/** Parses an edited measurement value back to the type it had (a number stays a number). */
function parseValue(original: Measurement['value'], text: string): Measurement['value'] | null {
  if (typeof original === 'number') {
    const n = Number(text.replace(',', '.'));
    return text.trim() === '' || !Number.isFinite(n) ? null : n;
  }
  if (typeof original === 'boolean') return text === 'true' ? true : text === 'false' ? false : null;
  return text;
}

/** A number field with its unit beside it. */
function unitSlot(t: TFunction, unit: string | null, testId: string) {
  return { htmlInput: { 'data-testid': testId, inputMode: 'decimal' as const }, ...(unit ? { input: { endAdornment: <InputAdornment position="end">{unitText(t, unit)}</InputAdornment> } } : {}) };
}

/**
 * Reject or amend one finding. A reason is mandatory for both; amending edits the measurements as typed fields with
 * their units and the conclusion, and creates a new finding pointing at the original. A manual distance or angle is
 * edited through its points and pixel size: the value is recomputed from them, never typed. Closing with unsaved
 * edits asks first: nothing is discarded without confirmation.
 */
export function ReviewDialog({ finding, decision, digits, onClose, onDone }: ReviewDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [values, setValues] = useState(() => finding.measurements.map((m) => String(m.value)));
  const [geometry, setGeometry] = useState<GeometryFields | null>(() => geometryOf(finding));
  const geometryKeys = new Set(geometry ? [geometry.derivedKey, 'manual.points', 'manual.pixelUm'] : []);
  const derived = geometry ? derivedValue(geometry) : null;
  const derivedMeasurement = geometry ? finding.measurements.find((m) => m.key === geometry.derivedKey) : undefined;
  const setPoint = (index: number, axis: 'x' | 'y', text: string) =>
    setGeometry((g) => (g ? { ...g, points: g.points.map((p, i) => (i === index ? { ...p, [axis]: text } : p)) } : g));
  const [conclusion, setConclusion] = useState(finding.conclusion ?? '');
  // A module's coded conclusions are chosen from its scale, in words; others stay free text.
  const choices = conclusionChoices(finding.kind);
  const [confirming, setConfirming] = useState(false);
  const amend = decision === 'amended';
  const typed = finding.measurements.map((m, i) => parseValue(m.value, values[i] ?? ''));
  const fromGeometry = geometry ? geometryMeasurements(finding, geometry) : null;
  // Geometry fields replace the typed values of the derived value, the points and the pixel size.
  const parsed = finding.measurements.map((m, i) => (geometryKeys.has(m.key) ? (fromGeometry ? fromGeometry[i]!.value : null) : typed[i]!));
  const edited = amend && (parsed.some((v, i) => v !== finding.measurements[i]!.value) || conclusion !== (finding.conclusion ?? ''));
  const dirty = reason.trim() !== '' || edited;
  const problems = {
    reason: reason.trim() === '' ? t('review.reasonRequired') : null,
    values: amend && parsed.some((v) => v === null) ? (geometry && derived === null ? t('review.derivedInvalid', { what: measurementLabel(t, geometry.derivedKey) }) : t('review.valueInvalid')) : null,
    unchanged: amend && !edited ? t('review.amendUnchanged') : null,
  };

  const close = () => (dirty ? setConfirming(true) : onClose());
  const form = useFormSubmit({
    invalid: Object.values(problems).some((p) => p !== null),
    action: async () => {
      await call(api, 'findings.review', {
        findingId: finding.id,
        decision,
        reason: reason.trim(),
        ...(amend
          ? { amended: { measurements: finding.measurements.map((m, i) => ({ ...m, value: parsed[i]! })), conclusion: conclusion.trim() === '' ? null : conclusion.trim() } }
          : {}),
      });
      onDone();
    },
  });
  const { checked } = form;

  return (
    <>
      <FormDialog
        title={t(amend ? 'review.amendTitle' : 'review.rejectTitle')}
        intro={finding.measurements.map((m) => measurementText(t, m, format, digits(finding.module, m.key))).join(' · ')}
        testId="review"
        submitLabel={t(amend ? 'review.amendSubmit' : 'review.rejectSubmit')}
        submitColor={amend ? 'primary' : 'error'}
        form={form}
        onClose={close}
      >
        {amend && geometry && (
          <Stack spacing={1} data-testid="amend-geometry">
            {geometry.points.map((p, i) => (
              <Stack direction="row" spacing={1} key={i}>
                <TextField label={t('review.pointX', { n: i + 1 })} value={p.x} onChange={(event) => setPoint(i, 'x', event.target.value)} error={checked && derived === null} slotProps={unitSlot(t, 'px', `amend-point-${i + 1}-x`)} sx={{ flex: 1 }} />
                <TextField label={t('review.pointY', { n: i + 1 })} value={p.y} onChange={(event) => setPoint(i, 'y', event.target.value)} error={checked && derived === null} slotProps={unitSlot(t, 'px', `amend-point-${i + 1}-y`)} sx={{ flex: 1 }} />
              </Stack>
            ))}
            <TextField
              label={t('review.pixelSize')}
              value={geometry.pixelUm}
              onChange={(event) => setGeometry((g) => (g ? { ...g, pixelUm: event.target.value } : g))}
              error={checked && derived === null}
              slotProps={unitSlot(t, 'µm', 'amend-pixel-size')}
            />
            <TextField
              label={t('review.derived', { label: measurementLabel(t, geometry.derivedKey) })}
              value={derived === null ? '—' : String(derived)}
              disabled
              slotProps={unitSlot(t, derivedMeasurement?.unit ?? null, `amend-derived-${geometry.derivedKey}`)}
            />
          </Stack>
        )}
        {amend &&
          finding.measurements.map((m, i) =>
            geometryKeys.has(m.key) ? null : (
              <TextField
                key={m.key}
                label={measurementLabel(t, m.key)}
                value={values[i] ?? ''}
                onChange={(event) => setValues((previous) => previous.map((v, j) => (j === i ? event.target.value : v)))}
                error={checked && parsed[i] === null}
                slotProps={unitSlot(t, m.unit, `amend-value-${m.key}`)}
              />
            ),
          )}
        {amend && choices && (
          <ChoiceField
            label={t('review.conclusion')}
            value={conclusion}
            onChange={setConclusion}
            choices={[...new Set([...(finding.conclusion ? [finding.conclusion] : []), ...choices])].map((code) => ({ value: code, label: t(`conclusions.${code}`, { defaultValue: code }) }))}
            empty={{ label: t('findings.noConclusion'), choosable: true }}
            testId="amend-conclusion"
          />
        )}
        {amend && !choices && (
          <TextField
            label={t('review.conclusion')}
            value={conclusion}
            onChange={(event) => setConclusion(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'amend-conclusion', maxLength: 100 } }}
          />
        )}
        <ReasonField
          value={reason}
          onChange={setReason}
          error={checked && problems.reason !== null}
          message={checked ? (problems.reason ?? problems.values ?? problems.unchanged) : null}
          testId="review-reason"
        />
      </FormDialog>
      {confirming && (
        <Dialog open onClose={() => setConfirming(false)} aria-labelledby="discard-title" data-testid="discard-confirm">
          <DialogTitle id="discard-title">{t('review.discardTitle')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('review.discardText')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)} autoFocus data-testid="discard-keep">
              {t('review.keepEditing')}
            </Button>
            <Button color="error" onClick={onClose} data-testid="discard-yes">
              {t('review.discard')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
