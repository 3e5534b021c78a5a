import Box from '@mui/material/Box';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawSurface } from '../paint-layers.ts';
import { ViewCanvas } from '../view-canvas.tsx';
import type { ModeProps } from './mode-props.ts';

/** Overlay (onion skin): B drawn over A, registered onto it, with an opacity slider. */
export function OverlayView({ a, b, alignB, view, onView, width, height, overlayA, onPick, onHover, labelA }: ModeProps) {
  const { t } = useTranslation();
  const [opacity, setOpacity] = useState(0.5);
  const paint = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawSurface(ctx, a);
    ctx.save();
    ctx.globalAlpha = opacity;
    drawSurface(ctx, b, alignB);
    ctx.restore();
    overlayA(ctx, v);
  }, [a, b, alignB, opacity, overlayA]);
  return (
    <Stack spacing={1} data-testid="viewer-mode-overlay">
      <ViewCanvas view={view} onView={onView} width={width} height={height} paint={paint} testId="viewer-pane-a" label={labelA}
        onPick={onPick && ((p) => onPick('a', p))} onHover={onHover && ((p) => onHover('a', p))} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" id="viewer-opacity-label">{t('viewer.opacity')}</Typography>
        <Box sx={{ flex: 1, maxWidth: 320 }}>
          <Slider
            value={opacity}
            min={0}
            max={1}
            step={0.05}
            onChange={(_event, value) => setOpacity(value as number)}
            aria-labelledby="viewer-opacity-label"
            slotProps={{ input: { 'data-testid': 'viewer-opacity' } as React.InputHTMLAttributes<HTMLInputElement> }}
          />
        </Box>
      </Stack>
    </Stack>
  );
}
