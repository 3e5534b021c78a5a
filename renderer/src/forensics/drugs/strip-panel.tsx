/** The cassette result below the viewer: each panel's result and its absorbance profile with the two lines marked. */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { StripResultSchema } from '../../../../main/contract/index.ts';
import type { ViewerPanelProps } from '../renderer-module.ts';
import { usePanelResult } from '../use-panel-result.ts';

const width = 320;
const height = 90;

/** One strip's profile (absorbance along the window, top to bottom) with the control and test line positions. */
function ProfilePlot({ profile, control, test, label }: { profile: readonly number[]; control: number; test: number; label: string }) {
  const max = Math.max(0.02, ...profile);
  const min = Math.min(0, ...profile);
  const x = (i: number): number => (i / Math.max(1, profile.length - 1)) * width;
  const y = (v: number): number => height - ((v - min) / (max - min)) * (height - 4) - 2;
  const path = profile.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <rect x={0} y={0} width={width} height={height} fill="none" stroke="#9e9e9e" />
      <line x1={control * width} x2={control * width} y1={0} y2={height} stroke="#43a047" strokeDasharray="3 3" />
      <line x1={test * width} x2={test * width} y1={0} y2={height} stroke="#e53935" strokeDasharray="3 3" />
      <path d={path} fill="none" stroke="#1e88e5" strokeWidth={1.5} />
    </svg>
  );
}

/** The panel for a 'drugs-strip' result. */
export function StripPanel({ result: raw }: ViewerPanelProps) {
  const { t, format, result } = usePanelResult(StripResultSchema, raw);
  if (!result) return null;
  return (
    <Stack spacing={2} data-testid="drugs-strip-panel">
      <Typography variant="subtitle1">{t('drugs.cassetteHeading', { name: result.cassette, residual: format.fixed(result.calibration.looMean, 2) })}</Typography>
      {result.strips.map((s) => (
        <Stack key={s.drug} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-testid="drugs-strip">
          <Stack sx={{ minWidth: 200 }}>
            <Typography variant="body2">{`${s.drug}: ${t(`drugs.stripResults.${s.result}`)}`}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t('drugs.stripLines', { control: format.fixed(s.control.absorbance, 3), test: format.fixed(s.test.absorbance, 3), ratio: s.intensityRatio === null ? '—' : format.fixed(s.intensityRatio, 2) })}
            </Typography>
          </Stack>
          <ProfilePlot profile={s.profile} control={s.control.position} test={s.test.position} label={t('drugs.profileLabel', { drug: s.drug })} />
        </Stack>
      ))}
      <Typography variant="caption" color="text.secondary">{t('drugs.stripAdvice')}</Typography>
    </Stack>
  );
}
