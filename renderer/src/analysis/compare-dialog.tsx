import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { analysisModules, type AnalysisRun, type Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

type Module = (typeof analysisModules)[number];

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

/**
 * Starts a comparison of the selected items: cartridge cases take exactly two, bullets take the lands of A then
 * those of B (the split asked here). 2D images carry no lateral scale, so their pixel size is asked for each.
 */
export function CompareDialog({ caseId, items, onClose, onStarted }: CompareDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [module, setModule] = useState<Module>('ballistics.cartridge-case');
  const [split, setSplit] = useState(String(Math.max(1, Math.floor(items.length / 2))));
  const [pixel, setPixel] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const images = items.filter((item) => item.kind !== 'x3p');
  const pixelUm = Object.fromEntries(images.map((item) => [item.id, Number((pixel[item.id] ?? '').replace(',', '.'))]));
  const bulletASize = Number(split);
  const problems = {
    count: module === 'ballistics.cartridge-case' && items.length !== 2 ? t('analysis.needTwo') : items.length < 2 ? t('analysis.needTwo') : null,
    split: module === 'ballistics.bullet' && !(Number.isInteger(bulletASize) && bulletASize >= 1 && bulletASize < items.length) ? t('analysis.splitInvalid', { max: items.length - 1 }) : null,
    pixel: images.some((item) => !(pixelUm[item.id]! > 0 && pixelUm[item.id]! <= 1000)) ? t('analysis.pixelInvalid') : null,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((p) => p !== null)) return;
    setBusy(true);
    setError(null);
    try {
      const run = await call(api, 'analysis.start', {
        caseId,
        module,
        evidenceIds: items.map((item) => item.id),
        ...(module === 'ballistics.bullet' ? { bulletASize } : {}),
        ...(images.length > 0 ? { pixelUm } : {}),
      });
      onStarted(run);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="compare-title" data-testid="compare-dialog">
      <form onSubmit={submit} noValidate data-testid="compare-form">
        <DialogTitle id="compare-title">{t('analysis.compareTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{items.map((item) => item.originalName).join(' · ')}</DialogContentText>
            <FormControl>
              <FormLabel id="compare-module-label">{t('analysis.module')}</FormLabel>
              <RadioGroup aria-labelledby="compare-module-label" value={module} onChange={(event) => setModule(event.target.value as Module)}>
                {analysisModules.map((m) => (
                  <FormControlLabel key={m} value={m} control={<Radio slotProps={{ input: { 'data-testid': `compare-module-${m}` } as React.InputHTMLAttributes<HTMLInputElement> }} />} label={t(`analysis.modules.${m}`)} />
                ))}
              </RadioGroup>
            </FormControl>
            {module === 'ballistics.bullet' && (
              <TextField
                label={t('analysis.bulletASize')}
                value={split}
                onChange={(event) => setSplit(event.target.value)}
                error={checked && problems.split !== null}
                helperText={(checked && problems.split) || t('analysis.bulletASizeHint')}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'compare-bullet-a-size' } }}
              />
            )}
            {images.map((item) => (
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
            {checked && (problems.count ?? problems.pixel) && <ErrorAlert error={new Error(problems.count ?? problems.pixel ?? '')} testId="compare-problem" messageFor={() => problems.count ?? problems.pixel} />}
            {error !== null && <ErrorAlert error={error} testId="compare-error" />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy} data-testid="compare-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="compare-start">
            {t('analysis.start')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
