/**
 * A drug-test run's photo with what was found drawn over it: the target's sampled patches (green within 2 ΔE2000 after
 * correction, orange otherwise), the wells (cyan circles with their labels), the read windows and a PAD card's regions. The photo is the
 * item's stored thumbnail, so the drawing is scaled from the result's photo pixels to it.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PadCardResultSchema, SpotPlateResultSchema, StripResultSchema, type ModuleResult } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';

/** Props of PhotoView. */
export interface PhotoViewProps {
  readonly result: ModuleResult;
  readonly evidenceId: string | null;
  readonly width: number;
}

/** How wide the photo is drawn in a viewer `width` wide (CSS pixels). */
export const photoWidth = (width: number): number => Math.min(width, 960);

/** The photo with the found patches, wells and windows. */
export function PhotoView({ result, evidenceId, width }: PhotoViewProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!evidenceId) return;
    let live = true;
    let created: string | null = null;
    call(api, 'evidence.thumbnail', { evidenceId }).then(
      ({ png }) => {
        if (!live || !png) return;
        created = URL.createObjectURL(new Blob([png.slice()], { type: 'image/png' }));
        setUrl(created);
      },
      (error: unknown) => console.error(`[dalel] photo of ${evidenceId} unavailable:`, error),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, evidenceId]);

  const spot = SpotPlateResultSchema.safeParse(result);
  const strip = StripResultSchema.safeParse(result);
  const pad = PadCardResultSchema.safeParse(result);
  const photo = spot.success ? spot.data : strip.success ? strip.data : pad.success ? pad.data : null;
  if (!photo) return null;
  const patches = 'calibration' in photo ? photo.calibration.patches : [];
  const shown = photoWidth(width);
  const scale = shown / photo.width;
  const height = photo.height * scale;
  return (
    <Box sx={{ position: 'relative', width: shown, height }} data-testid="drugs-photo">
      {url ? <img src={url} alt={t('drugs.photoAlt', { name: photo.name })} width={shown} height={height} style={{ display: 'block' }} /> : <Typography variant="caption">{t('common.loading')}</Typography>}
      <svg width={shown} height={height} style={{ position: 'absolute', left: 0, top: 0 }} aria-hidden="true">
        {patches.map((p) => (
          <rect key={p.index} x={(p.centre.x - p.sampledSidePx / 2) * scale} y={(p.centre.y - p.sampledSidePx / 2) * scale} width={p.sampledSidePx * scale} height={p.sampledSidePx * scale} fill="none" stroke={p.deltaE <= 2 ? '#2e7d32' : '#ef6c00'} strokeWidth={2} />
        ))}
        {spot.success && spot.data.wells.map((w) => (
          <g key={w.label}>
            <circle cx={w.x * scale} cy={w.y * scale} r={w.radius * scale} fill="none" stroke="#00b8d4" strokeWidth={2} />
            <text x={w.x * scale} y={(w.y - w.radius) * scale - 3} fontSize={11} textAnchor="middle" fill="#00b8d4">{w.label}</text>
          </g>
        ))}
        {strip.success && strip.data.strips.map((s) => (
          <rect key={s.drug} x={s.window.x * scale} y={s.window.y * scale} width={s.window.width * scale} height={s.window.height * scale} fill="none" stroke={s.result === 'invalid' ? '#ef6c00' : '#2e7d32'} strokeWidth={2} />
        ))}
        {pad.success && pad.data.regions.map((r) => (
          <polygon key={`${r.lane}${r.region}`} points={r.corners.map(([x, y]) => `${x * scale},${y * scale}`).join(' ')} fill="none" stroke="#00b8d4" strokeWidth={1} />
        ))}
      </svg>
    </Box>
  );
}
