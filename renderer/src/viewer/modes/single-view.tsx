import { useCallback } from 'react';
import { drawSurface } from '../paint-layers.ts';
import { ViewCanvas } from '../view-canvas.tsx';
import type { ModeProps } from './mode-props.ts';

/** One item on its own, as large as the viewer: pan, zoom and measure on it alone. */
export function SingleView({ a, view, onView, width, height, overlayA, onPick, labelA }: ModeProps) {
  const paint = useCallback<ModeProps['overlayA']>((ctx, v) => {
    drawSurface(ctx, a);
    overlayA(ctx, v);
  }, [a, overlayA]);
  return (
    <div data-testid="viewer-mode-single">
      <ViewCanvas view={view} onView={onView} width={width} height={height} paint={paint} testId="viewer-pane-a" label={labelA} onPick={onPick && ((p) => onPick('a', p))} />
    </div>
  );
}
