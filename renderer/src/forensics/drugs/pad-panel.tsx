/**
 * A PAD card result: the model's answer (ingredient and Drug % with probabilities, or why it abstains) and the
 * per-lane chart — the 12 lanes × 10 regions as measured, each region a swatch of its corrected colour.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PadCardResultSchema } from '../../../../main/contract/index.ts';
import type { ViewerPanelProps } from '../renderer-module.ts';
import { usePanelResult } from '../use-panel-result.ts';

const hex = (rgb: readonly number[]) => `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;

/** The panel for a 'drugs-pad' result. */
export function PadPanel({ result: raw }: ViewerPanelProps) {
  const { t, format, result } = usePanelResult(PadCardResultSchema, raw);
  if (!result) return null;
  const top = Object.entries(result.probabilities).sort((a, b) => b[1] - a[1]).slice(0, 5);
  const lanes = [...new Set(result.regions.map((r) => r.lane))];
  // The model's classes are codes ('ferrous-sulfate'); a retrained model's unknown class shows as recorded.
  const ingredient = (code: string) => t(`measurementValues.drugs_pad_predicted.${code}`, { defaultValue: code });
  return (
    <Stack spacing={2} data-testid="drugs-pad-panel">
      <Alert severity={result.abstention ? 'warning' : 'info'} data-testid="drugs-pad-answer">
        {result.abstention
          ? t('drugs.padAbstains', { reason: t(`drugs.padAbstention.${result.abstention.reason}`) })
          : t('drugs.padAnswer', { ingredient: ingredient(result.predicted), concentration: result.concentration.predicted ?? '—' })}
        {' '}{t('drugs.advice.confirm-gc-ms')}
      </Alert>
      <Stack spacing={0.5}>
        {top.map(([name, p]) => (
          <Stack key={name} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ width: 220 }}>{ingredient(name)}</Typography>
            <Box sx={{ width: 200 * p, height: 10, bgcolor: 'primary.main' }} />
            <Typography variant="caption">{`${format.fixed(100 * p, 1)} %`}</Typography>
          </Stack>
        ))}
      </Stack>
      <Typography variant="subtitle2">{t('drugs.padLanes')}</Typography>
      <Stack direction="row" spacing={1} data-testid="drugs-pad-lanes">
        {lanes.map((lane) => (
          <Stack key={lane} spacing={0.25} sx={{ alignItems: 'center' }}>
            <Typography variant="caption">{lane}</Typography>
            {result.regions.filter((r) => r.lane === lane).map((r) => (
              <Box key={r.region} title={`${lane}${r.region}: ${r.rgb.map((v) => v.toFixed(0)).join(', ')}`} sx={{ width: 20, height: 12, bgcolor: hex(r.rgb) }} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
