import Stack from '@mui/material/Stack';
import { useCallback } from 'react';
import { drawSurface } from '../paint-layers.ts';
import { ViewCanvas } from '../view-canvas.tsx';
import type { ModeProps } from './mode-props.ts';

/** Side by side: A and B each in its own pane, both under the one shared view transform. */
export function SideBySideView({ a, b, view, onView, width, height, overlayA, overlayB, onPick, onHover, labelA, labelB }: ModeProps) {
  const paneWidth = Math.max(1, Math.floor((width - 8) / 2));
  const paintA = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawSurface(ctx, a);
    overlayA(ctx, v);
  }, [a, overlayA]);
  const paintB = useCallback<ModeProps['overlayB']>((ctx, v) => {
    drawSurface(ctx, b);
    overlayB(ctx, v);
  }, [b, overlayB]);
  return (
    <Stack direction="row" spacing={1} data-testid="viewer-mode-side-by-side">
      <ViewCanvas view={view} onView={onView} width={paneWidth} height={height} paint={paintA} testId="viewer-pane-a" label={labelA}
        onPick={onPick && ((p) => onPick('a', p))} onHover={onHover && ((p) => onHover('a', p))} />
      <ViewCanvas view={view} onView={onView} width={paneWidth} height={height} paint={paintB} testId="viewer-pane-b" label={labelB}
        onPick={onPick && ((p) => onPick('b', p))} onHover={onHover && ((p) => onHover('b', p))} />
    </Stack>
  );
}
