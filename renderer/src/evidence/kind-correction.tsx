import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { kindLabelKey, useCatalog } from '../forensics/use-catalog.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of KindCorrection. */
export interface KindCorrectionProps {
  readonly item: Evidence;
  /** Told with the item as corrected. */
  readonly onCorrected: (item: Evidence) => void;
}

/**
 * Lets an expert correct what an item is evidence of (and a 2D image's pixel size): the services audit-log it in the
 * item's chain of custody and refuse it on a signed case.
 */
export function KindCorrection({ item, onCorrected }: KindCorrectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const catalog = useCatalog();
  const [kind, setKind] = useState(item.category);
  const [pixel, setPixel] = useState(item.pixelUm === null ? '' : String(item.pixelUm));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kinds = (catalog.value?.kinds ?? []).filter((k) => k.formats.includes(item.kind));
  const asksScale = item.kind !== 'x3p' && item.kind !== 'pdf' && (catalog.value?.kinds ?? []).some((k) => k.id === kind && k.imagesNeedPixelSize);
  const scaleText = pixel.trim().replace(',', '.');
  const scale = scaleText === '' ? null : Number(scaleText);
  const badScale = scale !== null && !(scale > 0 && scale <= 1000);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (badScale) return;
    setBusy(true);
    setError(null);
    try {
      onCorrected(await call(api, 'evidence.setKind', { evidenceId: item.id, category: kind, pixelUm: asksScale ? scale : null }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (kinds.length === 0) return null;
  return (
    <Stack component="form" onSubmit={submit} noValidate spacing={1} sx={{ mt: 3 }} data-testid="kind-correction">
      <Typography variant="h6" component="h2">
        {t('evidence.correctKind')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
        <ChoiceField
          label={t('intake.declare.kind')}
          value={kind}
          onChange={setKind}
          choices={kinds.map((k) => ({ value: k.id, label: t(kindLabelKey(k.id)) }))}
          testId="kind-correction-kind"
        />
        {asksScale && (
          <TextField
            label={t('intake.declare.pixelUm')}
            value={pixel}
            onChange={(e) => setPixel(e.target.value)}
            error={badScale}
            helperText={badScale ? t('intake.declare.pixelInvalid') : t('intake.declare.pixelUmHint')}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'kind-correction-pixel' } }}
          />
        )}
        <Button type="submit" variant="outlined" disabled={busy} data-testid="kind-correction-save" sx={{ mt: { sm: 1 } }}>
          {t('evidence.saveKind')}
        </Button>
      </Stack>
      {error !== null && <ErrorAlert error={error} testId="kind-correction-error" />}
    </Stack>
  );
}
